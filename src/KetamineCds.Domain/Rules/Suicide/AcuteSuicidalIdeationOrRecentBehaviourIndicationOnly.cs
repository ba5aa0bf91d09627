using KetamineCds.Domain.Rules.Conditions;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-001 from 1.20.0: only the indication, major depression with acute suicidal ideation or recent suicidal behaviour
/// (1.5.0's, C-SSRS item 6 within 3 months). 1.5.0 to 1.19.0 also said in SUI-001's own texts that the pathway cannot yet be
/// ruled out (passive ideation with recent behaviour not recorded; from 1.8.0 "none" beside a positive PHQ-9 item 9 with the
/// assessment since not recorded), so a real case read a parenthesis that did not apply to it; from 1.20.0 SUI-016
/// (<see cref="SuicidalIdeationPathwayNotRuledOut"/>) says that, as PAL-003 does for the palliative pathway (helper 239,
/// docs/clinical-review.md, section 32). No new clinical claim: the condition is 1.5.0's indication and the texts are
/// 1.12.0's less the not-ruled-out branch. (P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS)
/// </summary>
public sealed class AcuteSuicidalIdeationOrRecentBehaviourIndicationOnly : AcuteSuicidalIdeationOrRecentBehaviourInMdd
{
    public override string ConditionText =>
        "Major depressive disorder in a current depressive episode with active suicidal ideation (with or without a plan), a suicide attempt in the last 3 months, or, with any suicidality recorded, preparatory acts or an aborted or interrupted attempt in the last 3 months.";

    public override Condition Condition { get; } = Indications.SuicidalMddWithRecentBehaviour;

    public override string Summary => "Major depression with acute suicidal ideation or recent suicidal behaviour: the esketamine pathway for this indication applies.";

    public override string Detail =>
        "The two labels word this indication differently. The US label approves intranasal esketamine, together with an oral antidepressant, for depressive symptoms in adults with major depression and acute suicidal ideation or behaviour. The EU Summary of Product Characteristics gives it, together with oral antidepressant therapy, as acute short-term treatment of a moderate to severe depressive episode that is a psychiatric emergency (EU-004). Its value here is speed: it can reduce depressive symptoms within hours, while standard antidepressants take weeks. Suicidal behaviour is C-SSRS item 6, counted within the last 3 months; this app counts an attempt, an aborted or interrupted attempt, or preparatory acts, as the form asks. Passive ideation with such behaviour recorded as absent does not open this pathway; where an answer that decides it is not recorded, SUI-016 says that the pathway cannot yet be ruled out.";
}
