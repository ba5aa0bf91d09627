using System.Text.Json;
using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.Mappings;

namespace KetamineCds.Fhir;

/// <summary>
/// Reads an EHR's FHIR R4 data (a CDS Hooks prefetch) into the screening's fields. Only what the data decides is
/// recorded: a field the EHR does not hold stays not recorded, never "no"; only explicit negative evidence (a refuted
/// Condition or AllergyIntolerance, an observed answer) records "no". The codes that decide each field are value sets
/// kept as data (<c>ValueSets/*.json</c>), named by the field catalogue (<see cref="FieldDefinition.ValueSet"/>); the
/// mapping is documented in docs/fhir-mapping.md.
/// </summary>
public static class FhirHistoryReader
{
    /// <summary>
    /// The fields the chart answers with a measurement (an observation's reading of its moment, not an answer with a more
    /// cautious side), in the catalogue's order, grouped so that the values of one reading stay together: today's blood
    /// pressure (its systolic and diastolic values, one pair), the PHQ-9 total, PHQ-9 item 9. Derived from the value sets'
    /// readers, naming no field.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> MeasurementGroups { get; } =
    [
        .. FieldReaders.All
            .Where(r => r.Reader is BloodPressure or ObservationScore)
            .GroupBy(r => r.Reader is BloodPressure ? r.ValueSet.Read.From : r.Field.Name, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(r => r.Field.Name)]),
    ];

    /// <summary>
    /// Reads every resource of the prefetch (resources or Bundles, nested searchset bundles included; resource types
    /// not used are ignored) as of <paramref name="today"/>.
    /// </summary>
    /// <exception cref="FhirFormatException">The data is not FHIR R4 JSON the reader can trust: the message is a short, safe reason.</exception>
    public static FhirReading Read(IEnumerable<JsonElement> prefetch, DateOnly today) =>
        Read(PrefetchResources.Collect(prefetch), EndOf(today), TimeZoneInfo.Utc);

    /// <summary>
    /// Reads every resource of the prefetch as of <paramref name="now"/> in a clinic in <paramref name="zone"/>: an
    /// observation's time is read as the clinic's day it falls on, whatever offset the EHR wrote it in, and one more than
    /// <see cref="PatientRecord.ClockSkew"/> after <paramref name="now"/> is not read.
    /// </summary>
    /// <exception cref="FhirFormatException">The data is not FHIR R4 JSON the reader can trust: the message is a short, safe reason.</exception>
    public static FhirReading Read(IEnumerable<JsonElement> prefetch, DateTimeOffset now, TimeZoneInfo zone) =>
        Read(PrefetchResources.Collect(prefetch), now, Require(zone));

    /// <summary>
    /// The same for a CDS Hooks prefetch by key: a message names the key (<c>prefetch.patient</c>). The key never decides
    /// how its resource is read (a Bundle may arrive under any key): each resource is read by its own type.
    /// </summary>
    /// <exception cref="FhirFormatException">The data is not FHIR R4 JSON the reader can trust: the message is a short, safe reason.</exception>
    public static FhirReading Read(IEnumerable<KeyValuePair<string, JsonElement>> prefetch, DateOnly today) =>
        Read(prefetch, EndOf(today), TimeZoneInfo.Utc);

    /// <summary>The same by key, as of <paramref name="now"/> in a clinic in <paramref name="zone"/> (the clinic's days).</summary>
    /// <exception cref="FhirFormatException">The data is not FHIR R4 JSON the reader can trust: the message is a short, safe reason.</exception>
    public static FhirReading Read(IEnumerable<KeyValuePair<string, JsonElement>> prefetch, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        return Read(PrefetchResources.Collect(prefetch.Select(item => ($"prefetch.{KeyName(item.Key)}", item.Value))), now, Require(zone));
    }

    /// <summary>
    /// The same by key, for the patient the call names (CDS Hooks' <c>context.patientId</c>): a Patient resource with
    /// another id, or any resource whose subject or patient names another Patient, is refused naming where it was sent
    /// (<c>FHIR: prefetch.conditions, entry 0 refers to a different Patient than context.patientId.</c>), whether or not
    /// the prefetch holds a Patient resource.
    /// </summary>
    /// <exception cref="FhirFormatException">The data is not FHIR R4 JSON the reader can trust, or is another patient's: the message is a short, safe reason that never quotes the ids.</exception>
    public static FhirReading Read(IEnumerable<KeyValuePair<string, JsonElement>> prefetch, DateTimeOffset now, TimeZoneInfo zone, string patientId)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        return Read(PrefetchResources.Collect(prefetch.Select(item => ($"prefetch.{KeyName(item.Key)}", item.Value))), now, Require(zone), patientId);
    }

    /// <summary>A day given without a time or zone: read as a UTC day, as of its last moment.</summary>
    private static DateTimeOffset EndOf(DateOnly today) => new(today.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

    private static TimeZoneInfo Require(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone;
    }

    /// <summary>A prefetch key as the caller named it (the service's templates name them), cut short if it is long.</summary>
    private static string KeyName(string key) => key.Length <= 64 ? key : key[..64] + "…";

    private static FhirReading Read(IReadOnlyList<SourcedResource> resources, DateTimeOffset now, TimeZoneInfo zone, string? callPatientId = null)
    {
        var record = new PatientRecord(resources, now, zone);
        var patientId = SamePatient.Check(record, callPatientId);
        // Only the latest version of a resource sent more than once is read; copies whose order cannot be told are named (helper 203).
        var (current, versionUnclear) = ResourceVersions.Split(resources);
        // An entry that does not show it is this patient's is never read as an answer: it is named (helper 198).
        var notShown = SubjectsNotShown.In(current);
        if (notShown.Count > 0 || current.Count != resources.Count)
            record = new PatientRecord([.. current.Except(notShown)], now, zone);

        var reading = new ReadingBuilder();
        PatientFields.Read(record, reading);
        ReadFields(record, reading);
        SubjectsNotShown.Name(notShown, current, now, zone, reading);
        SubjectsNotShown.Name(versionUnclear, current, now, zone, reading, ChartCheckKind.VersionUnclear);
        Contradictions.Read(record, reading);

        return reading.Build() with { PatientId = patientId, BirthDate = PatientFields.BirthDateOf(record) };
    }

    /// <summary>Reads the fields the value sets answer, and names the chart entries no value set reads (<see cref="ChartChecks"/>).</summary>
    internal static void ReadFields(PatientRecord record, ReadingBuilder reading)
    {
        foreach (var (field, valueSet, reader) in FieldReaders.All)
            reader.Read(field, valueSet, record, reading);
        ChartChecks.Read(record, reading);
    }
}
