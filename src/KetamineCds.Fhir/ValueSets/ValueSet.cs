using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    public required IReadOnlyList<ValueSetCode> Codes { get; init; }

    /// <summary>The most specific entry matching a coding (the exact code, else the longest prefix), or null.</summary>
    public ValueSetCode? Match(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code))
            return null;

        // ICD-10-CM codes are compared without their dot: EHRs send both F31.81 and F3181.
        var isIcd = string.Equals(system, Icd10CmSystem, StringComparison.Ordinal);
        ValueSetCode? best = null;
        foreach (var entry in Codes)
        {
            if (!string.Equals(entry.System, system, StringComparison.Ordinal))
                continue;
            if (entry.Code is not null && (string.Equals(entry.Code, code.Trim(), StringComparison.Ordinal) || (isIcd && Icd10Cm.Normalize(entry.Code) == Icd10Cm.Normalize(code))))
                return entry;
            if (entry.Prefix is not null && Icd10Cm.StartsWith(code, entry.Prefix)
                && (best?.Prefix is null || Icd10Cm.Normalize(entry.Prefix).Length > Icd10Cm.Normalize(best.Prefix).Length))
                best = entry;
        }

        return best;
    }
}

/// <summary>
/// One entry of a value set: a single <see cref="Code"/>, or an ICD-10-CM <see cref="Prefix"/> meaning that code and
/// every code below it (<c>I71</c> covers I71, I71.0, I71.01 ...).
/// </summary>
public sealed class ValueSetCode
{
    /// <summary>The code system's canonical URL (<c>http://snomed.info/sct</c>).</summary>
    public required string System { get; init; }

    /// <summary>The exact code, or null when <see cref="Prefix"/> is given.</summary>
    public string? Code { get; init; }

    /// <summary>An ICD-10-CM code meaning itself and all its children, or null when <see cref="Code"/> is given.</summary>
    public string? Prefix { get; init; }

    public required string Display { get; init; }

    /// <summary>The contract value the code stands for (<c>bipolar-i</c>, <c>ssri</c>, <c>alcohol</c>), or null when the field is a yes/no the code answers yes.</summary>
    public string? Value { get; init; }

    /// <summary>A qualifier some value sets use (<c>in-remission</c> for a substance use disorder in remission), or null.</summary>
    public string? Status { get; init; }

    /// <summary>Where the code was confirmed: a document in the repository, a reference with its URL, or a public FHIR IG.</summary>
    public required string Source { get; init; }

    public override string ToString() => $"{System}|{Code ?? Prefix + "*"}";
}

/// <summary>The value sets embedded in this assembly, read once.</summary>
public static class ValueSetCatalogue
{
    private const string ResourcePrefix = "KetamineCds.Fhir.ValueSets.";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, ValueSet>> Loaded = new(Load);

    /// <summary>Every value set, by id.</summary>
    public static IReadOnlyDictionary<string, ValueSet> All => Loaded.Value;

    /// <summary>The value set with this id; throws when it does not exist (the field catalogue names one that is missing).</summary>
    public static ValueSet Get(string id) =>
        All.TryGetValue(id, out var set) ? set : throw new InvalidOperationException($"The value set '{id}' named by the field catalogue does not exist.");

    private static Dictionary<string, ValueSet> Load()
    {
        var assembly = typeof(ValueSetCatalogue).Assembly;
        var sets = new Dictionary<string, ValueSet>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
                continue;

            var id = name[ResourcePrefix.Length..^".json".Length];
            var set = Read(assembly, name);
            if (!string.Equals(set.Id, id, StringComparison.Ordinal))
                throw new InvalidOperationException($"The value set file '{id}.json' declares the id '{set.Id}'.");
            foreach (var code in set.Codes)
            {
                if ((code.Code is null) == (code.Prefix is null))
                    throw new InvalidOperationException($"The value set '{id}' has an entry with neither or both of code and prefix ({code.Display}).");
            }

            sets.Add(id, set);
        }

        return sets;
    }

    private static ValueSet Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded value set '{resource}' cannot be opened.");
        return JsonSerializer.Deserialize<ValueSet>(stream, Options)
            ?? throw new InvalidOperationException($"The embedded value set '{resource}' is empty.");
    }
}

/// <summary>ICD-10-CM codes are written with or without the dot (<c>I71.2</c>, <c>I712</c>); compare them without it.</summary>
internal static class Icd10Cm
{
    public static string Normalize(string code) => code.Trim().Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool StartsWith(string code, string prefix) => Normalize(code).StartsWith(Normalize(prefix), StringComparison.Ordinal);
}
