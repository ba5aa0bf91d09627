using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Trd;

/// <summary>TRD-003: Does not meet the definition of treatment-resistant depression yet: the TRD pathways are closed. (P-TRD-DEFINITION, SPRAVATO-PI-US, EU-PEARL-TRD-2022)</summary>
public sealed class TrdCriteriaNotMet : Rule
{
    public override string Id => "TRD-003";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdDefinition];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.EuPearlTrd2022];

    public override string ConditionText => "Major depressive disorder in a current depressive episode with fewer than two failed adequate antidepressant trials in this episode.";

    public override Condition Condition { get; } = All(Indications.MddInEpisode, Below(Fields.FailedAdequateTrials, 2));

    public override string Summary => "Does not meet the definition of treatment-resistant depression yet: the TRD pathways are closed.";

    public override string Detail =>
        "Fewer than two adequate trials (adequate dose, at least 4 weeks) without response are recorded for the current episode. Standard next-step antidepressant treatment comes first; the TRD pathways open once two adequate trials have failed.";
}
