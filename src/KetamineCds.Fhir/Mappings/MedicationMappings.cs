using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;
using ValueSetCode = KetamineCds.Fhir.ValueSets.ValueSetCode;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// The medicines the patient takes now: an <c>active</c> MedicationRequest (intent order, plan, original-order,
/// reflex-order, filler-order or instance-order; not a proposal) or an <c>active</c> MedicationStatement, coded in
/// medicationCodeableConcept or through a Medication resource it references (in the prefetch or contained).
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
    public static IEnumerable<(ValueSetCode Entry, string Reference)> Matching(ValueSet valueSet, PatientRecord record)
    {
        foreach (var (request, reference) in record.MedicationRequests)
        {
            if (request.Status != MedicationRequest.MedicationrequestStatus.Active
                || request.Intent is not { } intent || !OrderIntents.Contains(intent))
                continue;
            foreach (var entry in Codes.Matches(valueSet, ConceptOf(request.Medication, request.Contained, record)))
                yield return (entry, reference);
        }

        foreach (var (statement, reference) in record.MedicationStatements)
        {
            if (statement.Status != MedicationStatement.MedicationStatusCodes.Active)
                continue;
            foreach (var entry in Codes.Matches(valueSet, ConceptOf(statement.Medication, statement.Contained, record)))
                yield return (entry, reference);
        }
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

/// <summary>A yes/no field a current medicine in the value set answers yes. Nothing answers no: a stopped or absent medicine does not show that no other is taken.</summary>
internal sealed class MedicationFlag : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var references = CurrentMedicines.Matching(valueSet, record).Select(m => m.Reference).ToArray();
        if (references.Length > 0)
            reading.Record(field.Name, true, references);
    }
}

/// <summary>
/// A choice field answered by the <c>value</c> of the current medicines' entries; when several are present, the first
/// of <paramref name="precedence"/> that is present. Nothing records <c>none</c>.
/// </summary>
internal sealed class MedicationChoice(IReadOnlyList<string> precedence) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var found = CurrentMedicines.Matching(valueSet, record)
            .Where(m => m.Entry.Value is not null)
            .GroupBy(m => m.Entry.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Reference).ToArray(), StringComparer.Ordinal);
        if (precedence.FirstOrDefault(found.ContainsKey) is { } chosen)
            reading.Record(field.Name, chosen, found[chosen]);
    }
}
