using System.Text;
using System.Text.Json.Nodes;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA281 F2, F3 and F4 over the CDS Hooks answer, answered in process: a suicidal-ideation diagnosis (R45.851) named
/// beside Suicidality; a draft order coded only with an RxNorm code the service does not know answered "could not be
/// identified", never silence; an active medicine with an RxNorm code no medication value set holds (oxycodone or
/// naltrexone coded as the ingredient) named beside the medicine questions.
/// </summary>
public sealed class Qa281ChartNamingHookTests(ITestOutputHelper output)
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private static JsonObject Woman1990(string id)
    {
        var patient = Patient(id);
        patient["gender"] = "female";
        patient["birthDate"] = "1990-01-01";
        return patient;
    }

    private static JsonObject MedicationRequest(string id, string patient, string code, string? display)
    {
        var coding = new JsonObject { ["system"] = RxNorm, ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        return new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = id,
            ["status"] = "active",
            ["intent"] = "order",
            ["medicationCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(coding) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patient },
        };
    }

    private static async Task<IReadOnlyList<Card>> AnswerAsync(KetamineCdsFactory factory, string patient, JsonObject? draftOrder, params JsonObject[] resources)
    {
        var entries = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r })]);
        var context = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = patient };
        if (draftOrder is not null)
        {
            draftOrder["status"] = "draft";
            context["draftOrders"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray(new JsonObject { ["resource"] = draftOrder }) };
        }

        var body = new JsonObject
        {
            ["hook"] = draftOrder is null ? "patient-view" : "order-sign",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = context,
            ["prefetch"] = new JsonObject { ["chart"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries } },
        };
        var answering = factory.Services.GetRequiredService<CdsHookAnswering>();
        return await answering.AnswerAsync(
            CdsHookServices.Find(draftOrder is null ? "ketamine-screening-patient-view" : "ketamine-screening-order-sign")!, new CdsHookCaller("https://ehr.test.example"),
            Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-qa281", CancellationToken.None);
    }

    /// <summary>
    /// F2: the card listed Suicidality as not recorded and named R45.851 nowhere, while a pregnancy code (Z33.1) was named
    /// "check it". The diagnosis is named beside Suicidality, once, asking for its level, never read as an answer.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task SuicidalIdeationInTheChart_IsNamedBesideSuicidality_AskingItsLevel(string language)
    {
        using var culture = new TranslationCompletenessTests.UiCulture(language);
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA281-F2";
        var cards = await AnswerAsync(factory, P, null, Woman1990(P), Condition("c-mdd", P, "F33.2"), Condition("c-si", P, "R45.851"));
        var all = AllDetail(cards, output);

        var label = ClinicalText.Shared.FieldLabel("suicidality");
        var line = Assert.Single(all.Split('\n'), l => l.Contains("Condition/c-si", StringComparison.Ordinal));
        Assert.StartsWith("- " + label + (language == "en" ? ": the chart holds “R45.851” (Condition/c-si)" : "：病历中有“R45.851”（Condition/c-si）"), line, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "record its level" : "记录其级别", line, StringComparison.Ordinal);
        // Named in place of its label: never also listed as a bare "not recorded" item.
        Assert.DoesNotContain("\n- " + label + "\n", all + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Detail.Contains("Rule SUI-007.", StringComparison.Ordinal));
    }

    /// <summary>
    /// F4: an active order for oxycodone or naltrexone coded as the ingredient (RxNorm 7804, 7243) left On opioids / On
    /// naltrexone "not recorded" and the order named nowhere. It is named, with its code, beside the medicine questions.
    /// </summary>
    [Theory]
    [InlineData("7804", "oxycodone", "en")]
    [InlineData("7243", "naltrexone", "en")]
    [InlineData("7804", "oxycodone", "zh-Hans")]
    public async Task AnIngredientCodedMedicineInTheChart_IsNamedBesideTheMedicineQuestions(string code, string words, string language)
    {
        using var culture = new TranslationCompletenessTests.UiCulture(language);
        using var factory = new KetamineCdsFactory();
        var patient = "MRN-QA281-F4-" + code;
        var cards = await AnswerAsync(factory, patient, null, Woman1990(patient), Condition("c-mdd", patient, "F33.2"), MedicationRequest("m-1", patient, code, words));
        var all = AllDetail(cards, output);

        var line = Assert.Single(all.Split('\n'), l => l.Contains("MedicationRequest/m-1", StringComparison.Ordinal));
        Assert.Contains($"{words} (RxNorm {code})", line, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Shared.FieldLabel("onOpioids"), line, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Shared.FieldLabel("onNaltrexone"), line, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "with a code none of the screening's medicine lists holds" : "不在筛查的任何药物清单中", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// F3: a draft order coded only with an RxNorm code outside the service's lists, with no words, was taken as "not
    /// ketamine" (200, no cards) beside an aneurysm; it may be ketamine, so it gets the "could not be identified" card, as an
    /// NDC-only order does. One coded with a code the service knows as another medicine (sertraline, in the antidepressant
    /// value set) still gets none, as does one named in words (amlodipine).
    /// </summary>
    [Fact]
    public async Task OrderSign_ADraftOrderWithAnUnknownRxNormCodeAndNoWords_IsCalledUnidentified()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA281-F3";
        var cards = await AnswerAsync(factory, P, MedicationRequest("draft-1", P, "2119306", null), Woman1990(P), Condition("c-aaa", P, "I71.4"));
        AllDetail(cards, output);

        var card = Assert.Single(cards);
        Assert.Equal("info", card.Indicator);
        Assert.Equal(CardTexts.UnidentifiedOrderSummary, card.Summary);
        Assert.Contains("`" + RxNorm + "|2119306`", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderSign_ADraftOrderWithAKnownNonKetamineRxNormCode_OrNamedInWords_GetsNoCards()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA281-F3-KNOWN";
        var sertraline = KetamineCds.Fhir.ValueSets.ValueSetCatalogue.Get("oral-antidepressants").Codes.First(c => c.System == RxNorm && c.Display.Contains("sertraline", StringComparison.OrdinalIgnoreCase)).Code!;

        Assert.Empty(await AnswerAsync(factory, P, MedicationRequest("draft-1", P, sertraline, null), Woman1990(P), Condition("c-aaa", P, "I71.4")));
        Assert.Empty(await AnswerAsync(factory, P, MedicationRequest("draft-2", P, "2119306", "amlodipine 5 MG Oral Tablet"), Woman1990(P), Condition("c-aaa", P, "I71.4")));
    }

    [Fact]
    public void Unidentified_AnRxNormCodeOutsideTheKnownLists_WithoutWords_IsListed_AKetamineOrListedCodeIsNot()
    {
        static KetamineCds.Fhir.OrderedMedication Order(string code, string? display = null) => new([new KetamineCds.Fhir.OrderedCoding(RxNorm, code, display)], null);

        Assert.Single(DraftOrders.Unidentified([Order("2119306")]));
        Assert.Empty(DraftOrders.Unidentified([Order("2119306", "amlodipine")]));
        Assert.Empty(DraftOrders.Unidentified([Order("6130")]));
        var listed = KetamineCds.Fhir.ValueSets.ValueSetCatalogue.Get("opioids").Codes.First(c => c.System == RxNorm).Code!;
        Assert.Empty(DraftOrders.Unidentified([Order(listed)]));
    }
}
