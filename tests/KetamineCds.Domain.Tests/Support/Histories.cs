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
}
