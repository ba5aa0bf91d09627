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
/// The moments of the Observations the call's values were read from, by the reference the FHIR reader names them with in
/// <see cref="Fhir.FhirReading.Sources"/> (<c>Observation/123</c>, else the entry's <c>fullUrl</c>): taken from the
/// reading itself (<see cref="Fhir.FhirReading.ReadFrom"/>, each source's <see cref="Fhir.FhirMoment"/>), so the
/// prefetch is walked and its dates parsed once, by the reader. Only the clinic's days are placed here: a date without a
/// time spans its clinic days, from the first moment of its first to the last of its last.
/// </summary>
public static class ChartMoments
{
    public static IReadOnlyDictionary<string, ChartMoment> Of(Fhir.FhirReading reading, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(calendar);
        var moments = new Dictionary<string, ChartMoment>(StringComparer.Ordinal);
        foreach (var source in reading.ReadFrom.Values.SelectMany(s => s))
        {
            if (source.Moment is { } moment && Of(moment, calendar) is { } chartMoment)
            {
                // One entry is one moment, whichever field it gave a value to.
                moments.TryAdd(source.Reference, chartMoment);
            }
        }

        return moments;
    }

    /// <summary>
    /// The reader's moment as instants: with a time, that instant; a day, month or year alone, from the first moment of its
    /// first clinic day to the last of its last. Null at the ends of the calendar, which have no clinic day after them (the
    /// reader reads no such date as a recent one).
    /// </summary>
    public static ChartMoment? Of(Fhir.FhirMoment moment, ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(calendar);
        if (moment.Instant is { } at)
        {
            return new ChartMoment(at, at, Exact: true, moment.Written);
        }

        if (moment.FirstDay.Year < 2 || moment.LastDay.Year > 9998)
        {
            return null;
        }

        var earliest = new DateTimeOffset(calendar.StartOf(moment.FirstDay), TimeSpan.Zero);
        var latest = new DateTimeOffset(calendar.StartOf(moment.LastDay.AddDays(1)), TimeSpan.Zero).AddTicks(-1);
        return new ChartMoment(earliest, latest, Exact: false, moment.Written);
    }
}
