namespace KetamineCds.Domain.Screening;

/// <summary>
/// The field catalogue: every field of the screening contract, declared once, in the contract's order. A rule reads a
/// field through its typed <see cref="Field{T}"/>; everything else (JSON, validation, the form, documents) walks
/// <see cref="All"/>.
/// </summary>
public static class Fields
{
    private static readonly AnswerCondition Bipolar = AnswerCondition.Parse("primaryDiagnosis=bipolar-i,bipolar-ii");
    private static readonly AnswerCondition AnySuicidality = AnswerCondition.Parse("suicidality<>none");
    private static readonly AnswerCondition ActiveIdeation = AnswerCondition.Parse("suicidality=active-ideation,active-ideation-with-plan");
    private static readonly AnswerCondition MoodStabilizerTaken = AnswerCondition.Parse("moodStabilizer<>none");
    private static readonly AnswerCondition BipolarOnMoodStabilizer = AnswerCondition.Parse("primaryDiagnosis=bipolar-i,bipolar-ii;moodStabilizer<>none");
    private static readonly AnswerCondition LifeLimiting = AnswerCondition.Parse("lifeLimitingIllness=true");
    private static readonly AnswerCondition AnySubstanceUse = AnswerCondition.Parse("substanceUse=in-remission,active");
    private static readonly AnswerCondition NotMale = AnswerCondition.Parse("sexAtBirth!=male");

    /// <summary>Sex at birth not male (or not recorded) and aged 12 to 55: the patient could be pregnant.</summary>
    private static readonly AnswerCondition CouldBePregnant = AnswerCondition.Parse("sexAtBirth!=male;ageYears:12-55");

    private static readonly AnswerCondition FemaleOfChildbearingAge = AnswerCondition.Parse("sexAtBirth=female;ageYears:12-55");

    public static readonly Field<string> PatientReference = new("patientReference", FieldType.Text, FieldSection.Patient, "Patient reference (MRN)", h => h.PatientReference)
    { Required = true, MaxLength = 64, Help = "The clinic's identifier (MRN): letters, digits, dot, hyphen or underscore. Never a name." };

    public static readonly Field<int> AgeYears = new("ageYears", FieldType.WholeNumber, FieldSection.Patient, "Age in years", h => h.AgeYears)
    { Required = true, Min = 0, Max = 120, Unit = "years", UnitOfOne = "year" };

    public static readonly Field<SexAtBirth?> SexAtBirth = new("sexAtBirth", FieldType.Choice, FieldSection.Patient, "Sex at birth", h => h.SexAtBirth)
    { Choices = WireNames.All<Screening.SexAtBirth>(), Help = "Unless it is male, the pregnancy question is asked for ages 12 to 55." };

    public static readonly Field<bool?> Pregnant = new("pregnant", FieldType.YesNo, FieldSection.Patient, "Pregnant", h => h.Pregnant)
    {
        MoreCautious = MoreCautiousAnswer.Yes,
        RequiredWhen = FemaleOfChildbearingAge,
        AskedWhen = CouldBePregnant,
        // A pregnancy recorded for a patient male at birth is a contradiction (one answer is wrong); "not pregnant" is not.
        YesRuledOutWhen = AnswerCondition.Parse("sexAtBirth=male"),
        NotRecorded = NotRecordedMeans.CanBlock,
        Help = "Asked whenever the patient could be pregnant; required for a female patient aged 12 to 55. If her pregnancy status is not known, find it out (a pregnancy test, for example) before screening: the screening cannot be recorded without it, and No is only for a patient known not to be pregnant.",
        ValueSet = "pregnancy-status",
        CurrentForDays = 7,
    };

    public static readonly Field<bool?> Breastfeeding = new("breastfeeding", FieldType.YesNo, FieldSection.Patient, "Breastfeeding", h => h.Breastfeeding)
    { MoreCautious = MoreCautiousAnswer.Yes, AskedWhen = NotMale, NotRecorded = NotRecordedMeans.CallsForCare, CurrentForDays = 0 };

    public static readonly Field<Jurisdiction> Jurisdiction = new("jurisdiction", FieldType.Choice, FieldSection.Patient, "Labelling jurisdiction", h => h.Jurisdiction)
    { Choices = WireNames.All<Screening.Jurisdiction>(), Default = "us", Help = "Which label applies; US when not recorded." };

