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
                .Where(r => r.Resource is MedicationRequest)
                .Select(r => (Request: (MedicationRequest)r.Resource, r.Where))
                .Select(o => (CurrentMedicines.ConceptOf(o.Request.Medication, o.Request.Contained, medications) is { } concept
                    ? new OrderedMedication([.. concept.Coding.Select(c => new OrderedCoding(c.System, c.Code, c.Display))], concept.Text)
                    : new OrderedMedication([], (o.Request.Medication as ResourceReference)?.Display)) with
                {
                    Entry = o.Where,
                    Subject = o.Request.Subject?.Reference,
                    SubjectNumber = o.Request.Subject?.Identifier is { System: { Length: > 0 } system, Value: { Length: > 0 } value } ? new PatientNumber(system, value) : null,
                }),
        ];
    }

    /// <summary>
    /// Refuses draft orders of another patient, as the prefetch's resources are refused (<see cref="SamePatient"/>, the same
    /// test): an order whose <c>subject</c> names a Patient other than <paramref name="patientId"/> (<c>Patient/ID</c>, or
    /// an absolute URL ending so), or whose subject is given by <c>identifier</c> with a number in a system the Patient
    /// carries numbers in (<paramref name="patientNumbers"/>) and none of them (another record number, QA180 F2), would
    /// otherwise be read as this patient's. An order without a subject, whose subject names no Patient that way, or
    /// whose number is the patient's own or in a system the Patient does not carry, is not refused: it is read as the
    /// call's patient's.
    /// </summary>
    /// <param name="orders">The orders read by <see cref="MedicationRequests"/>.</param>
    /// <param name="patientId">The patient the answer is about.</param>
    /// <param name="whose">How the message names that patient (<c>context.patientId</c>, <c>the one in the prefetch</c>).</param>
    /// <param name="patientNumbers">The numbers of that patient's Patient resource (<see cref="PatientNumbers"/>); none when not sent.</param>
    /// <exception cref="FhirFormatException">An order names another patient: the message names the entry, never the ids.</exception>
    public static void CheckSamePatient(IEnumerable<OrderedMedication> orders, string patientId, string whose, IReadOnlyList<PatientNumber>? patientNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(whose);
        List<Identifier> numbers = [.. (patientNumbers ?? []).Select(n => new Identifier(n.System, n.Value))];
        if (orders.FirstOrDefault(o => SamePatient.NamesAnother(o.Subject, patientId)
                || (o.SubjectNumber is { } number && SamePatient.NumbersAnother(new Identifier(number.System, number.Value), numbers))) is { } other)
        {
            throw new FhirFormatException($"FHIR: {other.Entry} refers to a different Patient than {whose}.");
        }
    }

    /// <summary>
    /// The numbers (<c>identifier</c> with a system and a value) of the Patient resources of <paramref name="prefetch"/>
    /// that are <paramref name="patientId"/>'s (its id, or no id), at any depth of its Bundles: what a draft order's
    /// subject given by identifier is judged against (<see cref="CheckSamePatient"/>), as the prefetch's resources are
    /// judged against the numbers of its Patient (<see cref="SamePatient"/>). The JSON is read leniently, without
    /// refusing anything: the prefetch itself is read strictly, and refused, when its chart is read.
    /// </summary>
    public static IReadOnlyList<PatientNumber> PatientNumbers(IEnumerable<KeyValuePair<string, JsonElement>> prefetch, string patientId)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        var numbers = new List<PatientNumber>();
        foreach (var (_, resource) in prefetch)
            CollectNumbers(resource, patientId, numbers);
        return numbers;
    }

    private static void CollectNumbers(JsonElement resource, string patientId, List<PatientNumber> numbers)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
            return;
        if (type.ValueEquals("Bundle") && resource.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var inner))
                    CollectNumbers(inner, patientId, numbers);
            }
        }
        else if (type.ValueEquals("Patient")
                 && (!resource.TryGetProperty("id", out var id) || (id.ValueKind == JsonValueKind.String && id.ValueEquals(patientId)))
                 && resource.TryGetProperty("identifier", out var identifiers) && identifiers.ValueKind == JsonValueKind.Array)
        {
            foreach (var identifier in identifiers.EnumerateArray())
            {
                if (identifier.ValueKind == JsonValueKind.Object
                    && identifier.TryGetProperty("system", out var system) && system.ValueKind == JsonValueKind.String && system.GetString() is { Length: > 0 } s
                    && identifier.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } v)
                {
                    numbers.Add(new PatientNumber(s, v));
                }
            }
        }
    }
}

/// <summary>
/// A draft MedicationRequest's medicine: its codings and text (a reference's display when the Medication was not sent);
/// where the order was sent (<see cref="Entry"/>) and whom it names (<see cref="Subject"/>, <see cref="SubjectNumber"/>).
/// </summary>
public sealed record OrderedMedication(IReadOnlyList<OrderedCoding> Codings, string? Text)
{
    /// <summary>Where the order was sent, as messages name it (<c>context.draftOrders, entry 0</c>).</summary>
    public string Entry { get; init; } = "";

    /// <summary>The order's <c>subject.reference</c> as sent, or null when it has none.</summary>
    public string? Subject { get; init; }

    /// <summary>The order's <c>subject.identifier</c> (a logical reference) when it has a system and a value, else null.</summary>
    public PatientNumber? SubjectNumber { get; init; }
}

/// <summary>A patient's number (an <c>identifier</c>, such as the medical record number) in its system, as sent.</summary>
public sealed record PatientNumber(string System, string Value);

/// <summary>One coding of an ordered medicine, as sent.</summary>
public sealed record OrderedCoding(string? System, string? Code, string? Display);
