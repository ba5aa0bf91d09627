using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 242, rule set 1.20.0 (docs/clinical-review.md, section 32): what an EHR user reads on the CDS Hooks cards for the
/// suicidal-ideation pathway, over HTTP with the language asked in Accept-Language. The clinician's KetamineCds screening
/// gives the suicidality answers (the chart never grades ideation), the chart a Patient and an MDD.
/// </summary>
public sealed class SuicidalIdeationPathwayHookTests(ITestOutputHelper output) : IDisposable
{
    private const string Issuer = "https://ehr.suicidal-ideation-pathway.test";
    private readonly TestCdsClient _client = new(Issuer, "suicidal-ideation-pathway-key");

    public void Dispose() => _client.Dispose();

    /// <summary>The earlier screening: active ideation with the rest recorded no; passive ideation with recent behaviour blank; or none beside item 9 of 2 with the assessment blank.</summary>
    private static JsonObject Screening(string patient, string kind)
    {
        var body = ChartChecksHookTests.CompleteNo(patient);
        body["failedAdequateTrials"] = 0;
        body["distinctMechanisms"] = 0;
        switch (kind)
        {
            case "active":
                body["suicidality"] = "active-ideation";
                body["suicidalIntent"] = false;
                body["preparatoryActsOrAbortedAttempt"] = false;
                CompleteScreeningBodies.WithEveryItemRecorded(body);
                break;
            case "passive":
                body["suicidality"] = "passive-ideation";
                CompleteScreeningBodies.WithEveryItemRecorded(body);
                body.Remove("preparatoryActsOrAbortedAttempt");
                body.Remove("suicidalIntent");
                break;
            case "item9":
                body["phq9Item9"] = 2;
                CompleteScreeningBodies.WithEveryItemRecorded(body);
                body.Remove("suicideRiskAssessedAfterItem9");
                break;
            case "item9-not-done":
                body["phq9Item9"] = 2;
                CompleteScreeningBodies.WithEveryItemRecorded(body);
                body["suicideRiskAssessedAfterItem9"] = false;
                break;
        }

        return body;
    }

    /// <summary>The hook call: the chart a Patient and an MDD; on order-sign, a draft esketamine order.</summary>
    private static JsonObject HookBody(string hook, string patient)
    {
        var entries = new JsonArray(new JsonObject { ["resource"] = Patient(patient) }, new JsonObject { ["resource"] = Mdd(patient) });
        var context = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = patient };
        if (hook == "order-sign")
        {
            context["draftOrders"] = JsonNode.Parse("""
                {"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"MedicationRequest","id":"draft-1","status":"draft","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2201623","display":"esketamine Nasal Spray"}],"text":"Esketamine 28 mg nasal spray"},
                 "subject":{"reference":"Patient/PATIENT"}}}]}
                """.Replace("PATIENT", patient, StringComparison.Ordinal));
        }

