using System.Globalization;
using System.Text.RegularExpressions;

namespace KetamineCds.Samples.CdsHooks;

/// <summary>
/// The sample requests in samples/cds-hooks/requests describe a chart as it stood on <see cref="AsOf"/>: the blood
/// pressure taken that morning, the PHQ-9 four days before, the diagnoses months earlier. Sent on another day, every
/// full date in a request moves by the same number of days, so that the chart reads as written: today's blood pressure is
/// today's, a recent score is as recent, and ages stay the same. Without this, a sample sent a day later would show a
/// blood pressure that no longer counts.
/// </summary>
public static partial class SampleDates
{
    /// <summary>The day the samples were written for.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 28);

    /// <summary>The request with every full date (<c>yyyy-MM-dd</c>, alone or starting a date-time) moved so that <see cref="AsOf"/> becomes <paramref name="today"/>.</summary>
    public static string MovedTo(string json, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(json);
        var days = today.DayNumber - AsOf.DayNumber;
        return days == 0
            ? json
            : FullDate().Replace(json, m => DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The request moved to today's date in UTC, the day the service reads the chart on.</summary>
    public static string MovedToToday(string json) => MovedTo(json, DateOnly.FromDateTime(DateTime.UtcNow));

    [GeneratedRegex("""(?<=")\d{4}-\d{2}-\d{2}(?=["T])""")]
    private static partial Regex FullDate();
}
