using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Vascular;

/// <summary>VAS-002: Arteriovenous malformation: esketamine is contraindicated. (SPRAVATO-PI-US)</summary>
public sealed class ArteriovenousMalformation : Rule
{
    public override string Id => "VAS-002";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "An arteriovenous malformation is recorded.";

    public override Condition Condition { get; } = True(Fields.ArteriovenousMalformation);

    public override string Summary => "Arteriovenous malformation: esketamine is contraindicated.";

    public override string Detail =>
        "The label contraindicates esketamine where a rise in blood pressure or intracranial pressure would be a serious risk. The same pressor effect comes with racemic ketamine, so the safer reading blocks every pathway, not only esketamine.";
}
