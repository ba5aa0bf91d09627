using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>A confirmed substance use disorder Condition the substance fields count, and how it stands.</summary>
internal static class SubstanceUseConditions
{
    public const string Unstated = "unstated";

    /// <summary>Confirmed matching Conditions with a known clinical status: (entry, in remission?, reference).</summary>
    public static IEnumerable<(ValueSetCode Entry, bool InRemission, string Reference)> Counted(ValueSet valueSet, PatientRecord record)
    {
        foreach (var (condition, reference) in record.Conditions)
        {
            if (ConditionStatus.VerificationOf(condition) != Verification.Confirmed)
                continue;
            var state = ConditionStatus.ClinicalOf(condition);
            if (state == ClinicalState.Unknown)
                continue;
            foreach (var entry in Codes.Matches(valueSet, condition.Code))
                yield return (entry, state != ClinicalState.Current || entry.Status == "in-remission", reference);
        }
    }
}

/// <summary>
/// substanceUse: <c>active</c> when a confirmed, current substance use disorder Condition is recorded (not a remission
/// code), else <c>in-remission</c> when one is in remission, inactive or resolved. Never <c>none</c>: a refuted
/// diagnosis rules out that one disorder, not every substance.
/// </summary>
internal sealed class SubstanceUseStatus : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var counted = SubstanceUseConditions.Counted(valueSet, record).ToArray();
        var active = counted.Where(c => !c.InRemission).ToArray();
        if (active.Length > 0)
            reading.Record(field.Name, "active", active.Select(c => c.Reference));
        else if (counted.Length > 0)
            reading.Record(field.Name, "in-remission", counted.Select(c => c.Reference));
    }
}

/// <summary>
/// substancesUsed: the substances of the counted substance use disorder Conditions, in the contract's order; recorded
/// only when every one of them names its substance (a hallucinogen code does not say whether it was ketamine or PCP).
/// </summary>
internal sealed class DisorderSubstances : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var counted = SubstanceUseConditions.Counted(valueSet, record).ToArray();
        if (counted.Length == 0 || counted.Any(c => c.Entry.Value is null or SubstanceUseConditions.Unstated))
            return;

        var substances = counted.Select(c => c.Entry.Value!).ToHashSet(StringComparer.Ordinal);
        var ordered = field.Choices.Where(substances.Contains).ToArray();
        if (ordered.Length != substances.Count)
            throw new InvalidOperationException($"The value set '{valueSet.Id}' names a substance the contract does not know.");
        reading.Record(field.Name, ordered, counted.Select(c => c.Reference));
    }
}
