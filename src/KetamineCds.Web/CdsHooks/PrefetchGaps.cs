using System.Text.Json;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.CdsHooks;

/// <summary>How the EHR left a prefetch key unfilled (QA120 F4).</summary>
public enum PrefetchGapKind
{
    /// <summary>One of the service's prefetch keys is missing from a call that sends others (or no prefetch at all).</summary>
    NotSent,

    /// <summary>
    /// Sent as <c>null</c>: CDS Hooks 2.0's way of saying the EHR has no data to populate the template (QA295 F2; a key
    /// the EHR could not fetch is left out, <see cref="NotSent"/>). What the fields read from it is still not recorded.
    /// </summary>
    Null,

    /// <summary>An OperationOutcome instead of the data (the spec's advice for a failed prefetch), or in a searchset's outcome entry.</summary>
    Failed,

    /// <summary>A searchset Bundle that holds fewer results than its <c>total</c>, or has a <c>next</c> page.</summary>
    Partial,
}

/// <summary>
/// A prefetch key the EHR did not send, or sent failed or in part (QA120 F4): what the service reads from it is unknown
/// here, not absent from the chart, so the card never says those items are "not recorded in the chart", and the log
/// keeps the gap. <see cref="Detail"/>: the OperationOutcome's issue codes (FHIR codes only, never its free text), or
/// "57 found, 1 sent" / "next page" for a part.
/// </summary>
public sealed record PrefetchGap(string Key, PrefetchGapKind Kind, string Detail, int? Found = null, int? Sent = null)
{
    /// <summary>
    /// True when part of the chart was not sent (left out, failed, or sent in part): the card then says the EHR did not send
    /// all of the chart. False for a <c>null</c>, the EHR's word that it has no data there (QA295 F2).
    /// </summary>
    public bool NotAllSent => Kind != PrefetchGapKind.Null;

    /// <summary>The gap as the log's origin keeps it.</summary>
    public string State => Kind switch
    {
        PrefetchGapKind.NotSent => "not-sent",
        PrefetchGapKind.Null => "null",
        PrefetchGapKind.Failed => "operation-outcome",
        _ => "partial",
    };
}

