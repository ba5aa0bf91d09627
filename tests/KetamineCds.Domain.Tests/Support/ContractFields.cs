namespace KetamineCds.Domain.Tests.Support;

/// <summary>The request field names of <c>shared/api/screening-v1.md</c>, copied from the contract's table.</summary>
internal static class ContractFields
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "patientReference", "ageYears", "sexAtBirth", "pregnant", "breastfeeding", "jurisdiction", "primaryDiagnosis",
        "currentDepressiveEpisode", "failedAdequateTrials", "distinctMechanisms", "onOralAntidepressant", "moodStabilizer",
        "moodStabilizerOptimized", "currentManiaOrMixedFeatures", "psychosis", "suicidality", "safetyPlanInPlace",
        "lethalMeansCounselled", "followUpArranged", "lifeLimitingIllness", "prognosisWeeks", "chronicNeuropathicPain",
        "onOpioids", "opioidInducedHyperalgesia", "onNaltrexone", "benzodiazepineDiazepamEquivalentMg",
        "onPsychostimulantOrMaoi", "substanceUse", "aneurysmalVascularDisease", "arteriovenousMalformation",
        "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition",
        "systolicBp", "diastolicBp", "hepaticImpairment", "phq9Total", "phq9Item9", "clinicianNote",
    };
}
