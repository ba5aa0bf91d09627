namespace KetamineCds.Fhir.ValueSets;

/// <summary>
/// One value set kept as data in <c>ValueSets/*.json</c> (embedded): the codes that decide a screening field, each with
/// the system it belongs to, the code or an ICD-10-CM prefix, its display, the contract value it stands for, and the
/// source where it was confirmed. The field catalogue names the value set each field reads
/// (<see cref="KetamineCds.Domain.Screening.FieldDefinition.ValueSet"/>).
/// </summary>
public sealed class ValueSet
{
    private const string Icd10CmSystem = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>The value set's id: its file name without <c>.json</c>.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>What the codes mean for the field, and which codes were left out because they could not be confirmed.</summary>
    public required string Description { get; init; }

    /// <summary>How the codes are read from the FHIR data.</summary>
    public required ValueSetReading Read { get; init; }

    public required IReadOnlyList<ValueSetCode> Codes { get; init; }

    private Index? _index;

    /// <summary>The most specific entry matching a coding (the exact code, else the longest prefix), or null.</summary>
    public ValueSetCode? Match(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code))
            return null;

        var index = LazyInitializer.EnsureInitialized(ref _index, () => new Index(Codes));
        // ICD-10-CM codes are compared without their dot: EHRs send both F31.81 and F3181.
        var isIcd = string.Equals(system, Icd10CmSystem, StringComparison.Ordinal);
        var normalized = isIcd || index.HasPrefixes ? Icd10Cm.Normalize(code) : null;
        if (index.Exact.TryGetValue(system, out var exact) && exact.TryGetValue(isIcd ? normalized! : code.Trim(), out var entry))
            return entry;
        if (normalized is null || !index.Prefixes.TryGetValue(system, out var prefixes))
            return null;

        // The longest prefix first: I67.1 before I67.
        var lookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = normalized.Length; length > 0; length--)
        {
            if (lookup.TryGetValue(normalized.AsSpan(0, length), out var prefix))
                return prefix;
        }

        return null;
    }

    /// <summary>
    /// The entries by system and code (ICD-10-CM codes without their dot, upper case) and the prefixes by system, made
    /// once: a chart's codings are matched by lookup, not by a scan of every entry. The first entry wins a tie, as a
    /// scan in the file's order would.
    /// </summary>
    private sealed class Index
    {
        public Index(IReadOnlyList<ValueSetCode> codes)
        {
            foreach (var entry in codes)
            {
                var isIcd = string.Equals(entry.System, Icd10CmSystem, StringComparison.Ordinal);
                if (entry.Code is not null)
                    For(Exact, entry.System).TryAdd(isIcd ? Icd10Cm.Normalize(entry.Code) : entry.Code, entry);
                else if (entry.Prefix is not null)
                    For(Prefixes, entry.System).TryAdd(Icd10Cm.Normalize(entry.Prefix), entry);
            }

            HasPrefixes = Prefixes.Count > 0;
        }

        public Dictionary<string, Dictionary<string, ValueSetCode>> Exact { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, ValueSetCode>> Prefixes { get; } = new(StringComparer.Ordinal);

        public bool HasPrefixes { get; }

        private static Dictionary<string, ValueSetCode> For(Dictionary<string, Dictionary<string, ValueSetCode>> bySystem, string system) =>
            bySystem.TryGetValue(system, out var codes) ? codes : bySystem[system] = new(StringComparer.Ordinal);
    }
}

/// <summary>ICD-10-CM codes are written with or without the dot (<c>I71.2</c>, <c>I712</c>); compare them without it.</summary>
internal static class Icd10Cm
{
    public static string Normalize(string code) => code.Trim().Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool StartsWith(string code, string prefix) => Normalize(code).StartsWith(Normalize(prefix), StringComparison.Ordinal);
}
