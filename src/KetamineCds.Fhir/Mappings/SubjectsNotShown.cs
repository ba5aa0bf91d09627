using Hl7.Fhir.Model;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// Helper 198: the resources whose subject does not show they are the patient's (<see cref="SamePatient.SubjectNotShown"/>:
/// none, a display only, a Group or another type than Patient, an Observation's focus on something else) are kept out of
/// the record the fields are read from, and each is named, as <see cref="ChartCheckKind.SubjectNotShown"/>, beside every
/// field it would have answered or been named beside were it the patient's. Which fields those are is decided by the
/// fields' own readers, reading that resource alone (with the prefetch's Medications, which a medicine may name), so it
/// follows the value sets and never names a field itself. Where it would have answered yes, a "no" read from the rest of
/// the chart is not recorded beside it (a Group's "pregnant" beside this patient's "not pregnant": the chart may
/// disagree with itself, and missing the more cautious answer is the unsafe error); a yes still stands on its own evidence.
/// </summary>
internal static class SubjectsNotShown
{
    /// <summary>The resources of <paramref name="resources"/> whose subject does not show they are the patient's.</summary>
    public static IReadOnlyList<SourcedResource> In(IReadOnlyList<SourcedResource> resources) =>
        [.. resources.Where(r => SamePatient.SubjectNotShown(r.Resource))];

    /// <summary>Names each of <paramref name="notShown"/> beside the fields it would have answered.</summary>
    public static void Name(IReadOnlyList<SourcedResource> notShown, IReadOnlyList<SourcedResource> resources, DateTimeOffset now, TimeZoneInfo zone, ReadingBuilder reading)
    {
        var medications = resources.Where(r => r.Resource is Medication).ToArray();
        foreach (var entry in notShown)
        {
            var alone = new PatientRecord([entry, .. medications], now, zone);
            var shadow = new ReadingBuilder();
            FhirHistoryReader.ReadFields(alone, shadow);
            foreach (var (field, yes) in shadow.Answered())
                reading.Check(field, ChartCheckKind.SubjectNotShown, entry.Reference, WordsOf(entry.Resource), outweighsNo: yes);
        }
    }

    /// <summary>The chart's words for what the resource is about: its code's, or its medicine's.</summary>
    private static string WordsOf(Resource resource) => resource switch
    {
        Observation observation => ChartWords.Of(observation.Code),
        Condition condition => ChartWords.Of(condition.Code),
        AllergyIntolerance allergy => ChartWords.Of(allergy.Code),
        MedicationRequest { Medication: CodeableConcept medicine } => ChartWords.Of(medicine),
        MedicationStatement { Medication: CodeableConcept medicine } => ChartWords.Of(medicine),
        MedicationRequest { Medication: ResourceReference medicine } => ChartWords.Of(new CodeableConcept { Text = medicine.Display ?? medicine.Reference }),
        MedicationStatement { Medication: ResourceReference medicine } => ChartWords.Of(new CodeableConcept { Text = medicine.Display ?? medicine.Reference }),
        _ => ChartWords.Of(null),
    };
}
