namespace KetamineCds.Fhir;

/// <summary>
/// One chart entry a value was read from: the reference the reader names it by (<c>Observation/123</c>, else the Bundle
/// entry's <c>fullUrl</c>), and, for an Observation, when it was taken (<see cref="Moment"/>).
/// </summary>
/// <param name="Reference">The entry, as <see cref="FhirReading.Sources"/> and the chart checks name it.</param>
public sealed record FhirSource(string Reference)
{
    /// <summary>When the entry says it was taken (an Observation's <c>effective[x]</c>), or null: other resources have none here.</summary>
    public FhirMoment? Moment { get; init; }
}

/// <summary>
/// When an Observation was taken, as the reader read it (QA120 F2, F5): its <c>effective[x]</c> as the FHIR wrote it,
/// the instant where it gave a time, and the days it may stand for. A measurement describes its moment, so a chart's
/// reading and a clinician's are ordered by it; the log keeps it beside the value it gave.
/// </summary>
/// <param name="Written">The FHIR date or dateTime as sent (<c>2026-11-18</c>, <c>2026-11-30T14:05:00+08:00</c>).</param>
/// <param name="Instant">The instant when the FHIR gave a time (with the offset FHIR requires); null for a date alone.</param>
/// <param name="FirstDay">The first day it may stand for: the clinic's day of <see cref="Instant"/>, else the first day of the date as written.</param>
/// <param name="LastDay">The last day it may stand for (the same day, or the end of a month or year given alone).</param>
public sealed record FhirMoment(string Written, DateTimeOffset? Instant, DateOnly FirstDay, DateOnly LastDay);
