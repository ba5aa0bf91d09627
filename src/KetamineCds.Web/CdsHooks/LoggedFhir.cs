using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// The FHIR a hook call gave, as the decision log keeps it (QA14a P9). The log is append-only and hash-chained, so what it
/// holds can never be taken out again: it keeps what the answer was read from (ids, codes, statuses, values, dates) and
/// leaves out the patient's direct identifiers, which no rule reads and which the app refuses everywhere else.
/// <list type="bullet">
/// <item>A Patient keeps its id, meta, the US Core birth sex extension (read for <c>sexAtBirth</c>), gender, and the year
/// of its birth date (the age the reader worked out is in the recorded inputs). Its name, identifiers, contact details,
/// address, photo, contacts and links are left out.</item>
/// <item>A RelatedPerson or Person keeps only its id.</item>
/// <item>Every resource loses its narrative (<c>text</c>) and its free-text notes (<c>note</c>); neither is read.</item>
/// <item>A reference to a Patient, RelatedPerson or Person loses its <c>display</c> (usually the patient's name).</item>
/// <item>An OperationOutcome's issues lose their <c>diagnostics</c> and <c>details.text</c>, free text an EHR may fill with
/// anything (QA158 F13); their severity, code and coded details stay (the prefetch gap is read from the code).</item>
/// </list>
/// The stored object says so with <see cref="Marker"/>, so the auditor's page can tell these entries from older ones,
/// which hold the FHIR as it was sent.
/// </summary>
public static class LoggedFhir
{
    /// <summary>The property of the stored object that says direct identifiers were left out.</summary>
    public const string Marker = "directIdentifiersRemoved";

    private const string BirthSexExtension = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";

    private static readonly HashSet<string> PatientKeeps = new(StringComparer.Ordinal) { "resourceType", "id", "meta", "gender", "birthDate", "extension" };

    private static readonly string[] PeopleReferences = ["Patient/", "RelatedPerson/", "Person/"];

    private static readonly HashSet<string> PeopleTypes = new(StringComparer.Ordinal) { "RelatedPerson", "Person" };

    /// <summary>The stored text: <c>{"directIdentifiersRemoved":true,"prefetch":…[,"draftOrders":…]}</c>.</summary>
    public static string Of(JsonElement? prefetch, JsonElement? draftOrders)
    {
        var stored = new JsonObject
        {
            [Marker] = true,
            ["prefetch"] = prefetch is { } p ? Minimized(JsonNode.Parse(p.GetRawText())) : new JsonObject(),
        };
        if (draftOrders is { } d)
        {
            stored["draftOrders"] = Minimized(JsonNode.Parse(d.GetRawText()));
        }

        return stored.ToJsonString();
    }

    /// <summary>Whether a stored FHIR text is one <see cref="Of"/> wrote (older entries hold the FHIR as it was sent).</summary>
    public static bool IsMinimized(string fhirJson)
    {
        try
        {
            using var document = JsonDocument.Parse(fhirJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(Marker, out var marker) && marker.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonNode? Minimized(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Minimized(item);
                }

                break;
            case JsonObject item:
                Minimize(item);
                foreach (var (_, value) in item)
                {
                    Minimized(value);
                }

                break;
        }

        return node;
    }

    private static void Minimize(JsonObject item)
    {
        if (item["reference"] is JsonValue reference && reference.TryGetValue<string>(out var target) && NamesAPerson(target))
        {
            item.Remove("display");
        }

        if (item["resourceType"] is not JsonValue type || !type.TryGetValue<string>(out var resourceType))
        {
            return;
        }

        if (item["text"] is JsonObject)
        {
            item.Remove("text");
        }

        item.Remove("note");
        if (resourceType == "Patient")
        {
            foreach (var name in item.Select(p => p.Key).Where(k => !PatientKeeps.Contains(k)).ToArray())
            {
                item.Remove(name);
            }

            if (item["birthDate"] is JsonValue birth && birth.TryGetValue<string>(out var date) && date.Length > 4)
            {
                item["birthDate"] = date[..4];
            }

            if (item["extension"] is JsonArray extensions)
            {
                foreach (var other in extensions.Where(e => !(e is JsonObject o && o["url"] is JsonValue url && url.TryGetValue<string>(out var u) && u == BirthSexExtension)).ToArray())
                {
                    extensions.Remove(other);
                }
            }
        }
        else if (resourceType == "OperationOutcome" && item["issue"] is JsonArray issues)
        {
            foreach (var issue in issues.OfType<JsonObject>())
            {
                issue.Remove("diagnostics");
                (issue["details"] as JsonObject)?.Remove("text");
            }
        }
        else if (PeopleTypes.Contains(resourceType))
        {
            foreach (var name in item.Select(p => p.Key).Where(k => k is not ("resourceType" or "id")).ToArray())
            {
                item.Remove(name);
            }
        }
    }

    private static bool NamesAPerson(string target) =>
        PeopleReferences.Any(t => target.StartsWith(t, StringComparison.Ordinal) || target.Contains("/" + t, StringComparison.Ordinal));
}
