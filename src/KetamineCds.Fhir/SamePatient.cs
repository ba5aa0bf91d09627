using Hl7.Fhir.Model;

namespace KetamineCds.Fhir;

/// <summary>
/// One screening is about one patient: a prefetch with two different Patient resources, or a resource whose subject or
/// patient is another Patient than the one sent, is refused rather than mixed into one history. When the caller names the
/// patient the answer is for (CDS Hooks' <c>context.patientId</c>), every resource is checked against that patient, with
/// or without a Patient resource in the prefetch: a Patient resource with another id, or a resource whose subject or
/// patient names another Patient, is refused naming where it was sent, as a draft order of another patient is
/// (<see cref="DraftOrderReader.CheckSamePatient"/>, the same test).
/// </summary>
internal static class SamePatient
{
    /// <summary>
    /// Checks the prefetch, against <paramref name="patientId"/> when given (how messages name it:
    /// <paramref name="whose"/>), else against its own Patient; returns the id of its Patient, or null when it holds none.
    /// </summary>
    public static string? Check(PatientRecord record, string? patientId = null, string whose = "context.patientId")
    {
        var ids = record.Patients.Select(p => p.Resource.Id!).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length > 1)
            throw new FhirFormatException("FHIR: the prefetch holds more than one Patient.");
        var numbers = record.Patients.SelectMany(p => p.Resource.Identifier).Where(i => !string.IsNullOrEmpty(i.System) && !string.IsNullOrEmpty(i.Value)).ToList();

        if (patientId is not null)
        {
            foreach (var sourced in record.Resources)
            {
                if (sourced.Resource is Patient { Id: { Length: > 0 } id } && !string.Equals(id, patientId, StringComparison.Ordinal))
                    throw new FhirFormatException($"FHIR: {sourced.Where} is a different Patient than {whose}.");
                if (NamesAnother(SubjectOf(sourced.Resource)?.Reference, patientId) || NumbersAnother(SubjectOf(sourced.Resource)?.Identifier, numbers))
                    throw new FhirFormatException($"FHIR: {sourced.Where} refers to a different Patient than {whose}.");
            }

            return ids.Length == 0 ? null : ids[0];
        }

        if (ids.Length == 0)
            return null;

        foreach (var sourced in record.Resources)
        {
            if (NamesAnother(SubjectOf(sourced.Resource)?.Reference, ids[0]) || NumbersAnother(SubjectOf(sourced.Resource)?.Identifier, numbers))
                throw new FhirFormatException($"FHIR: {sourced.Reference.Split('/')[0]} refers to a different Patient than the one in the prefetch.");
        }

