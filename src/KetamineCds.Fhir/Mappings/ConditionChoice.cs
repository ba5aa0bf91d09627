using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// A choice field answered by the <c>value</c> of the value set entries that confirmed Conditions in the accepted
/// clinical states match. One value: recorded. Several: a value that another present value supersedes is dropped
/// (bipolar disorder supersedes major depressive disorder: a bipolar diagnosis makes the depressive episodes bipolar
/// ones); if one value is left it is recorded, otherwise nothing is, for the clinician to choose. A refuted Condition
/// never records a choice: ruling one diagnosis out does not say which one holds.
/// </summary>
internal sealed class ConditionChoice(IReadOnlySet<ClinicalState> accepted, IReadOnlyDictionary<string, string[]> supersededBy) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (condition, reference) in record.Conditions)
        {
            if (ConditionStatus.VerificationOf(condition) != Verification.Confirmed || !accepted.Contains(ConditionStatus.ClinicalOf(condition)))
                continue;

            foreach (var match in Codes.Matches(valueSet, condition.Code))
            {
                var value = match.Value ?? throw new InvalidOperationException($"The value set '{valueSet.Id}' has an entry without a value ({match}).");
                if (!found.TryGetValue(value, out var references))
                    found[value] = references = [];
                references.Add(reference);
            }
        }

        var standing = found.Keys
            .Where(value => !supersededBy.TryGetValue(value, out var superseders) || !superseders.Any(found.ContainsKey))
            .ToArray();
        // A marker such as "bipolar" (type not stated) blocks what it supersedes but is no contract value itself.
        if (standing.Length == 1 && field.Choices.Contains(standing[0]))
            reading.Record(field.Name, standing[0], found[standing[0]]);
    }
}
