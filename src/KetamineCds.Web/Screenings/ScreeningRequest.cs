using System.Text.Json.Nodes;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A screening request as it arrives from the form or the API, before validation: every contract field, all
/// nullable so that "missing" can be reported rather than defaulted. Choices hold the contract strings
/// (<c>bipolar-i</c>), exactly as the JSON and the form's options spell them.
/// </summary>
public class ScreeningRequest
{
    public string? PatientReference { get; set; }

    public int? AgeYears { get; set; }

    public string? SexAtBirth { get; set; }

    public bool? Pregnant { get; set; }

    public bool? Breastfeeding { get; set; }

    public string? Jurisdiction { get; set; }

    public string? PrimaryDiagnosis { get; set; }

    public bool? CurrentDepressiveEpisode { get; set; }

    public int? FailedAdequateTrials { get; set; }

    public int? DistinctMechanisms { get; set; }

    public bool? OnOralAntidepressant { get; set; }

    public string? MoodStabilizer { get; set; }

    public bool? MoodStabilizerOptimized { get; set; }

    public bool? CurrentManiaOrMixedFeatures { get; set; }

    public string? Psychosis { get; set; }

    public string? Suicidality { get; set; }

    public bool? SafetyPlanInPlace { get; set; }

    public bool? LethalMeansCounselled { get; set; }

    public bool? FollowUpArranged { get; set; }

    public bool? SuicidalIntent { get; set; }

    public bool? PreparatoryActsOrAbortedAttempt { get; set; }

    public bool? LifeLimitingIllness { get; set; }

    public int? PrognosisWeeks { get; set; }

    public bool? ChronicNeuropathicPain { get; set; }

    public bool? OnOpioids { get; set; }

    public bool? OpioidInducedHyperalgesia { get; set; }

    public bool? OnNaltrexone { get; set; }

    public decimal? BenzodiazepineDiazepamEquivalentMg { get; set; }

    public bool? OnPsychostimulantOrMaoi { get; set; }

    public string? SubstanceUse { get; set; }

    /// <summary>The substances involved, as contract strings; null or empty when not recorded.</summary>
    public List<string>? SubstancesUsed { get; set; }

    public bool? OtherCnsDepressants { get; set; }

    public string? OralAntidepressantClass { get; set; }

    public bool? AneurysmalVascularDisease { get; set; }

    public bool? ArteriovenousMalformation { get; set; }

    public bool? IntracerebralHemorrhageHistory { get; set; }

    public bool? HypersensitivityToKetamine { get; set; }

    public bool? SeriousCardiovascularOrCerebrovascularCondition { get; set; }

    public bool? RecentMyocardialInfarctionOrStroke { get; set; }

    public bool? HypertensiveEncephalopathyHistory { get; set; }

    public bool? RespiratoryDiseaseOrSleepApnea { get; set; }

    public bool? CognitiveImpairment { get; set; }

    public bool? UrinaryTractSymptoms { get; set; }

    public int? SystolicBp { get; set; }

    public int? DiastolicBp { get; set; }

    public string? HepaticImpairment { get; set; }

    public int? Phq9Total { get; set; }

    public int? Phq9Item9 { get; set; }

    public string? ClinicianNote { get; set; }

    /// <summary>True when the diagnosis is bipolar I or II.</summary>
    public bool IsBipolar => PrimaryDiagnosis is "bipolar-i" or "bipolar-ii";

    /// <summary>True when the contract requires <c>pregnant</c>: female and aged 12-55.</summary>
    public bool PregnancyRelevant => SexAtBirth == "female" && AgeYears is >= 12 and <= 55;

    /// <summary>True when suicidality is recorded and is anything but none.</summary>
    public bool SuicidalityPresent => Suicidality is not null && Suicidality != "none";

