using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace KetamineCds.Fhir;

/// <summary>
/// Takes the prefetch apart: every element is a FHIR resource or a Bundle (searchset bundles nested in bundles
/// included), and every resource of a type the reader uses is parsed with the Firely SDK. R4 resource types the reader
/// does not use (Encounter, Practitioner ...) are skipped without being parsed. A <c>resourceType</c> R4 does not know
/// (a misspelling, <c>patient</c>, a type of another FHIR version) is not FHIR R4: it is refused, never skipped, so an
/// EHR integration error is not hidden behind an answer that reads as "not recorded".
/// </summary>
internal static partial class PrefetchResources
{
    /// <summary>The resource types the reader maps; everything else is ignored.</summary>
    internal static readonly IReadOnlySet<string> ReadTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Patient", "Condition", "Observation", "MedicationRequest", "MedicationStatement", "Medication", "AllergyIntolerance",
    };

    private const int MaxBundleDepth = 8;

    // Strict: an unknown element, a value of the wrong type (a string where an object belongs, which the laxer modes
    // drop silently), an invalid date or code is an error, so nothing the reader trusts was lost on the way. The
    // narrative is never read, so its XHTML is not validated.
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict, NarrativeValidationKind.None));

    /// <summary>Every resource of a read type, with the reference that names it (<c>Condition/123</c>).</summary>
    public static IReadOnlyList<SourcedResource> Collect(IEnumerable<JsonElement> prefetch)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        return Collect(prefetch.Select((element, index) => ($"prefetch item {index + 1}", element)));
    }

    /// <summary>
    /// The same, each element named in messages by where it came from (<c>prefetch.patient</c>). A prefetch key's name
    /// never decides how its resource is read: the resource's own <c>resourceType</c> does (the contract lets a Bundle
    /// arrive under any key).
    /// </summary>
    public static IReadOnlyList<SourcedResource> Collect(IEnumerable<(string Where, JsonElement Element)> prefetch)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        var resources = new List<SourcedResource>();
        foreach (var (where, element) in prefetch)
        {
            // A CDS client may send null for a prefetch key it could not fill: nothing was sent, nothing is read.
            if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                continue;
            Walk(element, where, fullUrl: null, depth: 0, resources);
        }

        return resources;
    }

    private static void Walk(JsonElement element, string where, string? fullUrl, int depth, List<SourcedResource> resources)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new FhirFormatException($"FHIR: {where} is not a JSON object.");
        if (!element.TryGetProperty("resourceType", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(typeElement.GetString()))
            throw new FhirFormatException($"FHIR: {where} has no resourceType.");

        var type = typeElement.GetString()!;
        if (type == "Bundle")
        {
            ReadBundle(element, where, depth, resources);
            return;
        }

        if (!ReadTypes.Contains(type))
        {
            if (!IsR4ResourceType(type))
                throw new FhirFormatException($"FHIR: {where} has resourceType {Quoted(type)}, which is not a FHIR R4 resource type.");
            return;
        }

        var resource = Parse(element, type, where);
        resources.Add(new SourcedResource(resource, ReferenceOf(resource, fullUrl), where));
    }

    private static void ReadBundle(JsonElement bundle, string where, int depth, List<SourcedResource> resources)
    {
        if (depth >= MaxBundleDepth)
            throw new FhirFormatException($"FHIR: {where} nests bundles more than {MaxBundleDepth} deep.");
        if (!bundle.TryGetProperty("entry", out var entries) || entries.ValueKind == JsonValueKind.Null)
            return;
        if (entries.ValueKind != JsonValueKind.Array)
            throw new FhirFormatException($"FHIR: {where} is a Bundle whose entry is not an array.");

        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var entryWhere = $"{where}, entry {index++}";
            if (entry.ValueKind != JsonValueKind.Object)
                throw new FhirFormatException($"FHIR: {entryWhere} is not a JSON object.");
            string? fullUrl = null;
            if (entry.TryGetProperty("fullUrl", out var url))
            {
                if (url.ValueKind != JsonValueKind.String)
                    throw new FhirFormatException($"FHIR: {entryWhere} has a fullUrl that is not a string.");
                fullUrl = url.GetString();
            }

            // An entry without a resource (a search's outcome link, a deleted version) carries nothing to read.
            if (entry.TryGetProperty("resource", out var resource) && resource.ValueKind != JsonValueKind.Null)
                Walk(resource, entryWhere, fullUrl, depth + 1, resources);
        }
    }

    private static Resource Parse(JsonElement element, string type, string where)
    {
        try
        {
            return Deserializer.DeserializeResource(element.GetRawText());
        }
        catch (DeserializationFailedException failure)
        {
            // The Firely messages can quote the data; only the error codes (e.g. JSON109) are passed on, each with the
            // element's path as the SDK gives it (Patient.gender), which names elements, never their values (helper 226:
            // the integrator could not tell which element was wrong).
            var errors = failure.Exceptions
                .Where(e => !string.IsNullOrEmpty(e.ErrorCode))
                .Select(e => PathOf(e, type) is { } path ? $"{e.ErrorCode} at {path}" : e.ErrorCode)
                .Distinct(StringComparer.Ordinal)
                .Take(5);
            throw new FhirFormatException($"FHIR: {where} is not a valid R4 {type} ({string.Join(", ", errors)}).", failure);
        }
    }

    /// <summary>
    /// The path of the element an error is about, as the Firely SDK gives it (<c>Patient.gender</c>, <c>Condition.code</c>;
    /// a choice element by its name without its type, <c>Observation.value.value</c> for <c>valueQuantity.value</c>), its
    /// <c>$this</c> (a mandatory element missing: <c>$this.subject</c>) written as <paramref name="type"/>, when it is only
    /// element names and indexes (at most 120 characters); else null. An element name is the sender's JSON key, never the
    /// patient's data; anything else in a path is not passed on.
    /// </summary>
    private static string? PathOf(Hl7.Fhir.Utility.CodedException error, string type)
    {
        if (error is not Hl7.Fhir.Utility.ExtendedCodedException { InstancePath: { Length: > 0 } given })
            return null;
        var path = given.StartsWith("$this.", StringComparison.Ordinal) ? type + given["$this".Length..] : given;
        return path.Length <= 120 && ElementPath().IsMatch(path) ? path : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\[[0-9]{1,6}\])?(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]{1,6}\])?)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ElementPath();

    /// <summary>
    /// A concrete resource type of FHIR R4, spelled exactly (the SDK's look-up ignores case; JSON's resourceType does not).
    /// The abstract Resource and DomainResource are never an instance's type.
    /// </summary>
    private static bool IsR4ResourceType(string type) =>
        type is not ("Resource" or "DomainResource")
        && ModelInfo.IsKnownResource(type)
        && ModelInfo.GetTypeForFhirType(type) is { } model
        && string.Equals(ModelInfo.GetFhirTypeNameForType(model), type, StringComparison.Ordinal);

    /// <summary>The type as sent when it looks like a type name (it is the caller's, never the patient's data), else a placeholder.</summary>
    private static string Quoted(string type) =>
        type.Length <= 64 && type.All(char.IsAsciiLetterOrDigit) ? $"\"{type}\"" : "(not a type name)";

    private static string ReferenceOf(Resource resource, string? fullUrl) =>
        !string.IsNullOrEmpty(resource.Id) ? $"{resource.TypeName}/{resource.Id}"
        : !string.IsNullOrEmpty(fullUrl) ? fullUrl
        : $"{resource.TypeName}/(no id)";
}

/// <summary>
/// A parsed resource, the reference that names it in <see cref="FhirReading.Sources"/>, and where it was sent
/// (<c>context.draftOrders, entry 0</c>), as messages name it.
/// </summary>
internal sealed record SourcedResource(Resource Resource, string Reference, string Where);
