using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// Observations that count: final, amended or corrected (never preliminary, cancelled or entered-in-error), with their
/// effective day. A preliminary, registered or unknown one is not final: it is named for the clinician to check where
/// it would be read were it final (QA13 M4), never read as a value.
/// </summary>
internal static class Observations
{
    public static bool Counts(Observation observation) => observation.Status is ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected;

    /// <summary>Preliminary, registered (no result yet) or of unknown status: a result that may stand, not yet one to read.</summary>
    public static bool NotFinal(Observation observation) => observation.Status is ObservationStatus.Preliminary or ObservationStatus.Registered or ObservationStatus.Unknown;

    /// <summary>
    /// Names for the clinician to check, beside <paramref name="field"/>, the not-final observations among
    /// <paramref name="candidates"/> taken after <paramref name="after"/> (the answer's own observation; none: all), and
    /// says whether there were any: an answer a newer, not yet final result may overturn is not recorded.
    /// </summary>
    public static bool CheckNotFinal(string field, IEnumerable<Sourced<Observation>> candidates, DateTimeOffset? after, ReadingBuilder reading)
    {
        var newer = candidates.Where(o => NotFinal(o.Resource) && (after is null || When(o.Resource) > after)).ToArray();
        foreach (var (observation, reference) in newer)
            reading.Check(field, ChartCheckKind.ResultNotFinal, reference, ChartWords.Of(observation.Code));
        return newer.Length > 0;
    }

    /// <summary>
    /// The effective day (effectiveDateTime, effectivePeriod.start or effectiveInstant) as the clinic's day
    /// (<see cref="PatientRecord.DaysOf"/>); null when there is none or it lies in the future.
    /// </summary>
    public static DaySpan? DayOf(Observation observation, PatientRecord record) => observation.Effective switch
    {
        Instant { Value: { } instant } => record.DaysOf(null, instant),
        FhirDateTime dateTime => record.DaysOf(dateTime.Value),
        Period period => record.DaysOf(period.Start),
        _ => null,
    };

    /// <summary>A sort key for "most recent": the effective instant where it parses, else the latest day.</summary>
    public static DateTimeOffset When(Observation observation)
    {
        var text = observation.Effective switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Period period => period.Start,
            _ => null,
        };
        if (observation.Effective is Instant { Value: { } value })
            return value;
        if (text is not null && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        return DaySpan.Parse(text) is { } day ? new DateTimeOffset(day.Latest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
    }

    public static bool HasCode(ValueSet valueSet, CodeableConcept? code, string role) =>
        Codes.Matches(valueSet, code).Any(e => e.Value == role || (role.Length == 0 && e.Value is null));

    /// <summary>A whole-number score: valueInteger, or a valueQuantity without a unit (or unit "{score}") that is whole.</summary>
    public static int? WholeNumberOf(DataType? value) => value switch
    {
        Integer { Value: { } i } => i,
        Quantity { Value: { } q } quantity when IsScoreUnit(quantity) && q == decimal.Truncate(q) => (int)q,
        _ => null,
    };

    private static bool IsScoreUnit(Quantity quantity) =>
        string.IsNullOrEmpty(quantity.Code) ? string.IsNullOrEmpty(quantity.Unit) || quantity.Unit is "{score}" or "score"
        : quantity.Code is "{score}" or "1";

    /// <summary>A pressure in mmHg (UCUM mm[Hg], or unit text mmHg), rounded to a whole number.</summary>
    public static int? MillimetresOfMercury(DataType? value) => value switch
    {
        Quantity { Value: { } q } quantity when quantity.Code == "mm[Hg]" || (string.IsNullOrEmpty(quantity.Code) && quantity.Unit is "mmHg" or "mm[Hg]") =>
            (int)Math.Round(q, MidpointRounding.AwayFromZero),
        _ => null,
    };
}

/// <summary>
/// A whole-number score (PHQ-9 total, item 9): the most recent counting Observation coded in the value set, effective
/// within <paramref name="windowDays"/> days up to today, whose value is a whole number in the field's range. An
/// answer of 0 is a recorded value. A score within the window that is not final (preliminary, registered, unknown) and
/// later than that one, or the only one, leaves the field not recorded and is named for the clinician to check: a
/// preliminary item 9 of 3 after a final 0 must not vanish behind the 0.
/// </summary>
internal sealed class ObservationScore(int windowDays) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var inWindow = record.Observations
            .Where(o => Codes.Matches(valueSet, o.Resource.Code).Count > 0)
            .Where(o => Observations.DayOf(o.Resource, record) is { } day && day.CertainlyWithin(record.Today, windowDays))
            .ToArray();
        var latest = inWindow
            .Where(o => Observations.Counts(o.Resource))
            .Select(o => (o.Reference, When: Observations.When(o.Resource), Score: Observations.WholeNumberOf(o.Resource.Value)))
            .Where(o => o.Score is { } s && (field.Min is null || s >= field.Min) && (field.Max is null || s <= field.Max))
            .OrderByDescending(o => o.When)
            .FirstOrDefault();
        if (!Observations.CheckNotFinal(field.Name, inWindow, latest.Reference is null ? null : latest.When, reading) && latest.Reference is not null)
            reading.Record(field.Name, latest.Score!.Value, [latest.Reference]);
    }
}

