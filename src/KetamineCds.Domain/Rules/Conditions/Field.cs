using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>A named input of <see cref="PatientHistory"/>, spelt as the contract spells it.</summary>
/// <typeparam name="T">The field's type; nullable where the field may be "not recorded".</typeparam>
public sealed class Field<T>
{
    private readonly Func<PatientHistory, T> _get;
    private readonly Func<T, Evidence> _evidence;

    internal Field(string name, Func<PatientHistory, T> get, Func<string, Func<T, Evidence>>? evidence = null)
    {
        Name = name;
        _get = get;
        _evidence = evidence?.Invoke(name) ?? (v => new Evidence(name, WireNames.Display(v)));
    }

    /// <summary>The contract's field name, e.g. <c>failedAdequateTrials</c>.</summary>
    public string Name { get; }

    public T Of(PatientHistory history) => _get(history);

    /// <summary>The <c>because</c> item for this field's value in the history (shared, immutable instances where the value set is small).</summary>
    internal Evidence EvidenceOf(PatientHistory history) => _evidence(_get(history));

    public override string ToString() => Name;
}

/// <summary>
/// Evidence items for fields whose values are few (booleans, enumerations, small integers), made once and shared, so
/// that explaining a finding allocates nothing for them. Each item's text is <see cref="WireNames.Display"/>'s.
/// </summary>
internal static class EvidenceCache
{
    public static Func<string, Func<bool, Evidence>> Bool { get; } = name =>
    {
        Evidence no = new(name, WireNames.Display(false)), yes = new(name, WireNames.Display(true));
        return v => v ? yes : no;
    };

    public static Func<string, Func<bool?, Evidence>> NullableBool { get; } = name =>
    {
        Evidence none = new(name, WireNames.NotRecorded), no = new(name, WireNames.Display(false)), yes = new(name, WireNames.Display(true));
        return v => v is null ? none : v.Value ? yes : no;
    };

    public static Func<string, Func<int, Evidence>> Int(int max) => name =>
    {
        var cached = Small(name, max);
        return v => v >= 0 && v <= max ? cached[v] : new Evidence(name, WireNames.Display(v));
    };

    public static Func<string, Func<int?, Evidence>> NullableInt(int max) => name =>
    {
        var cached = Small(name, max);
        var none = new Evidence(name, WireNames.NotRecorded);
        return v => v is not { } n ? none : n >= 0 && n <= max ? cached[n] : new Evidence(name, WireNames.Display(n));
    };

    public static Func<string, Func<TEnum, Evidence>> Enum<TEnum>()
        where TEnum : struct, Enum => name =>
    {
        var cached = System.Enum.GetValues<TEnum>().ToDictionary(v => v, v => new Evidence(name, WireNames.Display(v)));
        return v => cached.TryGetValue(v, out var e) ? e : new Evidence(name, WireNames.Display(v));
    };

    public static Func<string, Func<TEnum?, Evidence>> NullableEnum<TEnum>()
        where TEnum : struct, Enum => name =>
    {
        var cached = System.Enum.GetValues<TEnum>().ToDictionary(v => v, v => new Evidence(name, WireNames.Display(v)));
        var none = new Evidence(name, WireNames.NotRecorded);
        return v => v is not { } value ? none : cached.TryGetValue(value, out var e) ? e : new Evidence(name, WireNames.Display(value));
    };

    private static Evidence[] Small(string name, int max)
    {
        var cached = new Evidence[max + 1];
        for (var i = 0; i <= max; i++)
        {
            cached[i] = new Evidence(name, WireNames.Display(i));
        }

        return cached;
    }
}

