using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-004: Other CNS depressants, alcohol included: more sedation and a higher risk of respiratory depression; monitor closely. (P-SAFETY-REMS, SPRAVATO-PI-US, SPRAVATO-REMS)</summary>
public sealed class OtherCnsDepressants : Rule
{
    public override string Id => "MED-004";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoRems];

    public override string ConditionText => "Other CNS depressants are recorded: regular alcohol, z-drugs, gabapentinoids, barbiturates or sedating antihistamines.";

    public override Condition Condition { get; } = True(Fields.OtherCnsDepressants);

    public override string Summary => "Other CNS depressants, alcohol included: more sedation and a higher risk of respiratory depression; monitor closely.";

    public override string Detail =>
        "The label warns that CNS depressants such as benzodiazepines, opioids and alcohol increase sedation, and that respiratory depression has been observed; monitor sedation and breathing with pulse oximetry, and list these medicines on the REMS monitoring form.";
}
