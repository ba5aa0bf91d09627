using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;

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
/// Where this patient's own entries decide the field and the unclear entry gives a more cautious answer (a Group's item 9
/// of 3 beside this patient's 0), it is still named, beside the value read (helper 200: it vanished).
/// </summary>
internal static class SubjectsNotShown
{
    /// <summary>The resources of <paramref name="resources"/> whose subject does not show they are the patient's.</summary>
    public static IReadOnlyList<SourcedResource> In(IReadOnlyList<SourcedResource> resources) =>
        [.. resources.Where(r => SamePatient.SubjectNotShown(r.Resource))];

    /// <summary>
    /// Names each of <paramref name="notShown"/> beside the fields it would have answered, as <paramref name="kind"/>
    /// (also <see cref="ChartCheckKind.VersionUnclear"/>: copies of one resource whose order cannot be told, helper 203).
    /// </summary>
    public static void Name(IReadOnlyList<SourcedResource> notShown, IReadOnlyList<SourcedResource> resources, DateTimeOffset now, TimeZoneInfo zone, ReadingBuilder reading, ChartCheckKind kind = ChartCheckKind.SubjectNotShown)
    {
        var medications = resources.Where(r => r.Resource is Medication).ToArray();
        foreach (var entry in notShown)
        {
            var alone = new PatientRecord([entry, .. medications], now, zone);
            var shadow = new ReadingBuilder();
            FhirHistoryReader.ReadFields(alone, shadow);
            foreach (var (field, yes) in shadow.Answered())
            {
                // Helper 200: one more cautious than what this patient's own entries decide stays named beside that value.
                if (reading.ValueGiven(field) is { } decided && shadow.ValueGiven(field) is { } unclear && MoreCautious(field, decided, unclear))
                    reading.CheckBesideValue(field, kind, entry.Reference, WordsOf(entry.Resource), outweighsNo: yes);
                else
                    reading.Check(field, kind, entry.Reference, WordsOf(entry.Resource), outweighsNo: yes);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="unclear"/> is a more cautious answer to <paramref name="field"/> than <paramref name="decided"/>:
    /// as the catalogue says (<see cref="FieldDefinition.MoreCautiousOf"/>: a yes over a no, a later choice, a substance
    /// more), or, for a measurement it gives no order for (a PHQ-9 score, a blood pressure), a higher value.
    /// </summary>
    private static bool MoreCautious(string field, object decided, object unclear) =>
        Fields.Find(field) is { } definition
        && (definition.MoreCautiousOf(decided, unclear) is not null
            || (definition.MoreCautious is null && decided is int d && unclear is int u && u > d));

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
