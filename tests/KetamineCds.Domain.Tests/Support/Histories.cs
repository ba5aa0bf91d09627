using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>Patient histories that tests start from and change one field at a time.</summary>
internal static class Histories
{
    /// <summary>A 45-year-old man with MDD in a current episode, one failed adequate trial, on an oral antidepressant.</summary>
    public static PatientHistory Adult() => new()
    {
        PatientReference = "TEST-1",
        AgeYears = 45,
        SexAtBirth = SexAtBirth.Male,
        Jurisdiction = Jurisdiction.Us,
        PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 1,
        OnOralAntidepressant = true,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.None,
    };

    /// <summary>Treatment-resistant MDD: three failed adequate trials of two mechanisms, on an oral antidepressant.</summary>
    public static PatientHistory Trd() => Adult() with { FailedAdequateTrials = 3, DistinctMechanisms = 2 };

    /// <summary>MDD with suicidality; safety plan, lethal-means counselling and follow-up all recorded as done.</summary>
    public static PatientHistory Suicidal(Suicidality suicidality = Suicidality.ActiveIdeation) => Adult() with
    {
        Suicidality = suicidality,
        SafetyPlanInPlace = true,
        LethalMeansCounselled = true,
        FollowUpArranged = true,
    };

    /// <summary>Bipolar depression on lithium at a therapeutic level, no mania or mixed features.</summary>
    public static PatientHistory BipolarDepression(PrimaryDiagnosis diagnosis = PrimaryDiagnosis.BipolarI) => Adult() with
    {
        PrimaryDiagnosis = diagnosis,
        FailedAdequateTrials = 2,
        MoodStabilizer = MoodStabilizer.Lithium,
        MoodStabilizerOptimized = true,
        CurrentManiaOrMixedFeatures = false,
    };

    /// <summary>A life-limiting illness with the given prognosis, in a current depressive episode.</summary>
    public static PatientHistory Palliative(int prognosisWeeks) => Adult() with
    {
        AgeYears = 70,
        LifeLimitingIllness = true,
        PrognosisWeeks = prognosisWeeks,
    };
    /// <summary>A history that indicates this pathway (off-label ketamine comes with esketamine for TRD, and back).</summary>
    public static PatientHistory IndicatedFor(Pathway pathway) => pathway switch
    {
        Pathway.EsketamineTrd or Pathway.KetamineOffLabelTrd => Trd(),
        Pathway.EsketamineSuicidalIdeation => Suicidal(Suicidality.ActiveIdeation),
        Pathway.BipolarAdjunct => BipolarDepression(),
        Pathway.PalliativeRapidActing => Palliative(4) with { FailedAdequateTrials = 0 },
        Pathway.InvestigationalPtsdOcd => Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ocd, CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(pathway), pathway, null),
    };

    /// <summary>
    /// The history with every safety item that could block a pathway recorded: those not yet recorded are recorded as
    /// absent ("no"), those recorded keep their answer. A clinician who has asked every safety question about a patient
    /// without these conditions records exactly this; rule set 1.1.0 keeps a pathway incomplete until then.
    /// </summary>
    public static PatientHistory WithSafetyItemsRecordedAbsent(this PatientHistory h) => h with
    {
        AneurysmalVascularDisease = h.AneurysmalVascularDisease ?? false,
        ArteriovenousMalformation = h.ArteriovenousMalformation ?? false,
        IntracerebralHemorrhageHistory = h.IntracerebralHemorrhageHistory ?? false,
        HypersensitivityToKetamine = h.HypersensitivityToKetamine ?? false,
        SeriousCardiovascularOrCerebrovascularCondition = h.SeriousCardiovascularOrCerebrovascularCondition ?? false,
        RecentMyocardialInfarctionOrStroke = h.RecentMyocardialInfarctionOrStroke ?? false,
        SubstanceUse = h.SubstanceUse ?? SubstanceUse.None,
        CurrentManiaOrMixedFeatures = h.CurrentManiaOrMixedFeatures ?? false,
        Pregnant = h.SexAtBirth == SexAtBirth.Male ? h.Pregnant : h.Pregnant ?? false,
        SuicidalIntent = h.Suicidality == Suicidality.None ? h.SuicidalIntent : h.SuicidalIntent ?? false,
        PreparatoryActsOrAbortedAttempt = h.Suicidality == Suicidality.None ? h.PreparatoryActsOrAbortedAttempt : h.PreparatoryActsOrAbortedAttempt ?? false,
    };

    /// <summary>
    /// The history with the care items recorded as well: blood pressure measured today (120/80 unless recorded), hepatic
    /// status, the medicine list and the other pre-treatment safety history recorded as absent unless recorded. From rule
    /// set 1.2.0 an open pathway reads plainly eligible only then: a care item not recorded is a caution.
    /// </summary>
    public static PatientHistory WithCareItemsRecorded(this PatientHistory h) => h with
    {
        SystolicBp = h.SystolicBp ?? 120,
        DiastolicBp = h.DiastolicBp ?? 80,
        HepaticImpairment = h.HepaticImpairment ?? HepaticImpairment.None,
        OnOpioids = h.OnOpioids ?? false,
        OnNaltrexone = h.OnNaltrexone ?? false,
        BenzodiazepineDiazepamEquivalentMg = h.BenzodiazepineDiazepamEquivalentMg ?? 0m,
        OnPsychostimulantOrMaoi = h.OnPsychostimulantOrMaoi ?? false,
        OtherCnsDepressants = h.OtherCnsDepressants ?? false,
        RespiratoryDiseaseOrSleepApnea = h.RespiratoryDiseaseOrSleepApnea ?? false,
        OtherCardiovascularOrCerebrovascularDisease = h.OtherCardiovascularOrCerebrovascularDisease ?? false,
        HypertensiveEncephalopathyHistory = h.HypertensiveEncephalopathyHistory ?? false,
        CognitiveImpairment = h.CognitiveImpairment ?? false,
        UrinaryTractSymptoms = h.UrinaryTractSymptoms ?? false,
        Breastfeeding = h.SexAtBirth == SexAtBirth.Male ? h.Breastfeeding : h.Breastfeeding ?? false,
    };
}
