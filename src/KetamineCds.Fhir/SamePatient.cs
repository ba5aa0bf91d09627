using Hl7.Fhir.Model;

namespace KetamineCds.Fhir;

/// <summary>
/// One screening is about one patient: a prefetch with two different Patient resources, or a resource whose
/// subject or patient is another Patient than the one sent, is refused rather than mixed into one history.
/// </summary>
internal static class SamePatient
{
    public static void Check(PatientRecord record)
    {
        var ids = record.Patients.Select(p => p.Resource.Id).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length > 1)
            throw new FhirFormatException("FHIR: the prefetch holds more than one Patient.");
        if (ids.Length == 0)
            return;

        var expected = "Patient/" + ids[0];
        var others = record.Conditions.Select(c => (Subject: (ResourceReference?)c.Resource.Subject, c.Reference))
            .Concat(record.Observations.Select(o => (Subject: (ResourceReference?)o.Resource.Subject, o.Reference)))
            .Concat(record.MedicationRequests.Select(m => (Subject: (ResourceReference?)m.Resource.Subject, m.Reference)))
            .Concat(record.MedicationStatements.Select(m => (Subject: (ResourceReference?)m.Resource.Subject, m.Reference)))
            .Concat(record.Allergies.Select(a => (Subject: (ResourceReference?)a.Resource.Patient, a.Reference)));
        foreach (var (subject, reference) in others)
        {
            if (subject?.Reference is { Length: > 0 } target && target.StartsWith("Patient/", StringComparison.Ordinal)
                && !string.Equals(target, expected, StringComparison.Ordinal) && !target.EndsWith("/" + expected, StringComparison.Ordinal))
                throw new FhirFormatException($"FHIR: {reference.Split('/')[0]} refers to a different Patient than the one in the prefetch.");
        }
    }
}
