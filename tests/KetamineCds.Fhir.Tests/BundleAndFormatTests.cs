namespace KetamineCds.Fhir.Tests;

public class BundleAndFormatTests
{
    /// <summary>A CDS Hooks prefetch item: its key and its resource.</summary>
    private static KeyValuePair<string, System.Text.Json.JsonElement> Keyed(string key, object resource) => new(key, Fhir.Json(resource));

    [Fact]
    public void Read_NestedSearchsetBundles_ReadsEveryEntry()
    {
        var reading = Fhir.Read(
            Fhir.Bundle(Fhir.Patient(birthDate: "1990-06-01"), Fhir.Bundle(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2"))),
            Fhir.Bundle(Fhir.Bundle(Fhir.Bundle(Fhir.Condition("c2", Fhir.Snomed, "370143000")))));

        Assert.Equal(36, reading.Values["ageYears"]);
        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
        Assert.Equal("mdd", reading.Values["primaryDiagnosis"]);
    }

    [Fact]
    public void Read_R4ResourceTypesTheReaderDoesNotUse_AreIgnored()
    {
        var reading = Fhir.Read(
            Fhir.Json("""{"resourceType":"Encounter","id":"e1","status":"finished","whatever":{"not":"checked"}}"""),
            Fhir.Bundle(Fhir.Json("""{"resourceType":"Practitioner","id":"pr1"}"""), Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2")));

        Assert.Equal(["aneurysmalVascularDisease"], reading.Values.Keys);
    }

    [Theory]
    [InlineData("""{"resourceType":"Nope"}""", "prefetch item 1 has resourceType \"Nope\"")]
    [InlineData("""{"resourceType":"patient","id":"p1"}""", "prefetch item 1 has resourceType \"patient\"")]
    [InlineData("""{"resourceType":"DomainResource","id":"x"}""", "has resourceType \"DomainResource\"")]
    [InlineData("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"SomethingNew","id":"x"}}]}""", "prefetch item 1, entry 0 has resourceType \"SomethingNew\"")]
    [InlineData("""{"resourceType":"Patient <b>Jane Doe</b>"}""", "has resourceType (not a type name)")]
    public void Read_ResourceTypeR4DoesNotKnow_ThrowsNamingWhereInsteadOfIgnoringIt(string json, string reason)
    {
        // QA6 F1: an unknown type was skipped, so the EHR's Patient (misspelled, or of another FHIR version) read as "not recorded".
        var failure = Assert.Throws<FhirFormatException>(() => Fhir.Read(Fhir.Json(json)));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Contains("not a FHIR R4 resource type", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DraftOrders_ReadWithThePrefetchChecks_GiveEachMedicationRequestsCodingsAndSkipOtherValidTypes()
    {
        // QA12 G11: order-sign's draftOrders go through the same reader as the prefetch.
        var orders = DraftOrderReader.MedicationRequests(
            Fhir.Json("""
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"resource":{"resourceType":"ServiceRequest","id":"s1","status":"draft","intent":"order","subject":{"reference":"Patient/p1"}}},
                  {"resource":{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"MedicationRequest","id":"m1","status":"draft","intent":"order",
                    "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6130","display":"ketamine"}],"text":"Ketamine"},
                    "subject":{"reference":"Patient/p1"}}}]}},
                  {"resource":{"resourceType":"MedicationRequest","id":"m2","status":"draft","intent":"order","medicationReference":{"reference":"Medication/x"},"subject":{"reference":"Patient/p1"}}}]}
                """),
            "context.draftOrders");

        Assert.Equal(2, orders.Count);
        Assert.Equal(new OrderedCoding("http://www.nlm.nih.gov/research/umls/rxnorm", "6130", "ketamine"), Assert.Single(orders[0].Codings));
        Assert.Equal("Ketamine", orders[0].Text);
        Assert.Empty(orders[1].Codings);
        Assert.Null(orders[1].Text);
    }

    [Fact]
    public void DraftOrders_AMedicationReference_IsReadThroughTheMedicationItNames_AsThePrefetchsMedicinesAre()
    {
        // helper-78's note on QA12 G11: a ketamine order naming its medicine by reference was silently not seen.
        var orders = DraftOrderReader.MedicationRequests(
            Fhir.Json("""
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"resource":{"resourceType":"MedicationRequest","id":"c1","status":"draft","intent":"order",
                    "contained":[{"resourceType":"Medication","id":"med","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2201623"}]}}],
                    "medicationReference":{"reference":"#med"},"subject":{"reference":"Patient/p1"}}},
                  {"fullUrl":"urn:uuid:5e0f3d6c-7d0c-4d8e-9d3c-0c6a1f2b9a11","resource":{"resourceType":"Medication","id":"k1","code":{"text":"Ketamine 50 mg/mL injection"}}},
                  {"resource":{"resourceType":"MedicationRequest","id":"b1","status":"draft","intent":"order","medicationReference":{"reference":"Medication/k1"},"subject":{"reference":"Patient/p1"}}},
                  {"resource":{"resourceType":"MedicationRequest","id":"u1","status":"draft","intent":"order","medicationReference":{"reference":"Medication/not-sent","display":"Spravato 28 mg"},"subject":{"reference":"Patient/p1"}}}]}
                """),
            "context.draftOrders");

        Assert.Equal(3, orders.Count);
        Assert.Equal("2201623", Assert.Single(orders[0].Codings).Code);
        Assert.Equal("Ketamine 50 mg/mL injection", orders[1].Text);
        Assert.Empty(orders[2].Codings);
        Assert.Equal("Spravato 28 mg", orders[2].Text);
    }

    private static IReadOnlyList<OrderedMedication> DraftOrdersOf(params string[] subjects) => DraftOrderReader.MedicationRequests(
        Fhir.Json("""{"resourceType":"Bundle","type":"collection","entry":[""" + string.Join(",", subjects.Select((subject, i) =>
            $$$"""{"resource":{"resourceType":"MedicationRequest","id":"m{{{i}}}","status":"draft","intent":"order","medicationCodeableConcept":{"text":"Ketamine"}{{{subject}}}}}""")) + "]}"),
        "context.draftOrders");

    [Theory]
    [InlineData("Patient/p2", 1)]
    [InlineData("https://ehr.example.org/fhir/Patient/p2", 1)]
    [InlineData("Patient/p2/_history/3", 0)]
    public void DraftOrders_AnOrderOfAnotherPatient_IsRefusedNamingTheEntryNeverTheIds(string subject, int entry)
    {
        // A ketamine order whose subject is another patient was read as this patient's: the prefetch's same-patient check
        // was not applied to draftOrders.
        var subjects = entry == 0 ? new[] { subject } : ["Patient/p1", subject];
        var orders = DraftOrdersOf([.. subjects.Select(s => $$""","subject":{"reference":"{{s}}"}""")]);

        var failure = Assert.Throws<FhirFormatException>(() => DraftOrderReader.CheckSamePatient(orders, "p1", "context.patientId"));

        Assert.Equal($"FHIR: context.draftOrders, entry {entry} refers to a different Patient than context.patientId.", failure.Message);
        Assert.DoesNotContain("p2", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""","subject":{"reference":"Patient/p1"}""")]
    [InlineData(""","subject":{"reference":"https://ehr.example.org/fhir/Patient/p1/_history/2"}""")]
    [InlineData(""","subject":{"display":"The patient"}""")]
    [InlineData(""","subject":{"reference":"urn:uuid:5e0f3d6c-7d0c-4d8e-9d3c-0c6a1f2b9a11"}""")]
    public void DraftOrders_AnOrderOfThisPatientOrWhoseSubjectNamesNoPatientById_IsAccepted(string subject)
    {
        // A subject given only by display or by a urn:uuid names no Patient the check could compare: the order is read as
        // the call's patient's, as such a reference is in the prefetch.
        var orders = DraftOrdersOf(subject);

        DraftOrderReader.CheckSamePatient(orders, "p1", "context.patientId");
        Assert.Equal("context.draftOrders, entry 0", Assert.Single(orders).Entry);
    }

    [Fact]
    public void DraftOrders_AnOrderWhoseSubjectIsAnotherRecordNumber_IsRefusedNamingTheEntryNeverTheNumber()
    {
        // QA181: a draft order's subject given by identifier alone was never judged (the prefetch's resources are, QA180
        // F2): a ketamine order for MRN-2 was read as the order of the patient whose number is MRN-1.
        var orders = DraftOrdersOf(
            ""","subject":{"reference":"Patient/p1"}""",
            ""","subject":{"identifier":{"system":"urn:oid:1.2.3","value":"MRN-2"}}""");
        var numbers = DraftOrderReader.PatientNumbers([new("patient", PatientWithRecordNumber())], "p1");

        var failure = Assert.Throws<FhirFormatException>(() => DraftOrderReader.CheckSamePatient(orders, "p1", "context.patientId", numbers));

        Assert.Equal("FHIR: context.draftOrders, entry 1 refers to a different Patient than context.patientId.", failure.Message);
        Assert.DoesNotContain("MRN-2", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"identifier":{"system":"urn:oid:1.2.3","value":"MRN-1"}}""")]
    [InlineData("""{"reference":"Patient/p1","identifier":{"system":"urn:oid:1.2.3","value":"MRN-1"}}""")]
    [InlineData("""{"identifier":{"system":"https://other.example/mrn","value":"X-7"}}""")]
    [InlineData("""{"identifier":{"value":"MRN-2"}}""")]
    public void DraftOrders_AnOrderWhoseSubjectIsThePatientsRecordNumberOrAnotherSystem_IsAccepted(string subject)
    {
        // The patient's own number is the patient's; a number in a system the Patient does not carry, or without a system,
        // says nothing about whose it is: read as the call's patient's, as in the prefetch.
        var orders = DraftOrdersOf(""","subject":""" + subject);
        var numbers = DraftOrderReader.PatientNumbers([new("patient", PatientWithRecordNumber())], "p1");

        DraftOrderReader.CheckSamePatient(orders, "p1", "context.patientId", numbers);
        Assert.Equal(new PatientNumber("urn:oid:1.2.3", "MRN-1"), Assert.Single(numbers));
    }

    [Fact]
    public void DraftOrders_PatientNumbers_AreThoseOfTheCallsPatientInAnyBundleNotAnotherPatients()
    {
        var bundle = Fhir.Json("""
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Bundle","type":"searchset","entry":[
                {"resource":{"resourceType":"Patient","id":"p1","identifier":[{"system":"urn:oid:1.2.3","value":"MRN-1"},{"value":"no-system"},{"system":"urn:oid:9","value":7}]}}]}},
              {"resource":{"resourceType":"Patient","id":"p2","identifier":[{"system":"urn:oid:1.2.3","value":"MRN-2"}]}}]}
            """);

        var numbers = DraftOrderReader.PatientNumbers([new("chart", bundle)], "p1");

        Assert.Equal([new PatientNumber("urn:oid:1.2.3", "MRN-1")], numbers);
    }

    [Fact]
    public void DraftOrders_AnOrderWithoutASubject_IsNotValidR4()
    {
        // R4 gives MedicationRequest.subject 1..1, and the strict reader refuses an order without one (as in the prefetch).
        var failure = Assert.Throws<FhirFormatException>(() => DraftOrdersOf(""));

        Assert.Equal("FHIR: context.draftOrders, entry 0 is not a valid R4 MedicationRequest (PVAL105 at MedicationRequest.subject).", failure.Message);
    }

    [Theory]
    [InlineData("""{"resourceType":"MedicationRequest","status":"banana","intent":"order","subject":{"reference":"Patient/p1"}}""", "FHIR: context.draftOrders, entry 0 is not a valid R4 MedicationRequest (")]
    [InlineData("""{"resourceType":"MedicationRequest","status":"draft","intent":"order","foo":1,"subject":{"reference":"Patient/p1"}}""", "FHIR: context.draftOrders, entry 0 is not a valid R4 MedicationRequest (")]
    [InlineData("""{"resourceType":"Frobnicator","medicationCodeableConcept":{"text":"ketamine"}}""", "FHIR: context.draftOrders, entry 0 has resourceType \"Frobnicator\", which is not a FHIR R4 resource type.")]
    public void DraftOrders_NotValidFhirR4_ThrowNamingTheEntry(string resource, string reason)
    {
        var failure = Assert.Throws<FhirFormatException>(() => DraftOrderReader.MedicationRequests(
            Fhir.Json($$"""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{{resource}}}]}"""), "context.draftOrders"));

        Assert.StartsWith(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownResourceTypeUnderAPrefetchKey_NamesTheKey()
    {
        var failure = Assert.Throws<FhirFormatException>(() => FhirHistoryReader.Read(
            [Keyed("patient", Fhir.Patient(birthDate: "1980-01-01")), Keyed("conditions", Fhir.Bundle(Fhir.Json("""{"resourceType":"Nope"}""")))],
            Fhir.Today));

        Assert.StartsWith("FHIR: prefetch.conditions, entry 0 has resourceType \"Nope\"", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p1","gender":"blue","birthDate":"1980-01-01"}""", "prefetch.patient is not a valid R4 Patient (", "at Patient.gender", "blue")]
    [InlineData("""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"PHQ-9"},"subject":{"reference":"Patient/p1"},"valueQuantity":{"value":"high"}}""", "prefetch.patient is not a valid R4 Observation (", "at Observation.value.value", "high")]
    public void Read_AnInvalidResource_NamesTheElementsPathNeverItsValue(string resource, string reason, string path, string value)
    {
        // Helper 226: the 400 said only "entry 0 is not a valid R4 Patient (PVAL116)"; the integrator could not tell which
        // element was wrong. The path the Firely SDK gives is passed on, the value sent never (no patient data in errors).
        var failure = Assert.Throws<FhirFormatException>(() => FhirHistoryReader.Read([Keyed("patient", Fhir.Json(resource))], Fhir.Today));

        Assert.StartsWith("FHIR: " + reason, failure.Message, StringComparison.Ordinal);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrefetchKeyHoldingAnotherTypeOrABundle_ReadsEachResourceByItsOwnType()
    {
        // The contract lets a Bundle arrive under any key, and the key's name never decides how a resource is read: a
        // Condition sent under "patient" is still the chart's Condition, never dropped.
        var reading = FhirHistoryReader.Read(
            [
                Keyed("patient", Fhir.Bundle(Fhir.Patient(birthDate: "1980-01-01"), Fhir.Condition("c2", Fhir.Snomed, "370143000"))),
                Keyed("medications", Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2")),
            ],
            Fhir.Today);

        Assert.Equal(46, reading.Values["ageYears"]);
        Assert.Equal("mdd", reading.Values["primaryDiagnosis"]);
        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
    }

    [Fact]
    public void Read_EntryWithoutResourceAndEmptyBundle_AreFine()
    {
        var reading = Fhir.Read(
            Fhir.Json("""{"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"urn:uuid:1","search":{"mode":"outcome"}}]}"""),
            Fhir.Json("""{"resourceType":"Bundle","type":"searchset","total":0}"""));

        Assert.Empty(reading.Values);
        Assert.Empty(reading.Sources);
    }

    [Fact]
    public void Read_ResourceWithoutId_IsNamedByItsFullUrl()
    {
        var reading = Fhir.Read(Fhir.Json("""
            {"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"urn:uuid:9d4f","resource":
              {"resourceType":"Condition","code":{"coding":[{"system":"http://snomed.info/sct","code":"432119003"}]},
               "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
               "subject":{"reference":"Patient/p1"}}}]}
            """));

        Assert.Equal(["urn:uuid:9d4f"], reading.Sources["aneurysmalVascularDisease"]);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("\"Patient\"", "not a JSON object")]
    [InlineData("42", "not a JSON object")]
    [InlineData("{}", "no resourceType")]
    [InlineData("""{"resourceType":7}""", "no resourceType")]
    [InlineData("""{"resourceType":"Bundle","entry":{}}""", "entry is not an array")]
    [InlineData("""{"resourceType":"Bundle","entry":[1]}""", "not a JSON object")]
    [InlineData("""{"resourceType":"Bundle","entry":[{"resource":{"id":"x"}}]}""", "no resourceType")]
    public void Read_MalformedJson_ThrowsFhirFormatExceptionWithAShortReason(string json, string reason)
    {
        var failure = Assert.Throws<FhirFormatException>(() => Fhir.Read(Fhir.Json(json)));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Length < 200, failure.Message);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p1","birthDate":{"year":1980}}""")]
    [InlineData("""{"resourceType":"Patient","id":"p1","birthDate":"born in March 1980 to Jane Doe"}""")]
    [InlineData("""{"resourceType":"Condition","id":"c1","code":"I71.2","subject":{"reference":"Patient/p1"}}""")]
    [InlineData("""{"resourceType":"Condition","id":"c1","notAnElement":true,"subject":{"reference":"Patient/p1"}}""")]
    [InlineData("""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"valueQuantity":{"value":"high"}}""")]
    public void Read_ResourceFirelyCannotParse_ThrowsWithoutQuotingTheData(string json)
    {
        var failure = Assert.Throws<FhirFormatException>(() => Fhir.Read(Fhir.Bundle(Fhir.Json(json))));

        Assert.StartsWith("FHIR: prefetch item 1, entry 0 is not a valid R4 ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1980", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoDifferentPatients_Throws()
    {
        var failure = Assert.Throws<FhirFormatException>(() => Fhir.Read(Fhir.Patient(id: "p1"), Fhir.Patient(id: "p2")));

        Assert.Contains("more than one Patient", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConditionOfAnotherPatient_Throws()
    {
        var failure = Assert.Throws<FhirFormatException>(() =>
            Fhir.Read(Fhir.Patient(id: "p1"), Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", subject: "Patient/p2")));

        Assert.Contains("different Patient", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConditionOfAnotherPatientNamedByAnAbsoluteUrl_Throws()
    {
        // An absolute reference to another Patient was not judged (only "Patient/..." was).
        var failure = Assert.Throws<FhirFormatException>(() =>
            Fhir.Read(Fhir.Patient(id: "p1"), Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", subject: "https://ehr.example.org/fhir/Patient/p2")));

        Assert.Equal("FHIR: Condition refers to a different Patient than the one in the prefetch.", failure.Message);
    }

    [Fact]
    public void Read_ConditionNamingThePatientsVersion_IsThePatientsAndTheReadingNamesThePatient()
    {
        var reading = Fhir.Read(Fhir.Patient(id: "p1"), Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", subject: "Patient/p1/_history/2"));

        Assert.Equal("p1", reading.PatientId);
        Assert.Null(Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", subject: "Patient/p1")).PatientId);
    }

    /// <summary>Reads a keyed prefetch for the call's patient, as the hooks service does.</summary>
    private static FhirReading ReadFor(string patientId, params KeyValuePair<string, System.Text.Json.JsonElement>[] prefetch) =>
        FhirHistoryReader.Read(prefetch, new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, patientId);

    [Fact]
    public void Read_ForTheCallsPatient_APatientResourceOfAnotherPatient_IsRefusedNamingTheKeyNeverTheIds()
    {
        // The Patient resource's id was never compared with context.patientId: another patient's age and sex were read
        // into this patient's screening.
        var failure = Assert.Throws<FhirFormatException>(() =>
            ReadFor("p1", Keyed("patient", Fhir.Patient(birthDate: "1980-01-01", id: "p2")), Keyed("conditions", Fhir.Bundle(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", subject: "Patient/p2")))));

        Assert.Equal("FHIR: prefetch.patient is a different Patient than context.patientId.", failure.Message);
        Assert.DoesNotContain("p2", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Patient/p2")]
    [InlineData("https://ehr.example.org/fhir/Patient/p2/_history/4")]
    public void Read_ForTheCallsPatient_WithoutAPatientResource_AResourceOfAnotherPatientIsRefusedNamingTheEntry(string subject)
    {
        // Without a Patient resource the prefetch got no same-patient check at all: another patient's aneurysm was read as
        // this patient's.
        var failure = Assert.Throws<FhirFormatException>(() =>
            ReadFor("p1", Keyed("conditions", Fhir.Bundle(Fhir.Condition("c1", Fhir.Icd10Cm, "I10", subject: "Patient/p1"), Fhir.Condition("c2", Fhir.Icd10Cm, "I71.2", subject: subject)))));

        Assert.Equal("FHIR: prefetch.conditions, entry 1 refers to a different Patient than context.patientId.", failure.Message);
        Assert.DoesNotContain("p2", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A woman of 36 whose record number is MRN-1 in the clinic's system.</summary>
    private static System.Text.Json.JsonElement PatientWithRecordNumber() => Fhir.Json(
        """{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1990-01-01","identifier":[{"system":"urn:oid:1.2.3","value":"MRN-1"}]}""");

    /// <summary>A final "not pregnant" status this morning, whose subject is written as <paramref name="subject"/> (JSON).</summary>
    private static System.Text.Json.JsonElement NotPregnantFor(string subject) => Fhir.Json(
        $$$"""{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},"subject":{{{subject}}},"effectiveDateTime":"2026-11-28T09:00:00Z","valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA26683-5"}]}}""");

    [Fact]
    public void Read_ForTheCallsPatient_AResultWhoseSubjectIsAnotherRecordNumber_IsRefusedNamingTheEntry()
    {
        // QA180 F2: a subject given by identifier alone was never judged: another patient's "not pregnant" (MRN-2 in the
        // system of this patient's MRN-1) answered this patient's pregnancy "no", which was not recorded.
        var failure = Assert.Throws<FhirFormatException>(() => ReadFor(
            "p1",
            Keyed("patient", PatientWithRecordNumber()),
            Keyed("observations", Fhir.Bundle(NotPregnantFor("""{"identifier":{"system":"urn:oid:1.2.3","value":"MRN-2"}}""")))));

        Assert.Equal("FHIR: prefetch.observations, entry 0 refers to a different Patient than context.patientId.", failure.Message);
        Assert.DoesNotContain("MRN-2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithoutTheCallsPatient_AResultWhoseSubjectIsAnotherRecordNumber_IsRefused()
    {
        var failure = Assert.Throws<FhirFormatException>(() => Fhir.Read(
            PatientWithRecordNumber(), NotPregnantFor("""{"identifier":{"system":"urn:oid:1.2.3","value":"MRN-2"}}""")));

        Assert.Equal("FHIR: Observation refers to a different Patient than the one in the prefetch.", failure.Message);
    }

    [Theory]
    [InlineData("""{"identifier":{"system":"urn:oid:1.2.3","value":"MRN-1"}}""")]
    [InlineData("""{"reference":"Patient/p1","identifier":{"system":"urn:oid:1.2.3","value":"MRN-1"}}""")]
    [InlineData("""{"identifier":{"system":"https://other.example/mrn","value":"X-7"}}""")]
    public void Read_ForTheCallsPatient_AResultWhoseSubjectIsThePatientsRecordNumberOrAnotherSystem_IsRead(string subject)
    {
        // The patient's own record number is the patient's; a number in a system the Patient resource does not carry says
        // nothing about whose it is (as a reference that names no Patient by id).
        var reading = ReadFor(
            "p1",
            Keyed("patient", PatientWithRecordNumber()),
            Keyed("observations", Fhir.Bundle(NotPregnantFor(subject))));

        Assert.Equal(false, reading.Values["pregnant"]);
    }

    [Fact]
    public void Read_ForTheCallsPatient_AnAllergyOfAnotherPatient_IsRefusedNamingTheKey()
    {
        var allergy = Fhir.Json("""{"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"Patient/p2"}}""");

        var failure = Assert.Throws<FhirFormatException>(() => ReadFor("p1", Keyed("allergies", allergy)));

        Assert.Equal("FHIR: prefetch.allergies refers to a different Patient than context.patientId.", failure.Message);
    }

    [Fact]
    public void Read_ForTheCallsPatient_ThePatientsOwnChartOrOneNamingNoPatientById_IsRead()
    {
        var reading = ReadFor(
            "p1",
            Keyed("patient", Fhir.Patient(birthDate: "1980-01-01", id: "p1")),
            Keyed("conditions", Fhir.Bundle(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", subject: "https://ehr.example.org/fhir/Patient/p1/_history/2"), Fhir.Condition("c2", Fhir.Icd10Cm, "F33.1", subject: "urn:uuid:5e0f3d6c-7d0c-4d8e-9d3c-0c6a1f2b9a11"))));

        Assert.Equal(46, reading.Values["ageYears"]);
        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
        Assert.Equal("p1", reading.PatientId);
    }

    [Fact]
    public void Read_SamePatientTwice_IsFine()
    {
        var reading = Fhir.Read(Fhir.Patient(birthDate: "1980-01-01"), Fhir.Bundle(Fhir.Patient(birthDate: "1980-01-01")));

        Assert.Equal(46, reading.Values["ageYears"]);
        Assert.Equal(["Patient/p1"], reading.Sources["ageYears"]);
    }

    [Fact]
    public void Read_NullPrefetchItem_IsNothingSent()
    {
        var reading = FhirHistoryReader.Read([Fhir.Json("null"), Fhir.Json(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2"))], Fhir.Today);

        Assert.Equal(["aneurysmalVascularDisease"], reading.Values.Keys);
    }

    [Fact]
    public void Read_OperationOutcomeInsteadOfABundle_IsIgnored()
    {
        var reading = Fhir.Read(Fhir.Json("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout"}]}"""));

        Assert.Empty(reading.Values);
    }

    [Fact]
    public void Read_BundlesNestedTooDeep_Throws()
    {
        object bundle = Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2");
        for (var i = 0; i < 10; i++)
            bundle = Fhir.Bundle(bundle);

        var failure = Assert.Throws<FhirFormatException>(() => Fhir.Read(bundle));

        Assert.Contains("nests bundles more than 8 deep", failure.Message, StringComparison.Ordinal);
    }
}
