using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Substance;

/// <summary>
/// SUB-003 from 1.5.0: its detail states only what the label says on abuse and misuse; 1.1.0's "like other drugs of its
/// class" and "risks relapse and diversion" had no source (C3). (SPRAVATO-PI-US; docs/clinical-review.md, section 13)
/// </summary>
public sealed class KetamineOrPcpUseAbuseRiskAsLabelled : Rule
{
    public override string Id => "SUB-003";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "The substances recorded for the substance use disorder include ketamine or phencyclidine (PCP).";

    public override Condition Condition { get; } = Contains(Fields.SubstancesUsed, SubstanceUsed.KetamineOrPcp);

    public override string Summary => "Ketamine or PCP among the substances used: a direct warning sign for misuse of this drug; treatment with ketamine or esketamine needs a very strong reason.";

    public override string Detail =>
        "The label warns that esketamine can be abused and misused, asks that each patient's risk be assessed before prescribing, and notes that a history of drug abuse or dependence may raise it. Here the substance misused is ketamine or PCP itself. If treatment is still considered, it is given only under direct observation, with abuse-risk monitoring and nothing taken home.";
}
