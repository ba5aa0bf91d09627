using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Trd;

/// <summary>TRD-002: The source document's stricter TRD reading (failed trials of different mechanisms) is not shown. (P-TRD-DEFINITION, EU-PEARL-TRD-2022)</summary>
public sealed class DifferentMechanismsNotShown : Rule
{
    public override string Id => "TRD-002";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdDefinition];

    public override IReadOnlyList<string> Sources { get; } = [Citations.EuPearlTrd2022];

    public override string ConditionText => "The regulatory TRD definition is met, but fewer than two different mechanisms are recorded among the failed trials, or the number is not recorded.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, BelowOrNotRecorded(Fields.DistinctMechanisms, 2));

    public override string Summary => "The source document's stricter TRD reading (failed trials of different mechanisms) is not shown.";

    public override string Detail =>
        "The source document describes TRD as failure of several antidepressants of different mechanisms; the label and the EU consensus do not require a change of mechanism (discrepancy D2). The pathway follows the regulatory definition; consider whether a trial of a different mechanism would be appropriate before a rapid-acting treatment.";
}
