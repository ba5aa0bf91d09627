using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>A named input of <see cref="PatientHistory"/>, spelt as the contract spells it.</summary>
/// <typeparam name="T">The field's type; nullable where the field may be "not recorded".</typeparam>
public sealed class Field<T>
{
    private readonly Func<PatientHistory, T> _get;
    private readonly Func<T, Evidence> _evidence;

    internal Field(string name, Func<PatientHistory, T> get, Func<string, Func<T, Evidence>>? evidence = null, FieldCodec<T>? codec = null)
    {
        Name = name;
        _get = get;
        _evidence = evidence?.Invoke(name) ?? (v => new Evidence(name, WireNames.Display(v)));
        Codec = codec;
        Index = FieldCodes.Register(codec is null ? static _ => -1 : h => codec.Encode(get(h)));
        if (codec is not null)
        {
            EvidenceByCode = new Evidence[codec.Size];
            for (var code = 0; code < codec.Size; code++)
            {
                EvidenceByCode[code] = _evidence(codec.Decode(code));
            }
        }
    }

    /// <summary>The field's evidence item for each encoded value (the same instances <see cref="EvidenceOf"/> returns).</summary>
    internal Evidence[]? EvidenceByCode { get; }

    /// <summary>The field's position in <see cref="FieldCodes"/>.</summary>
    internal int Index { get; }

    /// <summary>How the field's values are encoded as small integers, or null where they are not (decimals).</summary>
    internal FieldCodec<T>? Codec { get; }

    /// <summary>The contract's field name, e.g. <c>failedAdequateTrials</c>.</summary>
    public string Name { get; }

    public T Of(PatientHistory history) => _get(history);

    /// <summary>The <c>because</c> item for this field's value in the history (shared, immutable instances where the value set is small).</summary>
    internal Evidence EvidenceOf(PatientHistory history) => _evidence(_get(history));

    public override string ToString() => Name;
}

/// <summary>
/// Encodes a field's values as the integers 0 to <see cref="Size"/> - 1 (-1 for a value outside the encoded range),
/// so that a leaf condition can answer from a table computed once instead of calling its predicate.
/// </summary>
internal sealed class FieldCodec<T>(int size, Func<T, int> encode, Func<int, T> decode)
{
    public int Size { get; } = size;

    public int Encode(T value) => encode(value);

    public T Decode(int code) => decode(code);
}

/// <summary>The codecs of the contract's field types.</summary>
internal static class Codecs
{
    public static FieldCodec<bool> Bool { get; } = new(2, v => v ? 1 : 0, c => c == 1);

    public static FieldCodec<bool?> NullableBool { get; } = new(3, v => v is null ? 0 : v.Value ? 2 : 1, c => c == 0 ? null : c == 2);

    public static FieldCodec<int> Int(int max) => new(max + 1, v => v >= 0 && v <= max ? v : -1, c => c);

    public static FieldCodec<int?> NullableInt(int max) =>
        new(max + 2, v => v is not { } n ? 0 : n >= 0 && n <= max ? n + 1 : -1, c => c == 0 ? null : c - 1);

    public static FieldCodec<TEnum> Enum<TEnum>()
        where TEnum : struct, Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        var encode = Encoder(values);
        return new(values.Length, encode, c => values[c]);
    }

    public static FieldCodec<TEnum?> NullableEnum<TEnum>()
        where TEnum : struct, Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        var encode = Encoder(values);
        return new(values.Length + 1, v => v is not { } value ? 0 : encode(value) is var c and >= 0 ? c + 1 : -1, c => c == 0 ? null : values[c - 1]);
    }

    /// <summary>
    /// The code of an enumeration value: its position among the declared values. The contract's enumerations are
    /// int-backed and numbered 0, 1, 2 ... in declaration order, so the position is the number itself (no lookup);
    /// any other enumeration falls back to a dictionary.
    /// </summary>
    private static Func<TEnum, int> Encoder<TEnum>(TEnum[] values)
        where TEnum : struct, Enum
    {
        var contiguous = System.Enum.GetUnderlyingType(typeof(TEnum)) == typeof(int)
            && values.Select((v, i) => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) == i).All(x => x);
        if (contiguous)
        {
            var count = values.Length;
            return v =>
            {
                var n = System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref v);
                return (uint)n < (uint)count ? n : -1;
            };
        }

        var codes = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        return v => codes.TryGetValue(v, out var c) ? c : -1;
    }
}

