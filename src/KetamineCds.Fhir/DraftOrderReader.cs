using System.Text.Json;
using Hl7.Fhir.Model;
using KetamineCds.Fhir.Mappings;

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
    /// <summary>
    /// What each draft MedicationRequest orders, in the bundle's order: its <c>medicationCodeableConcept</c>, or for a
    /// <c>medicationReference</c> the code of the Medication it names (contained, or an entry of the same bundle), as the
    /// prefetch's medicines are read; a reference to a Medication not sent keeps only the reference's <c>display</c>.
    /// </summary>
    /// <param name="draftOrders">The draft orders as sent (the caller checks that it is a Bundle).</param>
    /// <param name="where">How messages name it (<c>context.draftOrders</c>).</param>
    /// <exception cref="FhirFormatException">The data is not FHIR R4 JSON the reader can trust: the message is a short, safe reason.</exception>
    public static IReadOnlyList<OrderedMedication> MedicationRequests(JsonElement draftOrders, string where)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(where);
        var resources = PrefetchResources.Collect([(where, draftOrders)]);
        var medications = resources.Where(r => r.Resource is Medication).Select(r => new Sourced<Medication>((Medication)r.Resource, r.Reference)).ToList();
        return
        [
            .. resources
                .Select(r => r.Resource)
                .OfType<MedicationRequest>()
                .Select(request => CurrentMedicines.ConceptOf(request.Medication, request.Contained, medications) is { } concept
                    ? new OrderedMedication([.. concept.Coding.Select(c => new OrderedCoding(c.System, c.Code, c.Display))], concept.Text)
                    : new OrderedMedication([], (request.Medication as ResourceReference)?.Display)),
        ];
    }
}

/// <summary>A draft MedicationRequest's medicine: its codings and text (a reference's display when the Medication was not sent).</summary>
public sealed record OrderedMedication(IReadOnlyList<OrderedCoding> Codings, string? Text);

/// <summary>One coding of an ordered medicine, as sent.</summary>
public sealed record OrderedCoding(string? System, string? Code, string? Display);
