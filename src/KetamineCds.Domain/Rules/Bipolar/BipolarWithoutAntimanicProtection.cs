using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-002: Bipolar disorder without antimanic protection: ketamine would in effect be monotherapy, which is never appropriate here. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public sealed class BipolarWithoutAntimanicProtection : Rule
{
    public override string Id => "BIP-002";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder and no mood stabilizer (none, or not recorded), or bipolar I disorder whose only mood stabilizer is lamotrigine or another agent without antimanic protection.";

    public override Condition Condition { get; } = All(Indications.BipolarDiagnosis, Any(Is(Fields.MoodStabilizer, MoodStabilizer.None), NotRecorded(Fields.MoodStabilizer), All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.BipolarI), In(Fields.MoodStabilizer, (MoodStabilizer?)MoodStabilizer.Lamotrigine, MoodStabilizer.Other))));

    public override string Summary => "Bipolar disorder without antimanic protection: ketamine would in effect be monotherapy, which is never appropriate here.";

    public override string Detail =>
        "Because of the risk of switching into mania, ketamine is used in bipolar depression only under the protection of a mood stabilizer, and the controlled studies used lithium or valproate. In bipolar I disorder lamotrigine protects against depression rather than mania, and an unnamed other agent cannot be assumed to protect, so they count as no mood stabilizer here. Start and optimize an antimanic mood stabilizer first; every pathway stays closed until then.";
}
