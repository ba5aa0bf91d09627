using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Urinary;

/// <summary>
/// URO-001 from 1.5.0: the label asks to monitor urinary and bladder symptoms and refer as warranted; 1.1.0's "refer to
/// urology" was more specific than the source, and the baseline and questions at each visit are marked as the app's
/// suggestion (C4). (SPRAVATO-PI-US; docs/clinical-review.md, section 13)
/// </summary>
public sealed class UrinaryTractSymptomsReferAsWarranted : Rule
{
    public override string Id => "URO-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Ulcerative or interstitial cystitis, or lower urinary tract symptoms, are recorded.";

    public override Condition Condition { get; } = True(Fields.UrinaryTractSymptoms);

    public override string Summary => "Urinary tract symptoms or cystitis: record the baseline, monitor, and refer as warranted.";

    public override string Detail =>
        "Ulcerative or interstitial cystitis has been reported with off-label use, misuse or abuse of ketamine, and the esketamine trials saw more lower urinary tract symptoms than placebo. The label asks that urinary and bladder symptoms be monitored and referred as warranted. With symptoms at baseline, this app suggests recording them and asking about them at each visit.";
}
