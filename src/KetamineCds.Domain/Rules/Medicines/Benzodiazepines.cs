using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-001: Benzodiazepine co-medication: more sedation; monitor closely and record it on the REMS monitoring form. (SPRAVATO-PI-US, SPRAVATO-REMS)</summary>
public class Benzodiazepines : Rule
{
    public override string Id => "MED-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoRems];

    public override string ConditionText => "A daily benzodiazepine dose above 0 mg diazepam-equivalent is recorded.";

    public override Condition Condition { get; } = Above(Fields.BenzodiazepineDiazepamEquivalentMg, 0m);

    public override string Summary => "Benzodiazepine co-medication: more sedation; monitor closely and record it on the REMS monitoring form.";

    public override string Detail =>
        "CNS depressants such as benzodiazepines add to esketamine's sedation; the REMS monitoring form asks about them. Cohort data also suggest that higher daily doses may blunt ketamine's antidepressant effect (fact base section 3.4, not yet a cited source).";
}
