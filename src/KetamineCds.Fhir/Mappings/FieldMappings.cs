using KetamineCds.Domain.Screening;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// How each field the field catalogue gives a value set is read (docs/fhir-mapping.md). The catalogue says which value
/// set; this says which resources and statuses count. A test checks that the two name the same fields.
/// </summary>
internal static class FieldMappings
{
    /// <summary>The window of <see cref="Fields.RecentMyocardialInfarctionOrStroke"/>: 6 weeks (rule CV-006).</summary>
    public const int RecentEventWindowDays = 42;

    private static readonly HashSet<ClinicalState> DiagnosisStates = [ClinicalState.Current, ClinicalState.Remission];

    private static readonly HashSet<ClinicalState> CurrentOnly = [ClinicalState.Current];

    /// <summary>The contract's "recent" suicide attempt is within 3 months; 90 days never reaches beyond that.</summary>
    public const int RecentSuicideAttemptWindowDays = 90;

    /// <summary>The PHQ-9 asks about the last 2 weeks; an older score is not today's.</summary>
    public const int Phq9WindowDays = 14;

    /// <summary>A pregnancy status is read only when it was recorded within the last week.</summary>
    public const int PregnancyStatusWindowDays = 7;

    public static IReadOnlyDictionary<string, FieldMapping> ByField { get; } = new Dictionary<string, FieldMapping>(StringComparer.Ordinal)
    {
        [Fields.Pregnant.Name] = new PregnancyStatus(PregnancyStatusWindowDays),
        [Fields.PrimaryDiagnosis.Name] = new ConditionChoice(DiagnosisStates, new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["mdd"] = ["bipolar-i", "bipolar-ii", "bipolar"],
            ["bipolar"] = ["bipolar-i", "bipolar-ii"],
        }),
        [Fields.CurrentDepressiveEpisode.Name] = ConditionFlag.Current(refutedAnswersNo: false),
        [Fields.OnOralAntidepressant.Name] = new MedicationFlag(),
        [Fields.OralAntidepressantClass.Name] = new MedicationChoice(["ssri", "snri", "other"]),
        [Fields.MoodStabilizer.Name] = new MedicationChoice(["lithium", "valproate", "atypical-antipsychotic", "lamotrigine", "other"]),
        [Fields.Psychosis.Name] = new ConditionChoice(CurrentOnly, new Dictionary<string, string[]>(StringComparer.Ordinal)),
        [Fields.Suicidality.Name] = ConditionFlag.Recent(RecentSuicideAttemptWindowDays, yesValue: "recent-attempt", refutedAnswersNo: false),
        [Fields.OnOpioids.Name] = new MedicationFlag(),
        [Fields.OnNaltrexone.Name] = new MedicationFlag(),
        [Fields.OnPsychostimulantOrMaoi.Name] = new MedicationFlag(),
        [Fields.OtherCnsDepressants.Name] = new MedicationFlag(),
        [Fields.SubstanceUse.Name] = new SubstanceUseStatus(),
        [Fields.SubstancesUsed.Name] = new SubstancesUsed(),
        [Fields.AneurysmalVascularDisease.Name] = ConditionFlag.Current(),
        [Fields.IntracerebralHemorrhageHistory.Name] = ConditionFlag.History(),
        [Fields.SeriousCardiovascularOrCerebrovascularCondition.Name] = ConditionFlag.Current(),
        [Fields.RecentMyocardialInfarctionOrStroke.Name] = ConditionFlag.Recent(RecentEventWindowDays),
        [Fields.HypertensiveEncephalopathyHistory.Name] = ConditionFlag.History(),
        [Fields.CognitiveImpairment.Name] = ConditionFlag.Current(),
        [Fields.SystolicBp.Name] = new BloodPressure(systolic: true),
        [Fields.DiastolicBp.Name] = new BloodPressure(systolic: false),
        [Fields.Phq9Total.Name] = new ObservationScore(Phq9WindowDays),
        [Fields.Phq9Item9.Name] = new ObservationScore(Phq9WindowDays),
    };
}
