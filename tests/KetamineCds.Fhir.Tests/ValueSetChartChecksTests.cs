namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Every kind of value set reading names a matching chart entry it cannot use as an answer but that may mean yes
/// (<see cref="FhirReading.ToCheck"/>, QA13 M4: "not recorded is never no"), and never reads it as an answer; an entry
/// clearly not current, clearly outside the window, refuted or entered in error stays unnamed.
/// </summary>
public class ValueSetChartChecksTests
{
    /// <summary>An opioid (RxNorm, in the opioids value set).</summary>
    private const string Hydrocodone = "1372265";

    private static void AssertNamed(FhirReading reading, string field, ChartCheckKind kind, string reference)
    {
        Assert.False(reading.Values.ContainsKey(field), $"{field} was read as {(reading.Values.TryGetValue(field, out var v) ? v : null)}");
        Assert.Contains(reading.ToCheck, c => c.Field == field && c.Kind == kind && c.Reference == reference);
    }

    private static void AssertNotNamed(FhirReading reading, string field)
    {
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == field);
        Assert.False(reading.Values.ContainsKey(field));
    }

    // Substance use disorders (the brief's example: a provisional opioid use disorder was dropped, and an earlier
    // "none" could fill the field).
    [Theory]
    [InlineData("provisional")]
    [InlineData("unconfirmed")]
    [InlineData("differential")]
    public void Read_UnconfirmedSubstanceUseDisorder_IsNamedBesideSubstanceUse(string verification)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F11.20", verification: verification));

        AssertNamed(reading, "substanceUse", ChartCheckKind.Unconfirmed, "Condition/c1");
        Assert.False(reading.Values.ContainsKey("substancesUsed"));
    }

    [Fact]
    public void Read_KetamineDependenceWithNoClinicalStatus_IsNamedBesideSubstanceUse()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Snomed, "724715004", clinical: null));

        AssertNamed(reading, "substanceUse", ChartCheckKind.StatusUnknown, "Condition/c1");
    }

    [Fact]
    public void Read_ProvisionalActiveDisorderBesideOneInRemission_LeavesSubstanceUseNotRecorded()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Condition("c1", Fhir.Icd10Cm, "F10.20", clinical: "remission"),
            Fhir.Condition("c2", Fhir.Icd10Cm, "F11.20", verification: "provisional"));

        AssertNamed(reading, "substanceUse", ChartCheckKind.Unconfirmed, "Condition/c2");
        AssertNamed(reading, "substancesUsed", ChartCheckKind.Unconfirmed, "Condition/c2");
    }

    [Fact]
    public void Read_ProvisionalDisorderBesideAConfirmedActiveOne_TheActiveStands_SubstancesWait()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Condition("c1", Fhir.Icd10Cm, "F10.20"),
            Fhir.Condition("c2", Fhir.Icd10Cm, "F11.20", verification: "provisional"));

        Assert.Equal("active", reading.Values["substanceUse"]);
        AssertNamed(reading, "substancesUsed", ChartCheckKind.Unconfirmed, "Condition/c2");
    }

    [Theory]
    [InlineData("active", "refuted")]
    [InlineData("active", "entered-in-error")]
    public void Read_RefutedOrErroneousDisorder_IsNotNamed(string clinical, string verification)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F11.20", clinical: clinical, verification: verification));

        AssertNotNamed(reading, "substanceUse");
    }

    // Conditions read for a question about now.
    [Fact]
    public void Read_AneurysmWithNoClinicalStatus_IsNamedToCheck()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I67.1", clinical: null));

        AssertNamed(reading, "aneurysmalVascularDisease", ChartCheckKind.StatusUnknown, "Condition/c1");
    }

    // QA120 F3: an aneurysm (a contraindication) recorded as resolved, inactive or in remission is not read as no: it
    // is named (it was dropped, and an earlier "no" filled the field); the value set says so (notCurrentMayStand).
    [Theory]
    [InlineData("resolved")]
    [InlineData("inactive")]
    [InlineData("remission")]
    public void Read_AneurysmRecordedAsNotCurrent_IsNamedToCheck(string clinical)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I67.1", clinical: clinical));

        AssertNamed(reading, "aneurysmalVascularDisease", ChartCheckKind.NotCurrentMayStand, "Condition/c1");
    }

    [Fact]
    public void Read_ResolvedAneurysmBesideAnActiveOne_TheYesStands()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I67.1", clinical: "resolved"), Fhir.Condition("c2", Fhir.Icd10Cm, "I71.4"));

        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "aneurysmalVascularDisease");
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("inactive")]
    public void Read_OtherCurrentConditionRecordedAsNotCurrent_IsStillNotNamed(string clinical)
    {
        // Unstable angina (I20.0) resolved is not current: only the aneurysm value set says a past record may stand.
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I20.0", clinical: clinical));

        AssertNotNamed(reading, "seriousCardiovascularOrCerebrovascularCondition");
    }

    // QA120 F3: a Condition coded only in a system no Condition value set uses was neither read nor named, so an earlier
    // screening's "no" filled the field (a medicine coded so was named: MedicineCodeNotRead).
    private static readonly string[] ConditionQuestions =
    [
        "primaryDiagnosis", "currentDepressiveEpisode", "psychosis", "suicidality", "substanceUse", "substancesUsed",
        "aneurysmalVascularDisease", "intracerebralHemorrhageHistory", "seriousCardiovascularOrCerebrovascularCondition",
        "recentMyocardialInfarctionOrStroke", "hypertensiveEncephalopathyHistory", "cognitiveImpairment",
    ];

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10", "I71.4", "Aortic aneurysm (http://hl7.org/fhir/sid/icd-10 I71.4)")]
    [InlineData("urn:oid:2.16.840.1.113883.6.90", "I71.4", "Aortic aneurysm (urn:oid:2.16.840.1.113883.6.90 I71.4)")]
    [InlineData("urn:oid:2.16.840.1.113883.6.96", "432119003", "Aortic aneurysm (urn:oid:2.16.840.1.113883.6.96 432119003)")]
    [InlineData("http://snomed.info/sct/", "432119003", "Aortic aneurysm (http://snomed.info/sct/ 432119003)")]
    public void Read_AConditionCodedOnlyInASystemNoValueSetUses_IsNamedBesideEveryConditionQuestion_WithItsSystemAndCode(string system, string code, string named)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Json($$$"""
            {"resourceType": "Condition", "id": "c-aaa",
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
             "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
             "code": {"coding": [{"system": "{{{system}}}", "code": "{{{code}}}"}], "text": "Aortic aneurysm"},
             "subject": {"reference": "Patient/p1"}}
            """));

        foreach (var field in ConditionQuestions)
        {
            AssertNamed(reading, field, ChartCheckKind.ConditionCodeNotRead, "Condition/c-aaa");
            Assert.Equal(named, reading.ToCheck.Single(c => c.Field == field).What);
        }

        Assert.All(reading.ToCheck, c => Assert.Contains(c.Field, ConditionQuestions));
    }

    [Fact]
    public void Read_AConditionWithoutAnyCode_IsNamedBesideEveryConditionQuestion()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Json("""
            {"resourceType": "Condition", "id": "c1", "code": {"text": "Abdominal aortic aneurysm"}, "subject": {"reference": "Patient/p1"}}
            """));

        foreach (var field in ConditionQuestions)
            AssertNamed(reading, field, ChartCheckKind.ConditionCodeNotRead, "Condition/c1");
    }

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10")]
    [InlineData("urn:oid:2.16.840.1.113883.6.90")]
    public void Read_BipolarCodedInAnotherSystemBesideAnIcd10CmMdd_LeavesTheDiagnosisNotRecorded_AndNamesIt(string system)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1"), Fhir.Condition("c2", system, "F31.4"));

        AssertNamed(reading, "primaryDiagnosis", ChartCheckKind.ConditionCodeNotRead, "Condition/c2");
        // A yes read from the chart's own codes stands: the unread Condition could not make it less cautious.
        Assert.Equal(true, reading.Values["currentDepressiveEpisode"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "currentDepressiveEpisode");
    }

    [Fact]
    public void Read_SubstanceUseDisorderInRemissionBesideAConditionNoValueSetReads_LeavesSubstanceUseNotRecorded()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Condition("c1", Fhir.Icd10Cm, "F10.20", clinical: "remission"),
            Fhir.Condition("c2", "http://hl7.org/fhir/sid/icd-10", "F11.2"));

        AssertNamed(reading, "substanceUse", ChartCheckKind.ConditionCodeNotRead, "Condition/c2");
        AssertNamed(reading, "substancesUsed", ChartCheckKind.ConditionCodeNotRead, "Condition/c2");
    }

    [Theory]
    [InlineData("refuted", "active")]
    [InlineData("entered-in-error", "active")]
    public void Read_AConditionNoValueSetReads_RefutedOrEnteredInError_IsNotNamed(string verification, string clinical)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", "http://hl7.org/fhir/sid/icd-10", "I71.4", clinical: clinical, verification: verification));

        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void Read_AConditionWithACodeInASystemTheValueSetsUse_IsReadByIt_AndNotNamed()
    {
        // Essential hypertension in ICD-10-CM and WHO ICD-10: no question's code, and ICD-10-CM is read.
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Json("""
            {"resourceType": "Condition", "id": "c1",
             "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I10"}, {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]},
             "subject": {"reference": "Patient/p1"}}
            """));

        Assert.Empty(reading.ToCheck);
    }

    // Recent events.
    [Theory]
    [InlineData(null)]
    [InlineData("2026-10")]
    [InlineData("2027-01-01")]
    public void Read_InfarctionWhoseOnsetDoesNotPlaceIt_IsNamedToCheck(string? onset)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I21.4", onset: onset));

        AssertNamed(reading, "recentMyocardialInfarctionOrStroke", ChartCheckKind.Undated, "Condition/c1");
    }

    [Fact]
    public void Read_InfarctionCertainlyOlderThanSixWeeks_IsNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I21.4", clinical: "resolved", onset: "2025-03"));

        AssertNotNamed(reading, "recentMyocardialInfarctionOrStroke");
    }

    // Helper 196: an onsetPeriod says the onset fell somewhere within it; only its start was read, so an infarction whose
    // onset period began long ago but ran into the last six weeks answered "older" and vanished unnamed.
    [Theory]
    [InlineData("2026-01-01", "2026-11-20")]
    [InlineData("2026-01-01", null)]
    [InlineData(null, "2026-11-20")]
    [InlineData("2026-10-01", "2026-11-20")]
    public void Read_InfarctionWhoseOnsetPeriodReachesIntoTheSixWeeks_IsNamedToCheck(string? start, string? end)
    {
        var reading = Fhir.Read(Fhir.Patient(), ConditionWithOnsetPeriod("I21.4", start, end));

        AssertNamed(reading, "recentMyocardialInfarctionOrStroke", ChartCheckKind.Undated, "Condition/c1");
    }

    [Fact]
    public void Read_InfarctionWhoseWholeOnsetPeriodIsWithinTheSixWeeks_IsRead()
    {
        var reading = Fhir.Read(Fhir.Patient(), ConditionWithOnsetPeriod("I21.4", "2026-11-10", "2026-11-20"));

        Assert.Equal(true, reading.Values["recentMyocardialInfarctionOrStroke"]);
    }

    [Fact]
    public void Read_InfarctionWhoseWholeOnsetPeriodIsOlderThanSixWeeks_IsNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), ConditionWithOnsetPeriod("I21.4", "2026-01-01", "2026-03-01"));

        AssertNotNamed(reading, "recentMyocardialInfarctionOrStroke");
    }

    [Fact]
    public void Read_SuicideAttemptWhoseOnsetPeriodReachesIntoTheThreeMonths_IsNamedBesideSuicidality()
    {
        var reading = Fhir.Read(Fhir.Patient(), ConditionWithOnsetPeriod("T14.91XA", "2025-06-01", "2026-11-01"));

        AssertNamed(reading, "suicidality", ChartCheckKind.Undated, "Condition/c1");
    }

    private static System.Text.Json.JsonElement ConditionWithOnsetPeriod(string icd10Cm, string? start, string? end)
    {
        var period = new Dictionary<string, string>();
        if (start is not null)
            period["start"] = start;
        if (end is not null)
            period["end"] = end;
        return Fhir.Json(new Dictionary<string, object>
        {
            ["resourceType"] = "Condition",
            ["id"] = "c1",
            ["clinicalStatus"] = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/condition-clinical", code = "active" } } },
            ["code"] = new { coding = new[] { new { system = Fhir.Icd10Cm, code = icd10Cm } } },
            ["subject"] = new { reference = "Patient/p1" },
            ["onsetPeriod"] = period,
        });
    }

    [Fact]
    public void Read_UndatedSuicideAttempt_IsNamedBesideSuicidality()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "T14.91XA"));

        AssertNamed(reading, "suicidality", ChartCheckKind.Undated, "Condition/c1");
    }

    [Fact]
    public void Read_ProvisionalSuicideAttempt_IsNamedBesideSuicidality()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "T14.91XA", verification: "provisional", onset: "2026-11-20"));

        AssertNamed(reading, "suicidality", ChartCheckKind.Unconfirmed, "Condition/c1");
    }

    // Choices read from Conditions.
    [Fact]
    public void Read_ProvisionalEpisodeWithPsychoticFeatures_IsNamedBesidePsychosis()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F33.3", verification: "provisional"));

        AssertNamed(reading, "psychosis", ChartCheckKind.Unconfirmed, "Condition/c1");
    }

    [Fact]
    public void Read_EpisodeWithPsychoticFeaturesWithNoClinicalStatus_IsNamedBesidePsychosis()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F33.3", clinical: null));

        AssertNamed(reading, "psychosis", ChartCheckKind.StatusUnknown, "Condition/c1");
    }

    [Fact]
    public void Read_EpisodeWithPsychoticFeaturesResolved_IsNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F33.3", clinical: "resolved"));

        AssertNotNamed(reading, "psychosis");
    }

    [Fact]
    public void Read_ProvisionalBipolarBesideConfirmedMdd_LeavesTheDiagnosisNotRecorded()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1"),
            Fhir.Condition("c2", Fhir.Icd10Cm, "F31.81", verification: "differential"));

        AssertNamed(reading, "primaryDiagnosis", ChartCheckKind.Unconfirmed, "Condition/c2");
    }

    [Fact]
    public void Read_ProvisionalMddBesideConfirmedMdd_TheDiagnosisStands()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1"),
            Fhir.Condition("c2", Fhir.Icd10Cm, "F32.2", verification: "provisional"));

        Assert.Equal("mdd", reading.Values["primaryDiagnosis"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "primaryDiagnosis");
    }

    // Medicines.
    [Theory]
    [InlineData("on-hold", "order")]
    [InlineData("draft", "order")]
    [InlineData("unknown", "order")]
    [InlineData("active", "proposal")]
    public void Read_OpioidRequestNotActive_IsNamedBesideOnOpioids(string status, string intent)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationRequest("m1", Hydrocodone, status, intent));

        AssertNamed(reading, "onOpioids", ChartCheckKind.MedicineNotActive, "MedicationRequest/m1");
    }

    [Theory]
    [InlineData("intended")]
    [InlineData("on-hold")]
    [InlineData("unknown")]
    public void Read_OpioidStatementNotActive_IsNamedBesideOnOpioids(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationStatement("m1", Hydrocodone, status));

        AssertNamed(reading, "onOpioids", ChartCheckKind.MedicineNotActive, "MedicationStatement/m1");
    }

    [Theory]
    [InlineData("stopped")]
    [InlineData("completed")]
    [InlineData("cancelled")]
    [InlineData("entered-in-error")]
    public void Read_OpioidRequestEnded_IsNotNamed(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationRequest("m1", Hydrocodone, status));

        AssertNotNamed(reading, "onOpioids");
    }

    // Helper 196: an active order with doNotPerform true is an order NOT to give the medicine; it was read as the medicine
    // taken now (an SSRI "do not give" order answered "on an oral antidepressant: yes", which the esketamine pathway requires).
    [Fact]
    public void Read_ActiveOrderNotToGiveAnAntidepressant_IsNotReadAsTaken_AndIsNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Json("""
            {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order", "doNotPerform": true,
             "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "200371"}]},
             "subject": {"reference": "Patient/p1"}}
            """));

        AssertNamed(reading, "onOralAntidepressant", ChartCheckKind.MedicineNotToBeGiven, "MedicationRequest/m1");
        AssertNamed(reading, "oralAntidepressantClass", ChartCheckKind.MedicineNotToBeGiven, "MedicationRequest/m1");
    }

    [Fact]
    public void Read_ActiveOrderWithDoNotPerformFalse_IsReadAsTaken()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Json("""
            {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order", "doNotPerform": false,
             "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "200371"}]},
             "subject": {"reference": "Patient/p1"}}
            """));

        Assert.Equal(true, reading.Values["onOralAntidepressant"]);
    }

    // Helper 196: an active MedicationStatement whose effective period ended before today, or whose effective time is
    // after today, says the medicine is not taken now: it was read as taken now.
    [Theory]
    [InlineData("\"effectivePeriod\": {\"start\": \"2018-01-01\", \"end\": \"2019-01-01\"}")]
    [InlineData("\"effectivePeriod\": {\"end\": \"2026-11-27\"}")]
    [InlineData("\"effectivePeriod\": {\"start\": \"2027-01-01\"}")]
    [InlineData("\"effectiveDateTime\": \"2027-01-01\"")]
    public void Read_ActiveStatementDatedNotNow_IsNotReadAsTaken_AndIsNamed(string effective)
    {
        var reading = Fhir.Read(Fhir.Patient(), StatementWith("200371", effective));

        AssertNamed(reading, "onOralAntidepressant", ChartCheckKind.MedicineDatedNotNow, "MedicationStatement/s1");
    }

    [Theory]
    [InlineData("\"effectivePeriod\": {\"start\": \"2026-01-01\"}")]
    [InlineData("\"effectivePeriod\": {\"start\": \"2026-01-01\", \"end\": \"2026-11-28\"}")]
    [InlineData("\"effectivePeriod\": {\"start\": \"2026-01-01\", \"end\": \"2027-06-30\"}")]
    [InlineData("\"effectiveDateTime\": \"2025-03-01\"")]
    public void Read_ActiveStatementDatedUpToNow_IsReadAsTaken(string effective)
    {
        var reading = Fhir.Read(Fhir.Patient(), StatementWith("200371", effective));

        Assert.Equal(true, reading.Values["onOralAntidepressant"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "onOralAntidepressant");
    }

    // Helper 200: an active order whose prescription is no longer valid (dispenseRequest.validityPeriod ended before
    // today), or not valid yet (it starts after today), says nothing of whether the medicine is taken now: it was read as
    // taken now ("on an oral antidepressant: yes", which the esketamine pathway requires).
    [Theory]
    [InlineData("\"dispenseRequest\": {\"validityPeriod\": {\"start\": \"2018-01-01\", \"end\": \"2019-01-01\"}}")]
    [InlineData("\"dispenseRequest\": {\"validityPeriod\": {\"end\": \"2026-11-27\"}}")]
    [InlineData("\"dispenseRequest\": {\"validityPeriod\": {\"end\": \"2026-11-27T23:00:00Z\"}}")]
    [InlineData("\"dispenseRequest\": {\"validityPeriod\": {\"start\": \"2027-01-01\"}}")]
    public void Read_ActiveOrderNotValidNow_IsNotReadAsTaken_AndIsNamed(string validity)
    {
        var reading = Fhir.Read(Fhir.Patient(), OrderWith("200371", validity));

        AssertNamed(reading, "onOralAntidepressant", ChartCheckKind.OrderNotValidNow, "MedicationRequest/m1");
        AssertNamed(reading, "oralAntidepressantClass", ChartCheckKind.OrderNotValidNow, "MedicationRequest/m1");
    }

    [Theory]
    [InlineData("\"dispenseRequest\": {\"validityPeriod\": {\"start\": \"2026-01-01\"}}")]
    [InlineData("\"dispenseRequest\": {\"validityPeriod\": {\"start\": \"2026-01-01\", \"end\": \"2026-11-28\"}}")]
    [InlineData("\"dispenseRequest\": {\"validityPeriod\": {\"start\": \"2026-01-01\", \"end\": \"2027-06-30\"}}")]
    [InlineData("\"dispenseRequest\": {\"numberOfRepeatsAllowed\": 2}")]
    public void Read_ActiveOrderValidNow_IsReadAsTaken(string validity)
    {
        var reading = Fhir.Read(Fhir.Patient(), OrderWith("200371", validity));

        Assert.Equal(true, reading.Values["onOralAntidepressant"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "onOralAntidepressant");
    }

    private static System.Text.Json.JsonElement OrderWith(string rxnorm, string validity) => Fhir.Json($$$"""
        {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order", {{{validity}}},
         "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "{{{rxnorm}}}"}]},
         "subject": {"reference": "Patient/p1"}}
        """);

    private static System.Text.Json.JsonElement StatementWith(string rxnorm, string effective) => Fhir.Json($$$"""
        {"resourceType": "MedicationStatement", "id": "s1", "status": "active", {{{effective}}},
         "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "{{{rxnorm}}}"}]},
         "subject": {"reference": "Patient/p1"}}
        """);

    [Fact]
    public void Read_OnHoldLithiumBesideActiveLamotrigine_LeavesTheMoodStabilizerNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationRequest("m1", "198427"), Fhir.MedicationRequest("m2", "197889", status: "on-hold"));

        AssertNamed(reading, "moodStabilizer", ChartCheckKind.MedicineNotActive, "MedicationRequest/m2");
    }

    [Fact]
    public void Read_OnHoldLamotrigineBesideActiveLithium_LithiumStands()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationRequest("m1", "197889"), Fhir.MedicationRequest("m2", "198427", status: "on-hold"));

        Assert.Equal("lithium", reading.Values["moodStabilizer"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "moodStabilizer");
    }

    // Observations.
    [Theory]
    [InlineData("preliminary")]
    [InlineData("registered")]
    [InlineData("unknown")]
    public void Read_Phq9Item9NotFinal_IsNamedToCheck(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("o1", "44260-8", 2, status: status));

        AssertNamed(reading, "phq9Item9", ChartCheckKind.ResultNotFinal, "Observation/o1");
    }

    [Fact]
    public void Read_PreliminaryItem9AfterAFinalZero_LeavesItNotRecorded()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("o1", "44260-8", 0, effective: "2026-11-20T09:00:00Z"),
            Fhir.Observation("o2", "44260-8", 3, effective: "2026-11-28T09:00:00Z", status: "preliminary"));

        AssertNamed(reading, "phq9Item9", ChartCheckKind.ResultNotFinal, "Observation/o2");
    }

    [Fact]
    public void Read_PreliminaryItem9BeforeAFinalOne_TheFinalStands()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("o1", "44260-8", 3, effective: "2026-11-20T09:00:00Z", status: "preliminary"),
            Fhir.Observation("o2", "44260-8", 1, effective: "2026-11-28T09:00:00Z"));

        Assert.Equal(1, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("entered-in-error")]
    public void Read_Phq9ItemCancelledOrErroneous_IsNotNamed(string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("o1", "44260-8", 2, status: status));

        AssertNotNamed(reading, "phq9Item9");
    }

    [Fact]
    public void Read_PreliminaryPhq9OlderThanItsWindow_IsNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("o1", "44261-6", 20, effective: "2026-10-01T09:00:00Z", status: "preliminary"));

        AssertNotNamed(reading, "phq9Total");
    }

    [Fact]
    public void Read_PreliminaryPregnancyStatus_IsNamedToCheck()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("o1", "82810-3", (Fhir.Loinc, "LA15173-0"), status: "preliminary"));

        AssertNamed(reading, "pregnant", ChartCheckKind.ResultNotFinal, "Observation/o1");
    }

    [Fact]
    public void Read_PreliminaryBloodPressureToday_IsNamedBesideBoth()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("o1", "85354-9", status: "preliminary", components: [Fhir.PressureComponent("8480-6", 182m), Fhir.PressureComponent("8462-4", 104m)]));

        AssertNamed(reading, "systolicBp", ChartCheckKind.ResultNotFinal, "Observation/o1");
        AssertNamed(reading, "diastolicBp", ChartCheckKind.ResultNotFinal, "Observation/o1");
    }

    // QA120 F1: "the latest" was the latest the reader could read. A newer final result it could not read was skipped
    // and an older one used as today's, with nothing named. Now the latest is decided first, then its value is read.
    private static System.Text.Json.JsonElement Raw(string id, string loinc, string effective, string valuePart) => Fhir.Json($$"""
        {"resourceType": "Observation", "id": "{{id}}", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "{{loinc}}"}]},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "{{effective}}", {{valuePart}} }
        """);

    [Theory]
    [InlineData("\"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"LA6570-1\", \"display\": \"Nearly every day\"}]}")]
    [InlineData("\"dataAbsentReason\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"asked-declined\"}]}")]
    [InlineData("\"valueString\": \"3\"")]
    [InlineData("\"valueInteger\": 7")]
    public void Read_NewerFinalItem9TheReaderCannotRead_IsNamed_AndTheOlderZeroIsNotUsed(string valuePart)
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-18"),
            Raw("i9-new", "44260-8", "2026-11-27", valuePart));

        AssertNamed(reading, "phq9Item9", ChartCheckKind.ResultNotReadable, "Observation/i9-new");
        Assert.DoesNotContain(reading.ToCheck, c => c.Reference == "Observation/i9-old");
    }

    [Fact]
    public void Read_OlderItem9TheReaderCannotReadBeforeANewerReadableOne_TheNewerStands()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Raw("i9-old", "44260-8", "2026-11-18", "\"valueString\": \"1\""),
            Fhir.Observation("i9-new", "44260-8", 2, effective: "2026-11-27"));

        Assert.Equal(2, reading.Values["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Theory]
    [InlineData("\"valueCodeableConcept\": {\"text\": \"Pregnant\"}")]
    [InlineData("\"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"LA4489-6\", \"display\": \"Unknown\"}]}")]
    [InlineData("\"valueString\": \"pregnant\"")]
    [InlineData("\"dataAbsentReason\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"unknown\"}]}")]
    public void Read_NewerFinalPregnancyStatusTheReaderCannotRead_IsNamed_AndTheOlderNotPregnantIsNotUsed(string valuePart)
    {
        var reading = Fhir.Read(
            Fhir.Patient("1990-01-01", "F"),
            Fhir.Observation("preg-old", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-23"),
            Raw("preg-new", "82810-3", "2026-11-28T09:00:00Z", valuePart));

        AssertNamed(reading, "pregnant", ChartCheckKind.ResultNotReadable, "Observation/preg-new");
    }

    // Helper 196: FHIR R4 obs-6 says dataAbsentReason is present only when there is no value. An Observation that sends
    // both (a value and "asked-declined", "error", "unknown") contradicts itself, and the value was read: an item 9 of 0
    // beside "asked-declined", a "not pregnant" beside "unknown". The Firely reader does not check the invariant.
    private const string AbsentDeclined = "\"dataAbsentReason\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"asked-declined\"}]}";

    [Fact]
    public void Read_Item9WithAValueAndADataAbsentReason_IsNamedNotReadable()
    {
        var reading = Fhir.Read(Fhir.Patient(), Raw("i9", "44260-8", "2026-11-27", "\"valueInteger\": 0, " + AbsentDeclined));

        AssertNamed(reading, "phq9Item9", ChartCheckKind.ResultNotReadable, "Observation/i9");
    }

    [Fact]
    public void Read_Phq9TotalWithAValueAndADataAbsentReason_IsNamedNotReadable()
    {
        var reading = Fhir.Read(Fhir.Patient(), Raw("tot", "44261-6", "2026-11-27", "\"valueInteger\": 4, " + AbsentDeclined));

        AssertNamed(reading, "phq9Total", ChartCheckKind.ResultNotReadable, "Observation/tot");
    }

    [Fact]
    public void Read_NotPregnantWithADataAbsentReason_IsNamedNotReadable()
    {
        var reading = Fhir.Read(
            Fhir.Patient("1990-01-01", "F"),
            Raw("preg", "82810-3", "2026-11-28T09:00:00Z", "\"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"LA26683-5\"}]}, " + AbsentDeclined));

        AssertNamed(reading, "pregnant", ChartCheckKind.ResultNotReadable, "Observation/preg");
    }

    [Fact]
    public void Read_BloodPressureWhoseSystolicHasAValueAndADataAbsentReason_IsNamedNotReadable()
    {
        var reading = Fhir.Read(Fhir.Patient(), PanelAt1000(
            "\"valueQuantity\": {\"value\": 120, \"unit\": \"mmHg\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mm[Hg]\"}, " + AbsentDeclined.Replace("asked-declined", "error", StringComparison.Ordinal),
            "\"valueQuantity\": {\"value\": 80, \"unit\": \"mmHg\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mm[Hg]\"}"));

        AssertNamed(reading, "systolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
        AssertNamed(reading, "diastolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
    }

    private static object PanelAt0800 => Fhir.Observation("bp-0800", "85354-9", effective: "2026-11-28T08:00:00Z",
        components: [Fhir.PressureComponent("8480-6", 128m), Fhir.PressureComponent("8462-4", 80m)]);

    private static System.Text.Json.JsonElement PanelAt1000(string systolic, string diastolic, string loinc = "85354-9") => Fhir.Json($$"""
        {"resourceType": "Observation", "id": "bp-1000", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "{{loinc}}"}]},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-28T10:00:00Z",
         "component": [
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, {{systolic}} },
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, {{diastolic}} }]}
        """);

    private static string Quantity(decimal value, string? unit, string? code) =>
        "\"valueQuantity\": {\"value\": " + value.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + (unit is null ? "" : $", \"unit\": \"{unit}\"") + (code is null ? "" : $", \"system\": \"http://unitsofmeasure.org\", \"code\": \"{code}\"") + "}";

    [Fact]
    public void Read_NewerBloodPressureInKilopascals_IsNamedBesideBoth_NeverConverted_AndTheOlderPairIsNotUsed()
    {
        var reading = Fhir.Read(Fhir.Patient(), PanelAt0800, PanelAt1000(Quantity(25.3m, "kPa", "kPa"), Quantity(15.3m, "kPa", "kPa")));

        AssertNamed(reading, "systolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
        AssertNamed(reading, "diastolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
    }

    /// <summary>
    /// Helper 228: a pressure outside its question's range (the field catalogue's, systolic 50 to 300, diastolic 20 to 200,
    /// after rounding up) was named among units, absent values and words; each value out of range is now marked so, the
    /// other value of the reading not. Neither is read, and the older pair is not used.
    /// </summary>
    [Theory]
    [InlineData(400, 5, true, true)]
    [InlineData(400, 80, true, false)]
    [InlineData(300.2, 80, true, false)]
    [InlineData(120, 5, false, true)]
    [InlineData(120, 200.5, false, true)]
    [InlineData(80, 120, false, false)]
    public void Read_NewerBloodPressureOutsideItsRange_IsNamedAsOutOfRange(double systolic, double diastolic, bool systolicOut, bool diastolicOut)
    {
        var reading = Fhir.Read(Fhir.Patient(), PanelAt0800, PanelAt1000(Quantity((decimal)systolic, "mmHg", "mm[Hg]"), Quantity((decimal)diastolic, "mmHg", "mm[Hg]")));

        Assert.DoesNotContain("systolicBp", reading.Values.Keys);
        Assert.DoesNotContain("diastolicBp", reading.Values.Keys);
        var sys = Assert.Single(reading.ToCheck, c => c.Field == "systolicBp");
        var dia = Assert.Single(reading.ToCheck, c => c.Field == "diastolicBp");
        Assert.Equal(
            (ChartCheckKind.ResultNotReadable, "Observation/bp-1000", systolicOut, ChartCheckKind.ResultNotReadable, "Observation/bp-1000", diastolicOut),
            (sys.Kind, sys.Reference, sys.OutOfRange, dia.Kind, dia.Reference, dia.OutOfRange));
    }

    /// <summary>
    /// Helper 228: a systolic and a diastolic sent as Observations of their own, in kilopascals, are named, never read;
    /// so is a quantity coded mm[Hg] whose unit text says kPa: the code and the words name different units, and which one
    /// the value is in cannot be told (it was read as millimetres of mercury).
    /// </summary>
    [Theory]
    [InlineData("kPa", "kPa")]
    [InlineData("kPa", "mm[Hg]")]
    [InlineData("mmHg", "kPa")]
    [InlineData("cmHg", null)]
    public void Read_NewerSystolicAndDiastolicInAnotherUnit_AreNamed_NeverReadAsMillimetresOfMercury(string unit, string? code)
    {
        var systolic = Fhir.Json($$"""
            {"resourceType": "Observation", "id": "s", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
             "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-28T10:00:00Z", {{Quantity(160m, unit, code)}} }
            """);
        var diastolic = Fhir.Json($$"""
            {"resourceType": "Observation", "id": "d", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
             "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-28T10:00:00Z", {{Quantity(100m, unit, code)}} }
            """);

        var reading = Fhir.Read(Fhir.Patient(), PanelAt0800, systolic, diastolic);

        Assert.DoesNotContain("systolicBp", reading.Values.Keys);
        Assert.DoesNotContain("diastolicBp", reading.Values.Keys);
        Assert.Contains(reading.ToCheck, c => c.Field == "systolicBp" && c.Kind == ChartCheckKind.ResultNotReadable && !c.OutOfRange);
        Assert.Contains(reading.ToCheck, c => c.Field == "diastolicBp" && c.Kind == ChartCheckKind.ResultNotReadable && !c.OutOfRange);
    }

    /// <summary>
    /// A pressure with a comparator is a bound, not a reading (helper-149's leftover): "&gt;170" may be 200, above CV-003's
    /// 180/110, so reading it as 170 would be more reassuring than the chart. Named, never read, and the older pair is not used.
    /// </summary>
    [Theory]
    [InlineData(">")]
    [InlineData(">=")]
    [InlineData("<")]
    [InlineData("<=")]
    [InlineData("ad")]
    public void Read_NewerBloodPressureWithAComparator_IsNamedBesideBoth_NeverReadAsItsNumber(string comparator)
    {
        var bound = $"\"valueQuantity\": {{\"value\": 170, \"comparator\": \"{comparator}\", \"unit\": \"mmHg\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mm[Hg]\"}}";
        var reading = Fhir.Read(Fhir.Patient(), PanelAt0800, PanelAt1000(bound, Quantity(100m, "mmHg", "mm[Hg]")));

        Assert.DoesNotContain("systolicBp", reading.Values.Keys);
        Assert.DoesNotContain("diastolicBp", reading.Values.Keys);
        AssertNamed(reading, "systolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
        AssertNamed(reading, "diastolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
    }

    [Fact]
    public void Read_NewerBloodPressureWhoseDiastolicIsAbsent_IsNamedBesideBoth_AndTheOlderPairIsNotUsed()
    {
        var absent = "\"dataAbsentReason\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"error\"}]}";
        var reading = Fhir.Read(Fhir.Patient(), PanelAt0800, PanelAt1000(Quantity(190m, "mmHg", "mm[Hg]"), absent));

        AssertNamed(reading, "systolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
        AssertNamed(reading, "diastolicBp", ChartCheckKind.ResultNotReadable, "Observation/bp-1000");
    }

    [Fact]
    public void Read_NewerSystolicAndDiastolicOneSecondApart_AreNamed_AndTheOlderPairIsNotUsed()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            PanelAt0800,
            Fhir.Observation("s-1000", "8480-6", 190m, effective: "2026-11-28T10:00:00Z"),
            Fhir.Observation("d-1000", "8462-4", 115m, effective: "2026-11-28T10:00:01Z"));

        AssertNamed(reading, "systolicBp", ChartCheckKind.ResultNotReadable, "Observation/d-1000");
        AssertNamed(reading, "diastolicBp", ChartCheckKind.ResultNotReadable, "Observation/d-1000");
    }

    [Fact]
    public void Read_BloodPressureTodayWithoutATime_BesideATimedOneWithAnotherValue_IsNamedAsTimeUnclear()
    {
        var dateOnly = Fhir.Observation("bp-day", "85354-9", effective: "2026-11-28",
            components: [Fhir.PressureComponent("8480-6", 190m), Fhir.PressureComponent("8462-4", 115m)]);

        var reading = Fhir.Read(Fhir.Patient(), PanelAt0800, dateOnly);

        AssertNamed(reading, "systolicBp", ChartCheckKind.ResultTimeUnclear, "Observation/bp-day");
        AssertNamed(reading, "diastolicBp", ChartCheckKind.ResultTimeUnclear, "Observation/bp-0800");
    }

    [Fact]
    public void Read_TwoFinalItem9ResultsAtTheSameTimeWithDifferentValues_AreBothNamedAsTimeUnclear()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9-a", "44260-8", 0, effective: "2026-11-27T09:00:00Z", status: "amended"),
            Fhir.Observation("i9-b", "44260-8", 2, effective: "2026-11-27T09:00:00Z"));

        AssertNamed(reading, "phq9Item9", ChartCheckKind.ResultTimeUnclear, "Observation/i9-a");
        AssertNamed(reading, "phq9Item9", ChartCheckKind.ResultTimeUnclear, "Observation/i9-b");
    }

    // A medicine recorded only in words (helper-95), or coded only in code systems the medication value sets do not use
    // (helper-98): it was silently ignored, so an earlier "no" to naltrexone, opioids, MAOIs ... could fill the questions
    // as if the chart agreed, while the chart held, say, an NDC-coded opioid. The codes below are placeholders: the app
    // does not read them, so what they stand for does not matter.
    private static readonly string[] MedicineQuestions =
        ["onOralAntidepressant", "oralAntidepressantClass", "moodStabilizer", "onOpioids", "onNaltrexone", "onPsychostimulantOrMaoi", "otherCnsDepressants", "benzodiazepineDiazepamEquivalentMg"];

    private const string Ndc = "http://hl7.org/fhir/sid/ndc";
    private const string LocalSystem = "http://clinic.example/fhir/CodeSystem/formulary";

    /// <summary>A MedicationStatement or MedicationRequest (an order) of patient p1 whose <c>medication[x]</c> is <paramref name="medication"/>.</summary>
    private static Dictionary<string, object> Medicine(string type, string id, string status, string medicationElement, object medication)
    {
        var resource = new Dictionary<string, object>
        {
            ["resourceType"] = type,
            ["id"] = id,
            ["status"] = status,
            ["subject"] = new { reference = "Patient/p1" },
            [medicationElement] = medication,
        };
        if (type == "MedicationRequest")
            resource["intent"] = "order";
        return resource;
    }

    /// <summary>A medicine in words only: a text (<c>medicationCodeableConcept.text</c>), or a <c>medicationReference</c> as given.</summary>
    private static Dictionary<string, object> InWords(string type, string id, string status, object medication) =>
        medication is string text
            ? Medicine(type, id, status, "medicationCodeableConcept", new { text })
            : Medicine(type, id, status, "medicationReference", medication);

    /// <summary>A coded medicine: each coding (a null system or display left out) and the concept's text, if any.</summary>
    private static Dictionary<string, object> Coded(string type, string id, string status, string? text, params (string? System, string Code, string? Display)[] codings)
    {
        var concept = new Dictionary<string, object>
        {
            ["coding"] = codings.Select(c =>
            {
                var coding = new Dictionary<string, string> { ["code"] = c.Code };
                if (c.System is not null)
                    coding["system"] = c.System;
                if (c.Display is not null)
                    coding["display"] = c.Display;
                return coding;
            }).ToArray(),
        };
        if (text is not null)
            concept["text"] = text;
        return Medicine(type, id, status, "medicationCodeableConcept", concept);
    }

    /// <summary>Naltrexone, in words or coded in NDC only, as a MedicationStatement m1.</summary>
    private static Dictionary<string, object> UnreadNaltrexone(ChartCheckKind kind, string type = "MedicationStatement", string status = "active") =>
        kind == ChartCheckKind.MedicineInWordsOnly
            ? InWords(type, "m1", status, "Naltrexone 50 mg")
            : Coded(type, "m1", status, "naltrexone 50 mg", (Ndc, "12345-678-90", null));

    /// <summary>One medicine no value set reads, named beside every medicine question and nothing else, in these words.</summary>
    private static void AssertNamedBesideEveryMedicineQuestion(FhirReading reading, ChartCheckKind kind, string reference, string what)
    {
        foreach (var field in MedicineQuestions)
            AssertNamed(reading, field, kind, reference);
        Assert.All(reading.ToCheck, c => Assert.Equal(what, c.What));
        Assert.Equal(MedicineQuestions.Length, reading.ToCheck.Count);
    }

    [Theory]
    [InlineData("MedicationStatement", "active")]
    [InlineData("MedicationStatement", "intended")]
    [InlineData("MedicationRequest", "active")]
    [InlineData("MedicationRequest", "on-hold")]
    public void Read_AMedicineRecordedOnlyAsText_IsNamedBesideEveryMedicineQuestion(string type, string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), InWords(type, "m1", status, "Naltrexone 50 mg"));

        AssertNamedBesideEveryMedicineQuestion(reading, ChartCheckKind.MedicineInWordsOnly, $"{type}/m1", "Naltrexone 50 mg");
    }

    [Fact]
    public void Read_AMedicineWithADisplayButNoCode_OrAReferenceToAMedicationNotSent_IsNamed()
    {
        var displayOnly = Fhir.Json("""
            {"resourceType":"MedicationStatement","id":"m1","status":"active","subject":{"reference":"Patient/p1"},
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","display":"phenelzine"}]}}
            """);
        var notSent = InWords("MedicationStatement", "m2", "active", new { reference = "Medication/med-x", display = "Tranylcypromine" });

        var reading = Fhir.Read(Fhir.Patient(), displayOnly, notSent);

        AssertNamed(reading, "onPsychostimulantOrMaoi", ChartCheckKind.MedicineInWordsOnly, "MedicationStatement/m1");
        AssertNamed(reading, "onPsychostimulantOrMaoi", ChartCheckKind.MedicineInWordsOnly, "MedicationStatement/m2");
        Assert.Contains(reading.ToCheck, c => c.Reference == "MedicationStatement/m1" && c.What == "phenelzine");
        Assert.Contains(reading.ToCheck, c => c.Reference == "MedicationStatement/m2" && c.What == "Tranylcypromine");
    }

    [Theory]
    [InlineData("MedicationStatement", "stopped")]
    [InlineData("MedicationStatement", "completed")]
    [InlineData("MedicationStatement", "not-taken")]
    [InlineData("MedicationStatement", "entered-in-error")]
    [InlineData("MedicationRequest", "cancelled")]
    [InlineData("MedicationRequest", "completed")]
    [InlineData("MedicationRequest", "stopped")]
    [InlineData("MedicationRequest", "entered-in-error")]
    public void Read_AMedicineInWordsOrCodedInNdcNoLongerTaken_IsNotNamed(string type, string status)
    {
        Assert.Empty(Fhir.Read(Fhir.Patient(), UnreadNaltrexone(ChartCheckKind.MedicineInWordsOnly, type, status)).ToCheck);
        Assert.Empty(Fhir.Read(Fhir.Patient(), UnreadNaltrexone(ChartCheckKind.MedicineCodeNotRead, type, status)).ToCheck);
    }

    [Theory]
    [InlineData(ChartCheckKind.MedicineInWordsOnly)]
    [InlineData(ChartCheckKind.MedicineCodeNotRead)]
    public void Read_AMedicineInWordsOrCodedInNdcBesideACurrentCodedOne_LeavesTheCodedAnswer_AndIsNamedBesideTheOtherQuestions(ChartCheckKind kind)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationStatement("m-hc", Hydrocodone), UnreadNaltrexone(kind));

        Assert.Equal(true, reading.Values["onOpioids"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "onOpioids");
        AssertNamed(reading, "onNaltrexone", kind, "MedicationStatement/m1");
    }

    /// <summary>
    /// QA281 F4: an RxNorm code no medication value set holds was read as "no medicine a question asks about" and named
    /// nowhere, so oxycodone or naltrexone coded as the ingredient (7804, 7243: the value sets list clinical drugs, and no
    /// ingredient-level code could be confirmed from their sources) left On opioids / On naltrexone "not recorded" with the
    /// order unnamed, and an earlier screening's "no" filled them. It is named beside every medicine question, as a medicine
    /// coded only in NDC is (never matched by its words), with its code and system.
    /// </summary>
    [Theory]
    [InlineData("MedicationRequest", "7804", "oxycodone")]
    [InlineData("MedicationRequest", "7243", "naltrexone")]
    [InlineData("MedicationStatement", "197361", "amlodipine 5 mg")]
    public void Read_AnRxNormCodeNoMedicationValueSetHolds_IsNamedBesideEveryMedicineQuestion(string type, string code, string words)
    {
        var reading = Fhir.Read(Fhir.Patient(), Coded(type, "m1", "active", words, (Fhir.RxNorm, code, null)));

        foreach (var field in MedicineQuestions)
        {
            Assert.False(reading.Values.ContainsKey(field));
            Assert.Contains(reading.ToCheck, c => c.Field == field && c.Reference == $"{type}/m1" && c.What == $"{words} (RxNorm {code})");
        }

        Assert.Equal(MedicineQuestions.Length, reading.ToCheck.Count);
        Assert.All(reading.ToCheck, c => Assert.Equal("MedicineCodeNotListed", c.Kind.ToString()));
    }

    [Fact]
    public void Read_AnRxNormCodeNoValueSetHolds_BesideAYesReadFromAListedCode_LeavesTheYes()
    {
        // A yes stands on its own evidence (hydrocodone read); the unlisted code is still named beside the questions the
        // chart does not answer.
        var reading = Fhir.Read(Fhir.Patient(), Fhir.MedicationStatement("m-hc", Hydrocodone), Coded("MedicationRequest", "m1", "active", "oxycodone", (Fhir.RxNorm, "7804", null)));

        Assert.Equal(true, reading.Values["onOpioids"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "onOpioids");
        Assert.Contains(reading.ToCheck, c => c.Field == "onNaltrexone" && c.Reference == "MedicationRequest/m1");
    }

    [Fact]
    public void Read_AnRxNormCodeNoValueSetHolds_StoppedOrEnteredInError_IsNotNamed()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Coded("MedicationRequest", "m1", "stopped", "oxycodone", (Fhir.RxNorm, "7804", null)),
            Coded("MedicationStatement", "m2", "entered-in-error", "naltrexone", (Fhir.RxNorm, "7243", null)));

        Assert.Empty(reading.ToCheck);
    }

    [Theory]
    [InlineData("MedicationStatement", "active")]
    [InlineData("MedicationStatement", "intended")]
    [InlineData("MedicationRequest", "active")]
    [InlineData("MedicationRequest", "on-hold")]
    public void Read_AMedicineCodedOnlyInNdc_IsNamedBesideEveryMedicineQuestion_WithItsSystemAndCode(string type, string status)
    {
        var reading = Fhir.Read(Fhir.Patient(), Coded(type, "m1", status, "oxycodone 5 mg", (Ndc, "12345-678-90", null)));

        AssertNamedBesideEveryMedicineQuestion(reading, ChartCheckKind.MedicineCodeNotRead, $"{type}/m1", "oxycodone 5 mg (NDC 12345-678-90)");
    }

    [Theory]
    [InlineData(Fhir.Snomed, "000000001", "SNOMED CT 000000001")]
    [InlineData(LocalSystem, "OXY5", LocalSystem + " OXY5")]
    [InlineData(null, "OXY5", "OXY5")]
    public void Read_AMedicineCodedInASnomedLocalOrNoSystem_IsNamed_WithTheSystemAsTheChartSendsIt(string? system, string code, string named)
    {
        var reading = Fhir.Read(Fhir.Patient(), Coded("MedicationStatement", "m1", "active", null, (system, code, "oxycodone 5 mg")));

        AssertNamedBesideEveryMedicineQuestion(reading, ChartCheckKind.MedicineCodeNotRead, "MedicationStatement/m1", $"oxycodone 5 mg ({named})");
    }

    [Fact]
    public void Read_AMedicineCodedInSeveralSystemsNoneRead_NamesEachCode()
    {
        var reading = Fhir.Read(Fhir.Patient(), Coded("MedicationRequest", "m1", "active", "Oxycodone 5 mg tablet", (Ndc, "12345-678-90", null), (Fhir.Snomed, "000000001", null)));

        AssertNamed(reading, "onOpioids", ChartCheckKind.MedicineCodeNotRead, "MedicationRequest/m1");
        Assert.All(reading.ToCheck, c => Assert.Equal("Oxycodone 5 mg tablet (NDC 12345-678-90, SNOMED CT 000000001)", c.What));
    }

    /// <summary>The chart's words for an entry, shortened to the limit of 80 characters: starting, holding and ending as given.</summary>
    private static void AssertShortened(string what, string start, string within, string end)
    {
        Assert.StartsWith(start, what, StringComparison.Ordinal);
        Assert.Contains(within, what, StringComparison.Ordinal);
        Assert.EndsWith(end, what, StringComparison.Ordinal);
        Assert.InRange(what.Length, 1, 80);
    }

    [Fact]
    public void Read_AMedicineCodedInALongLocalSystem_KeepsItsWordsFirstAndItsCodeWhole_AndShortensTheSystem()
    {
        // A local system's URI filled the 80 characters a chart entry's words may take and cut the code itself off, so
        // an integrator could not find the entry in the chart by it. The middle of the URI gives way instead.
        const string LongSystem = "https://terminology.regional-health-network.example.org/fhir/CodeSystem/pharmacy-formulary-local-medications";
        var reading = Fhir.Read(Fhir.Patient(), Coded("MedicationStatement", "m1", "active", "oxycodone 5 mg", (LongSystem, "OXY-5MG-TAB-000123", null)));

        AssertNamed(reading, "onOpioids", ChartCheckKind.MedicineCodeNotRead, "MedicationStatement/m1");
        AssertShortened(Assert.Single(reading.ToCheck.Select(c => c.What).Distinct()), "oxycodone 5 mg (https://terminology.", "\u2026", "-local-medications OXY-5MG-TAB-000123)");
    }

    [Fact]
    public void Read_AMedicineWithLongWordsCodedInNdc_CutsItsWordsAndKeepsEveryCodeWhole()
    {
        const string Words = "oxycodone hydrochloride 5 mg immediate-release oral tablet, one every six hours as needed for pain";
        var reading = Fhir.Read(Fhir.Patient(), Coded("MedicationRequest", "m1", "active", Words, (Ndc, "12345-678-90", null), (LocalSystem, "OXY5", null)));

        AssertShortened(Assert.Single(reading.ToCheck.Select(c => c.What).Distinct()), "oxycodone hydrochloride 5 mg", "\u2026 (NDC 12345-678-90, http://", "/formulary OXY5)");
    }

    [Fact]
    public void Read_AConditionWithLongWords_KeepsItsCodeWhole()
    {
        // The same for a condition named to check: its words give way to its code.
        var condition = (Dictionary<string, object>)Fhir.Condition("c1", Fhir.Icd10Cm, "F11.20", verification: "provisional");
        condition["code"] = new
        {
            coding = new[] { new { system = Fhir.Icd10Cm, code = "F11.20" } },
            text = "Opioid dependence, uncomplicated, provisional pending the addiction service's assessment next month",
        };

        var reading = Fhir.Read(Fhir.Patient(), condition);

        AssertNamed(reading, "substanceUse", ChartCheckKind.Unconfirmed, "Condition/c1");
        AssertShortened(Assert.Single(reading.ToCheck, c => c.Field == "substanceUse").What, "Opioid dependence, uncomplicated", "\u2026", "\u2026 (F11.20)");
    }

    [Fact]
    public void Read_AMedicationResourceCodedOnlyInNdc_IsNamed()
    {
        var statement = Fhir.Json("""
            {"resourceType":"MedicationStatement","id":"m1","status":"active","subject":{"reference":"Patient/p1"},
             "medicationReference":{"reference":"#med"},
             "contained":[{"resourceType":"Medication","id":"med","code":{"coding":[{"system":"http://hl7.org/fhir/sid/ndc","code":"12345-678-90","display":"naltrexone 50 mg"}]}}]}
            """);

        var reading = Fhir.Read(Fhir.Patient(), statement);

        AssertNamed(reading, "onNaltrexone", ChartCheckKind.MedicineCodeNotRead, "MedicationStatement/m1");
        Assert.Contains(reading.ToCheck, c => c.What == "naltrexone 50 mg (NDC 12345-678-90)");
    }

    [Fact]
    public void Read_AMedicineWithAnRxNormCodeInNoValueSetBesideAnNdcCode_IsNamedOnceForEachQuestion_WithBothCodes()
    {
        // QA281 F4: RxNorm is a system the medication value sets use, but a code in it that none holds may still be a
        // medicine a question asks about (an ingredient-level oxycodone code): named, with every code it carries. Before,
        // it was read as no question's medicine (an amoxicillin, an amlodipine) and named nowhere.
        var reading = Fhir.Read(Fhir.Patient(), Coded("MedicationStatement", "m1", "active", "amlodipine 5 mg", (Fhir.RxNorm, "197361", null), (Ndc, "12345-678-90", null)));

        Assert.Equal(MedicineQuestions.Length, reading.ToCheck.Count);
        Assert.All(reading.ToCheck, c => Assert.Equal("amlodipine 5 mg (RxNorm 197361, NDC 12345-678-90)", c.What));
        Assert.DoesNotContain(reading.Values.Keys, MedicineQuestions.Contains);
    }

    [Fact]
    public void Read_AMedicineWithAListedRxNormCodeBesideAnUnlistedOne_IsReadByTheListedCode_AndNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Coded("MedicationStatement", "m1", "active", "hydrocodone", (Fhir.RxNorm, Hydrocodone, null), (Fhir.RxNorm, "7804", null)));

        Assert.Equal(true, reading.Values["onOpioids"]);
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void Read_ACodeInEverySystemAMedicationValueSetUses_IsNotNamed_AndAnyOtherSystemIs()
    {
        // The systems the reader reads are the medication value sets' own: a code in one of them is read by its code.
        var systems = KetamineCds.Fhir.ValueSets.ValueSetCatalogue.All.Values.Where(v => v.Read.From == "medication")
            .SelectMany(v => v.Codes).Select(c => c.System).Distinct(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(systems);
        // QA281 F4: a code the value sets hold in that system (one no value set holds is named, above).
        foreach (var system in systems)
        {
            var listed = KetamineCds.Fhir.ValueSets.ValueSetCatalogue.All.Values.Where(v => v.Read.From == "medication").SelectMany(v => v.Codes).First(c => c.System == system && c.Code is not null).Code!;
            Assert.Empty(Fhir.Read(Fhir.Patient(), Coded("MedicationStatement", "m1", "active", "a medicine", (system, listed, null))).ToCheck);
        }

        // The same system spelled otherwise (with a trailing slash) is not one the value sets use: no entry can match it.
        var reading = Fhir.Read(Fhir.Patient(), Coded("MedicationStatement", "m1", "active", "a medicine", (systems[0] + "/", "0", null)));
        AssertNamed(reading, "onOpioids", ChartCheckKind.MedicineCodeNotRead, "MedicationStatement/m1");
    }
}
