using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// A finding's explanation ("Because ...") on the result page, the print and the cards never names a question the form
/// does not ask of this history as not recorded (QA walk, session 46: SUI-014 beside passive ideation read "Some intent to
/// act on the thoughts: Not recorded", an answer the form never asks), and still names every question it asks that was
/// not recorded. The API's <c>because</c>, the stored decision that a replay compares, keeps the engine's list whole.
/// </summary>
public sealed class FindingExplanationTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string IntentLabel = "Some intent to act on the thoughts";

    private static JsonObject Suicidality(string reference, string suicidality)
    {
        var request = CompleteScreeningBodies.RequiredAnswers(reference);
        request["suicidality"] = suicidality;
        request["safetyPlanInPlace"] = true;
        request["lethalMeansCounselled"] = true;
        request["followUpArranged"] = true;
        request["preparatoryActsOrAbortedAttempt"] = false;
        return request;
    }

    /// <summary>The same passive ideation as a history, for what is built without a request (the cards, the inputs shown).</summary>
    private static PatientHistory PassiveIdeation()
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.Suicidality] = "passive-ideation";
        request[Fields.SafetyPlanInPlace] = true;
        request[Fields.LethalMeansCounselled] = true;
        request[Fields.FollowUpArranged] = true;
        request[Fields.PreparatoryActsOrAbortedAttempt] = false;
        return request.ToHistory();
    }

    private async Task<(Guid Id, JsonElement Body)> CreateAsync(JsonObject request)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body);
    }

    private static JsonElement.ArrayEnumerator BecauseOf(JsonElement body, string ruleId) =>
        body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == ruleId).GetProperty("because").EnumerateArray();

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task ResultAndPrint_PassiveIdeation_Sui014ExplanationLeavesOutIntentTheFormNeverAsked(string page)
    {
        var (id, body) = await CreateAsync(Suicidality("MRN-EXPL-PASSIVE" + page.Replace("/", "-", StringComparison.Ordinal), "passive-ideation"));
        // From rule set 1.22.0 the stored decision names only what rules imminent risk out (helper 253): intent, never asked
        // beside passive ideation, is not in it. Older versions keep it for replay; the pages leave it out either way.
        Assert.DoesNotContain(BecauseOf(body, "SUI-014"), b => b.GetProperty("field").GetString() == "suicidalIntent");
        Assert.Contains(BecauseOf(body, "SUI-014"), b => b.GetProperty("field").GetString() == "preparatoryActsOrAbortedAttempt");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}{page}"));

        Assert.Contains("SUI-014", html, StringComparison.Ordinal);
        Assert.Contains("Passive ideation", html, StringComparison.Ordinal);
        Assert.DoesNotContain(IntentLabel, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Print")]
    public async Task ResultAndPrint_ActiveIdeationWithIntentBlank_ExplanationStillNamesIntentNotRecorded(string page)
    {
        // The edge: with active ideation the form asks intent, so a blank one stays "Not recorded" (never "no").
        var (id, body) = await CreateAsync(Suicidality("MRN-EXPL-ACTIVE" + page.Replace("/", "-", StringComparison.Ordinal), "active-ideation"));
        Assert.Contains(BecauseOf(body, "SUI-012"), b => b.GetProperty("field").GetString() == "suicidalIntent" && b.GetProperty("value").GetString() == "not recorded");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}{page}"));

        Assert.Contains(IntentLabel, html, StringComparison.Ordinal);
        if (page.Length == 0)
        {
            Assert.Contains(IntentLabel + ": Not recorded", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Inputs_PassiveIdeation_LeaveOutOnlyTheUnaskedQuestionNotRecorded()
    {
        var history = PassiveIdeation();
        // Rule set 1.21.0, the last whose SUI-014 stores intent beside passive ideation (replayed as stored): the pages
        // leave it out; from 1.22.0 the stored list no longer names it.
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_21_0);
        var sui014 = Assert.Single(assessment.Findings, f => f.RuleId == "SUI-014");

        Assert.Contains(sui014.Because, e => e.Field == "suicidalIntent");
        Assert.Equal([.. sui014.Because.Where(e => e.Field != "suicidalIntent")], Display.Inputs(sui014, history));
        // Every other finding keeps its list as it is, "not recorded" items of questions the form asks included.
        Assert.All(assessment.Findings.Where(f => f.RuleId != "SUI-014"), f => Assert.Same(f.Because, Display.Inputs(f, history)));
        Assert.Contains(assessment.Findings, f => Display.Inputs(f, history).Any(e => e.Value == WireNames.NotRecorded));
    }

    [Fact]
    public async Task AuditTrace_DecisionStoredUnder1_21_0WithPassiveIdeation_LeavesOutIntentAndSaysTheStoredRecordNamesIt()
    {
        // A decision 1.21.0 made: its stored SUI-014 names suicidal intent as not recorded beside passive ideation, a
        // question the form never asked. The auditor's trace shows the inputs as the result page does, and says the stored
        // record names it too; the stored output shown below it is the record, exact.
        var history = PassiveIdeation() with { PatientReference = "MRN-AUDIT-V121-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() };
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_21_0);
        Assert.Contains(Assert.Single(assessment.Findings, f => f.RuleId == "SUI-014").Because, e => e.Field == "suicidalIntent");
        var id = await LoggedDirectly.RecordAsync(factory, history, new KetamineCds.Infrastructure.DecisionLog.Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-audit-v121", assessment);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{id}"));

        var row = html[html.IndexOf("<th scope=\"row\" class=\"audit-tight\">SUI-014</th>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var because = row[row.IndexOf("class=\"trace-because\"", StringComparison.Ordinal)..];
        because = because[..because.IndexOf("</td>", StringComparison.Ordinal)];
        var note = because.IndexOf("class=\"audit-note trace-unasked\"", StringComparison.Ordinal);
        Assert.True(note > 0, because);
        // The inputs shown: the suicidality and what rules imminent risk out, never the intent the form did not ask.
        Assert.Contains("suicidality", because[..note], StringComparison.Ordinal);
        Assert.Contains("preparatory", because[..note], StringComparison.Ordinal);
        Assert.DoesNotContain("suicidalIntent", because[..note], StringComparison.Ordinal);
        Assert.Contains(
            "The stored record also names suicidalIntent = Not recorded, a question the form does not ask with these answers: left out here, as on the result page.",
            because[note..], StringComparison.Ordinal);
        // The stored output, as shown to the auditor, still holds it.
        var output = html[html.IndexOf("aria-label=\"Assessment JSON\"", StringComparison.Ordinal)..];
        Assert.Contains("suicidalIntent", output[..output.IndexOf("</pre>", StringComparison.Ordinal)], StringComparison.Ordinal);
        // A decision of the current rule set stores no such item, and its trace carries no such note.
        var current = await LoggedDirectly.RecordAsync(factory, history, new KetamineCds.Infrastructure.DecisionLog.Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-audit-current", ScreeningEngine.Evaluate(history, RuleSetCatalog.Current));
        Assert.DoesNotContain("trace-unasked", await auditor.GetStringAsync($"/Audit/Screening/{current}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Card_PassiveIdeation_Sui014ExplanationLeavesOutIntentTheFormNeverAsked()
    {
        var history = PassiveIdeation();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        var notRecorded = NotRecordedSummary.Of(assessment, history);

        var cards = new CardBuilder("http://localhost", orderSign: false) { History = history }.ForAssessment(assessment, notRecorded, null);

        var detail = string.Join("\n", cards.Select(c => c.Detail));
        Assert.Contains("SUI-014", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(IntentLabel, detail, StringComparison.Ordinal);
    }
}
