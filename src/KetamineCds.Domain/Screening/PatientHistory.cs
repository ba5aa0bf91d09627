namespace KetamineCds.Domain.Screening;

/// <summary>
/// One patient's history as the clinician recorded it: every field of the screening contract
/// (<c>shared/api/screening-v1.md</c>). A <c>null</c> optional field means "not recorded", which is never the same as
/// "no": rules that need a fact treat "not recorded" as not established, and say so.
/// Shape (ranges, required fields) is checked by the validator before a history reaches the engine. What each field
/// means (its label, help, unit and range) is said once, in the field catalogue (<see cref="Fields"/>).
/// </summary>
public sealed record PatientHistory
{
    public required string PatientReference { get; init; }

    public required int AgeYears { get; init; }

    public SexAtBirth? SexAtBirth { get; init; }

    public bool? Pregnant { get; init; }

    public bool? Breastfeeding { get; init; }

    /// <summary>The labelling regime; the contract's default is <see cref="Jurisdiction.Us"/>.</summary>
    public Jurisdiction Jurisdiction { get; init; } = Jurisdiction.Us;

    public required PrimaryDiagnosis PrimaryDiagnosis { get; init; }

    public required bool CurrentDepressiveEpisode { get; init; }

    public required int FailedAdequateTrials { get; init; }

    public int? DistinctMechanisms { get; init; }

    public required bool OnOralAntidepressant { get; init; }

    public MoodStabilizer? MoodStabilizer { get; init; }

    public bool? MoodStabilizerOptimized { get; init; }

    public bool? CurrentManiaOrMixedFeatures { get; init; }

    public required PsychosisStatus Psychosis { get; init; }

    public required Suicidality Suicidality { get; init; }

    public bool? SafetyPlanInPlace { get; init; }

    public bool? LethalMeansCounselled { get; init; }

    public bool? FollowUpArranged { get; init; }

    public bool? SuicidalIntent { get; init; }

    public bool? PreparatoryActsOrAbortedAttempt { get; init; }

    public bool? LifeLimitingIllness { get; init; }

    public int? PrognosisWeeks { get; init; }

    public bool? ChronicNeuropathicPain { get; init; }

    public bool? OnOpioids { get; init; }

    public bool? OpioidInducedHyperalgesia { get; init; }

    public bool? OnNaltrexone { get; init; }

    public decimal? BenzodiazepineDiazepamEquivalentMg { get; init; }

    public bool? OnPsychostimulantOrMaoi { get; init; }

    public SubstanceUse? SubstanceUse { get; init; }

    public ValueList<SubstanceUsed>? SubstancesUsed { get; init; }

    public bool? OtherCnsDepressants { get; init; }

    public OralAntidepressantClass? OralAntidepressantClass { get; init; }

    public bool? AneurysmalVascularDisease { get; init; }

    public bool? ArteriovenousMalformation { get; init; }

    public bool? IntracerebralHemorrhageHistory { get; init; }

    public bool? HypersensitivityToKetamine { get; init; }

    public bool? SeriousCardiovascularOrCerebrovascularCondition { get; init; }

    public bool? RecentMyocardialInfarctionOrStroke { get; init; }

    /// <summary>Cardiovascular or cerebrovascular disease other than the serious and recent conditions above (an addition to contract v1, rule set 1.3.0).</summary>
    public bool? OtherCardiovascularOrCerebrovascularDisease { get; init; }

    public bool? HypertensiveEncephalopathyHistory { get; init; }

    public bool? RespiratoryDiseaseOrSleepApnea { get; init; }

    public bool? CognitiveImpairment { get; init; }

    public bool? UrinaryTractSymptoms { get; init; }

    /// <summary>Raised intraocular pressure, e.g. uncontrolled or angle-closure glaucoma (a software addition from rule set 1.17.0; EYE-001).</summary>
    public bool? RaisedIntraocularPressure { get; init; }

    public int? SystolicBp { get; init; }

    public int? DiastolicBp { get; init; }

    public HepaticImpairment? HepaticImpairment { get; init; }

    public int? Phq9Total { get; init; }

    public int? Phq9Item9 { get; init; }

    public bool? SuicideRiskAssessedAfterItem9 { get; init; }

    public string? ClinicianNote { get; init; }

