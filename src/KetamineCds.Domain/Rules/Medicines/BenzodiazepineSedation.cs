namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-001: Benzodiazepine co-medication: more sedation; monitor closely and record it on the REMS monitoring form. (SPRAVATO-PI-US, SPRAVATO-REMS) From 1.3.0 its detail states no dose effect without a source: that is MED-006.</summary>
public sealed class BenzodiazepineSedation : Benzodiazepines
{
    public override string Detail =>
        "CNS depressants such as benzodiazepines add to esketamine's sedation; the REMS monitoring form asks about them. Above 8 mg diazepam-equivalent a day a second caution weighs a possibly weaker antidepressant effect (MED-006).";
}
