using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KetamineCds.Fhir.ValueSets;

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
