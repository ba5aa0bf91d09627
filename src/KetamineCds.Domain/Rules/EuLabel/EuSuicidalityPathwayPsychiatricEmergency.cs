using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>
/// EU-004 (from 1.5.0): EU: the Summary of Product Characteristics frames the suicidal-ideation indication as a psychiatric
/// emergency; whether this episode is one is the psychiatrist's judgement. A high caution, so that the result never reads
/// "nothing calls for caution" beside an unasked criterion (the independent review's B2); the screening adds no
/// precondition (an open question for the clinical lead). (P-SUICIDALITY-APPROVAL, SPRAVATO-SMPC-EU;
/// docs/clinical-review.md, section 13, C1)
/// </summary>
public class EuSuicidalityPathwayPsychiatricEmergency : Rule
{
    public override string Id => "EU-004";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SuicidalityApproval];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "EU jurisdiction and the suicidal-ideation pathway applies (SUI-001).";

    public override Condition Condition { get; } = All(Indications.SuicidalMddWithRecentBehaviour, Is(Fields.Jurisdiction, Jurisdiction.Eu));

    public override string Summary => "EU: the Summary of Product Characteristics frames this indication as a psychiatric emergency; whether this episode is one is the psychiatrist's judgement.";

    public override string Detail =>
        "Under the EU Summary of Product Characteristics esketamine is given, with oral antidepressant therapy, as acute short-term treatment of a moderate to severe depressive episode that is a psychiatric emergency, and a psychiatrist decides to prescribe it. The screening opens this pathway on the recorded ideation or behaviour; it does not ask whether the episode is a psychiatric emergency and does not decide it. The psychiatrist judges whether this episode meets the EU wording. Until the psychiatrist has judged it, the result is marked with this caution.";
}
