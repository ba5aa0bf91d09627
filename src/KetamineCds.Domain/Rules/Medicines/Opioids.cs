using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-002: Opioid co-medication: more sedation and risk of respiratory depression; monitor breathing with pulse oximetry. (SPRAVATO-PI-US, SPRAVATO-REMS)</summary>
public sealed class Opioids : Rule
{
    public override string Id => "MED-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoRems];

    public override string ConditionText => "The patient is recorded as taking opioids.";

    public override Condition Condition { get; } = True(Fields.OnOpioids);

    public override string Summary => "Opioid co-medication: more sedation and risk of respiratory depression; monitor breathing with pulse oximetry.";

    public override string Detail =>
        "Opioids add to sedation, and the current label and REMS form name respiratory depression; monitor respiratory status closely during the observation period.";
}