/// <summary>
/// Today's blood pressure, systolic and diastolic together (both or neither): from the most recent counting panel
/// (85354-9) with both components, or a systolic and a diastolic Observation with the same effective time, taken on
/// the screening's day. Each field reads its half of the same pair; values outside the contract's range are not read.
/// A blood pressure taken today that is not final (preliminary, registered, unknown) and later than the pair, or today's
/// only one, leaves the field not recorded and is named for the clinician to check.
/// </summary>
internal sealed class BloodPressure(bool systolic) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var pair = Latest(valueSet, record);
        var notFinal = record.Observations.Where(o => IsToday(o.Resource, record)
            && (Observations.HasCode(valueSet, o.Resource.Code, "panel") || Observations.HasCode(valueSet, o.Resource.Code, "systolic") || Observations.HasCode(valueSet, o.Resource.Code, "diastolic")));
        if (Observations.CheckNotFinal(field.Name, notFinal, pair?.When, reading) || pair is not { } latest)
            return;
        var value = systolic ? latest.Systolic : latest.Diastolic;
        if ((field.Min is null || value >= field.Min) && (field.Max is null || value <= field.Max) && latest.Systolic > latest.Diastolic)
            reading.Record(field.Name, value, latest.References);
    }

    private static bool IsToday(Observation observation, PatientRecord record) =>
        Observations.DayOf(observation, record) is { } day && day.Earliest == record.Today && day.Latest == record.Today;

    internal static (DateTimeOffset When, int Systolic, int Diastolic, string[] References)? Latest(ValueSet valueSet, PatientRecord record)
    {
        var today = record.Observations
            .Where(o => Observations.Counts(o.Resource) && IsToday(o.Resource, record))
            .ToArray();
        var candidates = new List<(DateTimeOffset When, int Systolic, int Diastolic, string[] References)>();

        foreach (var (observation, reference) in today.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "panel")))
        {
            var sys = observation.Component.Where(c => Observations.HasCode(valueSet, c.Code, "systolic")).Select(c => Observations.MillimetresOfMercury(c.Value)).FirstOrDefault();
            var dia = observation.Component.Where(c => Observations.HasCode(valueSet, c.Code, "diastolic")).Select(c => Observations.MillimetresOfMercury(c.Value)).FirstOrDefault();
            if (sys is { } s && dia is { } d)
                candidates.Add((Observations.When(observation), s, d, [reference]));
        }

        var systolics = today.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "systolic")).ToArray();
        var diastolics = today.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "diastolic")).ToArray();
        foreach (var (sysObservation, sysReference) in systolics)
        {
            var when = Observations.When(sysObservation);
            var partner = diastolics.FirstOrDefault(d => Observations.When(d.Resource) == when);
            if (partner is not null && Observations.MillimetresOfMercury(sysObservation.Value) is { } s && Observations.MillimetresOfMercury(partner.Resource.Value) is { } d)
                candidates.Add((when, s, d, [sysReference, partner.Reference]));
        }

        if (candidates.Count == 0)
            return null;
        return candidates.OrderByDescending(c => c.When).First();
    }
}

/// <summary>
/// pregnant: the most recent counting pregnancy status Observation within <paramref name="windowDays"/> days whose
/// answer is coded: "pregnant" records true, "not pregnant" false; "unknown" or an older one leaves it not recorded.
/// A pregnancy status within the window that is not final (preliminary, registered, unknown) and later than that one,
/// or the only one, leaves the field not recorded and is named for the clinician to check, whatever its answer.
/// </summary>
internal sealed class PregnancyStatus(int windowDays) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var inWindow = record.Observations
            .Where(o => Observations.HasCode(valueSet, o.Resource.Code, "question"))
            .Where(o => Observations.DayOf(o.Resource, record) is { } day && day.CertainlyWithin(record.Today, windowDays))
            .ToArray();
        var latest = inWindow
            .Where(o => Observations.Counts(o.Resource))
            .Select(o => (o.Reference, When: Observations.When(o.Resource), Answer: Answer(valueSet, o.Resource.Value)))
            .Where(o => o.Answer is not null)
            .OrderByDescending(o => o.When)
            .FirstOrDefault();
        if (!Observations.CheckNotFinal(field.Name, inWindow, latest.Reference is null ? null : latest.When, reading) && latest.Reference is not null)
            reading.Record(field.Name, latest.Answer!.Value, [latest.Reference]);
    }

    private static bool? Answer(ValueSet valueSet, DataType? value)
    {
        var answers = Codes.Matches(valueSet, value as CodeableConcept).Select(e => e.Value).Distinct(StringComparer.Ordinal).ToArray();
        return answers switch
        {
            ["pregnant"] => true,
            ["not-pregnant"] => false,
            _ => null,
        };
    }
}
