using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>SUB-001: Active substance use disorder: defer ketamine and esketamine and treat the disorder first. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018, APA-KETAMINE-2017)</summary>
public class ActiveSubstanceUseDisorderDefers : Rule
{
    public override string Id => "SUB-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018, Citations.ApaKetamine2017];

    public override string ConditionText => "An active substance use disorder is recorded.";

    public override Condition Condition { get; } = Is(Fields.SubstanceUse, (SubstanceUse?)SubstanceUse.Active);

    public override string Summary => "Active substance use disorder: defer ketamine and esketamine and treat the disorder first.";

    public override string Detail =>
        "Esketamine carries a boxed warning on abuse and misuse; the pain consensus advises against serial ketamine infusions during active substance abuse, and the IV ketamine trial in depression with alcohol use disorder excluded active use (whether the pivotal esketamine trials did is still to verify, docs/rules.md). The candidate rule set marks this as hold-or-defer; the safer reading, as ADR 0002 takes for every defer state, blocks every pathway now until the disorder is treated.";
}
