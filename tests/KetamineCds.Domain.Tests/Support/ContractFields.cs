namespace KetamineCds.Domain.Tests.Support;

/// <summary>
/// The request field names of <c>shared/api/screening-v1.md</c>, copied from the contract's table (1.1 fields included),
/// and the optional fields the software adds within v1, as the contract allows ("the software may add optional fields
/// ... for new concepts"); each addition is documented in docs/web.md ("Fields added to contract v1").
/// </summary>
internal static class ContractFields
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "patientReference", "ageYears", "sexAtBirth", "pregnant", "breastfeeding", "jurisdiction", "primaryDiagnosis",
        "currentDepressiveEpisode", "failedAdequateTrials", "distinctMechanisms", "onOralAntidepressant", "moodStabilizer",
        "moodStabilizerOptimized", "currentManiaOrMixedFeatures", "psychosis", "suicidality", "safetyPlanInPlace",
        "lethalMeansCounselled", "followUpArranged", "suicidalIntent", "preparatoryActsOrAbortedAttempt", "lifeLimitingIllness", "prognosisWeeks", "chronicNeuropathicPain",
        "onOpioids", "opioidInducedHyperalgesia", "onNaltrexone", "benzodiazepineDiazepamEquivalentMg",
        "onPsychostimulantOrMaoi", "substanceUse", "substancesUsed", "otherCnsDepressants", "oralAntidepressantClass", "aneurysmalVascularDisease", "arteriovenousMalformation",
        "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition",
        "recentMyocardialInfarctionOrStroke", "hypertensiveEncephalopathyHistory", "respiratoryDiseaseOrSleepApnea", "cognitiveImpairment",
        "urinaryTractSymptoms",
        "systolicBp", "diastolicBp", "hepaticImpairment", "phq9Total", "phq9Item9", "clinicianNote",
    };

    /// <summary>Optional fields added by the software within v1 (rule set 1.3.0 on), not in the contract's table.</summary>
    public static readonly IReadOnlySet<string> SoftwareAdditions = new HashSet<string>(StringComparer.Ordinal)
    {
        "otherCardiovascularOrCerebrovascularDisease",
        "suicideRiskAssessedAfterItem9",
        "raisedIntraocularPressure",
    };

    /// <summary>Every request field the software takes: the contract's and its additions.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(Names.Concat(SoftwareAdditions), StringComparer.Ordinal);
}
