using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Json;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A screening entry holds its inputs twice: <c>InputJson</c>, the request as submitted (every contract field, "null"
/// where not recorded, a yes/no never answered left out (helper 227): what the auditor reads as "Input as submitted"), and <c>HistoryJson</c>, the history the engine
/// evaluated (what replay, the impact analysis and the entry's own reading use). The app writes both from the same
/// request, so they may differ in form (field order, a number's spelling, a list given twice) but never in an answer.
/// Nothing in the chain's hashes ties one to the other: someone who rewrites one and re-hashes the chain leaves a log
/// that verifies, whose shown inputs no longer give its verdict (QA14a P1). This compares the answers, never the bytes.
/// </summary>
public static class StoredInputs
{
    /// <summary>
    /// Whether the input as submitted and the stored history hold the same answers: null when the entry holds only the
    /// input (an entry written before the history was stored separately: replay reads the input itself), false when the
    /// input cannot be read as a history or one answer differs.
    /// </summary>
    public static bool? Agree(string inputJson, string? historyJson)
    {
        if (historyJson is null)
        {
            return null;
        }

        var stored = Read(historyJson);
        return stored is not null && Agree(inputJson, stored);
    }

    /// <summary>Whether the input as submitted holds the same answers as the history read from the entry.</summary>
    public static bool Agree(string inputJson, PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        // The history is a record of values (its lists compare by item, a decimal by value), so equality compares the
        // answers: the same test as DisagreeingFields, without writing both out again (the impact analysis asks it of
        // every entry).
        return Read(inputJson) is { } input && input == history;
    }

    /// <summary>
    /// The contract fields whose answers differ between the input as submitted and the stored history, in the contract's
    /// order; empty when they agree; <c>["*"]</c> when either cannot be read as a history at all.
    /// </summary>
    public static IReadOnlyList<string> DisagreeingFields(string inputJson, string historyJson)
    {
        if (Read(inputJson) is not { } input || Read(historyJson) is not { } history)
        {
            return ["*"];
        }

        var a = JsonSerializer.SerializeToElement(input, ContractJson.Options);
        var b = JsonSerializer.SerializeToElement(history, ContractJson.Options);
        return
        [
            .. a.EnumerateObject().Select(p => p.Name).Concat(b.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal)
                .Where(n => !(a.TryGetProperty(n, out var x) && b.TryGetProperty(n, out var y) && Same(x, y))),
        ];
    }

    /// <summary>
    /// Whether two inputs as submitted (a request's contract JSON, as <c>InputJson</c> holds it) hold the same answers, the
    /// note included: field by field in any order, a field null or left out alike (a field added to the contract since
    /// one was written), numbers by value, lists in order. False when either is not a JSON object. This is the test of a
    /// submission id sent again: the same answers are a repeat; any other answer is another request (QA157 F8).
    /// </summary>
    public static bool SameSubmitted(string inputJson, string otherInputJson)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        ArgumentNullException.ThrowIfNull(otherInputJson);
        try
        {
            using var a = JsonDocument.Parse(inputJson);
            using var b = JsonDocument.Parse(otherInputJson);
            if (a.RootElement.ValueKind != JsonValueKind.Object || b.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var x = a.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToList();
            var y = b.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            return x.Count == y.Count && x.All(p => y.TryGetValue(p.Name, out var other) && Same(p.Value, other));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static PatientHistory? Read(string json)
    {
        try
        {
            // The input as submitted holds every contract field, null where not recorded, but a yes/no never answered, which
            // it leaves out (ScreeningRequest.ToContractJson; a null yes/no is one answered "Not known"); either is not recorded,
            // and a field not recorded that has a default (the jurisdiction: "jurisdiction": null) is that default in the
            // history the app evaluated. Read without its nulls, it gives that history: a null is a field left out, which
            // reads as not recorded, or as the field's default. (Read with them, a null jurisdiction could not be read, and
            // every screening without one was said to disagree with its history.)
            if (JsonNode.Parse(json) is not JsonObject fields)
            {
                return null;
            }

            foreach (var name in fields.Where(f => f.Value is null).Select(f => f.Key).ToList())
            {
                fields.Remove(name);
            }

            return fields.Deserialize<PatientHistory>(ContractJson.Options);
        }
        catch (Exception ex) when (EfDecisionLog.IsUnreadable(ex))
        {
            return null;
        }
    }

    /// <summary>The same answers: objects field by field in any order, numbers by value (<c>1.0</c> is <c>1</c>), lists in order.</summary>
    private static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var fields = a.EnumerateObject().ToList();
                if (fields.Count != b.EnumerateObject().Count())
                {
                    return false;
                }

                return fields.All(f => b.TryGetProperty(f.Name, out var other) && Same(f.Value, other));
            case JsonValueKind.Array:
                var items = a.EnumerateArray().ToList();
                var others = b.EnumerateArray().ToList();
                return items.Count == others.Count && items.Zip(others).All(p => Same(p.First, p.Second));
            case JsonValueKind.Number:
                return a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetRawText() == b.GetRawText();
            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
            default:
                return true; // true, false, null: the kinds already matched
        }
    }
}
