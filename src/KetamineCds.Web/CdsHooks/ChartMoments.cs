using System.Globalization;
using System.Text.Json;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// When a chart Observation was taken, as the FHIR gave it (QA120 F2): the earliest and latest instant its
/// <c>effective[x]</c> allows (one instant for a date and time; the whole clinic day for a date without a time), and the
/// text it was written as. A measurement describes its moment, so the chart's and a clinician's screening's readings are
/// ordered by it.
/// </summary>
/// <param name="Earliest">The first instant the observation may have been taken.</param>
/// <param name="Latest">The last instant the observation may have been taken.</param>
/// <param name="Exact">True when the FHIR gave a time, not only a day (or month, or year).</param>
/// <param name="Written">The FHIR date or dateTime as sent (<c>2026-11-18</c>), as the log keeps it.</param>
public sealed record ChartMoment(DateTimeOffset Earliest, DateTimeOffset Latest, bool Exact, string Written)
{
    /// <summary>Several observations read as one value (a blood pressure from two): the span that covers them all.</summary>
    public static ChartMoment? Covering(IEnumerable<ChartMoment?> moments)
    {
        ChartMoment? covering = null;
        foreach (var moment in moments)
        {
            if (moment is null)
            {
                return null;
            }

            covering = covering is null
                ? moment
                : new ChartMoment(
                    Min(covering.Earliest, moment.Earliest),
                    Max(covering.Latest, moment.Latest),
                    covering.Exact && moment.Exact && covering.Earliest == moment.Earliest,
                    covering.Written == moment.Written ? covering.Written : covering.Written + ", " + moment.Written);
        }

        return covering;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}

/// <summary>
/// The moments of the call's Observations by the reference the FHIR reader names them with in
/// <see cref="Fhir.FhirReading.Sources"/> (<c>Observation/123</c>, else the entry's <c>fullUrl</c>): read from the prefetch
/// as sent, every resource and nested Bundle walked as the reader walks them. The reader has already refused anything
/// that is not valid FHIR R4, so this only looks for the effective time.
/// </summary>
public static class ChartMoments
{
    private const int MaxBundleDepth = 8;

    public static IReadOnlyDictionary<string, ChartMoment> Of(IEnumerable<KeyValuePair<string, JsonElement>> prefetch, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        ArgumentNullException.ThrowIfNull(calendar);
        var moments = new Dictionary<string, ChartMoment>(StringComparer.Ordinal);
        foreach (var item in prefetch)
        {
            Walk(item.Value, fullUrl: null, depth: 0, moments, calendar);
        }

        return moments;
    }

    private static void Walk(JsonElement element, string? fullUrl, int depth, Dictionary<string, ChartMoment> moments, ClinicCalendar calendar)
    {
        if (depth > MaxBundleDepth || element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return;
        }

        if (type.GetString() == "Bundle")
        {
            if (!element.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource))
                {
                    var url = entry.TryGetProperty("fullUrl", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                    Walk(resource, url, depth + 1, moments, calendar);
                }
            }

            return;
        }

        if (type.GetString() != "Observation")
        {
            return;
        }

        var id = element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var reference = !string.IsNullOrEmpty(id) ? "Observation/" + id : !string.IsNullOrEmpty(fullUrl) ? fullUrl : "Observation/(no id)";
        if (Effective(element) is { } written && Parse(written, calendar) is { } moment)
        {
            // The first of two resources with one id, as the reader's own order of the Bundle keeps it.
            moments.TryAdd(reference, moment);
        }
    }

    private static string? Effective(JsonElement observation)
    {
        foreach (var name in new[] { "effectiveDateTime", "effectiveInstant" })
        {
            if (observation.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return observation.TryGetProperty("effectivePeriod", out var period) && period.ValueKind == JsonValueKind.Object
            && period.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.String
            ? start.GetString()
            : null;
    }

    /// <summary>
    /// A FHIR date or dateTime: with a time, that instant (FHIR requires its offset; one without is read as UTC, as the
    /// reader reads it); a day, month or year alone, from the first moment of its first clinic day to the last of its last.
    /// </summary>
    public static ChartMoment? Parse(string written, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (string.IsNullOrEmpty(written))
        {
            return null;
        }

        if (written.Contains('T', StringComparison.Ordinal))
        {
            return DateTimeOffset.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? new ChartMoment(at, at, Exact: true, written)
                : null;
        }

        (DateOnly First, DateOnly Last)? days = written.Length switch
        {
            10 when DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => (day, day),
            7 when DateOnly.TryParseExact(written + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) => (month, month.AddMonths(1).AddDays(-1)),
            4 when DateOnly.TryParseExact(written + "-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year) => (year, year.AddYears(1).AddDays(-1)),
            _ => null,
        };
        // The ends of the calendar have no clinic day after them (the reader reads no such date as a recent one).
        if (days is not { } span || span.First.Year < 2 || span.Last.Year > 9998)
        {
            return null;
        }

        var earliest = new DateTimeOffset(calendar.StartOf(span.First), TimeSpan.Zero);
        var latest = new DateTimeOffset(calendar.StartOf(span.Last.AddDays(1)), TimeSpan.Zero).AddTicks(-1);
        return new ChartMoment(earliest, latest, Exact: false, written);
    }
}
