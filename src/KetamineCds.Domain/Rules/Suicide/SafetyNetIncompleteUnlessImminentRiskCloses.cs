using KetamineCds.Domain.Rules.Conditions;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-013 from 1.4.0: not listed where SUI-009 closes every pathway (imminent risk with none of the safety net in place),
/// whose "same-day evaluation first" leaves no "record why not" route; elsewhere 1.3.0's caution (the independent review of
/// 1.4.0, docs/clinical-review-1.4.0.md, observation 1). (P-SAFETY-REMS, SPRAVATO-PI-US)
/// </summary>
public sealed class SafetyNetIncompleteUnlessImminentRiskCloses : SafetyNetIncompleteBeforeFirstSession
{
    public override string ConditionText =>
        "Any suicidality is recorded, a safety plan, lethal-means counselling or immediate follow-up is not recorded as in place, and SUI-009 does not apply (imminent risk with none of the three in place, which closes every pathway instead).";

    public override Condition Condition { get; } = All(SafetyNetNotWhole, NoneHolds(ImminentRiskWithoutSafetyNet.ClosesEveryPathway));

    public override string Detail =>
        "The source document pairs treatment of a suicidal patient with a safety plan, restriction of lethal means and immediate follow-up care; the requirements listed with this result name what is still missing. Rapid relief of depressive symptoms does not by itself protect the patient, and the label says esketamine does not replace hospitalisation where the risk calls for it. With imminent risk and none of the three in place, SUI-009 closes every pathway and this caution is not listed beside it: the same-day evaluation comes first, and recording why the safety net is missing is not a way past it.";
}