        return ids[0];
    }

    /// <summary>
    /// Helper 198: true when a resource of a read type that says whose it is (a Condition, Observation,
    /// MedicationRequest, MedicationStatement, AllergyIntolerance) does not show that it is the patient's: no subject (an
    /// allergy's patient), one given only in words (a display, with neither a reference nor an identifier), one that
    /// names a resource of another type than Patient (<c>Group/g1</c>, a Device, a Location, as a relative reference or an
    /// absolute URL), or an Observation with a <c>focus</c> that is not its subject (a fetus, a relative, a focus given
    /// only in words). <see cref="Check"/> refuses a subject naming another Patient; such a resource is not another
    /// patient's for certain, so it is not refused, but it is never read as this patient's answer: it is named for the
    /// clinician to check (<see cref="ChartCheckKind.SubjectNotShown"/>). A subject given by identifier, a contained
    /// (<c>#</c>) or <c>urn:uuid:</c> reference names no type and is judged as before (<see cref="NumbersAnother"/>).
    /// </summary>
    public static bool SubjectNotShown(Resource resource)
    {
        if (resource is not (Condition or Observation or MedicationRequest or MedicationStatement or AllergyIntolerance))
            return false;
        var subject = SubjectOf(resource);
        if (subject is null || (string.IsNullOrWhiteSpace(subject.Reference) && subject.Identifier is null))
            return true;
        if (TypeAndId(subject.Reference) is { } named && named.Type != "Patient")
            return true;
        return resource is Observation observation && observation.Focus.Any(f => !SameAs(f, subject));
    }

    /// <summary>Whether a focus names what the subject does: the same reference, or the same Patient by id.</summary>
    private static bool SameAs(ResourceReference focus, ResourceReference subject)
    {
        if (string.IsNullOrWhiteSpace(focus.Reference))
            return false;
        if (string.Equals(focus.Reference, subject.Reference, StringComparison.Ordinal))
            return true;
        return TypeAndId(focus.Reference) is ("Patient", var id) && TypeAndId(subject.Reference) is ("Patient", var subjectId)
            && string.Equals(id, subjectId, StringComparison.Ordinal);
    }

    /// <summary>
    /// The type and id a literal reference names: <c>Type/id</c>, or an absolute URL ending in <c>/Type/id</c>, a
    /// version (<c>/_history/2</c>) aside; null for anything else (a contained <c>#id</c>, a <c>urn:uuid:</c>, none).
    /// </summary>
    private static (string Type, string Id)? TypeAndId(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        var target = WithoutHistory(reference)!;
        var absolute = IsAbsolute(target);
        var parts = target.Split('/');
        if ((!absolute && parts.Length != 2) || parts.Length < 2)
            return null;
        var (type, id) = (parts[^2], parts[^1]);
        return type.Length > 0 && char.IsAsciiLetterUpper(type[0]) && type.All(char.IsAsciiLetter) && id.Length > 0 ? (type, id) : null;
    }

    /// <summary>A reference without its version (<c>/_history/2</c>), or null when there is none.</summary>
    private static string? WithoutHistory(string? reference) =>
        string.IsNullOrWhiteSpace(reference) ? null
        : reference.IndexOf("/_history/", StringComparison.Ordinal) is var at and >= 0 ? reference[..at] : reference;

    private static bool IsAbsolute(string reference) =>
        reference.StartsWith("http://", StringComparison.Ordinal) || reference.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>The reference that says whose a resource of a read type is: its <c>subject</c>, or an allergy's <c>patient</c>.</summary>
    private static ResourceReference? SubjectOf(Resource resource) => resource switch
    {
        Condition condition => condition.Subject,
        Observation observation => observation.Subject,
        MedicationRequest request => request.Subject,
        MedicationStatement statement => statement.Subject,
        AllergyIntolerance allergy => allergy.Patient,
        _ => null,
    };

    /// <summary>
    /// True when a subject given by identifier (a logical reference) carries a number in a system the prefetch's Patient
    /// has numbers in, and none of them: another patient's record number (QA180 F2: another patient's "not pregnant",
    /// subject <c>{"identifier": {"system": the MRN system, "value": another MRN}}</c>, answered this patient's pregnancy
    /// "no"). A number in a system the Patient does not carry, or without a system or value, is not judged here.
    /// </summary>
    internal static bool NumbersAnother(Identifier? identifier, IReadOnlyList<Identifier> patientNumbers)
    {
        if (identifier is not { System: { Length: > 0 } system, Value: { Length: > 0 } value })
            return false;
        var inSystem = patientNumbers.Where(n => string.Equals(n.System, system, StringComparison.Ordinal)).ToList();
        return inSystem.Count > 0 && !inSystem.Any(n => string.Equals(n.Value, value, StringComparison.Ordinal));
    }

    /// <summary>
    /// True when <paramref name="reference"/> names a Patient other than <paramref name="patientId"/>: <c>Patient/ID</c>,
    /// or an absolute URL ending in <c>/Patient/ID</c>, a version (<c>/_history/2</c>) aside, read by <see cref="TypeAndId"/>
    /// as <see cref="SubjectNotShown"/> reads it (helper 200, duplicates D5: it had a parser of its own). A reference that
    /// still points into Patient but that <see cref="TypeAndId"/> cannot read (<c>Patient/p1/extra</c>, <c>Patient/</c>)
    /// names no Patient that is this one (no id holds a '/'), and is refused as before. A reference that names no Patient
    /// (none at all, a contained resource, a <c>urn:uuid:</c>, a Group) is not judged here.
    /// </summary>
    internal static bool NamesAnother(string? reference, string patientId) => TypeAndId(reference) switch
    {
        ("Patient", var id) => !string.Equals(id, patientId, StringComparison.Ordinal),
        not null => false,
        null => WithoutHistory(reference) is { } target
            && (target.StartsWith("Patient/", StringComparison.Ordinal) || (IsAbsolute(target) && target.Contains("/Patient/", StringComparison.Ordinal))),
    };
}