/// <summary>Every field's encoder, by <see cref="Field{T}.Index"/>: the engine encodes a history once per screening.</summary>
internal static class FieldCodes
{
    private static readonly List<Func<PatientHistory, int>> Encoders = [];
    private static Func<PatientHistory, int>[] s_snapshot = [];

    /// <summary>How many fields are registered: the size of a screening's code vector.</summary>
    public static int Count => Volatile.Read(ref s_snapshot).Length;

    public static int Register(Func<PatientHistory, int> encode)
    {
        lock (Encoders)
        {
            Encoders.Add(encode);
            Volatile.Write(ref s_snapshot, [.. Encoders]);
            return Encoders.Count - 1;
        }
    }

    /// <summary>Fills <paramref name="codes"/> with the history's encoded values of the given fields (the others stay -1).</summary>
    public static void Encode(PatientHistory history, Span<int> codes, int[] fields)
    {
        codes.Fill(-1);
        var encoders = Volatile.Read(ref s_snapshot);
        foreach (var i in fields)
        {
            if ((uint)i < (uint)encoders.Length && i < codes.Length)
            {
                codes[i] = encoders[i](history);
            }
        }
    }
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
    public static readonly Field<int> AgeYears = new("ageYears", h => h.AgeYears, EvidenceCache.Int(120), Codecs.Int(120));
    public static readonly Field<SexAtBirth?> SexAtBirth = new("sexAtBirth", h => h.SexAtBirth, EvidenceCache.NullableEnum<Screening.SexAtBirth>(), Codecs.NullableEnum<Screening.SexAtBirth>());
    public static readonly Field<bool?> Pregnant = new("pregnant", h => h.Pregnant, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> Breastfeeding = new("breastfeeding", h => h.Breastfeeding, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<Jurisdiction> Jurisdiction = new("jurisdiction", h => h.Jurisdiction, EvidenceCache.Enum<Screening.Jurisdiction>(), Codecs.Enum<Screening.Jurisdiction>());
    public static readonly Field<PrimaryDiagnosis> PrimaryDiagnosis = new("primaryDiagnosis", h => h.PrimaryDiagnosis, EvidenceCache.Enum<Screening.PrimaryDiagnosis>(), Codecs.Enum<Screening.PrimaryDiagnosis>());
    public static readonly Field<bool> CurrentDepressiveEpisode = new("currentDepressiveEpisode", h => h.CurrentDepressiveEpisode, EvidenceCache.Bool, Codecs.Bool);
    public static readonly Field<int> FailedAdequateTrials = new("failedAdequateTrials", h => h.FailedAdequateTrials, EvidenceCache.Int(30), Codecs.Int(30));
    public static readonly Field<int?> DistinctMechanisms = new("distinctMechanisms", h => h.DistinctMechanisms, EvidenceCache.NullableInt(30), Codecs.NullableInt(30));
    public static readonly Field<bool> OnOralAntidepressant = new("onOralAntidepressant", h => h.OnOralAntidepressant, EvidenceCache.Bool, Codecs.Bool);
    public static readonly Field<MoodStabilizer?> MoodStabilizer = new("moodStabilizer", h => h.MoodStabilizer, EvidenceCache.NullableEnum<Screening.MoodStabilizer>(), Codecs.NullableEnum<Screening.MoodStabilizer>());
    public static readonly Field<bool?> MoodStabilizerOptimized = new("moodStabilizerOptimized", h => h.MoodStabilizerOptimized, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> CurrentManiaOrMixedFeatures = new("currentManiaOrMixedFeatures", h => h.CurrentManiaOrMixedFeatures, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<PsychosisStatus> Psychosis = new("psychosis", h => h.Psychosis, EvidenceCache.Enum<Screening.PsychosisStatus>(), Codecs.Enum<Screening.PsychosisStatus>());
    public static readonly Field<Suicidality> Suicidality = new("suicidality", h => h.Suicidality, EvidenceCache.Enum<Screening.Suicidality>(), Codecs.Enum<Screening.Suicidality>());
    public static readonly Field<bool?> SafetyPlanInPlace = new("safetyPlanInPlace", h => h.SafetyPlanInPlace, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> LethalMeansCounselled = new("lethalMeansCounselled", h => h.LethalMeansCounselled, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> FollowUpArranged = new("followUpArranged", h => h.FollowUpArranged, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> LifeLimitingIllness = new("lifeLimitingIllness", h => h.LifeLimitingIllness, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<int?> PrognosisWeeks = new("prognosisWeeks", h => h.PrognosisWeeks, EvidenceCache.NullableInt(520), Codecs.NullableInt(520));
    public static readonly Field<bool?> ChronicNeuropathicPain = new("chronicNeuropathicPain", h => h.ChronicNeuropathicPain, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> OnOpioids = new("onOpioids", h => h.OnOpioids, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> OpioidInducedHyperalgesia = new("opioidInducedHyperalgesia", h => h.OpioidInducedHyperalgesia, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> OnNaltrexone = new("onNaltrexone", h => h.OnNaltrexone, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<decimal?> BenzodiazepineDiazepamEquivalentMg = new("benzodiazepineDiazepamEquivalentMg", h => h.BenzodiazepineDiazepamEquivalentMg);
    public static readonly Field<bool?> OnPsychostimulantOrMaoi = new("onPsychostimulantOrMaoi", h => h.OnPsychostimulantOrMaoi, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<SubstanceUse?> SubstanceUse = new("substanceUse", h => h.SubstanceUse, EvidenceCache.NullableEnum<Screening.SubstanceUse>(), Codecs.NullableEnum<Screening.SubstanceUse>());
    public static readonly Field<bool?> AneurysmalVascularDisease = new("aneurysmalVascularDisease", h => h.AneurysmalVascularDisease, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> ArteriovenousMalformation = new("arteriovenousMalformation", h => h.ArteriovenousMalformation, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> IntracerebralHemorrhageHistory = new("intracerebralHemorrhageHistory", h => h.IntracerebralHemorrhageHistory, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> HypersensitivityToKetamine = new("hypersensitivityToKetamine", h => h.HypersensitivityToKetamine, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<bool?> SeriousCardiovascularOrCerebrovascularCondition = new("seriousCardiovascularOrCerebrovascularCondition", h => h.SeriousCardiovascularOrCerebrovascularCondition, EvidenceCache.NullableBool, Codecs.NullableBool);
    public static readonly Field<int?> SystolicBp = new("systolicBp", h => h.SystolicBp, EvidenceCache.NullableInt(300), Codecs.NullableInt(300));
    public static readonly Field<int?> DiastolicBp = new("diastolicBp", h => h.DiastolicBp, EvidenceCache.NullableInt(200), Codecs.NullableInt(200));
    public static readonly Field<HepaticImpairment?> HepaticImpairment = new("hepaticImpairment", h => h.HepaticImpairment, EvidenceCache.NullableEnum<Screening.HepaticImpairment>(), Codecs.NullableEnum<Screening.HepaticImpairment>());
    public static readonly Field<int?> Phq9Total = new("phq9Total", h => h.Phq9Total, EvidenceCache.NullableInt(27), Codecs.NullableInt(27));
    public static readonly Field<int?> Phq9Item9 = new("phq9Item9", h => h.Phq9Item9, EvidenceCache.NullableInt(3), Codecs.NullableInt(3));
}
