using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-002 from 1.5.0: a high caution, as from 1.3.0; its indication counts recent suicidal behaviour as SUI-001 does (C2),
/// and its detail attributes each label's wording to that label (C1). (P-TRD-PROCEDURE, P-SUICIDALITY-APPROVAL,
/// SPRAVATO-PI-US, SPRAVATO-SMPC-EU; docs/clinical-review.md, section 13)
/// </summary>
public class SuicidalityPathwayNeedsOralAntidepressantEitherLabel : SuicidalityPathwayNeedsOralAntidepressant
{
    public override FindingKind Kind => FindingKind.Caution;

    public override string ConditionText => "The suicidal-ideation pathway applies (SUI-001: acute suicidal ideation or recent suicidal behaviour) and the patient takes no oral antidepressant.";

    public override Condition Condition { get; } = All(Indications.SuicidalMddWithRecentBehaviour, False(Fields.OnOralAntidepressant));

    public override string Summary => "Start an oral antidepressant: for acute suicidal ideation or behaviour esketamine is given only together with one.";

    public override string Detail =>
        "Neither label gives esketamine alone on this pathway. The US label approves it for depression with acute suicidal ideation or behaviour only in conjunction with an oral antidepressant; the EU Summary of Product Characteristics gives it co-administered with oral antidepressant therapy, for a depressive episode that is a psychiatric emergency.";
}
