using System.Globalization;
using System.Text.RegularExpressions;

namespace KetamineCds.Fhir;

/// <summary>
/// A FHIR date or dateTime as the span of days it may stand for: <c>1980</c> is any day of 1980, <c>2026-11-03</c>
/// (or <c>2026-11-03T14:05:00+01:00</c>) is that day as written, in the recorder's own time zone.
/// </summary>
internal readonly record struct DaySpan(DateOnly Earliest, DateOnly Latest)
{
    private static readonly Regex Pattern = new(@"^(?<y>\d{4})(-(?<m>\d{2})(-(?<d>\d{2}))?)?(T.*)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static DaySpan? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var match = Pattern.Match(value.Trim());
        if (!match.Success)
            return null;

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
            return null;
        if (!match.Groups["m"].Success)
            return new DaySpan(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
            return null;
        var lastDay = DateTime.DaysInMonth(year, month);
        if (!match.Groups["d"].Success)
            return new DaySpan(new DateOnly(year, month, 1), new DateOnly(year, month, lastDay));

        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > lastDay)
            return null;
        var date = new DateOnly(year, month, day);
        return new DaySpan(date, date);
    }

    /// <summary>True when the whole span lies within the <paramref name="days"/> days up to and including today.</summary>
    public bool CertainlyWithin(DateOnly today, int days) => Earliest >= today.AddDays(-days) && Latest <= today;

    /// <summary>
    /// Full years from <paramref name="birth"/> to <paramref name="on"/>: the new year of age begins on the birthday, and
    /// for a 29 February birth in a common year on 1 March (as in the United Kingdom and Hong Kong; others count it from 28
    /// February: <see cref="IsLeapDayBirthdayEve"/>).
    /// </summary>
    public static int YearsBetween(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
            years--;
        return years;
    }

    /// <summary>
    /// True on 28 February of a common year after a 29 February <paramref name="birth"/>: the one day on which the two
    /// readings of such a birthday (from 28 February, or from 1 March as <see cref="YearsBetween"/> counts) give
    /// different ages, <see cref="YearsBetween"/>'s and one more.
    /// </summary>
    public static bool IsLeapDayBirthdayEve(DateOnly birth, DateOnly on) =>
        birth is { Month: 2, Day: 29 } && on is { Month: 2, Day: 28 } && on.Year > birth.Year && !DateTime.IsLeapYear(on.Year);

    /// <summary>
    /// The ages in full years a patient born on some day of this span could have on <paramref name="on"/>, the youngest
    /// and the oldest (the same for a full date, on most days), or null when the span begins after that day. A 29 February
    /// birth gives both readings' ages on 28 February of a common year (<see cref="IsLeapDayBirthdayEve"/>).
    /// </summary>
    public (int Youngest, int Oldest)? AgesOn(DateOnly on)
    {
        if (Earliest > on)
            return null;
        var oldest = YearsBetween(Earliest, on);
        if (IsLeapDayBirthdayEve(Earliest, on))
            oldest++;
        return (YearsBetween(Latest > on ? on : Latest, on), oldest);
    }
}