    /// <summary>
    /// The patient history the engine evaluates. Call only on a request the validator accepted: required fields are
    /// then present and every choice is a contract string.
    /// </summary>
    public PatientHistory ToHistory() => new()
    {
        PatientReference = PatientReference!,
        AgeYears = AgeYears!.Value,
        SexAtBirth = Parse<SexAtBirth>(SexAtBirth),
        Pregnant = Pregnant,
        Breastfeeding = Breastfeeding,
        Jurisdiction = Parse<Jurisdiction>(Jurisdiction) ?? Domain.Screening.Jurisdiction.Us,
        PrimaryDiagnosis = Parse<PrimaryDiagnosis>(PrimaryDiagnosis)!.Value,
        CurrentDepressiveEpisode = CurrentDepressiveEpisode!.Value,
        FailedAdequateTrials = FailedAdequateTrials!.Value,
        DistinctMechanisms = DistinctMechanisms,
        OnOralAntidepressant = OnOralAntidepressant!.Value,
        MoodStabilizer = Parse<MoodStabilizer>(MoodStabilizer),
        MoodStabilizerOptimized = MoodStabilizerOptimized,
        CurrentManiaOrMixedFeatures = CurrentManiaOrMixedFeatures,
        Psychosis = Parse<PsychosisStatus>(Psychosis)!.Value,
        Suicidality = Parse<Suicidality>(Suicidality)!.Value,
        SafetyPlanInPlace = SafetyPlanInPlace,
        LethalMeansCounselled = LethalMeansCounselled,
        FollowUpArranged = FollowUpArranged,
        SuicidalIntent = SuicidalIntent,
        PreparatoryActsOrAbortedAttempt = PreparatoryActsOrAbortedAttempt,
        LifeLimitingIllness = LifeLimitingIllness,
        PrognosisWeeks = PrognosisWeeks,
        ChronicNeuropathicPain = ChronicNeuropathicPain,
        OnOpioids = OnOpioids,
        OpioidInducedHyperalgesia = OpioidInducedHyperalgesia,
        OnNaltrexone = OnNaltrexone,
        BenzodiazepineDiazepamEquivalentMg = BenzodiazepineDiazepamEquivalentMg,
        OnPsychostimulantOrMaoi = OnPsychostimulantOrMaoi,
        SubstanceUse = Parse<SubstanceUse>(SubstanceUse),
        SubstancesUsed = SubstancesUsed is { Count: > 0 } list
            ? new ValueList<SubstanceUsed>(list.Select(s => Parse<SubstanceUsed>(s)!.Value).Distinct())
            : null,
        OtherCnsDepressants = OtherCnsDepressants,
        OralAntidepressantClass = Parse<OralAntidepressantClass>(OralAntidepressantClass),
        AneurysmalVascularDisease = AneurysmalVascularDisease,
        ArteriovenousMalformation = ArteriovenousMalformation,
        IntracerebralHemorrhageHistory = IntracerebralHemorrhageHistory,
        HypersensitivityToKetamine = HypersensitivityToKetamine,
        SeriousCardiovascularOrCerebrovascularCondition = SeriousCardiovascularOrCerebrovascularCondition,
        RecentMyocardialInfarctionOrStroke = RecentMyocardialInfarctionOrStroke,
        HypertensiveEncephalopathyHistory = HypertensiveEncephalopathyHistory,
        RespiratoryDiseaseOrSleepApnea = RespiratoryDiseaseOrSleepApnea,
        CognitiveImpairment = CognitiveImpairment,
        UrinaryTractSymptoms = UrinaryTractSymptoms,
        SystolicBp = SystolicBp,
        DiastolicBp = DiastolicBp,
        HepaticImpairment = Parse<HepaticImpairment>(HepaticImpairment),
        Phq9Total = Phq9Total,
        Phq9Item9 = Phq9Item9,
        ClinicianNote = string.IsNullOrEmpty(ClinicianNote) ? null : ClinicianNote,
    };

    /// <summary>
    /// The request in the contract's JSON spelling, every field present ("null" = not recorded), in contract order:
    /// what the decision log stores as the input.
    /// </summary>
    public string ToContractJson()
    {
        var json = new JsonObject();
        foreach (var field in ContractFields.All)
        {
            var value = typeof(ScreeningRequest).GetProperty(field.Property)!.GetValue(this);
            if (value is string s && s.Length == 0 || value is List<string> { Count: 0 })
            {
                value = null;
            }

            json[field.Name] = value switch
            {
                null => null,
                string text => JsonValue.Create(text),
                int number => JsonValue.Create(number),
                decimal number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                List<string> items => new JsonArray([.. items.Distinct(StringComparer.Ordinal).Select(i => (JsonNode?)JsonValue.Create(i))]),
                _ => throw new InvalidOperationException($"Unexpected type for {field.Name}."),
            };
        }

        return json.ToJsonString();
    }

    private static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum => WireNames.TryParse<TEnum>(text, out var value) ? value : null;
}
