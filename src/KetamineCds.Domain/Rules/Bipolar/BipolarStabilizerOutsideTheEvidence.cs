using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-005: The mood stabilizer is not lithium or valproate, the agents the controlled studies used: weigh the weaker protection and monitor closely. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public sealed class BipolarStabilizerOutsideTheEvidence : Rule
{
    public override string Id => "BIP-005";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar disorder on an optimized atypical antipsychotic, or bipolar II disorder on optimized lamotrigine or another agent: not lithium or valproate, the agents the controlled studies used.";

    public override Condition Condition { get; } = All(Indications.BipolarDiagnosis, True(Fields.MoodStabilizerOptimized), Any(Is(Fields.MoodStabilizer, (MoodStabilizer?)MoodStabilizer.AtypicalAntipsychotic), All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.BipolarII), In(Fields.MoodStabilizer, (MoodStabilizer?)MoodStabilizer.Lamotrigine, MoodStabilizer.Other))));

    public override string Summary => "The mood stabilizer is not lithium or valproate, the agents the controlled studies used: weigh the weaker protection and monitor closely.";

    public override string Detail =>
        "Controlled data on adjunctive ketamine in bipolar depression come from patients on lithium or valproate. An atypical antipsychotic, or in bipolar II disorder lamotrigine or another agent, gives protection against switching that is less well studied with ketamine; weigh this and monitor for hypomania closely.";
}
