using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-013 (1.2.0): Suicidality without the whole safety net calls for caution. (P-SAFETY-REMS, SPRAVATO-PI-US) The
/// requirements SUI-003 to SUI-005 name each missing part; without this caution a patient with active ideation and no
/// safety plan read as plain "eligible, nothing calls for caution".
/// </summary>
public class SafetyNetIncomplete : Rule
{
    public override string Id => "SUI-013";
    public override FindingKind Kind => FindingKind.Caution;
    public override Severity Severity => Severity.High;
    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];
    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];
    public override string ConditionText => "Any suicidality is recorded and a safety plan, lethal-means counselling or immediate follow-up is not recorded as in place.";
    /// <summary>Any suicidality with part of the safety net not recorded as in place (1.2.0's and 1.3.0's condition).</summary>
    public static Condition SafetyNetNotWhole { get; } = All(
        Indications.AnySuicidality,
        Any(NotTrue(Fields.SafetyPlanInPlace), NotTrue(Fields.LethalMeansCounselled), NotTrue(Fields.FollowUpArranged)));
    public override Condition Condition => SafetyNetNotWhole;
    public override string Summary => "Suicidality without the whole safety net: do not treat until the safety plan, lethal-means counselling and follow-up are all in place.";
    public override string Detail =>
        "The source document pairs treatment of a suicidal patient with a safety plan, restriction of lethal means and immediate follow-up care; the requirements listed with this result name what is still missing. Rapid relief of depressive symptoms does not by itself protect the patient, and the label says esketamine does not replace hospitalisation where the risk calls for it.";
}
