using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;
using ValueSetCode = KetamineCds.Fhir.ValueSets.ValueSetCode;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// The medicines the patient takes now: an <c>active</c> MedicationRequest (intent order, plan, original-order,
/// reflex-order, filler-order or instance-order; not a proposal) or an <c>active</c> MedicationStatement, coded in
/// medicationCodeableConcept or through a Medication resource it references (in the prefetch or contained). A medicine
/// in the value set that may be taken but is not recorded as taken now (a request on hold, draft, of unknown status or
/// only proposed; a statement intended, on hold or of unknown status; an active order with <c>doNotPerform</c> true, an
/// order not to give it; an active statement whose effective period ended before today or whose effective time is after
/// today; an active order whose <c>dispenseRequest.validityPeriod</c> ended before today or starts after it) is unclear: named for the clinician to check, never read as yes (QA13 M4, helper 196). One stopped, completed,
/// cancelled, not taken or entered in error is neither.
/// </summary>
internal static class CurrentMedicines
{
    private static readonly HashSet<MedicationRequest.MedicationRequestIntent> OrderIntents =
    [
        MedicationRequest.MedicationRequestIntent.Order, MedicationRequest.MedicationRequestIntent.Plan,
        MedicationRequest.MedicationRequestIntent.OriginalOrder, MedicationRequest.MedicationRequestIntent.ReflexOrder,
        MedicationRequest.MedicationRequestIntent.FillerOrder, MedicationRequest.MedicationRequestIntent.InstanceOrder,
    ];

    /// <summary>Each current medicine's matching value set entries and the resource that records it.</summary>
    public static IEnumerable<(ValueSetCode Entry, string Reference)> Matching(ValueSet valueSet, PatientRecord record) =>
        All(valueSet, record).Where(m => m.NotNow is null).Select(m => (m.Entry, m.Reference));

    /// <summary>Each unclear medicine's matching value set entries, the resource, why it is not read and the chart's words for it.</summary>
    public static IEnumerable<(ValueSetCode Entry, string Reference, ChartCheckKind Kind, string What)> Unclear(ValueSet valueSet, PatientRecord record) =>
        All(valueSet, record).Where(m => m.NotNow is not null).Select(m => (m.Entry, m.Reference, m.NotNow!.Value, m.What));

    /// <summary>
    /// Each medicine in the value set that is neither ended nor entered in error, with why it is not read as taken now
    /// (null: it is): <see cref="ChartCheckKind.MedicineNotActive"/> for a status or intent that is not "taken now",
    /// <see cref="ChartCheckKind.MedicineNotToBeGiven"/> for an active order with <c>doNotPerform</c> true (an order not to
    /// give it), <see cref="ChartCheckKind.MedicineDatedNotNow"/> for an active statement whose dates say not now
    /// (<see cref="DatedNotNow"/>), <see cref="ChartCheckKind.OrderNotValidNow"/> for an active order whose validity
    /// period says not now (<see cref="NotValidNow"/>). Before helpers 196 and 200 the last three were read as taken now.
    /// </summary>
    private static IEnumerable<(ValueSetCode Entry, string Reference, ChartCheckKind? NotNow, string What)> All(ValueSet valueSet, PatientRecord record)
    {
        foreach (var (request, reference) in record.MedicationRequests)
        {
            var current = request.Status == MedicationRequest.MedicationrequestStatus.Active && request.Intent is { } intent && OrderIntents.Contains(intent);
            if (!current && request.Status is MedicationRequest.MedicationrequestStatus.Stopped or MedicationRequest.MedicationrequestStatus.Completed
                or MedicationRequest.MedicationrequestStatus.Cancelled or MedicationRequest.MedicationrequestStatus.EnteredInError)
                continue;
            ChartCheckKind? notNow = !current ? ChartCheckKind.MedicineNotActive
                : request.DoNotPerform == true ? ChartCheckKind.MedicineNotToBeGiven
                : NotValidNow(request, record) ? ChartCheckKind.OrderNotValidNow
                : null;
            var concept = ConceptOf(request.Medication, request.Contained, record);
            foreach (var entry in Codes.Matches(valueSet, concept))
                yield return (entry, reference, notNow, ChartWords.Of(concept));
        }

        foreach (var (statement, reference) in record.MedicationStatements)
        {
            var current = statement.Status == MedicationStatement.MedicationStatusCodes.Active;
            if (!current && statement.Status is MedicationStatement.MedicationStatusCodes.Stopped or MedicationStatement.MedicationStatusCodes.Completed
                or MedicationStatement.MedicationStatusCodes.NotTaken or MedicationStatement.MedicationStatusCodes.EnteredInError)
                continue;
            ChartCheckKind? notNow = !current ? ChartCheckKind.MedicineNotActive
                : DatedNotNow(statement, record) ? ChartCheckKind.MedicineDatedNotNow
                : null;
            var concept = ConceptOf(statement.Medication, statement.Contained, record);
            foreach (var entry in Codes.Matches(valueSet, concept))
                yield return (entry, reference, notNow, ChartWords.Of(concept));
        }
    }