/// <summary>Every input field a rule may read.</summary>
public static class Fields
{
    public static readonly Field<int> AgeYears = new("ageYears", h => h.AgeYears, EvidenceCache.Int(120));
    public static readonly Field<SexAtBirth?> SexAtBirth = new("sexAtBirth", h => h.SexAtBirth, EvidenceCache.NullableEnum<Screening.SexAtBirth>());
    public static readonly Field<bool?> Pregnant = new("pregnant", h => h.Pregnant, EvidenceCache.NullableBool);
    public static readonly Field<bool?> Breastfeeding = new("breastfeeding", h => h.Breastfeeding, EvidenceCache.NullableBool);
    public static readonly Field<Jurisdiction> Jurisdiction = new("jurisdiction", h => h.Jurisdiction, EvidenceCache.Enum<Screening.Jurisdiction>());
    public static readonly Field<PrimaryDiagnosis> PrimaryDiagnosis = new("primaryDiagnosis", h => h.PrimaryDiagnosis, EvidenceCache.Enum<Screening.PrimaryDiagnosis>());
    public static readonly Field<bool> CurrentDepressiveEpisode = new("currentDepressiveEpisode", h => h.CurrentDepressiveEpisode, EvidenceCache.Bool);
    public static readonly Field<int> FailedAdequateTrials = new("failedAdequateTrials", h => h.FailedAdequateTrials, EvidenceCache.Int(30));
    public static readonly Field<int?> DistinctMechanisms = new("distinctMechanisms", h => h.DistinctMechanisms, EvidenceCache.NullableInt(30));
    public static readonly Field<bool> OnOralAntidepressant = new("onOralAntidepressant", h => h.OnOralAntidepressant, EvidenceCache.Bool);
    public static readonly Field<MoodStabilizer?> MoodStabilizer = new("moodStabilizer", h => h.MoodStabilizer, EvidenceCache.NullableEnum<Screening.MoodStabilizer>());
    public static readonly Field<bool?> MoodStabilizerOptimized = new("moodStabilizerOptimized", h => h.MoodStabilizerOptimized, EvidenceCache.NullableBool);
    public static readonly Field<bool?> CurrentManiaOrMixedFeatures = new("currentManiaOrMixedFeatures", h => h.CurrentManiaOrMixedFeatures, EvidenceCache.NullableBool);
    public static readonly Field<PsychosisStatus> Psychosis = new("psychosis", h => h.Psychosis, EvidenceCache.Enum<Screening.PsychosisStatus>());
    public static readonly Field<Suicidality> Suicidality = new("suicidality", h => h.Suicidality, EvidenceCache.Enum<Screening.Suicidality>());
    public static readonly Field<bool?> SafetyPlanInPlace = new("safetyPlanInPlace", h => h.SafetyPlanInPlace, EvidenceCache.NullableBool);
    public static readonly Field<bool?> LethalMeansCounselled = new("lethalMeansCounselled", h => h.LethalMeansCounselled, EvidenceCache.NullableBool);
    public static readonly Field<bool?> FollowUpArranged = new("followUpArranged", h => h.FollowUpArranged, EvidenceCache.NullableBool);
    public static readonly Field<bool?> LifeLimitingIllness = new("lifeLimitingIllness", h => h.LifeLimitingIllness, EvidenceCache.NullableBool);
    public static readonly Field<int?> PrognosisWeeks = new("prognosisWeeks", h => h.PrognosisWeeks, EvidenceCache.NullableInt(520));
    public static readonly Field<bool?> ChronicNeuropathicPain = new("chronicNeuropathicPain", h => h.ChronicNeuropathicPain, EvidenceCache.NullableBool);
    public static readonly Field<bool?> OnOpioids = new("onOpioids", h => h.OnOpioids, EvidenceCache.NullableBool);
    public static readonly Field<bool?> OpioidInducedHyperalgesia = new("opioidInducedHyperalgesia", h => h.OpioidInducedHyperalgesia, EvidenceCache.NullableBool);
    public static readonly Field<bool?> OnNaltrexone = new("onNaltrexone", h => h.OnNaltrexone, EvidenceCache.NullableBool);
    public static readonly Field<decimal?> BenzodiazepineDiazepamEquivalentMg = new("benzodiazepineDiazepamEquivalentMg", h => h.BenzodiazepineDiazepamEquivalentMg);
    public static readonly Field<bool?> OnPsychostimulantOrMaoi = new("onPsychostimulantOrMaoi", h => h.OnPsychostimulantOrMaoi, EvidenceCache.NullableBool);
    public static readonly Field<SubstanceUse?> SubstanceUse = new("substanceUse", h => h.SubstanceUse, EvidenceCache.NullableEnum<Screening.SubstanceUse>());
    public static readonly Field<bool?> AneurysmalVascularDisease = new("aneurysmalVascularDisease", h => h.AneurysmalVascularDisease, EvidenceCache.NullableBool);
    public static readonly Field<bool?> ArteriovenousMalformation = new("arteriovenousMalformation", h => h.ArteriovenousMalformation, EvidenceCache.NullableBool);
    public static readonly Field<bool?> IntracerebralHemorrhageHistory = new("intracerebralHemorrhageHistory", h => h.IntracerebralHemorrhageHistory, EvidenceCache.NullableBool);
    public static readonly Field<bool?> HypersensitivityToKetamine = new("hypersensitivityToKetamine", h => h.HypersensitivityToKetamine, EvidenceCache.NullableBool);
    public static readonly Field<bool?> SeriousCardiovascularOrCerebrovascularCondition = new("seriousCardiovascularOrCerebrovascularCondition", h => h.SeriousCardiovascularOrCerebrovascularCondition, EvidenceCache.NullableBool);
    public static readonly Field<int?> SystolicBp = new("systolicBp", h => h.SystolicBp, EvidenceCache.NullableInt(300));
    public static readonly Field<int?> DiastolicBp = new("diastolicBp", h => h.DiastolicBp, EvidenceCache.NullableInt(200));
    public static readonly Field<HepaticImpairment?> HepaticImpairment = new("hepaticImpairment", h => h.HepaticImpairment, EvidenceCache.NullableEnum<Screening.HepaticImpairment>());
    public static readonly Field<int?> Phq9Total = new("phq9Total", h => h.Phq9Total, EvidenceCache.NullableInt(27));
    public static readonly Field<int?> Phq9Item9 = new("phq9Item9", h => h.Phq9Item9, EvidenceCache.NullableInt(3));
}
