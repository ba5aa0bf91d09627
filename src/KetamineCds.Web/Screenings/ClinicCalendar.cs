using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The clinic's days. An answer that holds for a number of days (<see cref="Domain.Screening.FieldDefinition.CurrentForDays"/>:
/// today's blood pressure, suicidality now, a current medicine) is counted in the days the clinic lives by, not in UTC's:
/// in a clinic at UTC+8 a blood pressure taken at 08:30 on Monday and a re-screen at 07:00 on Tuesday fall on one UTC day,
/// and the Monday reading must not be carried as Tuesday's.
/// </summary>
public sealed class ClinicCalendar(TimeProvider clock, IOptions<ClinicOptions> options)
{
    private readonly TimeZoneInfo _zone = Find(options.Value.TimeZone) ?? throw new InvalidOperationException(Unknown(options.Value.TimeZone));

    /// <summary>The clinic's time zone (<c>Clinic:TimeZone</c>).</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>Today, in the clinic's time zone.</summary>
    public DateOnly Today => DayOf(clock.GetUtcNow());

    /// <summary>The clinic's day at <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>
    /// The moment (UTC) the clinic's <paramref name="day"/> begins: its midnight in the clinic's zone, or, where a clock
    /// change skips midnight, the first moment of the day that exists. The auditor's date filters are the clinic's days,
    /// as the times the pages show are the clinic's.
    /// </summary>
    public DateTime StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, _zone);
    }

    /// <summary>The time zone named by <paramref name="id"/>, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The start-up message for a time zone this machine does not know.</summary>
    public static string Unknown(string? id) =>
        $"Clinic:TimeZone '{id}' is not a time zone this machine knows. Give an IANA id such as Europe/London, Asia/Shanghai or America/New_York (default UTC).";
}
