using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Naltrexone;

/// <summary>NAL-001: Naltrexone may weaken ketamine's antidepressant effect; the evidence conflicts. (P-NALTREXONE, WILLIAMS-2018, YOON-2019)</summary>
public sealed class NaltrexoneCoPrescription : Rule
{
    public override string Id => "NAL-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Naltrexone];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Williams2018, Citations.Yoon2019];

    public override string ConditionText => "The patient is recorded as taking naltrexone (oral or injectable).";

    public override Condition Condition { get; } = True(Fields.OnNaltrexone);

    public override string Summary => "Naltrexone may weaken ketamine's antidepressant effect; the evidence conflicts.";

    public override string Detail =>
        "A small crossover trial in TRD stopped early because naltrexone appeared to block ketamine's antidepressant effect, while studies in depression with alcohol use disorder, where naltrexone is often prescribed, found no loss of response (discrepancy D7). Weigh whether naltrexone can be paused, and judge response with this in mind; this is not a contraindication.";
}
