using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// A choice field answered by the <c>value</c> of the value set entries that confirmed Conditions in the accepted
/// clinical states match. One value: recorded. Several: a value that another present value supersedes is dropped
/// (bipolar disorder supersedes major depressive disorder: a bipolar diagnosis makes the depressive episodes bipolar
/// ones); if one value is left it is recorded, otherwise nothing is, for the clinician to choose. A refuted Condition
/// never records a choice: ruling one diagnosis out does not say which one holds. A match the reader cannot use (an
/// unconfirmed, provisional or differential Condition; a confirmed one with no clinical status, where the field does
/// not accept that) is named for the clinician to check, and the value is recorded only when that match, were it
/// confirmed, would leave it the same (a provisional bipolar disorder beside a confirmed MDD leaves the diagnosis
/// not recorded). One clearly outside the accepted states (resolved, say) is not named. A Condition no value set can
/// read (<see cref="UnreadConditions"/>) counts as unclear with every value of the value set.
/// </summary>
internal sealed class ConditionChoice(IReadOnlySet<ClinicalState> accepted, IReadOnlyDictionary<string, string[]> supersededBy) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unclear = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (condition, reference) in record.Conditions)
        {
            var matches = Codes.Matches(valueSet, condition.Code);
            if (matches.Count == 0)
                continue;
            var verification = ConditionStatus.VerificationOf(condition);
            var state = ConditionStatus.ClinicalOf(condition);
            var mayCount = accepted.Contains(state) || state == ClinicalState.Unknown;
            var kind = verification switch
            {
                Verification.Uncertain when mayCount => ChartCheckKind.Unconfirmed,
                Verification.Confirmed when !accepted.Contains(state) && mayCount => ChartCheckKind.StatusUnknown,
                _ => (ChartCheckKind?)null,
            };
            if (kind is { } check)
            {
                reading.Check(field.Name, check, reference, ChartWords.Of(condition.Code));
                unclear.UnionWith(matches.Select(m => m.Value).OfType<string>());
            }

            if (verification != Verification.Confirmed || !accepted.Contains(state))
                continue;

            foreach (var match in matches)
            {
                var value = match.Value ?? throw new InvalidOperationException($"The value set '{valueSet.Id}' has an entry without a value ({match}).");
                if (!found.TryGetValue(value, out var references))
                    found[value] = references = [];
                references.Add(reference);
            }
        }

        // A Condition no value set can read may hold any of the value set's values (a bipolar disorder coded in WHO ICD-10
        // beside an ICD-10-CM MDD): the value is recorded only when none of them would change it (UnreadConditions).
        if (UnreadConditions.Any(record))
            unclear.UnionWith(valueSet.Codes.Select(c => c.Value).OfType<string>());

        var standing = Standing(found.Keys);
        // A marker such as "bipolar" (type not stated) blocks what it supersedes but is no contract value itself.
        if (standing.Length == 1 && field.Choices.Contains(standing[0]) && Standing(found.Keys.Union(unclear)).SequenceEqual(standing))
            reading.Record(field.Name, standing[0], found[standing[0]]);
    }

    private string[] Standing(IEnumerable<string> values)
    {
        var present = values.ToHashSet(StringComparer.Ordinal);
        return [.. present.Where(value => !supersededBy.TryGetValue(value, out var superseders) || !superseders.Any(present.Contains)).Order(StringComparer.Ordinal)];
    }
}
