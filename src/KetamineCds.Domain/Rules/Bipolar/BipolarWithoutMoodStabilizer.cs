using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-002: Bipolar disorder without a mood stabilizer: ketamine would be monotherapy, which is never appropriate here. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public sealed class BipolarWithoutMoodStabilizer : Rule
{
    public override string Id => "BIP-002";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder and no mood stabilizer (none, or not recorded).";

    public override Condition Condition { get; } = All(Indications.BipolarDiagnosis, Any(Is(Fields.MoodStabilizer, MoodStabilizer.None), NotRecorded(Fields.MoodStabilizer)));

    public override string Summary => "Bipolar disorder without a mood stabilizer: ketamine would be monotherapy, which is never appropriate here.";

    public override string Detail =>
        "Because of the risk of switching into mania, ketamine is used in bipolar depression only under the protection of a mood stabilizer. Start and optimize one first; every pathway stays closed until then.";
}
