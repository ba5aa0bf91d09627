using Hl7.Fhir.Model;

namespace KetamineCds.Fhir;

/// <summary>The resources of one prefetch, by type, and the day the screening is for.</summary>
internal sealed class PatientRecord
{
    public PatientRecord(IReadOnlyList<SourcedResource> resources, DateOnly today)
    {
        Today = today;
        Patients = Of<Patient>(resources);
        Conditions = Of<Condition>(resources);
        Observations = Of<Observation>(resources);
        MedicationRequests = Of<MedicationRequest>(resources);
        MedicationStatements = Of<MedicationStatement>(resources);
        Medications = Of<Medication>(resources);
        Allergies = Of<AllergyIntolerance>(resources);
    }

    public DateOnly Today { get; }

    public IReadOnlyList<Sourced<Patient>> Patients { get; }

    public IReadOnlyList<Sourced<Condition>> Conditions { get; }

    public IReadOnlyList<Sourced<Observation>> Observations { get; }

    public IReadOnlyList<Sourced<MedicationRequest>> MedicationRequests { get; }

    public IReadOnlyList<Sourced<MedicationStatement>> MedicationStatements { get; }

    public IReadOnlyList<Sourced<Medication>> Medications { get; }

    public IReadOnlyList<Sourced<AllergyIntolerance>> Allergies { get; }

    private static Sourced<T>[] Of<T>(IReadOnlyList<SourcedResource> resources)
        where T : Resource =>
        resources.Where(r => r.Resource is T).Select(r => new Sourced<T>((T)r.Resource, r.Reference)).ToArray();
}

/// <summary>A typed resource and the reference that names it.</summary>
internal sealed record Sourced<T>(T Resource, string Reference)
    where T : Resource;

/// <summary>Collects the values the mappings decide and the resources behind each.</summary>
internal sealed class ReadingBuilder
{
    private readonly Dictionary<string, object> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> sources = new(StringComparer.Ordinal);

    public void Record(string field, object value, IEnumerable<string> references)
    {
        values[field] = value;
        sources[field] = references.Distinct(StringComparer.Ordinal).ToArray();
    }

    public FhirReading Build() => new(values, sources);
}
