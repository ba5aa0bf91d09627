using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Reproductive;

/// <summary>REP-002: Breastfeeding: not recommended during treatment; discuss stopping or pausing breastfeeding. (SPRAVATO-PI-US)</summary>
public sealed class Breastfeeding : Rule
{
    public override string Id => "REP-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "The patient is recorded as breastfeeding.";

    public override Condition Condition { get; } = True(Fields.Breastfeeding);

    public override string Summary => "Breastfeeding: not recommended during treatment; discuss stopping or pausing breastfeeding.";

    public override string Detail =>
        "Esketamine passes into human milk and breastfeeding is not recommended during treatment.";
}
