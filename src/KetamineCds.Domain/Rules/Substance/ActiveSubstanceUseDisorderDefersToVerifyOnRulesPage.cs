using KetamineCds.Domain.Principles;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>SUB-001: Active substance use disorder: defer ketamine and esketamine and treat the disorder first. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018, APA-KETAMINE-2017, YOON-2019) From 1.11.0 its detail points to "To verify" on the Rules page, not to a repository file, and no longer names the project's decision record (ADR 0002) for the safer reading (QA137 F5); nothing else of 1.2.0's changes.</summary>
public sealed class ActiveSubstanceUseDisorderDefersToVerifyOnRulesPage : ActiveSubstanceUseDisorderDefers
{
    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018, Citations.ApaKetamine2017, Citations.Yoon2019];

    public override string Detail =>
        "Esketamine carries a boxed warning on abuse and misuse, and the pain consensus advises against serial ketamine infusions during active substance abuse. The evidence is not uniform: the IV ketamine trial in depression with alcohol use disorder excluded other recent substance use disorders but enrolled patients with alcohol use disorder (whether the pivotal esketamine trials excluded active use is not yet confirmed: see To verify on the Rules page). The candidate rule set marks this as hold-or-defer; the safer reading, which this app takes for every defer state, blocks every pathway now until the disorder is treated.";
}
