using System.Text.Json;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Whether <c>context.draftOrders</c> (a FHIR Bundle) orders ketamine or esketamine: a MedicationRequest coded with
/// one of <see cref="RxNormCodes"/>, or, for EHRs that send only text, naming ketamine, esketamine or a brand in its
/// code's text or display (documented in docs/cds-hooks.md). An order that names neither gets no cards.
/// </summary>
public static class DraftOrders
{
    public const string RxNormSystem = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>
    /// RxNorm: 6130 ketamine (ingredient), 2201623 esketamine nasal spray (clinical drug form), 2201625 esketamine
    /// nasal spray [Spravato] (branded drug form; both confirmed on ndclist.com/rxnorm, RxNorm 2026-05 release).
    /// </summary>
    public static readonly IReadOnlySet<string> RxNormCodes = new HashSet<string>(StringComparer.Ordinal) { "6130", "2201623", "2201625" };

    private static readonly string[] Names = ["ketamine", "spravato", "ketalar", "vesierra"];

    /// <summary>True when a draft MedicationRequest is for ketamine or esketamine.</summary>
    /// <exception cref="FormatException">draftOrders is not a Bundle of resources.</exception>
    public static bool OrdersKetamine(JsonElement draftOrders)
    {
        if (draftOrders.ValueKind != JsonValueKind.Object
            || !draftOrders.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Bundle")
        {
            throw new FormatException("context.draftOrders must be a FHIR Bundle.");
        }

        if (!draftOrders.TryGetProperty("entry", out var entries))
        {
            return false;
        }

        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("context.draftOrders.entry must be an array.");
        }

        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String && rt.GetString() == "MedicationRequest"
                && resource.TryGetProperty("medicationCodeableConcept", out var concept) && IsKetamine(concept))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKetamine(JsonElement concept)
    {
        if (concept.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (concept.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
        {
            foreach (var coding in codings.EnumerateArray())
            {
                if (coding.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (Text(coding, "system") == RxNormSystem && Text(coding, "code") is { } code && RxNormCodes.Contains(code))
                {
                    return true;
                }

                if (Names.Any(n => Text(coding, "display")?.Contains(n, StringComparison.OrdinalIgnoreCase) == true))
                {
                    return true;
                }
            }
        }

        return Names.Any(n => Text(concept, "text")?.Contains(n, StringComparison.OrdinalIgnoreCase) == true);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
