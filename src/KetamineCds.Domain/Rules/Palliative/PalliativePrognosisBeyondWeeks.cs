using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Palliative;

/// <summary>PAL-002: Prognosis beyond 8 weeks: time to benefit alone does not call for a rapid-acting treatment. (P-PALLIATIVE, IRWIN-2013)</summary>
public sealed class PalliativePrognosisBeyondWeeks : Rule
{
    public override string Id => "PAL-002";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Palliative];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Irwin2013];

    public override string ConditionText => "A life-limiting illness with a prognosis above 8 weeks, and a current depressive episode.";

    public override Condition Condition { get; } = All(True(Fields.LifeLimitingIllness), Above(Fields.PrognosisWeeks, 8), True(Fields.CurrentDepressiveEpisode));

    public override string Summary => "Prognosis beyond 8 weeks: time to benefit alone does not call for a rapid-acting treatment.";

    public override string Detail =>
        "With a longer prognosis a conventional antidepressant has time to work; the other pathways apply on their usual criteria.";
}
