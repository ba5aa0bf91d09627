using System.Text.Json;
using System.Text.Json.Serialization;

namespace KetamineCds.Infrastructure.Json;

/// <summary>
/// The JSON spelling of the screening contract (shared/api/screening-v1.md): camelCase properties and lower-case,
/// hyphenated enumeration values. Used for the API, for what the decision log stores, and for hashing.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new ValueListJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