    public static readonly Field<PrimaryDiagnosis> PrimaryDiagnosis = new("primaryDiagnosis", FieldType.Choice, FieldSection.Depression, "Primary diagnosis", h => h.PrimaryDiagnosis)
    { Required = true, Choices = WireNames.All<Screening.PrimaryDiagnosis>(), ValueSet = "primary-diagnosis" };

    public static readonly Field<bool> CurrentDepressiveEpisode = new("currentDepressiveEpisode", FieldType.YesNo, FieldSection.Depression, "Current major depressive episode", h => h.CurrentDepressiveEpisode)
    { Required = true, ValueSet = "current-depressive-episode", CurrentForDays = 0 };

    public static readonly Field<int> FailedAdequateTrials = new("failedAdequateTrials", FieldType.WholeNumber, FieldSection.Depression, "Failed adequate antidepressant trials", h => h.FailedAdequateTrials)
    { Required = true, Min = 0, Max = 30, Help = "Different antidepressants tried in this episode, each at an adequate dose for at least 4 weeks, without response." };

    public static readonly Field<int?> DistinctMechanisms = new("distinctMechanisms", FieldType.WholeNumber, FieldSection.Depression, "Distinct mechanisms tried", h => h.DistinctMechanisms)
    { Min = 0, Max = 30, AtMost = "failedAdequateTrials", Help = "Not more than the failed trials." };

    public static readonly Field<bool> OnOralAntidepressant = new("onOralAntidepressant", FieldType.YesNo, FieldSection.Depression, "On an oral antidepressant", h => h.OnOralAntidepressant)
    { Required = true, ValueSet = "oral-antidepressants", CurrentForDays = 0 };

    public static readonly Field<OralAntidepressantClass?> OralAntidepressantClass = new("oralAntidepressantClass", FieldType.Choice, FieldSection.Depression, "Class of the oral antidepressant", h => h.OralAntidepressantClass)
    {
        Since = "1.1.0",
        Choices = WireNames.All<Screening.OralAntidepressantClass>(),
        // Only the EU label's rule (EU-002) reads the class: elsewhere it is not asked, nor counted as a question not recorded.
        AskedWhen = AnswerCondition.Parse("onOralAntidepressant=true;jurisdiction=eu"),
        EmptyWhen = AnswerCondition.Parse("onOralAntidepressant=false"),
        NotRecorded = NotRecordedMeans.CallsForCare,
        Help = "The EU label asks for an SSRI or SNRI alongside esketamine for TRD.",
        ValueSet = "oral-antidepressants",
        CurrentForDays = 0,
    };

    public static readonly Field<MoodStabilizer?> MoodStabilizer = new("moodStabilizer", FieldType.Choice, FieldSection.Bipolar, "Mood stabilizer", h => h.MoodStabilizer)
    {
        Choices = WireNames.All<Screening.MoodStabilizer>(),
        RequiredWhen = Bipolar,
        AskedWhen = Bipolar,
        NotRecorded = NotRecordedMeans.CanBlock,
        Help = "Required for bipolar disorder; choose None if there is none.",
        ValueSet = "mood-stabilizers",
        CurrentForDays = 0,
    };

    public static readonly Field<bool?> MoodStabilizerOptimized = new("moodStabilizerOptimized", FieldType.YesNo, FieldSection.Bipolar, "Mood stabilizer at a therapeutic level", h => h.MoodStabilizerOptimized)
    {
        MoreCautious = MoreCautiousAnswer.No,
        RequiredWhen = MoodStabilizerTaken,
        AskedWhen = BipolarOnMoodStabilizer,
        // "No mood stabilizer, at a therapeutic level" says something impossible: refused, as a class without an oral antidepressant is (QA128 F8).
        EmptyWhen = AnswerCondition.Parse("moodStabilizer=none"),
        NotRecorded = NotRecordedMeans.CanBlock,
        // Required while a mood stabilizer is taken, so "Not known" is not offered: the help says what to answer (QA137 F6).
        Help = "Yes only when the level is known to be therapeutic; if that is not known, answer No, the safer answer: the result then shows every pathway that applies as not eligible until a therapeutic level is recorded (BIP-003).",
        CurrentForDays = 0,
    };

