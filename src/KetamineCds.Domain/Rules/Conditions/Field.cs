using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>A named input of <see cref="PatientHistory"/>, spelt as the contract spells it.</summary>
/// <typeparam name="T">The field's type; nullable where the field may be "not recorded".</typeparam>
public sealed class Field<T>
{
    private readonly Func<PatientHistory, T> _get;

    internal Field(string name, Func<PatientHistory, T> get)
    {
        Name = name;
        _get = get;
    }

    /// <summary>The contract's field name, e.g. <c>failedAdequateTrials</c>.</summary>
    public string Name { get; }

    public T Of(PatientHistory history) => _get(history);

    public override string ToString() => Name;
}

/// <summary>Every input field a rule may read.</summary>
public static class Fields
{
    public static readonly Field<int> AgeYears = new("ageYears", h => h.AgeYears);
    public static readonly Field<SexAtBirth?> SexAtBirth = new("sexAtBirth", h => h.SexAtBirth);
    public static readonly Field<bool?> Pregnant = new("pregnant", h => h.Pregnant);
    public static readonly Field<bool?> Breastfeeding = new("breastfeeding", h => h.Breastfeeding);
    public static readonly Field<Jurisdiction> Jurisdiction = new("jurisdiction", h => h.Jurisdiction);
    public static readonly Field<PrimaryDiagnosis> PrimaryDiagnosis = new("primaryDiagnosis", h => h.PrimaryDiagnosis);
    public static readonly Field<bool> CurrentDepressiveEpisode = new("currentDepressiveEpisode", h => h.CurrentDepressiveEpisode);
    public static readonly Field<int> FailedAdequateTrials = new("failedAdequateTrials", h => h.FailedAdequateTrials);
    public static readonly Field<int?> DistinctMechanisms = new("distinctMechanisms", h => h.DistinctMechanisms);
    public static readonly Field<bool> OnOralAntidepressant = new("onOralAntidepressant", h => h.OnOralAntidepressant);
    public static readonly Field<MoodStabilizer?> MoodStabilizer = new("moodStabilizer", h => h.MoodStabilizer);
    public static readonly Field<bool?> MoodStabilizerOptimized = new("moodStabilizerOptimized", h => h.MoodStabilizerOptimized);
    public static readonly Field<bool?> CurrentManiaOrMixedFeatures = new("currentManiaOrMixedFeatures", h => h.CurrentManiaOrMixedFeatures);
    public static readonly Field<PsychosisStatus> Psychosis = new("psychosis", h => h.Psychosis);
    public static readonly Field<Suicidality> Suicidality = new("suicidality", h => h.Suicidality);
    public static readonly Field<bool?> SafetyPlanInPlace = new("safetyPlanInPlace", h => h.SafetyPlanInPlace);
    public static readonly Field<bool?> LethalMeansCounselled = new("lethalMeansCounselled", h => h.LethalMeansCounselled);
    public static readonly Field<bool?> FollowUpArranged = new("followUpArranged", h => h.FollowUpArranged);
    public static readonly Field<bool?> LifeLimitingIllness = new("lifeLimitingIllness", h => h.LifeLimitingIllness);
    public static readonly Field<int?> PrognosisWeeks = new("prognosisWeeks", h => h.PrognosisWeeks);
    public static readonly Field<bool?> ChronicNeuropathicPain = new("chronicNeuropathicPain", h => h.ChronicNeuropathicPain);
    public static readonly Field<bool?> OnOpioids = new("onOpioids", h => h.OnOpioids);
    public static readonly Field<bool?> OpioidInducedHyperalgesia = new("opioidInducedHyperalgesia", h => h.OpioidInducedHyperalgesia);
    public static readonly Field<bool?> OnNaltrexone = new("onNaltrexone", h => h.OnNaltrexone);
    public static readonly Field<decimal?> BenzodiazepineDiazepamEquivalentMg = new("benzodiazepineDiazepamEquivalentMg", h => h.BenzodiazepineDiazepamEquivalentMg);
    public static readonly Field<bool?> OnPsychostimulantOrMaoi = new("onPsychostimulantOrMaoi", h => h.OnPsychostimulantOrMaoi);
    public static readonly Field<SubstanceUse?> SubstanceUse = new("substanceUse", h => h.SubstanceUse);
    public static readonly Field<bool?> AneurysmalVascularDisease = new("aneurysmalVascularDisease", h => h.AneurysmalVascularDisease);
    public static readonly Field<bool?> ArteriovenousMalformation = new("arteriovenousMalformation", h => h.ArteriovenousMalformation);
    public static readonly Field<bool?> IntracerebralHemorrhageHistory = new("intracerebralHemorrhageHistory", h => h.IntracerebralHemorrhageHistory);
    public static readonly Field<bool?> HypersensitivityToKetamine = new("hypersensitivityToKetamine", h => h.HypersensitivityToKetamine);
    public static readonly Field<bool?> SeriousCardiovascularOrCerebrovascularCondition = new("seriousCardiovascularOrCerebrovascularCondition", h => h.SeriousCardiovascularOrCerebrovascularCondition);
    public static readonly Field<int?> SystolicBp = new("systolicBp", h => h.SystolicBp);
    public static readonly Field<int?> DiastolicBp = new("diastolicBp", h => h.DiastolicBp);
    public static readonly Field<HepaticImpairment?> HepaticImpairment = new("hepaticImpairment", h => h.HepaticImpairment);
    public static readonly Field<int?> Phq9Total = new("phq9Total", h => h.Phq9Total);
    public static readonly Field<int?> Phq9Item9 = new("phq9Item9", h => h.Phq9Item9);
}
