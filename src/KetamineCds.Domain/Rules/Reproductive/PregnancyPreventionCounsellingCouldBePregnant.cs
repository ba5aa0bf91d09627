using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Reproductive;

/// <summary>REP-003: Counsel on pregnancy planning and prevention, and stop treatment if pregnancy occurs. (SPRAVATO-PI-US)</summary>
public sealed class PregnancyPreventionCounsellingCouldBePregnant : Rule
{
    public override string Id => "REP-003";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Sex at birth not recorded as male, aged 12-55, and not recorded as pregnant (recorded as not pregnant, or pregnancy status not recorded).";

    public override Condition Condition { get; } = All(Indications.NotRecordedAsMale, Between(Fields.AgeYears, 12, 55), NotTrue(Fields.Pregnant));

    public override string Summary => "Counsel on pregnancy planning and prevention, and stop treatment if pregnancy occurs.";

    public override string Detail =>
        "The label advises that patients who could become pregnant consider pregnancy planning and prevention, and that treatment be stopped if pregnancy occurs. Where pregnancy status is not recorded, record it first: pregnancy blocks treatment (REP-001).";
}
