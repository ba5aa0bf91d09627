using Hl7.Fhir.Model;

namespace KetamineCds.Fhir;

/// <summary>
/// One screening is about one patient: a prefetch with two different Patient resources, or a resource whose
/// subject or patient is another Patient than the one sent, is refused rather than mixed into one history. The same
/// test refuses a draft order of another patient (<see cref="DraftOrderReader.CheckSamePatient"/>).
/// </summary>
internal static class SamePatient
{
    /// <summary>Checks the prefetch; returns the id of its Patient, or null when it holds none.</summary>
    public static string? Check(PatientRecord record)
    {
        var ids = record.Patients.Select(p => p.Resource.Id!).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length > 1)
            throw new FhirFormatException("FHIR: the prefetch holds more than one Patient.");
        if (ids.Length == 0)
            return null;

        var others = record.Conditions.Select(c => (Subject: (ResourceReference?)c.Resource.Subject, c.Reference))
            .Concat(record.Observations.Select(o => (Subject: (ResourceReference?)o.Resource.Subject, o.Reference)))
            .Concat(record.MedicationRequests.Select(m => (Subject: (ResourceReference?)m.Resource.Subject, m.Reference)))
            .Concat(record.MedicationStatements.Select(m => (Subject: (ResourceReference?)m.Resource.Subject, m.Reference)))
            .Concat(record.Allergies.Select(a => (Subject: (ResourceReference?)a.Resource.Patient, a.Reference)));
        foreach (var (subject, reference) in others)
        {
            if (NamesAnother(subject?.Reference, ids[0]))
                throw new FhirFormatException($"FHIR: {reference.Split('/')[0]} refers to a different Patient than the one in the prefetch.");
        }

        return ids[0];
    }

    /// <summary>
    /// True when <paramref name="reference"/> names a Patient other than <paramref name="patientId"/>: <c>Patient/ID</c>,
    /// or an absolute URL ending in <c>/Patient/ID</c>, a version (<c>/_history/2</c>) aside. A reference that names no
    /// Patient this way (none at all, a contained resource, a <c>urn:uuid:</c>, a Group) is not judged here.
    /// </summary>
    internal static bool NamesAnother(string? reference, string patientId)
    {
        if (string.IsNullOrEmpty(reference))
            return false;
        var target = reference;
        var history = target.IndexOf("/_history/", StringComparison.Ordinal);
        if (history >= 0)
            target = target[..history];
        string id;
        if (target.StartsWith("Patient/", StringComparison.Ordinal))
            id = target["Patient/".Length..];
        else if ((target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal))
                 && target.LastIndexOf("/Patient/", StringComparison.Ordinal) is var at and >= 0)
            id = target[(at + "/Patient/".Length)..];
        else
            return false;
        return !string.Equals(id, patientId, StringComparison.Ordinal);
    }
}