        return new JsonObject
        {
            ["hook"] = hook,
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = context,
            ["prefetch"] = new JsonObject { ["chart"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries } },
        };
    }

    private async Task<JsonArray> CallAsync(KetamineCdsFactory factory, string hook, string patient, string language)
    {
        var path = "/cds-services/ketamine-screening-" + hook;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(HookBody(hook, patient).ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _client.Token(path));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await factory.CreateRawClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["cards"]!.AsArray();
    }

    /// <summary>
    /// SUI-016's line, as the result page's card names it, with its citations and rule (rule set 1.20.0; from 1.27.0 its summary
    /// also names the assessment after a positive item 9 recorded as not done, QA293 F2).
    /// </summary>
    private const string Sui016En = "- An answer that decides the esketamine pathway for acute suicidal ideation is not recorded, or the suicide-risk assessment after a positive PHQ-9 item 9 is not recorded as done: the pathway cannot yet be ruled out. Record recent suicidal behaviour after passive ideation; after a positive item 9, assess suicide risk and record it. (Cites: P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS, PHQ-9. Rule SUI-016.)";

    private const string Sui016Zh = "- 决定“艾司氯胺酮用于急性自杀意念”路径的某项回答未记录，或阳性的 PHQ-9 第 9 项之后的自杀风险评估未记录为已完成：此路径尚不能排除。有被动自杀意念时，请记录近期自杀行为；PHQ-9 第 9 项为阳性时，请评估自杀风险并记录。（依据：P-SUICIDALITY-APPROVAL、P-SUICIDALITY-RAPID、SPRAVATO-PI-US、SPRAVATO-SMPC-EU、C-SSRS、PHQ-9。规则 SUI-016。）";

    /// <summary>
    /// Passive ideation with recent suicidal behaviour not recorded, and "none" beside a positive item 9 with the assessment
    /// since not recorded (the earlier KetamineCds screening's answers, the chart an MDD): the incomplete card names the
    /// missing answer as one the suicidal-ideation pathway waits for, and, from helper 242, the rule that says why (SUI-016)
    /// with what it cites, as the result page shows it; before, the card named neither the rule nor its principles. SUI-001
    /// (the indication) is never named, and the blank answer is never read as no. Both hooks, en and zh-Hans (Accept-Language).
    /// </summary>
    [Theory]
    [InlineData("passive", "patient-view", "en")]
    [InlineData("passive", "order-sign", "en")]
    [InlineData("passive", "patient-view", "zh-Hans")]
    [InlineData("passive", "order-sign", "zh-Hans")]
    [InlineData("item9", "patient-view", "en")]
    [InlineData("item9", "order-sign", "zh-Hans")]
    public async Task AnswerDecidingThePathwayNotRecorded_TheIncompleteCardNamesSui016AndTheMissingAnswer_NeverSui001(string kind, string hook, string language)
    {
        var cards = await CardsAsync(kind, hook, language);

        var en = language == "en";
        var incomplete = Assert.Single(cards, c => c.Summary.StartsWith(en ? "Ketamine screening incomplete: " : "氯胺酮筛查不完整：", StringComparison.Ordinal));
        Assert.Equal(hook == "order-sign" ? "warning" : "info", incomplete.Indicator);
        Assert.Contains(en ? Sui016En : Sui016Zh, incomplete.Detail, StringComparison.Ordinal);
        var waiting = (kind, en) switch
        {
            ("passive", true) => "- Preparatory acts, or an aborted or interrupted attempt, within 3 months (waiting: esketamine suicidal ideation)",
            ("passive", false) => "- 3 个月内有准备行为，或中止、被中断的自杀尝试——等待中：艾司氯胺酮（自杀意念）。",
            (_, true) => "- Suicide risk assessed since this positive item 9 (waiting: esketamine suicidal ideation)",
            _ => "——等待中：艾司氯胺酮（自杀意念）。",
        };
        Assert.Contains(waiting, incomplete.Detail, StringComparison.Ordinal);
        // Named right under what the pathways wait for.
        Assert.True(incomplete.Detail.IndexOf(waiting, StringComparison.Ordinal) < incomplete.Detail.IndexOf(en ? Sui016En : Sui016Zh, StringComparison.Ordinal));

        var all = string.Join("\n\n", cards.Select(c => c.Summary + "\n" + c.Detail));
        // SUI-001 is the indication: it is not named while the pathway only cannot yet be ruled out, nor its 1.19.0 title.
        Assert.DoesNotContain(en ? "Rule SUI-001." : "规则 SUI-001。", all, StringComparison.Ordinal);
        Assert.DoesNotContain(en ? "the esketamine pathway for it is applicable" : "针对此情况的艾司氯胺酮路径可适用", all, StringComparison.Ordinal);
        Assert.DoesNotContain(en ? "the esketamine pathway for this indication applies" : "针对该适应证的艾司氯胺酮路径适用", all, StringComparison.Ordinal);
        // The blank answer is "not recorded", never "no".
        Assert.DoesNotMatch(en ? "within 3 months: No(?!t recorded)" : "自杀尝试：否", all);
        Assert.DoesNotMatch(en ? "Suicide risk assessed since this positive item 9: No(?!t recorded)" : "评估：否", all);
    }

    /// <summary>
    /// Active ideation, intent and recent behaviour answered no, the safety net complete: eligible with cautions for the
    /// suicidal-ideation pathway, whose card names SUI-001 with its plain title (1.20.0: the pathway applies; 1.23.0: it is
    /// applicable) and its citations, and nowhere SUI-016 or "cannot yet be ruled out" (1.19.0's SUI-001 title, "(or an answer that could still establish
    /// them is not recorded): … applies or cannot yet be ruled out", came back on this chart).
    /// </summary>
    [Theory]
    [InlineData("patient-view", "en")]
    [InlineData("order-sign", "en")]
    [InlineData("patient-view", "zh-Hans")]
    [InlineData("order-sign", "zh-Hans")]
    public async Task ActiveIdeation_TheEligibleCardNamesSui001AsTheIndicationThatApplies_NeverNotRuledOut(string hook, string language)
    {
        var cards = await CardsAsync("active", hook, language);

        var en = language == "en";
        var eligible = Assert.Single(cards, c => c.Summary == (en ? "Ketamine screening: eligible with cautions for esketamine suicidal ideation" : "氯胺酮筛查：符合以下路径（有注意事项）：艾司氯胺酮（自杀意念）"));
        Assert.Equal("info", eligible.Indicator);
        Assert.Contains(
            en
                ? "- Acute suicidal ideation or recent suicidal behaviour in major depression: the esketamine pathway for it is applicable. (Cites: P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS. Rule SUI-001.)\n"
                : "- 重度抑郁症中的急性自杀意念或近期自杀行为：针对此情况的艾司氯胺酮路径可适用。（依据：P-SUICIDALITY-APPROVAL、P-SUICIDALITY-RAPID、SPRAVATO-PI-US、SPRAVATO-SMPC-EU、C-SSRS。规则 SUI-001。）\n",
            eligible.Detail,
            StringComparison.Ordinal);
        var all = string.Join("\n\n", cards.Select(c => c.Summary + "\n" + c.Detail));
        Assert.DoesNotContain("SUI-016", all, StringComparison.Ordinal);
        Assert.DoesNotContain(en ? "cannot yet be ruled out" : "尚不能排除", all, StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith(en ? "Ketamine screening incomplete" : "氯胺酮筛查不完整", StringComparison.Ordinal));
    }

    /// <summary>
    /// Helper 306 (rule set 1.27.0): "none" beside item 9 of 2 with the suicide-risk assessment since recorded as not done
    /// ("No"), everything else recorded: the suicidal-ideation pathway waits for the assessment as for a blank. The incomplete
    /// card said "0 items are not recorded in the chart" and named nothing the pathway waits for; it now names the assessment
    /// under the result page's "Recorded as not done", with its answer, the pathway waiting and the completeness rule's
    /// citations, and its summary says an answer the pathways wait for is recorded as not done, never that it is not recorded.
    /// </summary>
    [Theory]
    [InlineData("patient-view", "en")]
    [InlineData("order-sign", "zh-Hans")]
    public async Task AssessmentRecordedNotDone_TheIncompleteCardNamesItAsRecordedNotDoneWithThePathwayWaiting(string hook, string language)
    {
        var cards = await CardsAsync("item9-not-done", hook, language);

        var en = language == "en";
        var incomplete = Assert.Single(cards, c => c.Summary.StartsWith(en ? "Ketamine screening incomplete" : "氯胺酮筛查不完整", StringComparison.Ordinal));
        Assert.Equal(en ? "Ketamine screening incomplete: 1 answer the pathways wait for is recorded as not done" : "氯胺酮筛查不完整：治疗路径等待的 1 项回答记录为未评估", incomplete.Summary);
        var section = incomplete.Detail[incomplete.Detail.IndexOf(en ? "**Recorded as not done:**" : "**记录为未评估：**", StringComparison.Ordinal)..];
        Assert.Contains(
            en
                ? "- Suicide risk assessed since this positive item 9: No, recorded as not done (waiting: esketamine suicidal ideation)"
                : "- 自此次第 9 项阳性以来已评估自杀风险：否，记录为未评估——等待中：艾司氯胺酮（自杀意念）。",
            section,
            StringComparison.Ordinal);
        Assert.Contains(en ? "The pathways wait for them as for a blank answer until they are recorded as done" : "在记录为已完成之前，各路径如同对待空白回答一样等待", section, StringComparison.Ordinal);
        // The completeness rule of the pathway waiting (REC-002) backs the list (P-SAFETY-REMS is the whole card's).
        Assert.Contains(en ? "Cites: P-SUICIDALITY-LIMIT, SPRAVATO-PI-US." : "依据：P-SUICIDALITY-LIMIT、SPRAVATO-PI-US。", section, StringComparison.Ordinal);
        // Recorded, so never listed as not recorded, nor counted as such.
        Assert.DoesNotContain(en ? "not recorded in the chart" : "项未记录", incomplete.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(en ? "**Must be answered before a pathway can open:**" : "**须先回答，治疗路径方可开放：**", incomplete.Detail, StringComparison.Ordinal);
    }

    /// <summary>The cards of <paramref name="hook"/> in <paramref name="language"/> for a patient screened in KetamineCds as <paramref name="kind"/> says, the chart a Patient and an MDD.</summary>
    private async Task<List<HookCard>> CardsAsync(string kind, string hook, string language)
    {
        using var factory = new KetamineCdsFactory { Settings = _client.Settings() };
        var patient = $"MRN-H242-{kind}-{hook}-{language}";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", Screening(patient, kind));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var cards = (await CallAsync(factory, hook, patient, language))
            .Select(c => new HookCard(c!["summary"]!.GetValue<string>(), c["indicator"]!.GetValue<string>(), c["detail"]!.GetValue<string>()))
            .ToList();
        output.WriteLine(string.Join("\n\n", cards.Select(c => c.Indicator + " | " + c.Summary + "\n" + c.Detail)));
        return cards;
    }

    private sealed record HookCard(string Summary, string Indicator, string Detail);
}
