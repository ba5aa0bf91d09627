using System.Globalization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Dates and times as a person reads them on the pages, the print and the CDS Hooks cards (QA8 F10): an instant in the
/// clinic's time zone (<see cref="ClinicCalendar.Zone"/>, the one source of the zone), with its offset from UTC named, so
/// that the day a person reads is the day the clinic's rules counted ("today" for the answers that hold only on the day
/// they were recorded) and the instant stays unambiguous: "2026-11-28 23:48 UTC-06:00" in Chicago. Where the offset is
/// zero it reads as it always did: "2026-11-29 05:48 UTC". Machine-readable output (API JSON, CSV exports, FHIR, logs,
/// a time element's <c>datetime</c>) stays in UTC ISO 8601 and does not use this.
/// </summary>
public sealed class ClinicTime(ClinicCalendar calendar)
{
    /// <summary>The clinic's time zone as configured (<c>Clinic:TimeZone</c>), e.g. <c>America/Chicago</c> or <c>UTC</c>.</summary>
    public string ZoneName => calendar.Zone.Id;

    /// <summary>Today, the clinic's day.</summary>
    public DateOnly Today => calendar.Today;

    /// <summary>The clinic's day at <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => calendar.DayOf(instant);

    /// <summary>The clinic's date and time to the minute: "2026-11-28 23:48 UTC-06:00".</summary>
    public string At(DateTimeOffset instant) => Format(instant, "yyyy-MM-dd HH:mm");

    /// <summary>The clinic's date and time to the second: "2026-11-28 23:48:05 UTC-06:00" (lists and log tables).</summary>
    public string AtSeconds(DateTimeOffset instant) => Format(instant, "yyyy-MM-dd HH:mm:ss");

    /// <summary>The clinic's date and time to the microsecond, as the log holds it: "2026-11-28 23:48:05.123456 UTC-06:00".</summary>
    public string AtPrecise(DateTimeOffset instant) => Format(instant, "yyyy-MM-dd HH:mm:ss.ffffff");

    /// <summary>The clinic's time of day: "00:05 UTC-06:00" (the end of a 15-minute lock).</summary>
    public string TimeOfDay(DateTimeOffset instant) => Format(instant, "HH:mm");

    /// <summary>A clinic's day as the pages write it: "2026-11-28".</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The offset named after a clinic time: "UTC" where it is zero, else "UTC+08:00" or "UTC-06:00".</summary>
    public static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private string Format(DateTimeOffset instant, string pattern)
    {
        var local = Local(instant);
        return local.ToString(pattern, CultureInfo.InvariantCulture) + " " + Offset(local.Offset);
    }

    /// <summary>The instant in the clinic's zone; in UTC at the ends of the calendar, where the zone's offset cannot be added.</summary>
    private DateTimeOffset Local(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var offset = calendar.Zone.GetUtcOffset(utc);
        var ticks = utc.UtcTicks + offset.Ticks;
        return ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks ? utc : TimeZoneInfo.ConvertTime(utc, calendar.Zone);
    }
}
