using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>SUB-004: Record which substances the substance use disorder involves, ketamine or PCP in particular. (SPRAVATO-PI-US)</summary>
public class SubstancesNotRecorded : Rule
{
    public override string Id => "SUB-004";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "A substance use disorder (in remission or active) is recorded but not which substances it involves.";

    public override Condition Condition { get; } = All(In(Fields.SubstanceUse, (SubstanceUse?)SubstanceUse.InRemission, SubstanceUse.Active), NotRecorded(Fields.SubstancesUsed));

    public override string Summary => "Record which substances the substance use disorder involves, ketamine or PCP in particular.";

    public override string Detail =>
        "Past misuse of ketamine or phencyclidine is the most direct warning sign for misuse of this drug class (SUB-003), and alcohol or sedatives add to sedation. Until the substances are recorded that risk cannot be weighed.";
}
