using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>SUB-002: Substance use disorder in remission: assess misuse risk and monitor for misuse. (SPRAVATO-PI-US, APA-KETAMINE-2017)</summary>
public sealed class SubstanceUseDisorderInRemission : Rule
{
    public override string Id => "SUB-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.ApaKetamine2017];

    public override string ConditionText => "A substance use disorder in remission is recorded.";

    public override Condition Condition { get; } = Is(Fields.SubstanceUse, (SubstanceUse?)SubstanceUse.InRemission);

    public override string Summary => "Substance use disorder in remission: assess misuse risk and monitor for misuse.";

    public override string Detail =>
        "A history of substance use disorder, including alcohol, raises the risk of misuse; the label asks for careful consideration and monitoring of all patients for abuse and misuse.";
}
