using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>
/// The rules rule set 1.5.0 replaced (docs/clinical-review.md, section 13), each with a history that fires it and one at
/// its edge, under every earlier release that has it: the releases stay replayable, so they stay covered. The edge of the
/// rules that read the suicidal-ideation pathway's indication is the audit's C2 history, passive ideation with an aborted
/// attempt or preparatory acts: no pathway was indicated for it before 1.5.0.
/// </summary>
internal static class ReplacedIn1_5_0
{
    /// <summary>MDD, one failed trial, passive ideation, an aborted or interrupted attempt or preparatory acts within 3 months, safety net complete.</summary>
    public static PatientHistory PassiveWithAbortedAttempt() =>
        Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = true };

    public static (PatientHistory Fires, PatientHistory Edge) For(string ruleId) => ruleId switch
    {
        "SUI-001" => (Suicidal(Suicidality.ActiveIdeation), PassiveWithAbortedAttempt()),
        "SUI-002" => (Suicidal(Suicidality.ActiveIdeation) with { OnOralAntidepressant = false }, PassiveWithAbortedAttempt() with { OnOralAntidepressant = false }),
        "SUI-008" => (Adult() with { Phq9Total = 15, Phq9Item9 = 1 }, Adult() with { Phq9Total = 15, Phq9Item9 = 0 }),
        "REC-002" => (Suicidal(Suicidality.ActiveIdeation), PassiveWithAbortedAttempt()),
        "REMS-001" or "REMS-002" or "REMS-003" or "REMS-004" or "BIO-001" or "CV-004" or "HEP-003" or "MED-005" or "SAF-001" =>
            (Trd(), PassiveWithAbortedAttempt()),
        "SUB-003" => (Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.KetamineOrPcp]) },
            Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Alcohol]) }),
        "NAL-001" => (Trd() with { OnNaltrexone = true }, Trd() with { OnNaltrexone = false }),
        "COG-001" => (Trd() with { CognitiveImpairment = true }, Trd() with { CognitiveImpairment = false }),
        "BIP-004" => (Trd() with { CurrentManiaOrMixedFeatures = true }, Trd() with { CurrentManiaOrMixedFeatures = false }),
        "SCR-001" => (Trd() with { Phq9Total = 9, Phq9Item9 = 0 }, Trd() with { Phq9Total = 10, Phq9Item9 = 0 }),
        "URO-001" => (Trd() with { UrinaryTractSymptoms = true }, Trd() with { UrinaryTractSymptoms = false }),
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a rule 1.5.0 replaced"),
    };
}