    public static readonly Field<bool?> CurrentManiaOrMixedFeatures = new("currentManiaOrMixedFeatures", FieldType.YesNo, FieldSection.Bipolar, "Current mania, hypomania or mixed features", h => h.CurrentManiaOrMixedFeatures)
    {
        MoreCautious = MoreCautiousAnswer.Yes,
        NotRecorded = NotRecordedMeans.CanBlock,
        CurrentForDays = 0,
        // Asked of everyone: the form asks it first in its section, before the questions only bipolar disorder calls for,
        // which the contract's order puts before it.
        FormOrder = -1,
    };

    public static readonly Field<PsychosisStatus> Psychosis = new("psychosis", FieldType.Choice, FieldSection.Psychosis, "Psychosis", h => h.Psychosis)
    { MoreCautious = MoreCautiousAnswer.LaterChoice, Required = true, Choices = WireNames.All<PsychosisStatus>(), Help = "Active includes current psychotic symptoms of any cause, a depressive episode with psychotic features among them.", ValueSet = "psychosis", CurrentForDays = 0 };

    public static readonly Field<Suicidality> Suicidality = new("suicidality", FieldType.Choice, FieldSection.Suicidality, "Suicidality", h => h.Suicidality)
    { MoreCautious = MoreCautiousAnswer.LaterChoice, Required = true, Choices = WireNames.All<Screening.Suicidality>(), Help = "A recent attempt is one within the last 3 months.", ValueSet = "suicide-attempt", CurrentForDays = 0 };

    public static readonly Field<bool?> SafetyPlanInPlace = new("safetyPlanInPlace", FieldType.YesNo, FieldSection.Suicidality, "Safety plan in place", h => h.SafetyPlanInPlace)
    { MoreCautious = MoreCautiousAnswer.No, RequiredWhen = AnySuicidality, AskedWhen = AnySuicidality, NotRecorded = NotRecordedMeans.CanBlock, Help = "Yes only when a safety plan is in place; if that is not known, answer No, the safer answer: the result then asks for one (SUI-003).", CurrentForDays = 0 };

    public static readonly Field<bool?> LethalMeansCounselled = new("lethalMeansCounselled", FieldType.YesNo, FieldSection.Suicidality, "Lethal-means counselling given", h => h.LethalMeansCounselled)
    { MoreCautious = MoreCautiousAnswer.No, RequiredWhen = AnySuicidality, AskedWhen = AnySuicidality, NotRecorded = NotRecordedMeans.CanBlock, Help = "Yes only when the counselling has been given; if that is not known, answer No, the safer answer: the result then asks for it (SUI-004).", CurrentForDays = 0 };

    public static readonly Field<bool?> FollowUpArranged = new("followUpArranged", FieldType.YesNo, FieldSection.Suicidality, "Immediate follow-up arranged", h => h.FollowUpArranged)
    { MoreCautious = MoreCautiousAnswer.No, RequiredWhen = AnySuicidality, AskedWhen = AnySuicidality, NotRecorded = NotRecordedMeans.CanBlock, Help = "Yes only when follow-up is arranged; if that is not known, answer No, the safer answer: the result then asks for it (SUI-005).", CurrentForDays = 0 };

