using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-003: Bipolar disorder: optimize the mood stabilizer to a therapeutic level before considering ketamine. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public sealed class BipolarMoodStabilizerNotOptimized : Rule
{
    public override string Id => "BIP-003";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder on a mood stabilizer that is not recorded as optimized (at a therapeutic level).";

    public override Condition Condition { get; } = All(Indications.BipolarDiagnosis, Not(Any(Is(Fields.MoodStabilizer, MoodStabilizer.None), NotRecorded(Fields.MoodStabilizer))), NotTrue(Fields.MoodStabilizerOptimized));

    public override string Summary => "Bipolar disorder: optimize the mood stabilizer to a therapeutic level before considering ketamine.";

    public override string Detail =>
        "The controlled evidence comes from patients maintained at therapeutic lithium or valproate levels. Until the mood stabilizer is optimized, every pathway stays closed.";
}