    /// <summary>
    /// Whether an active statement's dates say the medicine is not taken today: an effectivePeriod whose end lies wholly
    /// before today, or an effective time (effectiveDateTime, effectivePeriod.start) wholly after today, by the clinic's
    /// clock (<see cref="PatientRecord.InFuture"/>). A period still running, ending today or later, or an effectiveDateTime
    /// in the past (when it was asserted, not when it stopped) does not.
    /// </summary>
    private static bool DatedNotNow(MedicationStatement statement, PatientRecord record) => statement.Effective switch
    {
        FhirDateTime dateTime => record.InFuture(dateTime.Value),
        Period period => record.InFuture(period.Start) || (EndOf(period.End, record) is { } end && end < record.Today),
        _ => false,
    };

    /// <summary>
    /// Whether an active order's prescription is not valid today: its <c>dispenseRequest.validityPeriod</c> ended before
    /// today, or starts after today, by the clinic's clock (helper 200). An order without a validity period, or one still
    /// running (ending today or later), is valid.
    /// </summary>
    private static bool NotValidNow(MedicationRequest request, PatientRecord record) =>
        request.DispenseRequest?.ValidityPeriod is { } validity
        && (record.InFuture(validity.Start) || (EndOf(validity.End, record) is { } end && end < record.Today));

    /// <summary>The clinic's last day of a period's end, or null when it has none that is a date.</summary>
    private static DateOnly? EndOf(string? end, PatientRecord record)
    {
        if (string.IsNullOrWhiteSpace(end))
            return null;
        if (PatientRecord.InstantOf(end) is { } at)
            return record.DayOf(at);
        return DaySpan.Parse(end)?.Latest;
    }

