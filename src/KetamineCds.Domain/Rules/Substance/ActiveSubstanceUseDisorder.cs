using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>SUB-001: Active substance use disorder: high risk of misuse; weigh carefully and treat the disorder. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018, APA-KETAMINE-2017)</summary>
public sealed class ActiveSubstanceUseDisorder : Rule
{
    public override string Id => "SUB-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018, Citations.ApaKetamine2017];

    public override string ConditionText => "An active substance use disorder is recorded.";

    public override Condition Condition { get; } = Is(Fields.SubstanceUse, (SubstanceUse?)SubstanceUse.Active);

    public override string Summary => "Active substance use disorder: high risk of misuse; weigh carefully and treat the disorder.";

    public override string Detail =>
        "Esketamine is a Schedule III drug with a boxed warning on abuse and misuse; the label asks for careful consideration in patients with substance use disorder, the pain consensus advises against serial infusions during active abuse, and the ketamine consensus asks for substance-use assessment and urine toxicology where use is suspected.";
}
