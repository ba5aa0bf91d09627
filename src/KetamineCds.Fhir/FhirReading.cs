namespace KetamineCds.Fhir;

/// <summary>
/// What an EHR's FHIR data says about a screening: the contract values it decides (wire name to contract value:
/// string, bool, int, decimal or string list) and, for each, the resources it was read from. A field the data does
/// not decide is absent: not recorded, never "no".
/// </summary>
/// <param name="Values">Contract field name to contract value, only for the fields the FHIR data decides.</param>
/// <param name="Sources">Contract field name to the resources (<c>Condition/123</c>) that decided it.</param>
public sealed record FhirReading(IReadOnlyDictionary<string, object> Values, IReadOnlyDictionary<string, IReadOnlyList<string>> Sources)
{
    /// <summary>
    /// Chart entries about fields the data does not decide that the reader cannot read as an answer but that may mean
    /// yes (an unconfirmed Condition, one with no clinical status or no onset that places it, a medicine on hold or only
    /// proposed, a preliminary result, an allergy named only in words, a psychotic-disorder diagnosis;
    /// <see cref="ChartCheckKind"/>): named for the clinician to check, never read as yes or no. Only for fields absent
    /// from <see cref="Values"/>, except an entry whose subject does not show it is this patient's that gives a more
    /// cautious answer than the value read (<see cref="ChartCheckKind.SubjectNotShown"/>, helper 200), named beside it.
    /// </summary>
    public IReadOnlyList<ChartEntryToCheck> ToCheck { get; init; } = [];

    /// <summary>
    /// Contract field name to the entries that decided it (the same entries as <see cref="Sources"/>, in the same order),
    /// each with when it was taken where the entry says so (an Observation's <c>effective[x]</c>,
    /// <see cref="FhirSource.Moment"/>): what the decision log keeps beside each value read (QA120 F5), and what orders a
    /// chart's measurement against a clinician's (QA120 F2), without reading the FHIR again.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FhirSource>> ReadFrom { get; init; } = new Dictionary<string, IReadOnlyList<FhirSource>>(StringComparer.Ordinal);

    /// <summary>
    /// Values the chart gives that contradict each other (<see cref="ChartCheckKind.ResultsContradict"/>: PHQ-9 item 9
    /// above the total, or too low for it, QA157 F2), by contract field name, with the entries they were read from: neither is in <see cref="Values"/>
    /// (never read as an answer, never prefilled), and each is named in <see cref="ToCheck"/>. Kept so that a signal one
    /// of them gives (a positive item 9) is still shown (QA132 F4).
    /// </summary>
    public IReadOnlyDictionary<string, FhirValue> Contradicting { get; init; } = new Dictionary<string, FhirValue>(StringComparer.Ordinal);

    /// <summary>
    /// The value the chart gives for <paramref name="field"/> and the entries it was read from: from <see cref="Values"/>,
    /// else from <see cref="Contradicting"/>; null when the chart gives none.
    /// </summary>
    public FhirValue? InChart(string field) =>
        Values.TryGetValue(field, out var value) ? new FhirValue(value, ReadFrom.GetValueOrDefault(field) ?? [])
        : Contradicting.GetValueOrDefault(field);

    /// <summary>
    /// The values in <see cref="Values"/> read from a chart value with a fraction, rounded to the contract's whole number:
    /// a blood pressure, rounded up (140.4 mmHg is read as 141; <c>Observations.MillimetresOfMercury</c>), each with the
    /// value as the chart gave it and its entry, so that the card and the form show both and never hide the rounding.
    /// </summary>
    public IReadOnlyList<RoundedValue> Rounded { get; init; } = [];

    /// <summary>
    /// Helper 218: for the PHQ-9 total when the chart gives none (none read, and no entry named beside it), the answers to
    /// its items taken within the days it reads for which the chart gives no total, each as it would be named
    /// (<see cref="ChartCheckKind.ItemWithoutTotal"/>, or <see cref="ChartCheckKind.ResultNotFinal"/> for one not final)
    /// with when it was taken. Not in <see cref="ToCheck"/>: the total is not recorded whatever they say. Kept for a caller
    /// that would fill the total from elsewhere (an earlier screening completing the chart): a total recorded before such
    /// an item was taken may be of an older administration, so it is not current, and the item is named instead, as a
    /// total the chart gives before a later item is not read (helper 214).
    /// </summary>
    public IReadOnlyList<HeldEntryToCheck> ItemsWithoutTotal { get; init; } = [];

