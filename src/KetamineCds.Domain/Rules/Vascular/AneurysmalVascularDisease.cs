using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Vascular;

/// <summary>VAS-001: Aneurysmal vascular disease: esketamine is contraindicated. (SPRAVATO-PI-US)</summary>
public sealed class AneurysmalVascularDisease : Rule
{
    public override string Id => "VAS-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Aneurysmal vascular disease (aorta, intracranial or peripheral arterial) is recorded.";

    public override Condition Condition { get; } = True(Fields.AneurysmalVascularDisease);

    public override string Summary => "Aneurysmal vascular disease: esketamine is contraindicated.";

    public override string Detail =>
        "The label contraindicates esketamine where a rise in blood pressure or intracranial pressure would be a serious risk. The same pressor effect comes with racemic ketamine, so the safer reading blocks every pathway, not only esketamine.";
}
