using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Naltrexone;

/// <summary>
/// NAL-001 from 1.5.0: its detail no longer says that naltrexone "protects against relapse", a claim with no source (C3);
/// naltrexone given for alcohol or opioid use disorder is still never stopped for ketamine. (P-NALTREXONE, WILLIAMS-2018,
/// YOON-2019; docs/clinical-review.md, section 13)
/// </summary>
public sealed class NaltrexoneKeptForItsDisorder : Rule
{
    public override string Id => "NAL-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Naltrexone];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Williams2018, Citations.Yoon2019];

    public override string ConditionText => "The patient is recorded as taking naltrexone (oral or injectable).";

    public override Condition Condition { get; } = True(Fields.OnNaltrexone);

    public override string Summary => "Naltrexone may weaken ketamine's antidepressant effect (the evidence conflicts); never stop naltrexone given for alcohol or opioid use disorder to make room for ketamine.";

    public override string Detail =>
        "A small crossover trial in TRD stopped early because naltrexone appeared to block ketamine's antidepressant effect, while studies in depression with alcohol use disorder, where naltrexone is prescribed, found no loss of response (discrepancy D7). Naltrexone prescribed for alcohol or opioid use disorder treats that disorder, and this app never suggests stopping it for ketamine; after opioid use disorder a patient who stops it loses tolerance and is at risk of a fatal overdose on relapse. Weigh a possibly smaller response instead, and judge response with this in mind. Only naltrexone given for another reason may be reviewed with its prescriber.";
}
