using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>What the engine's compiled plan needs of a field, whatever its type.</summary>
internal interface IEncodedField
{
    /// <summary>The contract's field name.</summary>
    string Name { get; }

    /// <summary>How many codes the field's values have (0 where they are not encoded).</summary>
    int Size { get; }

    /// <summary>The field's position in the code vector <see cref="Fields.Encode"/> fills.</summary>
    int Index { get; }

    /// <summary>The field's evidence item for each code; null where the field has no codes.</summary>
    Evidence[]? EvidenceByCode { get; }

    /// <summary>The evidence item for the history's value (any value, encoded or not).</summary>
    Evidence EvidenceOf(PatientHistory history);
}

/// <summary>A named input of <see cref="PatientHistory"/>, spelt as the contract spells it.</summary>
/// <typeparam name="T">The field's type; nullable where the field may be "not recorded".</typeparam>
public sealed class Field<T> : IEncodedField
{
    private readonly Func<PatientHistory, T> _get;
    private readonly Func<T, Evidence> _evidence;

    /// <summary>Defines a field.</summary>
    /// <param name="name">The contract's name.</param>
    /// <param name="get">Reads the value.</param>
    /// <param name="evidence">Makes the evidence item for a value (shared instances where values are few).</param>
    /// <param name="codec">How values are encoded as small integers; null where they are not.</param>
    internal Field(string name, Func<PatientHistory, T> get, Func<string, Func<T, Evidence>>? evidence = null, FieldCodec<T>? codec = null)
    {
        Name = name;
        _get = get;
        _evidence = evidence?.Invoke(name) ?? (v => new Evidence(name, WireNames.Display(v)));
        Codec = codec;
        Index = FieldIndexes.Next();
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

    /// <summary>How the field's values are encoded as small integers, or null where they are not.</summary>
    internal FieldCodec<T>? Codec { get; }

    /// <summary>The field's position in the code vector <see cref="Fields.Encode"/> fills (the order fields are defined in).</summary>
    internal int Index { get; }

    /// <summary>The contract's field name, e.g. <c>failedAdequateTrials</c>.</summary>
    public string Name { get; }

    public T Of(PatientHistory history) => _get(history);

    /// <summary>The <c>because</c> item for this field's value in the history (shared, immutable instances where the value set is small).</summary>
    internal Evidence EvidenceOf(PatientHistory history) => _evidence(_get(history));

    int IEncodedField.Size => Codec?.Size ?? 0;

    int IEncodedField.Index => Index;

    Evidence[]? IEncodedField.EvidenceByCode => EvidenceByCode;

    Evidence IEncodedField.EvidenceOf(PatientHistory history) => EvidenceOf(history);

    public override string ToString() => Name;
}

/// <summary>Numbers fields in the order they are defined: their positions in the code vector.</summary>
internal static class FieldIndexes
{
    private static int s_count;

    /// <summary>How many fields are defined.</summary>
    public static int Count => Volatile.Read(ref s_count);

    public static int Next() => Interlocked.Increment(ref s_count) - 1;
}

/// <summary>
/// Encodes a field's values as the integers 0 to <see cref="Size"/> - 1 (-1 for a value outside the encoded range),
/// so that a condition can answer from a table computed once instead of calling its predicate.
/// </summary>
internal sealed class FieldCodec<T>(int size, Func<T, int> encode, Func<int, T> decode)
{
    public int Size { get; } = size;

    public int Encode(T value) => encode(value);

    public T Decode(int code) => decode(code);
}

/// <summary>
/// The codecs of the contract's field types. Each codec's encoding is a static method, so that the engine's encoder
/// (<see cref="Fields.Encode"/>) and the codecs share the same code.
/// </summary>
internal static class Codecs
{
    public static FieldCodec<bool> Bool { get; } = new(2, EncodeBool, c => c == 1);

    public static FieldCodec<bool?> NullableBool { get; } = new(3, EncodeNullableBool, c => c == 0 ? null : c == 2);

    public static FieldCodec<int> Int(int max) => new(max + 1, v => EncodeInt(v, max), c => c);

    public static FieldCodec<int?> NullableInt(int max) => new(max + 2, v => EncodeNullableInt(v, max), c => c == 0 ? null : c - 1);

    /// <summary>
    /// Whole numbers 0 to <paramref name="max"/> written without decimals (scale 0, as <c>5</c>, not <c>5.0</c>), and
    /// "not recorded". Any other value (a fraction, <c>5.0</c>, a negative zero, above the maximum) has no code and is
    /// read from the history, so that its evidence keeps the digits the clinician entered.
    /// </summary>
    public static FieldCodec<decimal?> NullableWholeDecimal(int max) =>
        new(max + 2, v => EncodeNullableWholeDecimal(v, max), c => c == 0 ? null : (decimal)(c - 1));

    public static FieldCodec<TEnum> Enum<TEnum>()
        where TEnum : struct, Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        return new(values.Length, EnumCode<TEnum>.Of, c => values[c]);
    }

