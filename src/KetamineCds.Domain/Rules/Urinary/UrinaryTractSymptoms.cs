using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Urinary;

/// <summary>URO-001: Urinary tract symptoms or cystitis: record the baseline, monitor, and refer if symptoms worsen. (SPRAVATO-PI-US)</summary>
public sealed class UrinaryTractSymptoms : Rule
{
    public override string Id => "URO-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Ulcerative or interstitial cystitis, or lower urinary tract symptoms, are recorded.";

    public override Condition Condition { get; } = True(Fields.UrinaryTractSymptoms);

    public override string Summary => "Urinary tract symptoms or cystitis: record the baseline, monitor, and refer if symptoms worsen.";

    public override string Detail =>
        "Ketamine misuse can cause ulcerative or interstitial cystitis, and the esketamine trials saw more lower urinary tract symptoms than placebo. With symptoms at baseline, record them, ask at each visit and refer to urology if they develop or worsen.";
}
