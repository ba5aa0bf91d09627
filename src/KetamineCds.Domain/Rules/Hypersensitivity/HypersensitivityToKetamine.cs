using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Hypersensitivity;

/// <summary>ALG-001: Hypersensitivity to ketamine or esketamine: contraindicated. (SPRAVATO-PI-US)</summary>
public sealed class HypersensitivityToKetamine : Rule
{
    public override string Id => "ALG-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Hypersensitivity to esketamine, ketamine or any excipient is recorded.";

    public override Condition Condition { get; } = True(Fields.HypersensitivityToKetamine);

    public override string Summary => "Hypersensitivity to ketamine or esketamine: contraindicated.";

    public override string Detail =>
        "The label contraindicates esketamine in patients hypersensitive to esketamine, ketamine or the excipients; esketamine is an enantiomer of ketamine, so every pathway is blocked.";
}