    /// <summary>
    /// The code systems the medication value sets use (RxNorm today), read from the value sets the field catalogue names:
    /// a coding in any other system (NDC, SNOMED CT, a local one) can match none of their entries.
    /// </summary>
    private static readonly Lazy<HashSet<string>> ReadSystems = new(() => FieldReaders.All
        .Where(r => r.ValueSet.Read.From == "medication")
        .SelectMany(r => r.ValueSet.Codes)
        .Select(c => c.System)
        .ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Each medicine ordered or recorded, neither stopped, completed, cancelled, not taken nor entered in error, that no
    /// value set can read, with why and the chart's words: recorded only in words (<see cref="ChartCheckKind.MedicineInWordsOnly"/>:
    /// no code, only a <c>text</c> or a coding's <c>display</c>, or a reference to a Medication not sent, then only the
    /// reference's <c>display</c>, if any), or coded only in code systems no medication value set uses
    /// (<see cref="ChartCheckKind.MedicineCodeNotRead"/>: NDC, SNOMED CT, a local system, a code without its system; the
    /// words name each code's system), or coded in a system the value sets use but with no code any of them holds
    /// (<see cref="ChartCheckKind.MedicineCodeNotListed"/>, QA281 F4: an RxNorm ingredient-level code, none being listed,
    /// docs/fhir-mapping.md; before, such a medicine was read as no question's medicine and not named). A medicine with a
    /// code a value set holds is read by that code.
    /// </summary>
    public static IEnumerable<(string Reference, ChartCheckKind Kind, string What)> NotRead(PatientRecord record)
    {
        var notEnded = record.MedicationRequests
            .Where(r => r.Resource.Status is not (MedicationRequest.MedicationrequestStatus.Stopped or MedicationRequest.MedicationrequestStatus.Completed
                or MedicationRequest.MedicationrequestStatus.Cancelled or MedicationRequest.MedicationrequestStatus.EnteredInError))
            .Select(r => (r.Resource.Medication, r.Resource.Contained, r.Reference))
            .Concat(record.MedicationStatements
                .Where(s => s.Resource.Status is not (MedicationStatement.MedicationStatusCodes.Stopped or MedicationStatement.MedicationStatusCodes.Completed
                    or MedicationStatement.MedicationStatusCodes.NotTaken or MedicationStatement.MedicationStatusCodes.EnteredInError))
                .Select(s => (s.Resource.Medication, s.Resource.Contained, s.Reference)));
        foreach (var (medication, contained, reference) in notEnded)
        {
            if (Unreadable(medication, contained, record) is { } unreadable)
                yield return (reference, unreadable.Kind, unreadable.What);
        }
    }

    /// <summary>Why no value set can read a medicine and the chart's words for it, or null when a code in a system they use names it.</summary>
    private static (ChartCheckKind Kind, string What)? Unreadable(DataType? medication, List<Resource> contained, PatientRecord record)
    {
        var concept = ConceptOf(medication, contained, record);
        if (concept is null)
            return (ChartCheckKind.MedicineInWordsOnly, ChartWords.Of(new CodeableConcept { Text = (medication as ResourceReference)?.Display }));
        var coded = concept.Coding.Where(c => !string.IsNullOrWhiteSpace(c.Code)).ToList();
        if (coded.Count == 0)
            return (ChartCheckKind.MedicineInWordsOnly, ChartWords.Of(concept));
        if (!coded.Any(c => c.System is { } system && ReadSystems.Value.Contains(system)))
            return (ChartCheckKind.MedicineCodeNotRead, ChartWords.WithSystems(concept));

        // QA281 F4: a code in a system the value sets use that none of them holds (an ingredient-level oxycodone, 7804) may
        // still be a medicine a question asks about: named, as one in another system is, never read as "no such medicine".
        return coded.Any(c => MedicineCodes.Listed(c.System, c.Code)) ? null : (ChartCheckKind.MedicineCodeNotListed, ChartWords.WithSystems(concept));
    }

    /// <summary>Names each unclear medicine for the clinician to check beside <paramref name="field"/>, with why it is not read.</summary>
    public static void Check(string field, IEnumerable<(ValueSetCode Entry, string Reference, ChartCheckKind Kind, string What)> unclear, ReadingBuilder reading)
    {
        foreach (var (_, reference, kind, what) in unclear)
            reading.Check(field, kind, reference, what);
    }

    private static CodeableConcept? ConceptOf(DataType? medication, List<Resource> contained, PatientRecord record) =>
        ConceptOf(medication, contained, record.Medications);

    /// <summary>
    /// What a MedicationRequest or MedicationStatement's <c>medication[x]</c> orders: its CodeableConcept, or the code of
    /// the Medication its reference names (contained, <c>#id</c>, or sent beside it). Null when the reference names none.
    /// </summary>
    internal static CodeableConcept? ConceptOf(DataType? medication, List<Resource> contained, IEnumerable<Sourced<Medication>> medications) => medication switch
    {
        CodeableConcept concept => concept,
        ResourceReference { Reference: { Length: > 1 } target } when target.StartsWith('#') =>
            contained.OfType<Medication>().FirstOrDefault(m => m.Id == target[1..])?.Code,
        ResourceReference { Reference: { Length: > 0 } target } =>
            medications.FirstOrDefault(m => target == m.Reference || target.EndsWith("/" + m.Reference, StringComparison.Ordinal))?.Resource.Code,
        _ => null,
    };
}

/// <summary>
/// A yes/no field a current medicine in the value set answers yes. Nothing answers no: a stopped or absent medicine does
/// not show that no other is taken. Without a current one, an unclear one (on hold, draft, proposed ...) is named to check.
/// </summary>
internal sealed class MedicationFlag : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var references = CurrentMedicines.Matching(valueSet, record).Select(m => m.Reference).ToArray();
        if (references.Length > 0)
            reading.Record(field.Name, true, references);
        else
            CurrentMedicines.Check(field.Name, CurrentMedicines.Unclear(valueSet, record), reading);
    }
}

/// <summary>
/// A choice field answered by the <c>value</c> of the current medicines' entries; when several are present, the first
/// of <paramref name="precedence"/> that is present. Nothing records <c>none</c>. An unclear medicine (on hold, draft,
/// proposed ...) that would come first were it current leaves the field not recorded and is named to check, as is any
/// unclear one when no current one answers.
/// </summary>
internal sealed class MedicationChoice(IReadOnlyList<string> precedence) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var found = CurrentMedicines.Matching(valueSet, record)
            .Where(m => m.Entry.Value is not null)
            .GroupBy(m => m.Entry.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Reference).ToArray(), StringComparer.Ordinal);
        var unclear = CurrentMedicines.Unclear(valueSet, record).ToArray();
        var chosen = precedence.FirstOrDefault(found.ContainsKey);
        var unclearValues = unclear.Select(u => u.Entry.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (chosen is not null && precedence.First(v => found.ContainsKey(v) || unclearValues.Contains(v)) == chosen)
            reading.Record(field.Name, chosen, found[chosen]);
        else
            CurrentMedicines.Check(field.Name, unclear, reading);
    }
}