/// <summary>
/// Finds the prefetch gaps of a call (<see cref="PrefetchGap"/>). A key missing counts only for the service's own
/// templates (<see cref="CdsHookServices.Prefetch"/>) and only when the call uses them: a call that sends its chart under
/// keys of its own (one <c>chart</c> Bundle) does not say which of the templates it meant to cover, so nothing is named
/// missing there; nor is a template whose resources (a Condition for <c>conditions</c>) came under another key, even in a
/// call that uses other templates (QA158 F6). A call without any prefetch sent none of them.
/// </summary>
public static partial class PrefetchGaps
{
    public static IReadOnlyList<PrefetchGap> Of(JsonElement? prefetch)
    {
        var gaps = new List<PrefetchGap>();
        var keys = new List<string>();
        var sentTypes = new HashSet<string>(StringComparer.Ordinal);
        if (prefetch is { ValueKind: JsonValueKind.Object } items)
        {
            foreach (var item in items.EnumerateObject())
            {
                keys.Add(item.Name);
                AddResourceTypes(item.Value, sentTypes);
                var key = KeyName(item.Name);
                switch (item.Value.ValueKind)
                {
                    case JsonValueKind.Null:
                        gaps.Add(new PrefetchGap(key, PrefetchGapKind.Null, ""));
                        break;
                    case JsonValueKind.Object:
                        if (Of(key, item.Value) is { } gap)
                        {
                            gaps.Add(gap);
                        }

                        break;
                }
            }
        }

        if (keys.Count == 0 || keys.Any(CdsHookServices.Prefetch.ContainsKey))
        {
            // A template's resources sent under another key (a Bundle of its own) were sent: the key is not named (QA158 F6).
            gaps.AddRange(CdsHookServices.Prefetch
                .Where(t => !keys.Contains(t.Key, StringComparer.Ordinal) && !sentTypes.Contains(ResourceType(t.Value)))
                .Select(t => new PrefetchGap(t.Key, PrefetchGapKind.NotSent, "")));
        }

        return [.. gaps.OrderBy(g => KeyOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>The resource type a template asks for: <c>Condition</c> of <c>Condition?patient=…</c>, <c>Patient</c> of <c>Patient/…</c>.</summary>
    private static string ResourceType(string template) => template[..template.IndexOfAny(['/', '?'])];

    /// <summary>The types of the resources a prefetch item holds, itself and its Bundles' entries, however deep.</summary>
    private static void AddResourceTypes(JsonElement resource, HashSet<string> types)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var t) || t.ValueKind != JsonValueKind.String)
        {
            return;
        }

        types.Add(t.GetString()!);
        if (resource.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var inner))
                {
                    AddResourceTypes(inner, types);
                }
            }
        }
    }

    private static int KeyOrder(string key)
    {
        var index = CdsHookServices.Prefetch.Keys.ToList().IndexOf(key);
        return index < 0 ? int.MaxValue : index;
    }

    private static PrefetchGap? Of(string key, JsonElement resource)
    {
        var type = resource.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "OperationOutcome")
        {
            return new PrefetchGap(key, PrefetchGapKind.Failed, IssueCodes(resource));
        }

        if (type != "Bundle")
        {
            return null;
        }

        var entries = resource.TryGetProperty("entry", out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).ToList() : [];
        var failed = entries.Where(x => Mode(x) == "outcome" && x.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object && IsError(r)).ToList();
        if (failed.Count > 0)
        {
            return new PrefetchGap(key, PrefetchGapKind.Failed, string.Join(", ", failed.Select(x => IssueCodes(x.GetProperty("resource"))).Distinct(StringComparer.Ordinal)));
        }

        // The results sent: entries with a resource that are the search's matches (include and outcome entries are not counted in total).
        var sent = entries.Count(x => x.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object && Mode(x) is null or "match");
        if (resource.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var found) && found > sent)
        {
            return new PrefetchGap(key, PrefetchGapKind.Partial, $"{found} found, {sent} sent", found, sent);
        }

        var hasNext = resource.TryGetProperty("link", out var links) && links.ValueKind == JsonValueKind.Array
            && links.EnumerateArray().Any(l => l.ValueKind == JsonValueKind.Object && l.TryGetProperty("relation", out var relation)
                && relation.ValueKind == JsonValueKind.String && relation.GetString() == "next");
        return hasNext ? new PrefetchGap(key, PrefetchGapKind.Partial, "next page") : null;
    }

    private static string? Mode(JsonElement entry) =>
        entry.TryGetProperty("search", out var search) && search.ValueKind == JsonValueKind.Object
        && search.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String ? mode.GetString() : null;

    private static bool IsError(JsonElement outcome) =>
        outcome.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "OperationOutcome"
        && Issues(outcome).Any(i => i.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() is "error" or "fatal");

    private static IEnumerable<JsonElement> Issues(JsonElement outcome) =>
        outcome.TryGetProperty("issue", out var issues) && issues.ValueKind == JsonValueKind.Array
            ? issues.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>The issue codes (FHIR's issue-type codes, e.g. <c>timeout</c>): never the diagnostics, which are free text.</summary>
    private static string IssueCodes(JsonElement outcome)
    {
        var codes = Issues(outcome)
            .Select(i => i.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null)
            .Where(c => c is not null && IssueCode().IsMatch(c))
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        return codes.Count == 0 ? "?" : string.Join(", ", codes);
    }

    /// <summary>
    /// A prefetch key as the log and the card name it: the EHR's own key names are words (<c>conditions</c>); one that
    /// is not (a space, Markdown, a control character, more than 64 characters) is not repeated.
    /// </summary>
    private static string KeyName(string key) => KeyPattern().IsMatch(key) ? key : "(a key with other characters)";

    [GeneratedRegex(@"\A[A-Za-z0-9_.-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\A[a-z][a-z-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IssueCode();
}
