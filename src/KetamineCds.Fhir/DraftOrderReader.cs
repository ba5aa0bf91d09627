using System.Text.Json;
using Hl7.Fhir.Model;

namespace KetamineCds.Fhir;

/// <summary>
/// Reads CDS Hooks order-sign's <c>context.draftOrders</c> with the prefetch's own checks (<see cref="PrefetchResources"/>,
/// the same code): every entry is a JSON object with a <c>resourceType</c> FHIR R4 knows, nested bundles included, and
/// every resource of a type the reader uses (a MedicationRequest above all) is parsed strictly by the Firely SDK. A
/// valid resource of another type (a ServiceRequest, which order-sign legitimately carries) is not a medication order
/// and is skipped unread, as in the prefetch. So a ketamine order in a resource the reader cannot trust is refused,
/// never silently not seen.
/// </summary>
public static class DraftOrderReader
{
    /// <summary>What each draft MedicationRequest orders (its <c>medicationCodeableConcept</c>), in the bundle's order.</summary>
    /// <param name="draftOrders">The draft orders as sent (the caller checks that it is a Bundle).</param>
    /// <param name="where">How messages name it (<c>context.draftOrders</c>).</param>
    /// <exception cref="FhirFormatException">The data is not FHIR R4 JSON the reader can trust: the message is a short, safe reason.</exception>
    public static IReadOnlyList<OrderedMedication> MedicationRequests(JsonElement draftOrders, string where)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(where);
        return
        [
            .. PrefetchResources.Collect([(where, draftOrders)])
                .Select(r => r.Resource)
                .OfType<MedicationRequest>()
                .Select(request => request.Medication is CodeableConcept concept
                    ? new OrderedMedication([.. concept.Coding.Select(c => new OrderedCoding(c.System, c.Code, c.Display))], concept.Text)
                    : new OrderedMedication([], null)),
        ];
    }
}

/// <summary>A draft MedicationRequest's coded medicine: its codings and text (none for a <c>medicationReference</c>).</summary>
public sealed record OrderedMedication(IReadOnlyList<OrderedCoding> Codings, string? Text);

/// <summary>One coding of an ordered medicine, as sent.</summary>
public sealed record OrderedCoding(string? System, string? Code, string? Display);
