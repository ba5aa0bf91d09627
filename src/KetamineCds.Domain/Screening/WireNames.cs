using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace KetamineCds.Domain.Screening;

/// <summary>
/// The contract's spelling of enumeration values: lower-case and hyphenated (<c>BipolarI</c> is <c>bipolar-i</c>,
/// <c>HistoryControlled</c> is <c>history-controlled</c>). The API, the form, the log and the rules all use these. One
/// speller: <see cref="JsonNamingPolicy.KebabCaseLower"/>, the policy the stored JSON (<c>ContractJson</c>) writes the
/// same values with, so that what is shown and what is replayed cannot differ.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    /// <summary>The contract string for an enumeration value.</summary>
    public static string Of(Enum value) => Cache.GetOrAdd(value, static v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    /// <summary>Parses a contract string into an enumeration value, or returns false.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Every contract string of an enumeration, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => Of(v)).ToArray();

    /// <summary>How a recorded value is shown in a finding's <c>because</c>: "not recorded" for null.</summary>
    public static string Display(object? value) => value switch
    {
        null => NotRecorded,
        bool b => b ? "true" : "false",
        Enum e => Of(e),
        System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object>().Select(Display)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? NotRecorded,
    };

    /// <summary>The text used for a field that was not recorded.</summary>
    public const string NotRecorded = "not recorded";
}
