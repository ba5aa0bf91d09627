using System.Runtime.CompilerServices;
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
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    /// <summary>
    /// A field's value by its catalogue entry: null when not recorded, else the type its property has (string, int,
    /// bool, decimal or a list of strings). The JSON reader, the writer and the form walk the catalogue through this.
    /// </summary>
    public object? this[FieldDefinition field]
    {
        get => values.GetValueOrDefault(field.Property);
        set => values[field.Property] = value;
    }

    public string? PatientReference { get => Get<string?>(); set => Set(value); }

    public int? AgeYears { get => Get<int?>(); set => Set(value); }

    public string? SexAtBirth { get => Get<string?>(); set => Set(value); }

    public bool? Pregnant { get => Get<bool?>(); set => Set(value); }

    public bool? Breastfeeding { get => Get<bool?>(); set => Set(value); }

    public string? Jurisdiction { get => Get<string?>(); set => Set(value); }

    public string? PrimaryDiagnosis { get => Get<string?>(); set => Set(value); }

    public bool? CurrentDepressiveEpisode { get => Get<bool?>(); set => Set(value); }

    public int? FailedAdequateTrials { get => Get<int?>(); set => Set(value); }

    public int? DistinctMechanisms { get => Get<int?>(); set => Set(value); }

    public bool? OnOralAntidepressant { get => Get<bool?>(); set => Set(value); }

    public string? MoodStabilizer { get => Get<string?>(); set => Set(value); }

    public bool? MoodStabilizerOptimized { get => Get<bool?>(); set => Set(value); }

    public bool? CurrentManiaOrMixedFeatures { get => Get<bool?>(); set => Set(value); }

    public string? Psychosis { get => Get<string?>(); set => Set(value); }

    public string? Suicidality { get => Get<string?>(); set => Set(value); }

    public bool? SafetyPlanInPlace { get => Get<bool?>(); set => Set(value); }

    public bool? LethalMeansCounselled { get => Get<bool?>(); set => Set(value); }

    public bool? FollowUpArranged { get => Get<bool?>(); set => Set(value); }

    public bool? SuicidalIntent { get => Get<bool?>(); set => Set(value); }

    public bool? PreparatoryActsOrAbortedAttempt { get => Get<bool?>(); set => Set(value); }

    public bool? LifeLimitingIllness { get => Get<bool?>(); set => Set(value); }

    public int? PrognosisWeeks { get => Get<int?>(); set => Set(value); }

    public bool? ChronicNeuropathicPain { get => Get<bool?>(); set => Set(value); }

    public bool? OnOpioids { get => Get<bool?>(); set => Set(value); }

    public bool? OpioidInducedHyperalgesia { get => Get<bool?>(); set => Set(value); }

    public bool? OnNaltrexone { get => Get<bool?>(); set => Set(value); }

    public decimal? BenzodiazepineDiazepamEquivalentMg { get => Get<decimal?>(); set => Set(value); }

    public bool? OnPsychostimulantOrMaoi { get => Get<bool?>(); set => Set(value); }

    public string? SubstanceUse { get => Get<string?>(); set => Set(value); }

    /// <summary>The substances involved, as contract strings; null or empty when not recorded.</summary>
    public List<string>? SubstancesUsed { get => Get<List<string>?>(); set => Set(value); }

    public bool? OtherCnsDepressants { get => Get<bool?>(); set => Set(value); }

    public string? OralAntidepressantClass { get => Get<string?>(); set => Set(value); }

    public bool? AneurysmalVascularDisease { get => Get<bool?>(); set => Set(value); }

    public bool? ArteriovenousMalformation { get => Get<bool?>(); set => Set(value); }

    public bool? IntracerebralHemorrhageHistory { get => Get<bool?>(); set => Set(value); }

    public bool? HypersensitivityToKetamine { get => Get<bool?>(); set => Set(value); }

    public bool? SeriousCardiovascularOrCerebrovascularCondition { get => Get<bool?>(); set => Set(value); }

    public bool? RecentMyocardialInfarctionOrStroke { get => Get<bool?>(); set => Set(value); }

    public bool? HypertensiveEncephalopathyHistory { get => Get<bool?>(); set => Set(value); }

    public bool? RespiratoryDiseaseOrSleepApnea { get => Get<bool?>(); set => Set(value); }

    public bool? CognitiveImpairment { get => Get<bool?>(); set => Set(value); }

    public bool? UrinaryTractSymptoms { get => Get<bool?>(); set => Set(value); }

    public int? SystolicBp { get => Get<int?>(); set => Set(value); }

    public int? DiastolicBp { get => Get<int?>(); set => Set(value); }

    public string? HepaticImpairment { get => Get<string?>(); set => Set(value); }

    public int? Phq9Total { get => Get<int?>(); set => Set(value); }

    public int? Phq9Item9 { get => Get<int?>(); set => Set(value); }

    public string? ClinicianNote { get => Get<string?>(); set => Set(value); }

    /// <summary>
    /// A field's contract value by its wire name, for the catalogue's conditions (<see cref="RequiredWhen"/>): null when
    /// not recorded, an empty text or list included.
    /// </summary>
    public object? ContractValueOf(string name) => Fields.Find(name) is { } field
        ? this[field] switch
        {
            string { Length: 0 } or List<string> { Count: 0 } => null,
            var value => value,
        }
        : null;

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
        foreach (var field in Fields.All)
        {
            var value = this[field];
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

    private T? Get<T>([CallerMemberName] string property = "") => values.TryGetValue(property, out var value) ? (T?)value : default;

    private void Set<T>(T? value, [CallerMemberName] string property = "") => values[property] = value;

    private static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum => WireNames.TryParse<TEnum>(text, out var value) ? value : null;
}
