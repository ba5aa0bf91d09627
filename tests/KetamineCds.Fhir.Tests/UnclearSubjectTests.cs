using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 198: the same-patient check judged only subjects naming a Patient by id. An Observation whose subject was a
/// Group, only a display, missing, or whose focus named another resource (a fetus, a family member's record) was read
/// as this patient's: its "not pregnant" recorded no. Such an entry is never read as this patient's answer: it is named
/// beside each field it would have answered (<see cref="ChartCheckKind.SubjectNotShown"/>), for Observations, Conditions,
/// MedicationRequests and MedicationStatements alike.
/// </summary>
public sealed class UnclearSubjectTests
{
    public static TheoryData<string> UnclearSubjects => new()
    {
        """{"subject":{"reference":"Group/g1"}}""",
        """{"subject":{"reference":"https://ehr.example.org/fhir/Group/g1"}}""",
        """{"subject":{"display":"The patient"}}""",
        """{"subject":{"reference":"Device/d1"}}""",
        """{}""",
        """{"subject":{"reference":"Patient/p1"},"focus":[{"reference":"Patient/fetus-1"}]}""",
        """{"subject":{"reference":"Patient/p1"},"focus":[{"reference":"RelatedPerson/mother"}]}""",
        """{"subject":{"reference":"Patient/p1"},"focus":[{"display":"Fetus"}]}""",
    };