    public static FieldCodec<TEnum?> NullableEnum<TEnum>()
        where TEnum : struct, Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        return new(values.Length + 1, EncodeNullableEnum, c => c == 0 ? null : values[c - 1]);
    }

    public static int EncodeBool(bool value) => value ? 1 : 0;

    public static int EncodeNullableBool(bool? value) => value is not { } v ? 0 : v ? 2 : 1;

    public static int EncodeInt(int value, int max) => (uint)value <= (uint)max ? value : -1;

    public static int EncodeNullableInt(int? value, int max) => value is not { } n ? 0 : (uint)n <= (uint)max ? n + 1 : -1;

    public static int EncodeNullableWholeDecimal(decimal? value, int max)
    {
        if (value is not { } d)
        {
            return 0;
        }

        // The 96-bit integer (low, middle, high) and the flags (scale and sign): flags 0 is scale 0 and no sign.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        return bits[3] == 0 && bits[2] == 0 && bits[1] == 0 && (uint)bits[0] <= (uint)max ? bits[0] + 1 : -1;
    }

    public static int EncodeEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumCode<TEnum>.Of(value);

    public static int EncodeNullableEnum<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is not { } v ? 0 : EnumCode<TEnum>.Of(v) is var c and >= 0 ? c + 1 : -1;

    /// <summary>
    /// The code of an enumeration value: its position among the declared values. The contract's enumerations are
    /// int-backed and numbered 0, 1, 2 ... in declaration order, so the position is the number itself (no lookup);
    /// any other enumeration falls back to a dictionary.
    /// </summary>
    private static class EnumCode<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly TEnum[] Values = System.Enum.GetValues<TEnum>();

        private static readonly bool Contiguous = System.Enum.GetUnderlyingType(typeof(TEnum)) == typeof(int)
            && Values.Select((v, i) => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) == i).All(x => x);

        private static readonly Dictionary<TEnum, int> Codes = Values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);

        public static int Of(TEnum value)
        {
            if (Contiguous)
            {
                var n = System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value);
                return (uint)n < (uint)Values.Length ? n : -1;
            }

            return Codes.TryGetValue(value, out var c) ? c : -1;
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
    public static readonly Field<decimal?> BenzodiazepineDiazepamEquivalentMg = new("benzodiazepineDiazepamEquivalentMg", h => h.BenzodiazepineDiazepamEquivalentMg, null, Codecs.NullableWholeDecimal(200));
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

    /// <summary>How many fields are defined above: the code vector <see cref="Encode"/> fills is this long.</summary>
    internal static readonly int Count = FieldIndexes.Count;

    /// <summary>
    /// Writes the code of each field marked in <paramref name="read"/> (by index) for the history, at the field's
    /// <see cref="Field{T}.Index"/>: its codec's encoding of the value, 0 to size - 1, or -1 outside the encoded
    /// range. This is the engine's one pass over the history; the other entries are left as they are.
    /// </summary>
    /// <remarks>
    /// Straight-line code on purpose. A delegate per field (read, then encode) costs an indirect call that the
    /// processor predicts badly when one call site goes to thirty-seven targets in turn; here each field is one
    /// predictable test and, if read, a few instructions. A test checks it against each field's
    /// <see cref="Field{T}.Of"/> and codec for generated histories, so the two cannot drift apart.
    /// </remarks>
    internal static void Encode(PatientHistory h, Span<int> codes, ReadOnlySpan<bool> read)
    {
        if (read[AgeYears.Index])
        {
            codes[AgeYears.Index] = Codecs.EncodeInt(h.AgeYears, 120);
        }

        if (read[SexAtBirth.Index])
        {
            codes[SexAtBirth.Index] = Codecs.EncodeNullableEnum(h.SexAtBirth);
        }

        if (read[Pregnant.Index])
        {
            codes[Pregnant.Index] = Codecs.EncodeNullableBool(h.Pregnant);
        }

        if (read[Breastfeeding.Index])
        {
            codes[Breastfeeding.Index] = Codecs.EncodeNullableBool(h.Breastfeeding);
        }

        if (read[Jurisdiction.Index])
        {
            codes[Jurisdiction.Index] = Codecs.EncodeEnum(h.Jurisdiction);
        }

        if (read[PrimaryDiagnosis.Index])
        {
            codes[PrimaryDiagnosis.Index] = Codecs.EncodeEnum(h.PrimaryDiagnosis);
        }

        if (read[CurrentDepressiveEpisode.Index])
        {
            codes[CurrentDepressiveEpisode.Index] = Codecs.EncodeBool(h.CurrentDepressiveEpisode);
        }

        if (read[FailedAdequateTrials.Index])
        {
            codes[FailedAdequateTrials.Index] = Codecs.EncodeInt(h.FailedAdequateTrials, 30);
        }

        if (read[DistinctMechanisms.Index])
        {
            codes[DistinctMechanisms.Index] = Codecs.EncodeNullableInt(h.DistinctMechanisms, 30);
        }

        if (read[OnOralAntidepressant.Index])
        {
            codes[OnOralAntidepressant.Index] = Codecs.EncodeBool(h.OnOralAntidepressant);
        }

        if (read[MoodStabilizer.Index])
        {
            codes[MoodStabilizer.Index] = Codecs.EncodeNullableEnum(h.MoodStabilizer);
        }

        if (read[MoodStabilizerOptimized.Index])
        {
            codes[MoodStabilizerOptimized.Index] = Codecs.EncodeNullableBool(h.MoodStabilizerOptimized);
        }

        if (read[CurrentManiaOrMixedFeatures.Index])
        {
            codes[CurrentManiaOrMixedFeatures.Index] = Codecs.EncodeNullableBool(h.CurrentManiaOrMixedFeatures);
        }

        if (read[Psychosis.Index])
        {
            codes[Psychosis.Index] = Codecs.EncodeEnum(h.Psychosis);
        }

        if (read[Suicidality.Index])
        {
            codes[Suicidality.Index] = Codecs.EncodeEnum(h.Suicidality);
        }

        if (read[SafetyPlanInPlace.Index])
        {
            codes[SafetyPlanInPlace.Index] = Codecs.EncodeNullableBool(h.SafetyPlanInPlace);
        }

        if (read[LethalMeansCounselled.Index])
        {
            codes[LethalMeansCounselled.Index] = Codecs.EncodeNullableBool(h.LethalMeansCounselled);
        }

        if (read[FollowUpArranged.Index])
        {
            codes[FollowUpArranged.Index] = Codecs.EncodeNullableBool(h.FollowUpArranged);
        }

        if (read[LifeLimitingIllness.Index])
        {
            codes[LifeLimitingIllness.Index] = Codecs.EncodeNullableBool(h.LifeLimitingIllness);
        }

        if (read[PrognosisWeeks.Index])
        {
            codes[PrognosisWeeks.Index] = Codecs.EncodeNullableInt(h.PrognosisWeeks, 520);
        }

        if (read[ChronicNeuropathicPain.Index])
        {
            codes[ChronicNeuropathicPain.Index] = Codecs.EncodeNullableBool(h.ChronicNeuropathicPain);
        }

        if (read[OnOpioids.Index])
        {
            codes[OnOpioids.Index] = Codecs.EncodeNullableBool(h.OnOpioids);
        }

        if (read[OpioidInducedHyperalgesia.Index])
        {
            codes[OpioidInducedHyperalgesia.Index] = Codecs.EncodeNullableBool(h.OpioidInducedHyperalgesia);
        }

        if (read[OnNaltrexone.Index])
        {
            codes[OnNaltrexone.Index] = Codecs.EncodeNullableBool(h.OnNaltrexone);
        }

        if (read[BenzodiazepineDiazepamEquivalentMg.Index])
        {
            codes[BenzodiazepineDiazepamEquivalentMg.Index] = Codecs.EncodeNullableWholeDecimal(h.BenzodiazepineDiazepamEquivalentMg, 200);
        }

        if (read[OnPsychostimulantOrMaoi.Index])
        {
            codes[OnPsychostimulantOrMaoi.Index] = Codecs.EncodeNullableBool(h.OnPsychostimulantOrMaoi);
        }

        if (read[SubstanceUse.Index])
        {
            codes[SubstanceUse.Index] = Codecs.EncodeNullableEnum(h.SubstanceUse);
        }

        if (read[AneurysmalVascularDisease.Index])
        {
            codes[AneurysmalVascularDisease.Index] = Codecs.EncodeNullableBool(h.AneurysmalVascularDisease);
        }

        if (read[ArteriovenousMalformation.Index])
        {
            codes[ArteriovenousMalformation.Index] = Codecs.EncodeNullableBool(h.ArteriovenousMalformation);
        }

        if (read[IntracerebralHemorrhageHistory.Index])
        {
            codes[IntracerebralHemorrhageHistory.Index] = Codecs.EncodeNullableBool(h.IntracerebralHemorrhageHistory);
        }

        if (read[HypersensitivityToKetamine.Index])
        {
            codes[HypersensitivityToKetamine.Index] = Codecs.EncodeNullableBool(h.HypersensitivityToKetamine);
        }

        if (read[SeriousCardiovascularOrCerebrovascularCondition.Index])
        {
            codes[SeriousCardiovascularOrCerebrovascularCondition.Index] = Codecs.EncodeNullableBool(h.SeriousCardiovascularOrCerebrovascularCondition);
        }

        if (read[SystolicBp.Index])
        {
            codes[SystolicBp.Index] = Codecs.EncodeNullableInt(h.SystolicBp, 300);
        }

        if (read[DiastolicBp.Index])
        {
            codes[DiastolicBp.Index] = Codecs.EncodeNullableInt(h.DiastolicBp, 200);
        }

        if (read[HepaticImpairment.Index])
        {
            codes[HepaticImpairment.Index] = Codecs.EncodeNullableEnum(h.HepaticImpairment);
        }

        if (read[Phq9Total.Index])
        {
            codes[Phq9Total.Index] = Codecs.EncodeNullableInt(h.Phq9Total, 27);
        }

        if (read[Phq9Item9.Index])
        {
            codes[Phq9Item9.Index] = Codecs.EncodeNullableInt(h.Phq9Item9, 3);
        }
    }
}