    /// <summary>
    /// The history of a validated request, from its contract values looked up by catalogue entry (null, an empty text
    /// or list: not recorded). Each field converts its own value (<see cref="Field{T}.From"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A required field is not recorded, or a choice is not the contract's.</exception>
    public static PatientHistory From(Func<FieldDefinition, object?> contractValue) => new()
    {
        PatientReference = Fields.PatientReference.From(contractValue),
        AgeYears = Fields.AgeYears.From(contractValue),
        SexAtBirth = Fields.SexAtBirth.From(contractValue),
        Pregnant = Fields.Pregnant.From(contractValue),
        Breastfeeding = Fields.Breastfeeding.From(contractValue),
        Jurisdiction = Fields.Jurisdiction.From(contractValue),
        PrimaryDiagnosis = Fields.PrimaryDiagnosis.From(contractValue),
        CurrentDepressiveEpisode = Fields.CurrentDepressiveEpisode.From(contractValue),
        FailedAdequateTrials = Fields.FailedAdequateTrials.From(contractValue),
        DistinctMechanisms = Fields.DistinctMechanisms.From(contractValue),
        OnOralAntidepressant = Fields.OnOralAntidepressant.From(contractValue),
        MoodStabilizer = Fields.MoodStabilizer.From(contractValue),
        MoodStabilizerOptimized = Fields.MoodStabilizerOptimized.From(contractValue),
        CurrentManiaOrMixedFeatures = Fields.CurrentManiaOrMixedFeatures.From(contractValue),
        Psychosis = Fields.Psychosis.From(contractValue),
        Suicidality = Fields.Suicidality.From(contractValue),
        SafetyPlanInPlace = Fields.SafetyPlanInPlace.From(contractValue),
        LethalMeansCounselled = Fields.LethalMeansCounselled.From(contractValue),
        FollowUpArranged = Fields.FollowUpArranged.From(contractValue),
        SuicidalIntent = Fields.SuicidalIntent.From(contractValue),
        PreparatoryActsOrAbortedAttempt = Fields.PreparatoryActsOrAbortedAttempt.From(contractValue),
        LifeLimitingIllness = Fields.LifeLimitingIllness.From(contractValue),
        PrognosisWeeks = Fields.PrognosisWeeks.From(contractValue),
        ChronicNeuropathicPain = Fields.ChronicNeuropathicPain.From(contractValue),
        OnOpioids = Fields.OnOpioids.From(contractValue),
        OpioidInducedHyperalgesia = Fields.OpioidInducedHyperalgesia.From(contractValue),
        OnNaltrexone = Fields.OnNaltrexone.From(contractValue),
        BenzodiazepineDiazepamEquivalentMg = Fields.BenzodiazepineDiazepamEquivalentMg.From(contractValue),
        OnPsychostimulantOrMaoi = Fields.OnPsychostimulantOrMaoi.From(contractValue),
        SubstanceUse = Fields.SubstanceUse.From(contractValue),
        SubstancesUsed = Fields.SubstancesUsed.From(contractValue),
        OtherCnsDepressants = Fields.OtherCnsDepressants.From(contractValue),
        OralAntidepressantClass = Fields.OralAntidepressantClass.From(contractValue),
        AneurysmalVascularDisease = Fields.AneurysmalVascularDisease.From(contractValue),
        ArteriovenousMalformation = Fields.ArteriovenousMalformation.From(contractValue),
        IntracerebralHemorrhageHistory = Fields.IntracerebralHemorrhageHistory.From(contractValue),
        HypersensitivityToKetamine = Fields.HypersensitivityToKetamine.From(contractValue),
        SeriousCardiovascularOrCerebrovascularCondition = Fields.SeriousCardiovascularOrCerebrovascularCondition.From(contractValue),
        RecentMyocardialInfarctionOrStroke = Fields.RecentMyocardialInfarctionOrStroke.From(contractValue),
        OtherCardiovascularOrCerebrovascularDisease = Fields.OtherCardiovascularOrCerebrovascularDisease.From(contractValue),
        HypertensiveEncephalopathyHistory = Fields.HypertensiveEncephalopathyHistory.From(contractValue),
        RespiratoryDiseaseOrSleepApnea = Fields.RespiratoryDiseaseOrSleepApnea.From(contractValue),
        CognitiveImpairment = Fields.CognitiveImpairment.From(contractValue),
        UrinaryTractSymptoms = Fields.UrinaryTractSymptoms.From(contractValue),
        RaisedIntraocularPressure = Fields.RaisedIntraocularPressure.From(contractValue),
        SystolicBp = Fields.SystolicBp.From(contractValue),
        DiastolicBp = Fields.DiastolicBp.From(contractValue),
        HepaticImpairment = Fields.HepaticImpairment.From(contractValue),
        Phq9Total = Fields.Phq9Total.From(contractValue),
        Phq9Item9 = Fields.Phq9Item9.From(contractValue),
        SuicideRiskAssessedAfterItem9 = Fields.SuicideRiskAssessedAfterItem9.From(contractValue),
        ClinicianNote = Fields.ClinicianNote.From(contractValue),
    };
}
