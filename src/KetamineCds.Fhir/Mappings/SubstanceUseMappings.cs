using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>The substance use disorder Conditions the substance fields count, how each stands, and those the reader cannot use.</summary>
internal static class SubstanceUseConditions
{
    public const string Unstated = "unstated";

    /// <summary>
    /// Matching Conditions: confirmed ones with a known clinical status are counted (entry, in remission?, reference);
    /// unconfirmed, provisional or differential ones, and confirmed ones with no clinical status, are unclear (they may be
    /// an active disorder: QA13 M4). Refuted and entered-in-error ones are neither.
    /// </summary>
    public static (List<(ValueSetCode Entry, bool InRemission, string Reference)> Counted, List<Unclear> Unclear) Read(ValueSet valueSet, PatientRecord record)
    {
        var counted = new List<(ValueSetCode, bool, string)>();
        var unclear = new List<Unclear>();
        foreach (var (condition, reference) in record.Conditions)
        {
            var matches = Codes.Matches(valueSet, condition.Code);
            if (matches.Count == 0)
                continue;
            var verification = ConditionStatus.VerificationOf(condition);
            var state = ConditionStatus.ClinicalOf(condition);
            if (verification == Verification.Confirmed && state != ClinicalState.Unknown)
            {
                counted.AddRange(matches.Select(entry => (entry, state != ClinicalState.Current || entry.Status == "in-remission", reference)));
            }
            else if (verification is Verification.Confirmed or Verification.Uncertain)
            {
                var kind = verification == Verification.Uncertain ? ChartCheckKind.Unconfirmed : ChartCheckKind.StatusUnknown;
                var mayBeActive = state is ClinicalState.Current or ClinicalState.Unknown && matches.Any(e => e.Status != "in-remission");
                unclear.Add(new Unclear(kind, reference, ChartWords.Of(condition.Code), mayBeActive, [.. matches.Select(e => e.Value ?? Unstated)]));
            }
        }

        return (counted, unclear);
    }

    /// <summary>A matching Condition the reader cannot use: why, which, the chart's words, whether it may be an active disorder, its substances.</summary>
    internal sealed record Unclear(ChartCheckKind Kind, string Reference, string What, bool MayBeActive, IReadOnlyList<string> Substances);

    public static void Check(string field, IEnumerable<Unclear> unclear, ReadingBuilder reading)
    {
        foreach (var u in unclear)
            reading.Check(field, u.Kind, u.Reference, u.What);
    }
}

/// <summary>
/// substanceUse: <c>active</c> when a confirmed, current substance use disorder Condition is recorded (not a remission
/// code), else <c>in-remission</c> when one is in remission, inactive or resolved and no Condition the reader cannot use
/// may be an active one, and no Condition no value set can read (<see cref="UnreadConditions"/>) is held. Never <c>none</c>: a refuted diagnosis rules out that one disorder, not every substance. An
/// unconfirmed, provisional or differential disorder, or a confirmed one with no clinical status, is named for the
/// clinician to check (QA13 M4): the field stays not recorded unless a confirmed active disorder answers it.
/// </summary>
internal sealed class SubstanceUseStatus : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var (counted, unclear) = SubstanceUseConditions.Read(valueSet, record);
        SubstanceUseConditions.Check(field.Name, unclear, reading);
        var active = counted.Where(c => !c.InRemission).ToArray();
        if (active.Length > 0)
            reading.Record(field.Name, "active", active.Select(c => c.Reference));
        else if (counted.Count > 0 && !unclear.Any(u => u.MayBeActive) && !UnreadConditions.Any(record))
            reading.Record(field.Name, "in-remission", counted.Select(c => c.Reference));
    }
}

/// <summary>
/// substancesUsed: the substances of the counted substance use disorder Conditions, in the contract's order; recorded
/// only when every one of them names its substance (a hallucinogen code does not say whether it was ketamine or PCP)
/// and no disorder the reader cannot use (unconfirmed, no clinical status) adds a substance; such a disorder is then
/// named for the clinician to check. Without a counted disorder, it is named beside substanceUse only.
/// </summary>
internal sealed class DisorderSubstances : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var (counted, unclear) = SubstanceUseConditions.Read(valueSet, record);
        if (counted.Count == 0 || counted.Any(c => c.Entry.Value is null or SubstanceUseConditions.Unstated))
            return;

        var substances = counted.Select(c => c.Entry.Value!).ToHashSet(StringComparer.Ordinal);
        var adding = unclear.Where(u => !u.Substances.All(substances.Contains)).ToArray();
        // A Condition no value set can read may add a substance: it is named beside this field by ChartChecks.
        if (UnreadConditions.Any(record))
        {
            SubstanceUseConditions.Check(field.Name, adding, reading);
            return;
        }

        if (adding.Length > 0)
        {
            SubstanceUseConditions.Check(field.Name, adding, reading);
            return;
        }

        var ordered = field.Choices.Where(substances.Contains).ToArray();
        if (ordered.Length != substances.Count)
            throw new InvalidOperationException($"The value set '{valueSet.Id}' names a substance the contract does not know.");
        reading.Record(field.Name, ordered, counted.Select(c => c.Reference));
    }
}
