using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>
/// BIP-004 from 1.5.0: the condition and kind are 1.1.0's; "a manic or mixed state also calls the working diagnosis into
/// question" is now marked as the app's suggestion (C4). (P-BIPOLAR, DIAZGRANADOS-2010; docs/clinical-review.md, section 13)
/// </summary>
public sealed class CurrentManiaOrMixedFeaturesBlocksAsSourced : Rule
{
    public override string Id => "BIP-004";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Current mania, hypomania or mixed features are recorded, in any diagnosis.";

    public override Condition Condition { get; } = True(Fields.CurrentManiaOrMixedFeatures);

    public override string Summary => "Current mania or mixed features: defer ketamine until the mood state is clarified and treated.";

    public override string Detail =>
        "The studies enrolled patients in a depressive episode only, and the source document warns that the excitatory effect may push a patient towards mania. Blocking major depression with mixed features as well is this app's safer reading, and the app suggests reviewing the working diagnosis too; because it blocks in every diagnosis, the question is asked of every patient and its absence keeps the pathways incomplete.";
}