    /// <summary>A resource with <paramref name="who"/>'s subject (and focus), replacing its own.</summary>
    private static JsonElement With(object resource, string who)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(resource))!;
        fields.Remove("subject");
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(who)!)
            fields[key] = value;
        return Fhir.Json(fields);
    }

    [Theory]
    [MemberData(nameof(UnclearSubjects))]
    public void NotPregnant_WhoseSubjectIsNotShownToBeThisPatient_IsNotRead_AndNamed(string who)
    {
        var reading = Fhir.Read(Fhir.Patient(id: "p1"), With(Fhir.Observation("preg-1", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-27T09:00:00Z"), who));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "pregnant");
        Assert.Equal(ChartCheckKind.SubjectNotShown, check.Kind);
        Assert.Equal("Observation/preg-1", check.Reference);
    }

    [Fact]
    public void FocusOnThisPatient_IsRead()
    {
        var reading = Fhir.Read(Fhir.Patient(id: "p1"), With(Fhir.Observation("preg-1", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-27T09:00:00Z"), """{"subject":{"reference":"Patient/p1"},"focus":[{"reference":"Patient/p1"}]}"""));

        Assert.Equal(false, reading.Values["pregnant"]);
    }

    [Fact]
    public void UnclearPregnant_BesideThisPatientsNotPregnant_KeepsTheNoFromBeingRecorded()
    {
        var reading = Fhir.Read(
            Fhir.Patient(id: "p1"),
            Fhir.Observation("preg-own", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-26T09:00:00Z"),
            With(Fhir.Observation("preg-group", "82810-3", (Fhir.Loinc, "LA15173-0"), effective: "2026-11-27T09:00:00Z"), """{"subject":{"reference":"Group/g1"}}"""));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.Contains(reading.ToCheck, c => c.Field == "pregnant" && c.Kind == ChartCheckKind.SubjectNotShown && c.Reference == "Observation/preg-group");
    }

    [Fact]
    public void PhqItem9_WhoseSubjectIsAGroup_IsNotRead_AndNamed()
    {
        var reading = Fhir.Read(With(Fhir.Observation("i9", "44260-8", 0, effective: "2026-11-27T09:00:00Z"), """{"subject":{"reference":"Group/g1"}}"""));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.Contains(reading.ToCheck, c => c.Field == "phq9Item9" && c.Kind == ChartCheckKind.SubjectNotShown && c.Reference == "Observation/i9");
    }

    [Theory]
    [InlineData("""{"subject":{"reference":"Group/g1"}}""")]
    [InlineData("""{"subject":{"display":"The patient"}}""")]
    [InlineData("""{"subject":{"reference":"https://ehr.example.org/fhir/Location/l1/_history/2"}}""")]
    public void ConfirmedCondition_WhoseSubjectIsNotShown_IsNotReadAsYes_AndNamed(string who)
    {
        var reading = Fhir.Read(Fhir.Patient(id: "p1"), With(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2"), who));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
        Assert.Contains(reading.ToCheck, c => c.Field == "aneurysmalVascularDisease" && c.Kind == ChartCheckKind.SubjectNotShown && c.Reference == "Condition/c1");
    }

    [Theory]
    [InlineData("Condition")]
    [InlineData("MedicationRequest")]
    [InlineData("MedicationStatement")]
    public void ResourceWhoseSubjectR4Requires_WithoutOne_IsRefusedAsNotR4(string type)
    {
        // R4 gives these a subject 1..1: the strict reader refuses one without it, as before (never read as this patient's).
        var resource = type switch
        {
            "Condition" => Fhir.Condition("x1", Fhir.Icd10Cm, "I71.2"),
            "MedicationRequest" => Fhir.MedicationRequest("x1", "637213"),
            _ => Fhir.MedicationStatement("x1", "637213"),
        };

        var failure = Assert.Throws<FhirFormatException>(() => Fhir.Read(With(resource, "{}")));
        Assert.Contains($"not a valid R4 {type}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"subject":{"reference":"Group/g1"}}""")]
    [InlineData("""{"subject":{"display":"The patient"}}""")]
    public void Medicines_WhoseSubjectIsNotShown_AreNotRead_AndNamed(string who)
    {
        // RxNorm 637213: naltrexone (naltrexone.json).
        var reading = Fhir.Read(
            Fhir.Patient(id: "p1"),
            With(Fhir.MedicationRequest("mr1", "637213"), who),
            With(Fhir.MedicationStatement("ms1", "637213"), who));

        const string field = "onNaltrexone";
        Assert.False(reading.Values.ContainsKey(field));
        Assert.Contains(reading.ToCheck, c => c.Field == field && c.Kind == ChartCheckKind.SubjectNotShown && c.Reference == "MedicationRequest/mr1");
        Assert.Contains(reading.ToCheck, c => c.Field == field && c.Kind == ChartCheckKind.SubjectNotShown && c.Reference == "MedicationStatement/ms1");
    }

    // Helper 200: an unclear entry was dropped without a word when this patient's own data decided the field (the reading
    // leaves out checks about decided fields): this patient's item 9 of 0 beside a Group's item 9 of 3 read 0, and the 3
    // vanished. A more cautious unclear entry is named beside the decided value (which stands on its own evidence).
    [Fact]
    public void UnclearPositiveItem9_BesideThisPatientsItem9OfZero_IsStillNamed()
    {
        var reading = Fhir.Read(
            Fhir.Patient(id: "p1"),
            Fhir.Observation("i9-own", "44260-8", 0, effective: "2026-11-27T09:00:00Z"),
            With(Fhir.Observation("i9-group", "44260-8", 3, effective: "2026-11-27T10:00:00Z"), """{"subject":{"display":"The patient"}}"""));

        Assert.Equal(0, reading.Values["phq9Item9"]);
        var check = Assert.Single(reading.ToCheck, c => c.Field == "phq9Item9");
        Assert.Equal(ChartCheckKind.SubjectNotShown, check.Kind);
        Assert.Equal("Observation/i9-group", check.Reference);
    }

    [Fact]
    public void UnclearActiveSubstanceUse_BesideThisPatientsRemission_IsStillNamed()
    {
        // ICD-10-CM F10.20 (alcohol dependence): this patient's in remission, the Group's active.
        var reading = Fhir.Read(
            Fhir.Patient(id: "p1"),
            Fhir.Condition("c-own", Fhir.Icd10Cm, "F10.20", clinical: "remission"),
            With(Fhir.Condition("c-group", Fhir.Icd10Cm, "F10.20"), """{"subject":{"reference":"Group/g1"}}"""));

        Assert.Equal("in-remission", reading.Values["substanceUse"]);
        Assert.Contains(reading.ToCheck, c => c.Field == "substanceUse" && c.Kind == ChartCheckKind.SubjectNotShown && c.Reference == "Condition/c-group");
    }

    [Fact]
    public void UnclearItem9NoHigherThanThisPatients_IsNotNamedBesideIt()
    {
        var reading = Fhir.Read(
            Fhir.Patient(id: "p1"),
            Fhir.Observation("i9-own", "44260-8", 2, effective: "2026-11-27T09:00:00Z"),
            With(Fhir.Observation("i9-group", "44260-8", 1, effective: "2026-11-27T10:00:00Z"), """{"subject":{"display":"The patient"}}"""));

        Assert.Equal(2, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void EntryWhoseSubjectIsNotShown_ThatAnswersNoQuestion_IsNotNamed()
    {
        var reading = Fhir.Read(With(Fhir.Observation("o1", "8867-4", 72m), """{"subject":{"reference":"Group/g1"}}"""));

        Assert.DoesNotContain(reading.ToCheck, c => c.Kind == ChartCheckKind.SubjectNotShown);
    }
}
