using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA13 H2, H3 and M4 on the CDS Hooks side (charts from the QA13 evidence, /tmp/qa13/cds/pv-*.json): a refuted
/// Condition leaves its question not recorded; a ketamine allergy in words, a provisional aneurysm and a confirmed
/// schizophrenia are named for the clinician to check on the card and beside the question on the form, never read as
/// yes or no, and keep an earlier screening's answer from filling the question. Answered in process.
/// </summary>
public sealed class ChartChecksHookTests
{
    /// <summary>The QA13 evidence's anaphylaxis to ketamine (pv-alg-only.json).</summary>
    private static JsonObject KetamineAllergy(string patient) => JsonNode.Parse($$"""
        {"resourceType": "AllergyIntolerance", "id": "alg1",
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active"}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed"}]},
         "type": "allergy", "category": ["medication"], "criticality": "high",
         "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "6130", "display": "ketamine"}], "text": "Ketamine"},
         "patient": {"reference": "Patient/{{patient}}"},
         "reaction": [{"manifestation": [{"coding": [{"system": "http://snomed.info/sct", "code": "39579001", "display": "Anaphylaxis"}]}]}]}
        """)!.AsObject();

    /// <summary>
    /// A moment earlier today (UTC) for a chart entry that must be "today's": five minutes ago, or midnight UTC when five
    /// minutes ago was still yesterday (a run in the first five minutes of a UTC day sent yesterday's blood pressure, which
    /// the chart checks rightly do not take as today's, and six tests failed).
    /// </summary>
    internal static DateTimeOffset EarlierToday()
    {
        var now = DateTimeOffset.UtcNow;
        var earlier = now.AddMinutes(-5);
        return earlier.UtcDateTime.Date == now.UtcDateTime.Date ? earlier : new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
    }