    /// <summary>
    /// Helper 223: for PHQ-9 item 9 (the part of the PHQ-9 total, <see cref="Domain.Screening.FieldDefinition.OtherPartsAtMost"/>)
    /// when the chart gives none (none read, and no entry named beside it), the questionnaire's other results (a total,
    /// another item's answer, a panel without item 9), final or not final, whenever taken, each as it would be named
    /// beside item 9 (<see cref="ChartCheckKind.ItemWithoutTotal"/>, or <see cref="ChartCheckKind.ResultNotFinal"/>) with
    /// the moment by which it was taken (null when nothing bounds it). Not in <see cref="ToCheck"/>: item 9 is not recorded
    /// whatever they say. Kept for a caller that would fill item 9 from elsewhere (an earlier screening completing the
    /// chart): an answer recorded before such a result was taken may be of an older administration, so it is not current,
    /// and the result is named instead (an old "0" is never put beside a newer questionnaire).
    /// </summary>
    public IReadOnlyList<HeldEntryToCheck> ResultsWithoutPart { get; init; } = [];

    /// <summary>The id of the data's Patient resource (the prefetch holds at most one), or null when it holds none.</summary>
    public string? PatientId { get; init; }

    /// <summary>
    /// Helper 258: the Patient's birth date as the chart gives it (possibly year-only or year-month), with its entry; null
    /// when the data holds no Patient, or Patients whose birth dates differ, or one that cannot be read. Kept so that an
    /// age recorded elsewhere on another day (a clinician's screening completing the chart) can be checked against it.
    /// </summary>
    public ChartBirthDate? BirthDate { get; init; }
}

/// <summary>
/// A Patient's <c>birthDate</c> as written (<c>1985</c>, <c>1985-06</c>, <c>1985-06-14</c>) and the span of days it may
/// stand for, with the entry it was read from (<c>Patient/p1</c>).
/// </summary>
/// <param name="Written">The birth date as the chart wrote it.</param>
/// <param name="Reference">The Patient entry.</param>
/// <param name="Earliest">The first day it may stand for.</param>
/// <param name="Latest">The last day it may stand for.</param>
public sealed record ChartBirthDate(string Written, string Reference, DateOnly Earliest, DateOnly Latest)
{
    /// <summary>
    /// The year of the birth date (<c>1996</c>), as the decision log keeps a Patient's birth date (QA14a P9: the full date
    /// is a direct identifier): what the "Same patient?" card and the log's <c>identity</c> name (helper 268).
    /// </summary>
    public string Year => Written[..4];

    /// <summary>
    /// Whether a patient born on some day of this birth date could have been <paramref name="age"/> full years old on
    /// <paramref name="on"/> (the day that age was recorded): false when no day of the span gives it, or when the span
    /// begins after that day. A 29 February birth is allowed either age on 28 February of a common year
    /// (<see cref="AgesOn"/>).
    /// </summary>
    public bool AgeCanBe(int age, DateOnly on) => AgesOn(on) is { } ages && age >= ages.Youngest && age <= ages.Oldest;

    /// <summary>
    /// The ages in full years a patient born on some day of this birth date could have on <paramref name="on"/>, the
    /// youngest and the oldest (the same for a full date, on most days), or null when the span begins after that day.
    /// Helper 268: a patient born on 29 February has, in a common year, no birthday of that date, and jurisdictions count
    /// the new year of age from 1 March (the United Kingdom, Hong Kong) or from 28 February (others). On 28 February of a
    /// common year such a birth gives both ages: the identity check only warns, and an age that is right under either
    /// reading must not raise a "Same patient?" card. From 1 March both readings agree. Session 59: on that one day the
    /// chart fixes no age either, as a year-only date does not (<c>PatientFields.AgeOf</c>): the age is asked.
    /// </summary>
    public (int Youngest, int Oldest)? AgesOn(DateOnly on) => new DaySpan(Earliest, Latest).AgesOn(on);
}

/// <summary>A value the chart gives (a contract value) and the entries it was read from, each with its moment where it has one.</summary>
/// <param name="Value">The contract value (string, bool, int, decimal or string list).</param>
/// <param name="ReadFrom">The entries it was read from.</param>
public sealed record FhirValue(object Value, IReadOnlyList<FhirSource> ReadFrom);

/// <summary>A chart value with a fraction read as a whole number (<see cref="FhirReading.Rounded"/>).</summary>
/// <param name="Field">The contract field.</param>
/// <param name="Reference">The entry that gave it (<c>Observation/123</c>).</param>
/// <param name="Given">The value as the chart gave it (140.4).</param>
/// <param name="ReadAs">The whole number read (141).</param>
public sealed record RoundedValue(string Field, string Reference, decimal Given, int ReadAs);

/// <summary>A chart entry the reader did not name, kept with when it was taken (<see cref="FhirReading.ItemsWithoutTotal"/>, <see cref="FhirReading.ResultsWithoutPart"/>).</summary>
/// <param name="Entry">The entry as it would be named.</param>
/// <param name="Taken">When it was taken, as the entry says (helper 223: at the latest, the end of a period, or when a result giving no time taken was issued); null when that cannot be read.</param>
public sealed record HeldEntryToCheck(ChartEntryToCheck Entry, FhirMoment? Taken);
