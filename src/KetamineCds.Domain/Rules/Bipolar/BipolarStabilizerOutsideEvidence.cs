using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-005: The mood stabilizer is not lithium or valproate, the agents the controlled studies used. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public sealed class BipolarStabilizerOutsideEvidence : Rule
{
    public override string Id => "BIP-005";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder on an optimized mood stabilizer other than lithium or valproate.";

    public override Condition Condition { get; } = All(Indications.BipolarDiagnosis, In(Fields.MoodStabilizer, (MoodStabilizer?)MoodStabilizer.Lamotrigine, MoodStabilizer.AtypicalAntipsychotic, MoodStabilizer.Other), True(Fields.MoodStabilizerOptimized));

    public override string Summary => "The mood stabilizer is not lithium or valproate, the agents the controlled studies used.";

    public override string Detail =>
        "Controlled data on adjunctive ketamine in bipolar depression come from patients on lithium or valproate. With another mood stabilizer the protection against switching is less well studied; weigh this and monitor closely.";
}
