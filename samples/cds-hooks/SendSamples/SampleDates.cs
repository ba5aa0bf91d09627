using System.Globalization;
using System.Text.RegularExpressions;

namespace KetamineCds.Samples.CdsHooks;

/// <summary>
/// The sample requests in samples/cds-hooks/requests describe a chart as it stood at <see cref="WrittenAt"/>: the blood
/// pressure taken that morning, the PHQ-9 four days before, the diagnoses months earlier. Sent at another moment, the
/// chart moves with it, so that it reads as written: a date-time with its UTC offset (a reading) moves by exactly the time
/// since <see cref="WrittenAt"/>, so it lies as long before the call as it lay before <see cref="WrittenAt"/> (the
/// morning's blood pressure 35 minutes before, never in the future, which the service does not read), except that a
/// reading of that morning never falls on the day before the call's UTC date (sent at 00:10 UTC, the blood pressure was
/// taken at 00:00 UTC, so that a clinic on UTC reads it as today's); a date alone (a
/// birth date, a diagnosis, a score's day) moves by the days from <see cref="AsOf"/> to the call's UTC date, so that ages
/// stay the same and a recent score is as recent. Without this, a sample sent a day later would show a blood pressure that
/// no longer counts; moved to the call's date at its written time of day (08:40 at UTC-5), it lay in the future before
/// 13:40 UTC and was not read (QA121).
/// </summary>
public static partial class SampleDates
{
    /// <summary>The moment the samples were written for: 5 minutes after their latest reading (09:10 at UTC-5).</summary>
    public static readonly DateTimeOffset WrittenAt = new(2026, 11, 28, 9, 15, 0, TimeSpan.FromHours(-5));

    /// <summary>The day the samples were written for (<see cref="WrittenAt"/>'s date).</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 28);

    /// <summary>
    /// The request as if sent at <paramref name="now"/>: every date-time with a UTC offset moved by the time since
    /// <see cref="WrittenAt"/> (written in its own offset), every other full date (<c>yyyy-MM-dd</c>, alone or starting a
    /// date-time without an offset) by the days from <see cref="AsOf"/> to <paramref name="now"/>'s UTC date.
    /// </summary>
    public static string MovedTo(string json, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(json);
        var shift = now - WrittenAt;
        var days = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - AsOf.DayNumber;
        if (shift == TimeSpan.Zero && days == 0)
        {
            return json;
        }

        var moved = DateTimeWithOffset().Replace(json, m =>
        {
            var written = DateTimeOffset.Parse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.None);
            var at = written.Add(shift);
            // A reading of the day the samples were written for stays on the call's UTC date: in the first minutes of a
            // UTC day it is taken at the day's first moment, not on the day before (still before the call, never after).
            var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            if (written.UtcDateTime.Date == WrittenAt.UtcDateTime.Date && at < dayStart)
            {
                at = dayStart.ToOffset(at.Offset);
            }

            var offset = m.Groups["offset"].Value;
            return at.ToString(m.Groups["fraction"].Success ? "yyyy-MM-ddTHH:mm:ss.fff" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
                + (offset == "Z" ? "Z" : at.ToString("zzz", CultureInfo.InvariantCulture));
        });
        return FullDate().Replace(moved, m => DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The request as if sent now (<see cref="MovedTo"/>): nothing in it lies in the future.</summary>
    public static string MovedToNow(string json) => MovedTo(json, DateTimeOffset.UtcNow);

    /// <summary>A date-time with seconds and a UTC offset (<c>Z</c> or <c>±hh:mm</c>), as a FHIR <c>dateTime</c> with a time carries.</summary>
    [GeneratedRegex("""(?<=")\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?<fraction>\.\d{1,7})?(?<offset>Z|[+-]\d{2}:\d{2})(?=")""")]
    private static partial Regex DateTimeWithOffset();

    /// <summary>A full date not followed by a time with an offset (those are moved first, and then start with the moved date).</summary>
    [GeneratedRegex("""(?<=")\d{4}-\d{2}-\d{2}(?=["T])(?!T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})")""")]
    private static partial Regex FullDate();
}
