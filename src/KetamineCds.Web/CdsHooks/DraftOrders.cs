using System.Text.Json;
using KetamineCds.Fhir;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Whether <c>context.draftOrders</c> (a FHIR Bundle) orders ketamine or esketamine: a MedicationRequest coded with
/// one of <see cref="RxNormCodes"/>, or, for EHRs that send only text, naming ketamine, esketamine or a brand in its
/// code's text or display (documented in docs/cds-hooks.md). An order that names neither gets no cards. The Bundle is
/// read as the prefetch is (<see cref="DraftOrderReader"/>): FHIR the reader cannot trust is refused, so that a ketamine
/// order in a malformed resource is never silently not seen (QA12 G11).
/// </summary>
public static class DraftOrders
{
    public const string RxNormSystem = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>
    /// RxNorm: 6130 ketamine (ingredient), 2201623 esketamine nasal spray (clinical drug form), 2201625 esketamine
    /// nasal spray [Spravato] (branded drug form; both confirmed on ndclist.com/rxnorm, RxNorm 2026-05 release).
    /// </summary>
    public static readonly IReadOnlySet<string> RxNormCodes = new HashSet<string>(StringComparer.Ordinal) { "6130", "2201623", "2201625" };

    /// <summary>
    /// The draft MedicationRequests of <c>context.draftOrders</c>, each checked to be of the call's patient: an order
    /// whose <c>subject</c> names another Patient than <c>context.patientId</c>, or is given by <c>identifier</c> with
    /// another number in a system the prefetch's Patient carries (another record number, QA181), is refused as the
    /// prefetch's resources are (<see cref="DraftOrderReader.CheckSamePatient"/>); an order without a subject is read as
    /// the call's patient's.
    /// </summary>
    /// <exception cref="FormatException">draftOrders is not a Bundle.</exception>
    /// <exception cref="FhirFormatException">
    /// An entry is not FHIR R4 the reader can trust (read with the prefetch's checks, <see cref="DraftOrderReader"/>): an
    /// unknown <c>resourceType</c>, a MedicationRequest with an invalid code or an unknown element; or an order names
    /// another patient. A valid resource of another type (a ServiceRequest) is simply not a medication order.
    /// </exception>
    public static IReadOnlyList<OrderedMedication> Read(JsonElement draftOrders, string patientId, IEnumerable<KeyValuePair<string, JsonElement>> prefetch)
    {
        if (draftOrders.ValueKind != JsonValueKind.Object
            || !draftOrders.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Bundle")
        {
            throw new FormatException("context.draftOrders must be a FHIR Bundle.");
        }

        var orders = DraftOrderReader.MedicationRequests(draftOrders, "context.draftOrders");
        DraftOrderReader.CheckSamePatient(orders, patientId, "context.patientId", DraftOrderReader.PatientNumbers(prefetch, patientId));
        return orders;
    }

    /// <summary>True when a draft MedicationRequest is for ketamine or esketamine.</summary>
    public static bool OrdersKetamine(IEnumerable<OrderedMedication> orders) => orders.Any(IsKetamine);

    /// <summary>
    /// The orders whose medicine cannot be identified at all (QA120 F7): no words (no <c>display</c>, no <c>text</c>) and
    /// no RxNorm code (the only system the service reads an order's medicine in) that it knows: coded only in NDC or a
    /// local system, a reference to a Medication not sent without a display, or (QA281 F3) coded only with RxNorm codes
    /// that are neither ketamine's (<see cref="RxNormCodes"/>) nor in a medication value set
    /// (<see cref="MedicineCodes.Listed"/>). Such an order may be ketamine: an RxNorm code the service does not know says
    /// nothing of what it orders (before QA281 F3 any RxNorm code was taken as "not ketamine", and a code-only ketamine
    /// product outside the short list got no card beside an aneurysm). An order the service can identify as another
    /// medicine (an RxNorm code a value set holds, or words that are not ketamine's) is not listed.
    /// </summary>
    public static IReadOnlyList<OrderedMedication> Unidentified(IEnumerable<OrderedMedication> orders) =>
        [.. orders.Where(o => !o.Codings.Any(c => c.System == RxNormSystem && !string.IsNullOrWhiteSpace(c.Code)
                && (RxNormCodes.Contains(c.Code.Trim()) || MedicineCodes.Listed(c.System, c.Code)))
            && o.Codings.All(c => string.IsNullOrWhiteSpace(c.Display)) && string.IsNullOrWhiteSpace(o.Text))];

    /// <summary>
    /// An unidentified order as a card names it: where it was sent and its codes (<c>system|code</c>), each code only
    /// when it reads as a code (letters, digits and <c>: / . _ | -</c>, at most 100 characters), never free text.
    /// </summary>
    public static string Describe(OrderedMedication order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var codes = order.Codings
            .Select(c => (c.System is null ? "" : c.System + "|") + c.Code)
            .Where(c => c.Length is > 0 and <= 100 && c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is ':' or '/' or '.' or '_' or '|' or '-'))
            .Select(c => "`" + c + "`");
        return string.Join(", ", [order.Entry, .. codes]);
    }

    private static bool IsKetamine(OrderedMedication medication) =>
        medication.Codings.Any(c => (c.System == RxNormSystem && c.Code is { } code && RxNormCodes.Contains(code)) || KetamineNames.In(c.Display))
        || KetamineNames.In(medication.Text);
}
