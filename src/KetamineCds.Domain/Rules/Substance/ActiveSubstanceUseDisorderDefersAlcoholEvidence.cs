using KetamineCds.Domain.Principles;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>SUB-001: Active substance use disorder: defer ketamine and esketamine and treat the disorder first. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018, APA-KETAMINE-2017, YOON-2019) From 1.2.0 its detail no longer says the alcohol use disorder trial excluded active use: it enrolled patients with alcohol use disorder.</summary>
public sealed class ActiveSubstanceUseDisorderDefersAlcoholEvidence : ActiveSubstanceUseDisorderDefers
{
    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018, Citations.ApaKetamine2017, Citations.Yoon2019];
    public override string Detail =>
        "Esketamine carries a boxed warning on abuse and misuse, and the pain consensus advises against serial ketamine infusions during active substance abuse. The evidence is not uniform: the IV ketamine trial in depression with alcohol use disorder excluded other recent substance use disorders but enrolled patients with alcohol use disorder (whether the pivotal esketamine trials excluded active use is still to verify, docs/rules.md). The candidate rule set marks this as hold-or-defer; the safer reading, as ADR 0002 takes for every defer state, blocks every pathway now until the disorder is treated.";
}
