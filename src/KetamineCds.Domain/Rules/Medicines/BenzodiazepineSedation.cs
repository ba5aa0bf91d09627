using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-001: Benzodiazepine co-medication: more sedation; monitor closely and record it on the REMS monitoring form. (SPRAVATO-PI-US, SPRAVATO-REMS) From 1.3.0 its detail states no dose effect without a source: that is MED-006.</summary>
public sealed class BenzodiazepineSedation : Rule
{
    public override string Id => "MED-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoRems];

    public override string ConditionText => "A daily benzodiazepine dose above 0 mg diazepam-equivalent is recorded.";

    public override Condition Condition { get; } = Above(Fields.BenzodiazepineDiazepamEquivalentMg, 0m);

    public override string Summary => "Benzodiazepine co-medication: more sedation; monitor closely and record it on the REMS monitoring form.";

    public override string Detail =>
        "CNS depressants such as benzodiazepines add to esketamine's sedation; the REMS monitoring form asks about them. Above 8 mg diazepam-equivalent a day a second caution weighs a possibly weaker antidepressant effect (MED-006).";
}
