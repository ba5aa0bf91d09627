using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Json;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A screening entry holds its inputs twice: <c>InputJson</c>, the request as submitted (every contract field, "null"
/// where not recorded: what the auditor reads as "Input as submitted"), and <c>HistoryJson</c>, the history the engine
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
        return ReadInput(inputJson) is { } input
            && Same(JsonSerializer.SerializeToElement(input, ContractJson.Options), JsonSerializer.SerializeToElement(history, ContractJson.Options));
    }

    /// <summary>
    /// The input as submitted, read as the contract reads a request: a field it leaves out takes the contract's default
    /// (the jurisdiction: <c>us</c>), as the evaluated history did. Without this, every API screening that left out the
    /// jurisdiction read as a disagreement, which says the log may have been altered (QA96 F1). A default fills only a
    /// field not recorded: a recorded answer that differs from the history still disagrees.
    /// </summary>
    private static PatientHistory? ReadInput(string inputJson)
    {
        JsonObject? input;
        try
        {
            input = JsonNode.Parse(inputJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (input is null)
        {
            return null;
        }

        foreach (var field in Fields.All)
        {
            if (field.Default is { } fallback && input[field.Name] is null)
            {
                input[field.Name] = fallback;
            }
        }

        return Read(input.ToJsonString());
    }

    private static PatientHistory? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PatientHistory>(json, ContractJson.Options);
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
