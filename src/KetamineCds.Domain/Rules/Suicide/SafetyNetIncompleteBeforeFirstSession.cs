namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-013: Suicidality without the whole safety net calls for caution. (P-SAFETY-REMS, SPRAVATO-PI-US) From 1.3.0 its
/// summary agrees with its kind: a caution leaves the pathway open, so it no longer says "do not treat until"; imminent
/// risk with no safety net at all still closes every pathway (SUI-009).
/// </summary>
public class SafetyNetIncompleteBeforeFirstSession : SafetyNetIncomplete
{
    public override string Summary => "Suicidality without the whole safety net: put the safety plan, lethal-means counselling and follow-up in place, or record why not, before the first session.";

    public override string Detail =>
        "The source document pairs treatment of a suicidal patient with a safety plan, restriction of lethal means and immediate follow-up care; the requirements listed with this result name what is still missing. Rapid relief of depressive symptoms does not by itself protect the patient, and the label says esketamine does not replace hospitalisation where the risk calls for it. With imminent risk and none of the three in place, every pathway stays closed (SUI-009).";
}
