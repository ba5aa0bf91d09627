namespace KetamineCds.Domain.Tests.Support;

/// <summary>The request field names of <c>shared/api/screening-v1.md</c>, copied from the contract's table (1.1 fields included).</summary>
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
}