    /// <summary>A patient-view hook answered in process for <paramref name="patient"/>, its chart the <paramref name="resources"/> (also Phq9TotalProvesItem9HookTests).</summary>
    internal static async Task<IReadOnlyList<Card>> PatientViewAsync(KetamineCdsFactory factory, string patient, params JsonObject[] resources)
    {
        var entries = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r })]);
        var body = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = patient },
            ["prefetch"] = new JsonObject { ["chart"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries } },
        };
        var answering = factory.Services.GetRequiredService<CdsHookAnswering>();
        return await answering.AnswerAsync(
            CdsHookServices.Find("ketamine-screening-patient-view")!, new CdsHookCaller("https://ehr.test.example"),
            Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-chart-checks", CancellationToken.None);
    }

    private static string AllDetail(IReadOnlyList<Card> cards) => string.Join("\n\n", cards.Select(c => c.Summary + "\n" + c.Detail));

    /// <summary>The prefill the cards' link names, having asserted that it holds none of <paramref name="fields"/>.</summary>
    private static async Task<PrefillContent> AssertPrefillLacksAsync(KetamineCdsFactory factory, IReadOnlyList<Card> cards, params string[] fields)
    {
        var prefillId = new Uri(cards.SelectMany(c => c.Links ?? []).First().Url).Query.Split("prefill=")[1];
        var prefill = await factory.Services.GetRequiredService<KetamineCds.Infrastructure.CdsHooks.CdsHookStore>().FindPrefillAsync(prefillId, CancellationToken.None);
        var content = PrefillContent.Read(prefill!.InputJson);
        using var input = JsonDocument.Parse(content.InputJson);
        Assert.All(fields, field => Assert.False(input.RootElement.TryGetProperty(field, out _), $"the prefill holds {field}"));
        return content;
    }

    /// <summary>The intake form the cards link to, as the clinician opens it (also EarlierItem9BesideLaterPhq9HookTests).</summary>
    internal static async Task<string> FormAsync(KetamineCdsFactory factory, IReadOnlyList<Card> cards)
    {
        var url = cards.SelectMany(c => c.Links ?? []).First().Url;
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(url).PathAndQuery));
    }

    [Fact]
    public async Task PatientView_RefutedConditions_LeaveTheirQuestionsNotRecorded()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA13-REFUTED";
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var cards = await PatientViewAsync(
            factory,
            P,
            Patient(P),
            Condition("c-mdd", P, "F33.1"),
            Condition("c-aaa", P, "I71.40", "refuted"),
            Condition("c-ua", P, "I20.0", "refuted"),
            Condition("c-nstemi", P, "I21.4", "refuted", onset: today),
            Condition("c-ich", P, "I61.0", "refuted"));

        var detail = AllDetail(cards);
        foreach (var field in new[] { "aneurysmalVascularDisease", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke", "intracerebralHemorrhageHistory" })
        {
            Assert.Contains("- " + ClinicalText.Shared.FieldLabel(field), detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PatientView_KetamineAllergyInWords_IsNamedToCheck_AndAnEarlierNoDoesNotFillIt()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA13-ALLERGY";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(P).With("hypersensitivityToKetamine", false));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), KetamineAllergy(P));

        var detail = AllDetail(cards);
        // Coded RxNorm 6130 (ketamine) as well as worded: named by its code since QA120 F6.
        Assert.Contains("the chart holds an allergy record coded as ketamine or esketamine, “Ketamine (RxNorm 6130)” (AllergyIntolerance/alg1)", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/screenings?patientReference={P}");
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            if (item.TryGetProperty("rescreenOf", out var of) && of.ValueKind != JsonValueKind.Null)
            {
                Assert.False(item.GetProperty("input").TryGetProperty("hypersensitivityToKetamine", out var v) && v.ValueKind != JsonValueKind.Null, "the earlier No filled the field");
            }
        }

        var html = await FormAsync(factory, cards);
        Assert.Contains("The chart holds “Ketamine (RxNorm 6130)” (AllergyIntolerance/alg1), which the screening cannot read as an answer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ProvisionalAneurysm_IsNamedToCheck_OnTheCardAndTheForm()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA13-PROV";

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), Condition("c-ica", P, "I67.1", "provisional"));

        Assert.Contains(ClinicalText.Shared.FieldLabel("aneurysmalVascularDisease") + ": the chart holds “I67.1” (Condition/c-ica), not confirmed", AllDetail(cards), StringComparison.Ordinal);
        var html = await FormAsync(factory, cards);
        Assert.Contains("The chart holds “I67.1” (Condition/c-ica)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ConfirmedSchizophrenia_IsNamedToCheck_AndAnEarlierPsychosisNoneDoesNotFillIt()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA13-SCZ";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(P));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), Condition("c-scz", P, "F20.9"));

        var detail = AllDetail(cards);
        Assert.Contains(ClinicalText.Shared.FieldLabel("psychosis") + ": the chart holds a current diagnosis “F20.9” (Condition/c-scz)", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
    }

    /// <summary>A complete screening that answers every safety question no (QA13's psy-none.req.json): eligible on its own.</summary>
    internal static JsonObject CompleteNo(string patient)
    {
        var request = SampleRequests.Trd(patient);
        foreach (var (field, value) in new (string, JsonNode)[]
        {
            ("jurisdiction", "us"), ("oralAntidepressantClass", "ssri"), ("currentManiaOrMixedFeatures", false), ("breastfeeding", false),
            ("lifeLimitingIllness", false), ("chronicNeuropathicPain", false), ("onOpioids", false), ("opioidInducedHyperalgesia", false),
            ("onNaltrexone", false), ("benzodiazepineDiazepamEquivalentMg", 0), ("onPsychostimulantOrMaoi", false), ("substanceUse", "none"),
            ("otherCnsDepressants", false), ("aneurysmalVascularDisease", false), ("arteriovenousMalformation", false),
            ("intracerebralHemorrhageHistory", false), ("hypersensitivityToKetamine", false), ("seriousCardiovascularOrCerebrovascularCondition", false),
            ("recentMyocardialInfarctionOrStroke", false), ("hypertensiveEncephalopathyHistory", false), ("respiratoryDiseaseOrSleepApnea", false),
            ("cognitiveImpairment", false), ("urinaryTractSymptoms", false), ("hepaticImpairment", "none"), ("phq9Total", 18), ("phq9Item9", 0),
            ("otherCardiovascularOrCerebrovascularDisease", false),
        })
        {
            request[field] = value;
        }

        // A care or safety field added to the catalogue later is answered with its ordinary answer too (QA121 F4).
        return CompleteScreeningBodies.WithEveryItemRecorded(request);
    }

    /// <summary>The screenings KetamineCds completed from the chart (rescreens) do not carry the earlier answer for <paramref name="field"/>.</summary>
    private static async Task AssertNotCarriedAsync(HttpClient api, string patient, string field)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/screenings?patientReference={patient}");
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            if (item.TryGetProperty("rescreenOf", out var of) && of.ValueKind != JsonValueKind.Null)
            {
                Assert.False(item.GetProperty("input").TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null, $"the earlier answer filled {field}");
            }
        }
    }

    [Fact]
    public async Task PatientView_ProvisionalOpioidUseDisorder_IsNamedToCheck_AndAnEarlierNoneDoesNotFillIt()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H87-SUD";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", CompleteNo(P));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), Condition("c-oud", P, "F11.20", "provisional"));

        Assert.Contains(ClinicalText.Shared.FieldLabel("substanceUse") + ": the chart holds “F11.20” (Condition/c-oud), not confirmed", AllDetail(cards), StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        await AssertNotCarriedAsync(api, P, "substanceUse");
        var html = await FormAsync(factory, cards);
        Assert.Contains("The chart holds “F11.20” (Condition/c-oud), which the screening cannot read as an answer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_OnHoldOpioidUndatedInfarctionAndPreliminaryItem9_AreNamedToCheck_AndEarlierAnswersDoNotFillThem()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H87-KINDS";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", CompleteNo(P));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var opioid = JsonNode.Parse($$$"""
            {"resourceType": "MedicationRequest", "id": "m-hc", "status": "on-hold", "intent": "order",
             "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "1372265"}], "text": "Hydrocodone oral solution"},
             "subject": {"reference": "Patient/{{{P}}}"}}
            """)!.AsObject();
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var item9 = JsonNode.Parse($$$"""
            {"resourceType": "Observation", "id": "o-i9", "status": "preliminary",
             "code": {"coding": [{"system": "http://loinc.org", "code": "44260-8"}]}, "valueInteger": 2,
             "effectiveDateTime": "{{{now}}}", "subject": {"reference": "Patient/{{{P}}}"}}
            """)!.AsObject();

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), Condition("c-mi", P, "I21.4"), opioid, item9);

        var detail = AllDetail(cards);
        Assert.Contains(ClinicalText.Shared.FieldLabel("onOpioids") + ": the chart holds “Hydrocodone oral solution (1372265)” (MedicationRequest/m-hc), ordered or recorded but not as taken now", detail, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Shared.FieldLabel("recentMyocardialInfarctionOrStroke") + ": the chart holds “I21.4” (Condition/c-mi) without an onset date", detail, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Shared.FieldLabel("phq9Item9") + ": the chart holds “44260-8” (Observation/o-i9), a result that is not final", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        foreach (var field in new[] { "onOpioids", "recentMyocardialInfarctionOrStroke", "phq9Item9" })
        {
            await AssertNotCarriedAsync(api, P, field);
        }
    }

    [Theory]
    [InlineData(27, 0)]
    [InlineData(26, 1)]
    public async Task PatientView_Phq9TotalTooHighForItem9_IsNamedAsAContradiction_AndEarlierScoresDoNotFillThem(int total, int item9)
    {
        // QA157 F2: the other eight items score at most 24 together, so a chart's total of 27 beside an item 9 of 0 cannot
        // both be right, as an item 9 above the total cannot. Both were read (and SUI-008 never saw the 3 the total implies).
        using var factory = new KetamineCdsFactory();
        var p = $"MRN-QA157-{total}-{item9}";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", CompleteNo(p));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var now = EarlierToday().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        JsonObject Score(string id, string loinc, int value) => JsonNode.Parse($$$"""
            {"resourceType": "Observation", "id": "{{{id}}}", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "{{{loinc}}}"}]}, "valueInteger": {{{value}}},
             "effectiveDateTime": "{{{now}}}", "subject": {"reference": "Patient/{{{p}}}"}}
            """)!.AsObject();

        var cards = await PatientViewAsync(factory, p, Patient(p), Condition("c-mdd", p, "F33.1"), Score("tot", "44261-6", total), Score("i9", "44260-8", item9));

        var detail = AllDetail(cards);
        Assert.Contains($"PHQ-9 item 9: the chart gives “44260-8 = {item9}, ", detail, StringComparison.Ordinal);
        Assert.Contains("(Observation/i9), and another of its results named here contradicts it: PHQ-9 item 9 is too low for that PHQ-9 total score, whose other items score at most 24 together.", detail, StringComparison.Ordinal);
        Assert.Contains($"PHQ-9 total score: the chart gives “44261-6 = {total}, ", detail, StringComparison.Ordinal);
        Assert.Contains("(Observation/tot), and another of its results named here contradicts it: PHQ-9 item 9 is too low for that PHQ-9 total score", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be above", detail, StringComparison.Ordinal);
        foreach (var field in new[] { "phq9Total", "phq9Item9" })
        {
            await AssertNotCarriedAsync(api, p, field);
        }
    }

    [Fact]
    public async Task PatientView_Phq9TotalOutsideItsRange_IsNamedAsOutOfRange_CountedOnce()
    {
        // Helper 226: a total of 99 was named "in a form the screening cannot use" among units, absent values and words,
        // never as out of range. It is not recorded (the value is refused) and is named once: the summary counts one item
        // more than the same chart without a total, not two.
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H226-RANGE";
        var now = EarlierToday().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var total = JsonNode.Parse($$$"""
            {"resourceType": "Observation", "id": "tot", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "44261-6"}]}, "valueInteger": 99,
             "effectiveDateTime": "{{{now}}}", "subject": {"reference": "Patient/{{{P}}}"}}
            """)!.AsObject();

        var without = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"));
        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), total);

        var detail = AllDetail(cards);
        Assert.Contains("PHQ-9 total score: the chart's latest result is “44261-6” (Observation/tot), final, but its value is outside the range this question accepts (0 to 27), so it cannot be read as an answer.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("a unit the screening does not convert", detail, StringComparison.Ordinal);
        static int Count(IReadOnlyList<Card> answer) => int.Parse(
            System.Text.RegularExpressions.Regex.Match(Assert.Single(answer, c => c.Summary.StartsWith("Ketamine screening incomplete", StringComparison.Ordinal)).Summary, @"(\d+) items").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Count(without) + 1, Count(cards));
    }

    [Theory]
    [InlineData("1890-01-01", "Age in years: the chart's Patient record (Patient/MRN-QA284-AGE) gives a birth date (born in 1890) from which the age would be outside the range this question accepts (0 to 120 years), so no age is read from it.")]
    [InlineData("2090-01-01", "Age in years: the chart's Patient record (Patient/MRN-QA284-AGE) gives a birth date (born in 2090) that is after today, so it gives no age.")]
    public async Task PatientView_ABirthDateGivingNoAgeTheQuestionTakes_IsNamed_AndTheAgeIsNotFilled(string birthDate, string line)
    {
        // QA284 F2: a birth date in 1890 filled the form's age with 136, which the form then refused, and the card did not
        // list the age as missing; one in 2090 left it not recorded with no word why. The full birth date stays off the card.
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA284-AGE";
        var patient = Patient(P);
        patient["birthDate"] = birthDate;

        var cards = await PatientViewAsync(factory, P, patient, Condition("c-mdd", P, "F33.1"));

        var detail = AllDetail(cards);
        Assert.Contains(line, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(birthDate, detail, StringComparison.Ordinal);
        Assert.Contains("Age in years", Assert.Single(cards, c => c.Summary.StartsWith("Ketamine screening incomplete", StringComparison.Ordinal)).Detail, StringComparison.Ordinal);
        await AssertPrefillLacksAsync(factory, cards, "ageYears");
    }

    /// <summary>
    /// A MedicationStatement of <paramref name="patient"/>, its medicine in <paramref name="text"/> and coded in each of
    /// <paramref name="codings"/> (none: in words only).
    /// </summary>
    private static JsonObject MedicationStatement(string id, string patient, string status, string text, params (string System, string Code)[] codings)
    {
        var medicine = new JsonObject();
        if (codings.Length > 0)
        {
            medicine["coding"] = new JsonArray([.. codings.Select(c => (JsonNode)new JsonObject { ["system"] = c.System, ["code"] = c.Code })]);
        }

        medicine["text"] = text;
        return new JsonObject
        {
            ["resourceType"] = "MedicationStatement",
            ["id"] = id,
            ["status"] = status,
            ["medicationCodeableConcept"] = medicine,
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patient },
        };
    }

    /// <summary>
    /// The chart of <paramref name="patient"/>, screened earlier with every medicine answered no (<see cref="CompleteNo"/>),
    /// holds <paramref name="medicine"/>, which no value set reads: the cards name it once, as <paramref name="what"/>,
    /// beside every medicine question in the form's order, the answer is not eligible, and neither a completed screening
    /// nor the prefilled form carries the earlier "no" / "0" into those questions; the form names it beside them.
    /// </summary>
    private static async Task AssertNamedOnceBesideTheMedicineQuestionsAndNotFilledAsync(string patient, JsonObject medicine, string what, string why)
    {
        using var factory = new KetamineCdsFactory();
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", CompleteNo(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reference = "MedicationStatement/" + (string)medicine["id"]!;

        var cards = await PatientViewAsync(factory, patient, Patient(patient), Condition("c-mdd", patient, "F33.1"), medicine);

        var detail = AllDetail(cards);
        string[] medicines = ["onOralAntidepressant", "oralAntidepressantClass", "moodStabilizer", "onOpioids", "onNaltrexone", "onPsychostimulantOrMaoi", "otherCnsDepressants", "benzodiazepineDiazepamEquivalentMg"];
        // In the catalogue's order, as the form asks them.
        string[] questions = [.. KetamineCds.Domain.Screening.Fields.All.Select(f => f.Name).Where(medicines.Contains)];
        Assert.Equal(medicines.Length, questions.Length);
        var line = string.Join("; ", questions.Select(ClinicalText.Shared.FieldLabel))
            + $": the chart holds “{what}” ({reference}), {why}";
        Assert.Contains(line, detail, StringComparison.Ordinal);
        Assert.Single(cards, c => c.Detail.Contains($"({reference})", StringComparison.Ordinal));
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        foreach (var field in questions)
        {
            await AssertNotCarriedAsync(api, patient, field);
        }

        // The prefilled form does not carry the earlier "no" / "0" into these questions either.
        var content = await AssertPrefillLacksAsync(factory, cards, questions);

        Assert.NotNull(content.CarriedFrom);
        Assert.All(questions, field => Assert.DoesNotContain(field, content.Carried));
        Assert.All(questions, field => Assert.Contains(content.ToCheck, c => c.Field == field && c.Reference == reference));

        var html = await FormAsync(factory, cards);
        Assert.Contains($"The chart holds “{what}” ({reference}), which the screening cannot read as an answer", html, StringComparison.Ordinal);
    }

    /// <summary>The chart of <paramref name="patient"/> holds <paramref name="medicines"/>, none of which the cards name.</summary>
    private static async Task AssertNotNamedAsync(string patient, params JsonObject[] medicines)
    {
        using var factory = new KetamineCdsFactory();

        var cards = await PatientViewAsync(factory, patient, [Patient(patient), Condition("c-mdd", patient, "F33.1"), .. medicines]);

        var detail = AllDetail(cards);
        Assert.All(medicines, m => Assert.DoesNotContain((string)m["id"]!, detail, StringComparison.Ordinal));
    }

    private const string Ndc = "http://hl7.org/fhir/sid/ndc";

    [Fact]
    public Task PatientView_AMedicineRecordedOnlyInWords_IsNamedOnceBesideTheMedicineQuestions_AndEarlierNoAnswersDoNotFillThem() =>
        // A MedicationStatement whose medicine has only text was silently ignored: the clinician's earlier "no" to
        // naltrexone, opioids, MAOIs ... and "0" benzodiazepines filled the questions as if the chart agreed, and the
        // answer read eligible. The words are not matched against drug names: the clinician is told to check them.
        AssertNamedOnceBesideTheMedicineQuestionsAndNotFilledAsync(
            "MRN-H95-WORDS", MedicationStatement("ms-words", "MRN-H95-WORDS", "active", "Revia 50 mg daily"), "Revia 50 mg daily", "a medicine recorded only in words");

    [Fact]
    public Task PatientView_AStoppedMedicineRecordedOnlyInWords_IsNotNamed() =>
        AssertNotNamedAsync("MRN-H95-STOPPED", MedicationStatement("ms-stopped", "MRN-H95-STOPPED", "stopped", "Revia 50 mg daily"));

    [Fact]
    public Task PatientView_AMedicineCodedOnlyInNdc_IsNamedOnceWithItsCodeBesideTheMedicineQuestions_AndEarlierNoAnswersDoNotFillThem() =>
        // A MedicationStatement coded only in NDC (the medication value sets are RxNorm) was silently ignored, as one in
        // words was: the clinician's earlier "no" to opioids ... and "0" benzodiazepines filled the questions and the
        // answer read eligible while the chart held an opioid. The NDC code is a placeholder: the app does not read it.
        AssertNamedOnceBesideTheMedicineQuestionsAndNotFilledAsync(
            "MRN-H98-NDC",
            MedicationStatement("ms-ndc", "MRN-H98-NDC", "active", "oxycodone 5 mg", (Ndc, "12345-678-90")),
            "oxycodone 5 mg (NDC 12345-678-90)",
            "a medicine recorded with a code the screening does not read");

    [Fact]
    public Task PatientView_AnRxNormMedicineInNoValueSet_IsNamedOnceWithItsCodeBesideTheMedicineQuestions_AndEarlierNoAnswersDoNotFillThem() =>
        // QA281 F4: a code no medication value set holds was read as no medicine a question asks about and named nowhere;
        // oxycodone coded as the ingredient (RxNorm 7804) was dropped so. It is named as an NDC-coded medicine is.
        AssertNamedOnceBesideTheMedicineQuestionsAndNotFilledAsync(
            "MRN-H98-RXNORM",
            MedicationStatement("ms-oxy", "MRN-H98-RXNORM", "active", "oxycodone", ("http://www.nlm.nih.gov/research/umls/rxnorm", "7804")),
            "oxycodone (RxNorm 7804)",
            "a medicine coded in a system the screening reads (RxNorm), but with a code none of the screening's medicine lists holds");

    [Fact]
    public Task PatientView_AStoppedNdcMedicine_IsNotNamed() =>
        AssertNotNamedAsync(
            "MRN-H98-NDC-STOPPED",
            MedicationStatement("ms-ndc-stopped", "MRN-H98-NDC-STOPPED", "stopped", "oxycodone 5 mg", (Ndc, "12345-678-90")));

    [Fact]
    public void KetamineRxNormCodes_OfDraftOrdersAndOfAllergyRecords_AreTheSame()
    {
        // QA120 F6: an allergy coded with a code the order-sign hook reads as ketamine is named; the two lists must not drift.
        Assert.True(DraftOrders.RxNormCodes.SetEquals(KetamineCds.Fhir.KetamineNames.RxNormCodes));
        Assert.Equal(DraftOrders.RxNormSystem, KetamineCds.Fhir.KetamineNames.RxNormSystem);
    }

    [Fact]
    public void ChartChecks_AConditionNoValueSetReads_IsOneLineNamingTheConditionQuestions()
    {
        // QA120 F3: named beside every Condition question, shown once, as a medicine no value set reads is.
        string[] questions = ["primaryDiagnosis", "aneurysmalVascularDisease", "cognitiveImpairment"];
        var lines = CardTexts.ChartChecks([.. questions.Select(f => new KetamineCds.Fhir.ChartEntryToCheck(f, KetamineCds.Fhir.ChartCheckKind.ConditionCodeNotRead, "Condition/c-aaa", "Aortic aneurysm (http://hl7.org/fhir/sid/icd-10 I71.4)"))]);

        var line = Assert.Single(lines);
        Assert.StartsWith(string.Join("; ", questions.Select(ClinicalText.Shared.FieldLabel)) + ": the chart holds “Aortic aneurysm (http://hl7.org/fhir/sid/icd-10 I71.4)” (Condition/c-aaa), a condition recorded with no code the screening reads", line, StringComparison.Ordinal);
        Assert.EndsWith("Cites: P-SAFETY-REMS.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_AnOrderNotToGiveAnSsri_AndAStatementThatEnded_AreNamed_NotReadAsTakenNow()
    {
        // Helper 196: an active SSRI order with doNotPerform true, and an active SSRI statement whose effective period
        // ended in 2019, were each read as "on an oral antidepressant: yes" (the esketamine pathway requires one).
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H196-NOTNOW";
        var order = JsonNode.Parse($$$"""
            {"resourceType": "MedicationRequest", "id": "m-dnp", "status": "active", "intent": "order", "doNotPerform": true,
             "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "200371"}], "text": "Sertraline"},
             "subject": {"reference": "Patient/{{{P}}}"}}
            """)!.AsObject();
        var statement = JsonNode.Parse($$$"""
            {"resourceType": "MedicationStatement", "id": "s-ended", "status": "active",
             "effectivePeriod": {"start": "2018-01-01", "end": "2019-01-01"},
             "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "200371"}], "text": "Sertraline"},
             "subject": {"reference": "Patient/{{{P}}}"}}
            """)!.AsObject();

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), order, statement);

        var detail = AllDetail(cards);
        var label = ClinicalText.Shared.FieldLabel("onOralAntidepressant");
        Assert.Contains(label + ": the chart holds “Sertraline (200371)” (MedicationRequest/m-dnp), an active order not to give it (doNotPerform)", detail, StringComparison.Ordinal);
        Assert.Contains(label + ": the chart holds “Sertraline (200371)” (MedicationStatement/s-ended), recorded as taken, but dated as not taken now", detail, StringComparison.Ordinal);
        await AssertPrefillLacksAsync(factory, cards, "onOralAntidepressant");
    }

    [Theory]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ResultNotReadable, "its value cannot be read as an answer", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ResultTimeUnclear, "which is the latest cannot be told", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.NotCurrentMayStand, "A contraindication recorded as no longer current is not read as no (the safer reading)", "SPRAVATO-PI-US")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.AllergyCodedKetamine, "an allergy record coded as ketamine or esketamine", "SPRAVATO-PI-US")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ResultOlderThanPeriod, "answered pregnant, but it is older than the days this question reads", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ConditionNamesQuestion, "a confirmed diagnosis that bears on this question, but its code does not give the screening's answer", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.MedicineNotToBeGiven, "an active order not to give it (doNotPerform)", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.MedicineDatedNotNow, "recorded as taken, but dated as not taken now", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.SubjectNotShown, "the entry does not show that it is this patient's", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.OrderNotValidNow, "an active order whose prescription is not valid today", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.PatientDeceased, "records the patient as deceased", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.BirthDateGivesNoAge, "gives a birth date (born in 85354-9) that is after today, so it gives no age", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.VersionUnclear, "which copy is the latest cannot be told", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven, "a result that says when it was issued (the time shown) but not when it was taken", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "a result that does not say when it was taken, or not so that it can be placed within the days this question reads", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ResultBesideUntimed, "also a result for this item that does not say when it was taken (named here), which may be newer. Neither is read", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ResultBesideNewer, "the latest final result for this item, but also a later one (named here) that is not final", "P-SAFETY-REMS")]
    [InlineData(KetamineCds.Fhir.ChartCheckKind.ItemWithoutTotal, "the answer to one item of this questionnaire, taken within the days this question reads (the time shown), for which the chart gives no total", "P-SAFETY-REMS")]
    public void ChartCheck_TheNewKinds_SayWhyTheEntryIsNotAnAnswer_AndCite(KetamineCds.Fhir.ChartCheckKind kind, string why, string cites)
    {
        var line = CardTexts.ChartCheck(new KetamineCds.Fhir.ChartEntryToCheck("systolicBp", kind, "Observation/bp-1000", "85354-9"));

        Assert.Contains(why, line, StringComparison.Ordinal);
        Assert.Contains("(Observation/bp-1000)", line, StringComparison.Ordinal);
        Assert.EndsWith("Cites: " + cites + ".", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not confirmed (provisional", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// Helper 257 (QA 255): the not-readable line listed every cause there may be (units, "unknown", absent values, pairs);
    /// a blood pressure not read for its unit or comparator says which cause applied, with the unit as the chart gave it.
    /// </summary>
    [Theory]
    [InlineData("en", KetamineCds.Fhir.UnitFaultKind.NotRead, "kPa", "kPa", "its value is in the unit “kPa”, which the screening does not read: it reads blood pressure only in millimetres of mercury (UCUM mm[Hg]) and never converts another unit")]
    [InlineData("en", KetamineCds.Fhir.UnitFaultKind.Disagree, "mm[Hg]", "kPa", "its unit code “mm[Hg]” and its unit text “kPa” do not name the same unit, so which unit the value is in cannot be told")]
    [InlineData("en", KetamineCds.Fhir.UnitFaultKind.NoUnit, null, null, "its value gives no unit")]
    [InlineData("en", KetamineCds.Fhir.UnitFaultKind.Bound, "mm[Hg]", "mmHg", "its value is a bound (“>170”), not a measured value")]
    [InlineData("zh-Hans", KetamineCds.Fhir.UnitFaultKind.NotRead, "kPa", "kPa", "其数值的单位为“kPa”，筛查不读取该单位")]
    [InlineData("zh-Hans", KetamineCds.Fhir.UnitFaultKind.Disagree, "mm[Hg]", "kPa", "其单位代码“mm[Hg]”与单位文字“kPa”所指的单位不同")]
    public void ChartCheck_ABloodPressureNotReadForItsUnit_SaysWhichCauseApplied(string culture, KetamineCds.Fhir.UnitFaultKind kind, string? code, string? text, string cause)
    {
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        var entry = new KetamineCds.Fhir.ChartEntryToCheck("systolicBp", KetamineCds.Fhir.ChartCheckKind.ResultNotReadable, "Observation/bp", "85354-9")
        {
            Unit = new KetamineCds.Fhir.UnitFault(kind, code, text, kind == KetamineCds.Fhir.UnitFaultKind.Bound ? ">170" : null),
        };

        var line = CardTexts.ChartCheck(entry);

        Assert.Contains(cause, line, StringComparison.Ordinal);
        Assert.Contains("Observation/bp", line, StringComparison.Ordinal);
        Assert.Contains("P-SAFETY-REMS", line, StringComparison.Ordinal);
        Assert.DoesNotContain(culture == "en" ? "a unit the screening does not convert, such as kPa" : "筛查不换算的单位", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "its codes and words name different answers", "a unit the screening does not convert")]
    [InlineData("zh-Hans", "其代码与文字所指的答案不同", "筛查不换算的单位")]
    public void ChartCheck_AResultWhoseCodeAndWordsDisagree_SaysSo(string culture, string disagree, string otherReasons)
    {
        // Helper 200: the not-readable line listed units, "unknown", absent values and blood pressure pairs, never that
        // the code and the words name different answers, when that was why.
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        var entry = new KetamineCds.Fhir.ChartEntryToCheck("phq9Item9", KetamineCds.Fhir.ChartCheckKind.ResultNotReadable, "Observation/i9", "44260-8");

        var disagreeing = CardTexts.ChartCheck(entry with { AnswersDisagree = true });
        var other = CardTexts.ChartCheck(entry);

        Assert.Contains(disagree, disagreeing, StringComparison.Ordinal);
        Assert.Contains("Observation/i9", disagreeing, StringComparison.Ordinal);
        Assert.Contains("P-SAFETY-REMS", disagreeing, StringComparison.Ordinal);
        Assert.DoesNotContain(disagree, other, StringComparison.Ordinal);
        Assert.Contains(otherReasons, other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "phq9Total", "its value is outside the range this question accepts (0 to 27)", "a unit the screening does not convert")]
    [InlineData("en", "phq9Item9", "its value is outside the range this question accepts (0 to 3)", "a unit the screening does not convert")]
    [InlineData("zh-Hans", "phq9Total", "其数值超出此问题接受的范围（0 至 27）", "筛查不换算的单位")]
    [InlineData("en", "systolicBp", "its value is outside the range this question accepts (50 to 300 mmHg)", "a unit the screening does not convert")]
    [InlineData("zh-Hans", "diastolicBp", "其数值超出此问题接受的范围（20 至 200 mmHg）", "筛查不换算的单位")]
    public void ChartCheck_AResultOutsideItsRange_SaysSo_WithTheRange(string culture, string field, string outside, string otherReasons)
    {
        // Helper 226: a PHQ-9 total of 99 was named "cannot be read as an answer" among units, absent values and words,
        // never as out of range. The range is the field catalogue's.
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        var entry = new KetamineCds.Fhir.ChartEntryToCheck(field, KetamineCds.Fhir.ChartCheckKind.ResultNotReadable, "Observation/t", "44261-6");

        var outOfRange = CardTexts.ChartCheck(entry with { OutOfRange = true });
        var other = CardTexts.ChartCheck(entry);

        Assert.Contains(outside, outOfRange, StringComparison.Ordinal);
        Assert.Contains("Observation/t", outOfRange, StringComparison.Ordinal);
        Assert.Contains("P-SAFETY-REMS", outOfRange, StringComparison.Ordinal);
        Assert.DoesNotContain(otherReasons, outOfRange, StringComparison.Ordinal);
        Assert.DoesNotContain(outside, other, StringComparison.Ordinal);
        Assert.Contains(otherReasons, other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "It gives the same value as the result read for this item, so that value is read whichever of the two is newer")]
    [InlineData("en", KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven, "It gives the same value as the result read for this item, so that value is read whichever of the two is newer")]
    [InlineData("zh-Hans", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "它给出的数值与此项已读取的结果相同，因此无论两者哪一个更新，都读取该数值")]
    [InlineData("zh-Hans", KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven, "它给出的数值与此项已读取的结果相同，因此无论两者哪一个更新，都读取该数值")]
    public void ChartCheck_AResultWhoseTimeCannotBeTold_GivingTheValueRead_SaysTheValueReadStands(string culture, KetamineCds.Fhir.ChartCheckKind kind, string stands)
    {
        // Helper 209: such a result, final and giving the very value read, no longer leaves the field not recorded; its line
        // must not say that no result is read in its place.
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        var entry = new KetamineCds.Fhir.ChartEntryToCheck("phq9Item9", kind, "Observation/i9-untimed", "44260-8");

        var same = CardTexts.ChartCheck(entry with { SameValueAsRead = true });
        var other = CardTexts.ChartCheck(entry);

        Assert.Contains(stands, same, StringComparison.Ordinal);
        Assert.Contains("Observation/i9-untimed", same, StringComparison.Ordinal);
        Assert.Contains("P-SAFETY-REMS", same, StringComparison.Ordinal);
        Assert.DoesNotContain(stands, other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "Its time shows it was taken before the result read for this item, which is newer and is read", "a result that may be older is not read in its place")]
    [InlineData("en", KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven, "It was issued before the result read for this item was taken, so it was taken before it too: the newer result is read", "a result taken before it was issued is not read in its place")]
    [InlineData("zh-Hans", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "其时间表明它测得于此项已读取的结果之前，已读取的是较新的那个结果", "可能更早的结果不会代替它被读取")]
    [InlineData("zh-Hans", KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven, "它发布于此项已读取的结果测得之前，因此也测得于该结果之前：已读取的是较新的那个结果", "在其发布之前测得的结果不会代替它被读取")]
    public void ChartCheck_AResultWhoseTimeShowsItOlderThanTheValueRead_SaysTheNewerResultIsRead(string culture, KetamineCds.Fhir.ChartCheckKind kind, string read, string notRead)
    {
        // Helper 214: named beside the value read, its line still said that no result is read in its place.
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        var entry = new KetamineCds.Fhir.ChartEntryToCheck("phq9Item9", kind, "Observation/i9-older", "44260-8");

        var beside = CardTexts.ChartCheck(entry with { BesideValueRead = true });
        var other = CardTexts.ChartCheck(entry);

        Assert.Contains(read, beside, StringComparison.Ordinal);
        Assert.DoesNotContain(notRead, beside, StringComparison.Ordinal);
        Assert.Contains("Observation/i9-older", beside, StringComparison.Ordinal);
        Assert.Contains("P-SAFETY-REMS", beside, StringComparison.Ordinal);
        Assert.Contains(notRead, other, StringComparison.Ordinal);
        Assert.DoesNotContain(read, other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "; ", ": the chart holds “44260-8” (Observation/i9-untimed)")]
    [InlineData("zh-Hans", "；", "：病历中有“44260-8”（Observation/i9-untimed）")]
    public void ChartChecks_AnItem9NamedBesideItemNineAndTheTotalAlike_IsOneLineNamingBoth(string culture, string semicolon, string holds)
    {
        // Helper 214: one untimed item 9 was listed twice, once under each, as if the chart held two results.
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        var item9 = new KetamineCds.Fhir.ChartEntryToCheck("phq9Item9", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "Observation/i9-untimed", "44260-8") { Value = 3 };
        var total = new KetamineCds.Fhir.ChartEntryToCheck("phq9Total", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "Observation/i9-untimed", "44260-8");
        var other = new KetamineCds.Fhir.ChartEntryToCheck("phq9Total", KetamineCds.Fhir.ChartCheckKind.ResultBesideUntimed, "Observation/total", "44261-6");

        var lines = CardTexts.ChartChecks([total, other, item9]);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith(ClinicalText.Shared.FieldLabel("phq9Total") + semicolon + ClinicalText.Shared.FieldLabel("phq9Item9") + holds, lines[0], StringComparison.Ordinal);
        Assert.Contains("Observation/total", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ChartChecks_AnItem9SaidDifferentlyUnderItemNineAndTheTotal_KeepsALineForEach()
    {
        // Read beside item 9's value (it shows it was taken before it), but leaving the total not recorded.
        var item9 = new KetamineCds.Fhir.ChartEntryToCheck("phq9Item9", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "Observation/i9-untimed", "44260-8") { BesideValueRead = true };
        var total = new KetamineCds.Fhir.ChartEntryToCheck("phq9Total", KetamineCds.Fhir.ChartCheckKind.ResultUntimed, "Observation/i9-untimed", "44260-8");

        var lines = CardTexts.ChartChecks([item9, total]);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith(ClinicalText.Shared.FieldLabel("phq9Item9") + ": ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(ClinicalText.Shared.FieldLabel("phq9Total") + ": ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_AnUntimedItem9_IsOneLineNamingItemNineAndTheTotal()
    {
        // Helper 214: an item 9 that does not say when it was taken bears on both PHQ-9 questions; the card listed it twice.
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H214-ITEM9";
        var item9 = JsonNode.Parse($$$"""
            {"resourceType": "Observation", "id": "i9-untimed", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "44260-8"}]},
             "subject": {"reference": "Patient/{{{P}}}"}, "valueInteger": 2}
            """)!.AsObject();

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), item9);

        var detail = AllDetail(cards);
        // In the catalogue's order, as the chart entries are.
        var both = ClinicalText.Shared.FieldLabel("phq9Total") + "; " + ClinicalText.Shared.FieldLabel("phq9Item9") + ": the chart holds “44260-8” (Observation/i9-untimed)";
        Assert.Contains(both, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(ClinicalText.Shared.FieldLabel("phq9Item9") + ": the chart holds “44260-8”", detail.Replace(both, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        await AssertPrefillLacksAsync(factory, cards, "phq9Item9", "phq9Total");
    }

    [Theory]
    [InlineData("en", "Systolic", "“85354-9, 2026-11-28 09:00 UTC” (Observation/bp-issued), a result that says when it was issued (the time shown) but not when it was taken")]
    [InlineData("zh-Hans", "收缩压", "“85354-9, 2026-11-28 09:00 UTC”（Observation/bp-issued），该结果给出了发布时间（即所示时间），但未给出测得时间")]
    public void ChartCheck_AResultIssuedWithoutTheTimeItWasTaken_SaysSo(string culture, string label, string line)
    {
        // Helper 205: such a result was neither read nor named.
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        var entry = new KetamineCds.Fhir.ChartEntryToCheck("systolicBp", KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven, "Observation/bp-issued", "85354-9, 2026-11-28 09:00 UTC");

        var text = CardTexts.ChartCheck(entry);

        Assert.Contains(label, text, StringComparison.Ordinal);
        Assert.Contains(line, text, StringComparison.Ordinal);
        Assert.Contains("P-SAFETY-REMS", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Systolic blood pressure; Diastolic blood pressure: the chart holds “85354-9” (Observation/bp2), a result that is not final")]
    [InlineData("zh-Hans", "收缩压；舒张压：病历中有“85354-9”（Observation/bp2）")]
    public void ChartChecks_ABloodPressureNamedBesideBothItsValues_IsOneLineNamingBoth(string culture, string line)
    {
        // Helper 218: a blood pressure reading's systolic and diastolic are one entry; the card listed each such entry twice,
        // once under each value, as if the chart held two readings (as helper 214 found for an item 9 named beside the total).
        using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
        KetamineCds.Fhir.ChartEntryToCheck[] entries =
        [
            new("systolicBp", KetamineCds.Fhir.ChartCheckKind.ResultNotFinal, "Observation/bp2", "85354-9"),
            new("systolicBp", KetamineCds.Fhir.ChartCheckKind.ResultBesideNewer, "Observation/bp1", "85354-9"),
            new("diastolicBp", KetamineCds.Fhir.ChartCheckKind.ResultNotFinal, "Observation/bp2", "85354-9"),
            new("diastolicBp", KetamineCds.Fhir.ChartCheckKind.ResultBesideNewer, "Observation/bp1", "85354-9"),
        ];

        var lines = CardTexts.ChartChecks(entries);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith(line, lines[0], StringComparison.Ordinal);
        Assert.Contains("Observation/bp1", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(ClinicalText.Shared.FieldLabel("systolicBp") + ClinicalText.Shared.Semicolon + ClinicalText.Shared.FieldLabel("diastolicBp"), lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ChartChecks_ABloodPressureHalfNamedAlone_KeepsItsOwnLine()
    {
        // A separate systolic Observation named beside the systolic only is not a diastolic entry.
        KetamineCds.Fhir.ChartEntryToCheck[] entries =
        [
            new("systolicBp", KetamineCds.Fhir.ChartCheckKind.ResultNotFinal, "Observation/sys", "8480-6"),
            new("diastolicBp", KetamineCds.Fhir.ChartCheckKind.ResultNotFinal, "Observation/dia", "8462-4"),
        ];

        var lines = CardTexts.ChartChecks(entries);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith(ClinicalText.Shared.FieldLabel("systolicBp") + ": ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(ClinicalText.Shared.FieldLabel("diastolicBp") + ": ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ABloodPressureIssuedTodayWithoutTheTimeItWasTaken_IsNamedOnTheCardAndTheForm_NotRead()
    {
        // Helper 205: a blood pressure of 190/115 issued today, with no effective time, vanished without a word.
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H205-ISSUED";
        var issued = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var pressure = JsonNode.Parse($$$"""
            {"resourceType": "Observation", "id": "bp-issued", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
             "subject": {"reference": "Patient/{{{P}}}"}, "issued": "{{{issued}}}",
             "component": [
               {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": 190, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
               {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": 115, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}
            """)!.AsObject();

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), pressure);

        var detail = AllDetail(cards);
        // One reading, one line naming both its values (helper 218).
        Assert.Contains(ClinicalText.Shared.FieldLabel("systolicBp") + "; " + ClinicalText.Shared.FieldLabel("diastolicBp") + ": the chart holds “85354-9, ", detail, StringComparison.Ordinal);
        Assert.Single(cards.SelectMany(c => c.Detail.Split('\n')), l => l.Contains("(Observation/bp-issued)", StringComparison.Ordinal));

        Assert.Contains("(Observation/bp-issued), a result that says when it was issued (the time shown) but not when it was taken", detail, StringComparison.Ordinal);
        await AssertPrefillLacksAsync(factory, cards, "systolicBp", "diastolicBp");
        var form = await FormAsync(factory, cards);
        Assert.Contains("Observation/bp-issued", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_ABloodPressureWithNoTimeAtAll_IsNamedOnTheCardAndTheForm_NotRead_NorTheOneTakenToday()
    {
        // Helper 207: a blood pressure of 190/115 with neither effective[x] nor issued vanished; today's 120/80 was read.
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H207-UNTIMED";
        var today = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        JsonObject Pressure(string id, int sys, int dia, string? effective) => JsonNode.Parse($$$"""
            {"resourceType": "Observation", "id": "{{{id}}}", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
             "subject": {"reference": "Patient/{{{P}}}"}{{{(effective is null ? "" : $", \"effectiveDateTime\": \"{effective}\"")}}},
             "component": [
               {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": {{{sys}}}, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
               {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": {{{dia}}}, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}
            """)!.AsObject();

        var cards = await PatientViewAsync(factory, P, Patient(P), Condition("c-mdd", P, "F33.1"), Pressure("bp-untimed", 190, 115, null), Pressure("bp-today", 120, 80, today));

        var detail = AllDetail(cards);
        Assert.Contains("“85354-9” (Observation/bp-untimed), a result that does not say when it was taken", detail, StringComparison.Ordinal);
        Assert.Contains("(Observation/bp-today), the latest result whose time taken is known, but also a result for this item that does not say when it was taken", detail, StringComparison.Ordinal);
        await AssertPrefillLacksAsync(factory, cards, "systolicBp", "diastolicBp");
        var form = await FormAsync(factory, cards);
        Assert.Contains("Observation/bp-untimed", form, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartCheck_EveryKindButUnconfirmed_HasItsOwnWords_InEnglishAndChinese()
    {
        // Helper 196: a kind the card texts do not map fell back to the "not confirmed (provisional ...)" words.
        foreach (var culture in new[] { "en", "zh-Hans" })
        {
            using var ui = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture(culture);
            var unconfirmed = CardTexts.ChartCheck(new KetamineCds.Fhir.ChartEntryToCheck("onOpioids", KetamineCds.Fhir.ChartCheckKind.Unconfirmed, "MedicationRequest/m1", "x"));
            foreach (var kind in Enum.GetValues<KetamineCds.Fhir.ChartCheckKind>().Where(k => k != KetamineCds.Fhir.ChartCheckKind.Unconfirmed))
            {
                var line = CardTexts.ChartCheck(new KetamineCds.Fhir.ChartEntryToCheck("onOpioids", kind, "MedicationRequest/m1", "x") { Against = "phq9Total" });
                Assert.False(line == unconfirmed, $"{kind} ({culture}) reads as Unconfirmed: {line}");
            }
        }
    }

    [Fact]
    public void ChartChecks_InChinese_ListTheMedicineQuestionsWithTheChineseSemicolon()
    {
        // The questions a medicine no value set reads is named beside were joined with "; " in every language.
        using var chinese = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture("zh-Hans");
        string[] questions = ["onOpioids", "onNaltrexone", "benzodiazepineDiazepamEquivalentMg"];
        foreach (var kind in new[] { KetamineCds.Fhir.ChartCheckKind.MedicineInWordsOnly, KetamineCds.Fhir.ChartCheckKind.MedicineCodeNotRead })
        {
            var lines = CardTexts.ChartChecks([.. questions.Select(f => new KetamineCds.Fhir.ChartEntryToCheck(f, kind, "MedicationStatement/m1", "oxycodone 5 mg (NDC 12345-678-90)"))]);

            var line = Assert.Single(lines);
            Assert.StartsWith(string.Join("；", questions.Select(ClinicalText.Shared.FieldLabel)) + "：病历中有“oxycodone 5 mg (NDC 12345-678-90)”（MedicationStatement/m1）", line, StringComparison.Ordinal);
            Assert.DoesNotContain("; ", line, StringComparison.Ordinal);
        }
    }
}