    // Intent to act is asked after active thoughts (C-SSRS items 4 and 5 follow item 2): with "none" or passive ideation
    // recorded, no rule would read it, so it is refused rather than silently dropped (QA13 M2), as the behaviour below.
    public static readonly Field<bool?> SuicidalIntent = new("suicidalIntent", FieldType.YesNo, FieldSection.Suicidality, "Some intent to act on the thoughts", h => h.SuicidalIntent)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, AskedWhen = ActiveIdeation, YesRuledOutWhen = AnswerCondition.Parse("suicidality=none,passive-ideation"), NotRecorded = NotRecordedMeans.CanBlock, Help = "Asked for active ideation, with or without a plan.", CurrentForDays = 0 };

    // Recent suicidal behaviour with "no suicidality" recorded is a contradiction: no rule would read the behaviour (the
    // imminent-risk rules need some suicidality), so it is refused rather than silently dropped (clinical-review-1.5.0.md,
    // observation 1; C-SSRS item 6).
    public static readonly Field<bool?> PreparatoryActsOrAbortedAttempt = new("preparatoryActsOrAbortedAttempt", FieldType.YesNo, FieldSection.Suicidality, "Preparatory acts, or an aborted or interrupted attempt, within 3 months", h => h.PreparatoryActsOrAbortedAttempt)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, AskedWhen = AnySuicidality, YesRuledOutWhen = AnswerCondition.Parse("suicidality=none"), NotRecorded = NotRecordedMeans.CanBlock, CurrentForDays = 0 };

    // A prognosis in weeks speaks of a life-limiting illness: with one recorded, the illness must be answered (never left to
    // read as "no", which would close the palliative pathway), and "no illness" with a prognosis is a contradiction.
    // From rule set 1.16.0 the palliative pathway waits for it while it is not recorded (REC-005; P-PALLIATIVE, PAL-001 and
    // PAL-003 "cannot yet be ruled out"), so it is marked as able to keep a pathway waiting, as every field a completeness
    // rule waits for is (helper 310): the form counts and marks it with the questions that could block a pathway, as the
    // result page lists it under "Must be answered before a pathway can open". No contraindication of any rule set reads it,
    // so the completeness rules built from the contraindications that read such a field (PathwayCompleteness.For) are
    // unchanged, every released rule set with them. No order of caution (MoreCautious): it decides whether a pathway
    // applies, and no chart fills it.
    public static readonly Field<bool?> LifeLimitingIllness = new("lifeLimitingIllness", FieldType.YesNo, FieldSection.Palliative, "Life-limiting illness", h => h.LifeLimitingIllness)
    { RequiredWhen = AnswerCondition.Parse("prognosisWeeks:0-520"), NotRecorded = NotRecordedMeans.CanBlock };

    // What the palliative pathway reads the prognosis as (P-PALLIATIVE: "a conventional antidepressant may start working only
    // after the patient has died"): the expected survival, with "a prognosis of weeks" at most 8 (Indications, PAL-001).
    public static readonly Field<int?> PrognosisWeeks = new("prognosisWeeks", FieldType.WholeNumber, FieldSection.Palliative, "Prognosis in weeks", h => h.PrognosisWeeks)
    { Min = 0, Max = 520, Unit = "weeks", UnitOfOne = "week", Help = "The clinician's estimate of the patient's expected survival. With a prognosis of 8 weeks or less, a conventional antidepressant may act too late (PAL-001).", RequiredWhen = LifeLimiting, AskedWhen = LifeLimiting, EmptyWhen = AnswerCondition.Parse("lifeLimitingIllness=false"), CurrentForDays = 0 };

    public static readonly Field<bool?> ChronicNeuropathicPain = new("chronicNeuropathicPain", FieldType.YesNo, FieldSection.PainAndMedicines, "Chronic neuropathic pain", h => h.ChronicNeuropathicPain);

    public static readonly Field<bool?> OnOpioids = new("onOpioids", FieldType.YesNo, FieldSection.PainAndMedicines, "On opioids", h => h.OnOpioids)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, ValueSet = "opioids", CurrentForDays = 0 };

    public static readonly Field<bool?> OpioidInducedHyperalgesia = new("opioidInducedHyperalgesia", FieldType.YesNo, FieldSection.PainAndMedicines, "Opioid-induced hyperalgesia", h => h.OpioidInducedHyperalgesia)
    { Help = "Suspected or diagnosed.", CurrentForDays = 0 };

    public static readonly Field<bool?> OnNaltrexone = new("onNaltrexone", FieldType.YesNo, FieldSection.PainAndMedicines, "On naltrexone", h => h.OnNaltrexone)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, Help = "Oral or injectable, for any reason (e.g. alcohol use disorder).", ValueSet = "naltrexone", CurrentForDays = 0 };

    public static readonly Field<decimal?> BenzodiazepineDiazepamEquivalentMg = new("benzodiazepineDiazepamEquivalentMg", FieldType.Number, FieldSection.PainAndMedicines, "Benzodiazepine dose (mg diazepam equivalent per day)", h => h.BenzodiazepineDiazepamEquivalentMg)
    { Min = 0, Max = 200, Unit = "mg/day", NotRecorded = NotRecordedMeans.CallsForCare, Help = "Daily dose, 0 to 200; 0 if none.", CurrentForDays = 0 };

    public static readonly Field<bool?> OnPsychostimulantOrMaoi = new("onPsychostimulantOrMaoi", FieldType.YesNo, FieldSection.PainAndMedicines, "On a psychostimulant or MAOI", h => h.OnPsychostimulantOrMaoi)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, ValueSet = "psychostimulants-or-maois", CurrentForDays = 0 };

    public static readonly Field<bool?> OtherCnsDepressants = new("otherCnsDepressants", FieldType.YesNo, FieldSection.PainAndMedicines, "Other CNS depressants, alcohol included", h => h.OtherCnsDepressants)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, Help = "Regular alcohol, z-drugs, gabapentinoids, barbiturates or sedating antihistamines.", ValueSet = "other-cns-depressants", CurrentForDays = 0 };

    public static readonly Field<SubstanceUse?> SubstanceUse = new("substanceUse", FieldType.Choice, FieldSection.PainAndMedicines, "Substance use disorder", h => h.SubstanceUse)
    { MoreCautious = MoreCautiousAnswer.LaterChoice, Choices = WireNames.All<Screening.SubstanceUse>(), NotRecorded = NotRecordedMeans.CanBlock, ValueSet = "substance-use-disorders", CurrentForDays = 0 };

    public static readonly Field<ValueList<SubstanceUsed>?> SubstancesUsed = new("substancesUsed", FieldType.ChoiceList, FieldSection.PainAndMedicines, "Substances involved", h => h.SubstancesUsed, ListOfChoices.Of<SubstanceUsed>())
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.EveryChoice, Choices = WireNames.All<SubstanceUsed>(), AskedWhen = AnySubstanceUse, EmptyWhen = AnswerCondition.Parse("substanceUse=none"), NotRecorded = NotRecordedMeans.CallsForCare, ValueSet = "substance-use-disorders", CurrentForDays = 0 };

    public static readonly Field<bool?> AneurysmalVascularDisease = new("aneurysmalVascularDisease", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "Aneurysmal vascular disease", h => h.AneurysmalVascularDisease)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CanBlock, Help = "Aorta, intracranial or peripheral arterial.", ValueSet = "aneurysmal-vascular-disease" };

    public static readonly Field<bool?> ArteriovenousMalformation = new("arteriovenousMalformation", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "Arteriovenous malformation", h => h.ArteriovenousMalformation)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CanBlock };

    public static readonly Field<bool?> IntracerebralHemorrhageHistory = new("intracerebralHemorrhageHistory", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "History of intracerebral haemorrhage", h => h.IntracerebralHemorrhageHistory)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CanBlock, ValueSet = "intracerebral-hemorrhage" };

    public static readonly Field<bool?> HypersensitivityToKetamine = new("hypersensitivityToKetamine", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "Hypersensitivity to ketamine or esketamine", h => h.HypersensitivityToKetamine)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CanBlock, Help = "Ketamine, esketamine or excipients." };

    public static readonly Field<bool?> SeriousCardiovascularOrCerebrovascularCondition = new("seriousCardiovascularOrCerebrovascularCondition", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "Serious cardiovascular or cerebrovascular condition", h => h.SeriousCardiovascularOrCerebrovascularCondition)
    { MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CanBlock, Help = "E.g. unstable angina, uncontrolled heart failure, raised intracranial pressure.", ValueSet = "serious-cardiovascular-condition", CurrentForDays = 0 };

    public static readonly Field<bool?> RecentMyocardialInfarctionOrStroke = new("recentMyocardialInfarctionOrStroke", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "Myocardial infarction or stroke in the last 6 weeks", h => h.RecentMyocardialInfarctionOrStroke)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CanBlock, ValueSet = "recent-myocardial-infarction-or-stroke", CurrentForDays = 0 };

    public static readonly Field<bool?> OtherCardiovascularOrCerebrovascularDisease = new("otherCardiovascularOrCerebrovascularDisease", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "Other cardiovascular or cerebrovascular disease", h => h.OtherCardiovascularOrCerebrovascularDisease)
    { Since = "1.3.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, Help = "Stable or past, other than a serious condition or an infarction or stroke in the last 6 weeks: e.g. coronary disease, a significant arrhythmia, or an ischaemic stroke or infarction longer ago (a past intracerebral haemorrhage is asked separately)." };

    public static readonly Field<bool?> HypertensiveEncephalopathyHistory = new("hypertensiveEncephalopathyHistory", FieldType.YesNo, FieldSection.VascularAndCardiovascular, "History of hypertensive encephalopathy", h => h.HypertensiveEncephalopathyHistory)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, ValueSet = "hypertensive-encephalopathy" };

    public static readonly Field<bool?> RespiratoryDiseaseOrSleepApnea = new("respiratoryDiseaseOrSleepApnea", FieldType.YesNo, FieldSection.OtherConditions, "Respiratory disease or sleep apnoea", h => h.RespiratoryDiseaseOrSleepApnea)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, Help = "COPD, pulmonary insufficiency or sleep apnoea." };

    public static readonly Field<bool?> CognitiveImpairment = new("cognitiveImpairment", FieldType.YesNo, FieldSection.OtherConditions, "Cognitive impairment", h => h.CognitiveImpairment)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, ValueSet = "cognitive-impairment" };

    public static readonly Field<bool?> UrinaryTractSymptoms = new("urinaryTractSymptoms", FieldType.YesNo, FieldSection.OtherConditions, "Urinary tract symptoms or cystitis", h => h.UrinaryTractSymptoms)
    { Since = "1.1.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, Help = "Ulcerative or interstitial cystitis, or lower urinary tract symptoms.", CurrentForDays = 0 };

    // A software addition of rule set 1.17.0 (docs/clinical-review.md, section 28): the pain consensus lists raised intracranial or
    // intraocular pressure as a relative contraindication to IV ketamine (ASRA-KETAMINE-PAIN-2018); raised intracranial pressure
    // is asked with the serious conditions (CV-001), raised intraocular pressure was asked nowhere. A blank calls for care (SAF-001).
    public static readonly Field<bool?> RaisedIntraocularPressure = new("raisedIntraocularPressure", FieldType.YesNo, FieldSection.OtherConditions, "Raised intraocular pressure", h => h.RaisedIntraocularPressure)
    { Since = "1.17.0", MoreCautious = MoreCautiousAnswer.Yes, NotRecorded = NotRecordedMeans.CallsForCare, Help = "E.g. uncontrolled or angle-closure glaucoma." };

    public static readonly Field<int?> SystolicBp = new("systolicBp", FieldType.WholeNumber, FieldSection.BloodPressure, "Systolic blood pressure", h => h.SystolicBp)
    { Min = 50, Max = 300, Unit = "mmHg", Above = "diastolicBp", RecordedWith = "diastolicBp", NotRecorded = NotRecordedMeans.CallsForCare, Help = "Today, before treatment. Both values or neither.", ValueSet = "systolic-blood-pressure", CurrentForDays = 0 };

    public static readonly Field<int?> DiastolicBp = new("diastolicBp", FieldType.WholeNumber, FieldSection.BloodPressure, "Diastolic blood pressure", h => h.DiastolicBp)
    { Min = 20, Max = 200, Unit = "mmHg", RecordedWith = "systolicBp", NotRecorded = NotRecordedMeans.CallsForCare, ValueSet = "diastolic-blood-pressure", CurrentForDays = 0 };

    public static readonly Field<HepaticImpairment?> HepaticImpairment = new("hepaticImpairment", FieldType.Choice, FieldSection.Hepatic, "Hepatic impairment", h => h.HepaticImpairment)
    { MoreCautious = MoreCautiousAnswer.LaterChoice, Choices = WireNames.All<Screening.HepaticImpairment>(), NotRecorded = NotRecordedMeans.CallsForCare };

    public static readonly Field<int?> Phq9Total = new("phq9Total", FieldType.WholeNumber, FieldSection.Scores, "PHQ-9 total score", h => h.Phq9Total)
    { Min = 0, Max = 27, ValueSet = "phq9-total", CurrentForDays = 14 };

    // Item 9 is one of the total's nine items, each 0 to 3: not above the total, and at least the total less the other eight
    // items' most, 8 x 3 = 24 (QA157 F2: a total of 27 beside an item 9 of 0 hid the 3 from SUI-008). For the same reason a
    // total of 25 to 27 proves item 9 positive: then item 9 must be recorded, never left to read as 0 (not recorded is never
    // no; QA201: a total of 27 without item 9 read "eligible", with item 9 = 3 SUI-008 waited for the risk assessment).
    public static readonly Field<int?> Phq9Item9 = new("phq9Item9", FieldType.WholeNumber, FieldSection.Scores, "PHQ-9 item 9", h => h.Phq9Item9)
    { Min = 0, Max = 3, AtMost = "phq9Total", OtherPartsAtMost = 24, RequiredWhen = AnswerCondition.Parse("phq9Total:25-27"), Help = "Thoughts of being better off dead or of self-harm, 0 to 3; not above the total, and at least the total less 24 (the other eight items score at most 24).", ValueSet = "phq9-item9", CurrentForDays = 14 };

    // A positive item 9 beside "no suicidality" leaves that answer in doubt until the suicide risk is assessed again (1.8.0,
    // QA137 F2; label-and-literature.md R39, PHQ-9 and C-SSRS): not recorded, every pathway waits for it (REC-001 to 006);
    // from rule set 1.27.0 recorded No too, as its more cautious answer never opens what the blank keeps closed (QA293 F2).
    public static readonly Field<bool?> SuicideRiskAssessedAfterItem9 = new("suicideRiskAssessedAfterItem9", FieldType.YesNo, FieldSection.Scores, "Suicide risk assessed since this positive item 9", h => h.SuicideRiskAssessedAfterItem9)
    { Since = "1.8.0", MoreCautious = MoreCautiousAnswer.No, AskedWhen = AnswerCondition.Parse("suicidality=none;phq9Item9:1-3"), NotRecorded = NotRecordedMeans.CanBlock, Help = "For example with the C-SSRS screen. If it finds suicidality, record that above instead.", CurrentForDays = 0 };

    public static readonly Field<string?> ClinicianNote = new("clinicianNote", FieldType.Text, FieldSection.Note, "Clinician's note", h => h.ClinicianNote)
    { MaxLength = 2000, Help = "Free text, at most 2,000 characters. Stored and printed; never interpreted by the rules." };

    /// <summary>Every field of the contract, in the contract's order.</summary>
    public static IReadOnlyList<FieldDefinition> All { get; } =
    [
        PatientReference, AgeYears, SexAtBirth, Pregnant, Breastfeeding, Jurisdiction, PrimaryDiagnosis, CurrentDepressiveEpisode,
        FailedAdequateTrials, DistinctMechanisms, OnOralAntidepressant, MoodStabilizer, MoodStabilizerOptimized,
        CurrentManiaOrMixedFeatures, Psychosis, Suicidality, SafetyPlanInPlace, LethalMeansCounselled, FollowUpArranged,
        SuicidalIntent, PreparatoryActsOrAbortedAttempt, LifeLimitingIllness, PrognosisWeeks, ChronicNeuropathicPain, OnOpioids,
        OpioidInducedHyperalgesia, OnNaltrexone, BenzodiazepineDiazepamEquivalentMg, OnPsychostimulantOrMaoi, SubstanceUse,
        SubstancesUsed, OtherCnsDepressants, OralAntidepressantClass, AneurysmalVascularDisease, ArteriovenousMalformation,
        IntracerebralHemorrhageHistory, HypersensitivityToKetamine, SeriousCardiovascularOrCerebrovascularCondition,
        RecentMyocardialInfarctionOrStroke, OtherCardiovascularOrCerebrovascularDisease, HypertensiveEncephalopathyHistory, RespiratoryDiseaseOrSleepApnea, CognitiveImpairment,
        UrinaryTractSymptoms, RaisedIntraocularPressure, SystolicBp, DiastolicBp, HepaticImpairment, Phq9Total, Phq9Item9, SuicideRiskAssessedAfterItem9, ClinicianNote,
    ];

    /// <summary>
    /// The fields of one section as the form asks them: by <see cref="FieldDefinition.FormOrder"/>, then in the catalogue's
    /// order. <see cref="All"/> keeps the contract's order.
    /// </summary>
    public static IEnumerable<FieldDefinition> AsAskedIn(FieldSection section) =>
        All.Where(f => f.Section == section).OrderBy(f => f.FormOrder);

    /// <summary>Every field as the form asks it: section by section (<see cref="FieldSection"/>), each as <see cref="AsAskedIn"/>.</summary>
    public static IEnumerable<FieldDefinition> AsAsked => Enum.GetValues<FieldSection>().SelectMany(AsAskedIn);

    private static readonly Dictionary<string, FieldDefinition> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The field with this contract name (case-sensitive), or null.</summary>
    public static FieldDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// A field's contract value in a history, as a request holds it: choices as their contract strings (a list of them as
    /// a list of strings), numbers and booleans as they are.
    /// </summary>
    public static object? ContractValueOf(PatientHistory history, string name) => Find(name)?.ValueOf(history) switch
    {
        Enum e => WireNames.Of(e),
        System.Collections.IEnumerable items and not string => items.Cast<Enum>().Select(WireNames.Of).ToList(),
        var other => other,
    };
}
