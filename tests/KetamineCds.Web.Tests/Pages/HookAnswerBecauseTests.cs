using System.Net;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The EHR answer's audit page shows each contraindication's "because" as the result page shows a finding's
/// (<see cref="Display.Inputs(Finding, PatientHistory)"/>): a question the form does not ask of the answers the rules read,
/// not recorded, is left out of the line, and named after it as the screening's trace names it, so that every input the
/// rule read is still on the page (helper-286 item 1: the page listed them all, "Not recorded" for a question never asked).
/// A question the form asks and that was not recorded stays in the line. English and Chinese.
/// </summary>
public sealed class HookAnswerBecauseTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string IntentLabel = "Some intent to act on the thoughts";

    private static readonly Evidence IntentNotRecorded = new("suicidalIntent", WireNames.NotRecorded);

    /// <summary>A chart with an aortic aneurysm (VAS-001) and the given suicidality, suicidal intent not recorded.</summary>
    private static PatientHistory Chart(string suicidality)
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.Suicidality] = suicidality;
        request[Fields.PreparatoryActsOrAbortedAttempt] = false;
        request[Fields.AneurysmalVascularDisease] = true;
        return request.ToHistory();
    }

    /// <summary>
    /// Logs a hook answer whose VAS-001 names suicidal intent as not recorded beside what the engine names (as 1.9.0 to
    /// 1.21.0 stored SUI-014's; no current contraindication does, so the stored list is written here as such a rule set
    /// would store it), with the inputs its rules read, or without them as entries logged before they were kept.
    /// </summary>
    private async Task<Guid> RecordAsync(PatientHistory chart, bool inputsKept)
    {
        var vas = Assert.Single(ScreeningEngine.Evaluate(chart).Findings, f => f.RuleId == "VAS-001");
        var patient = "MRN-BECAUSE-" + Guid.NewGuid().ToString("N")[..8];
        var origin = new HookOrigin("https://ehr.example", "Practitioner/1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}");
        var submission = new HookAnswerSubmission(patient, ["failedAdequateTrials"], new Actor("Practitioner/1", "Practitioner/1", "EhrUser"), "corr-because", origin)
        {
            RuleSet = RuleSetCatalog.Current.Identity,
            Contraindications = [vas with { Because = [.. vas.Because, IntentNotRecorded] }],
            Inputs = inputsKept ? new HookAnswerInputs(chart with { PatientReference = patient }, []) : null,
        };
        return (await factory.Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(submission)).Id;
    }

    private async Task<(string Line, string Note, string Page)> BecauseAsync(Guid id, string language)
    {
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var response = await CultureSelectionTests.GetAsync(auditor, $"/Audit/HookAnswer/{id}", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var because = page.Split("<span class=\"because\">")[1];
        because = because[..because.IndexOf("</li>", StringComparison.Ordinal)];
        var note = because.IndexOf("class=\"audit-note trace-unasked\"", StringComparison.Ordinal);
        return note < 0 ? (because, "", page) : (because[..note], because[note..], page);
    }

    [Fact]
    public async Task HookAnswerPage_PassiveIdeation_LeavesTheUnaskedIntentOutOfTheLineAndNamesItAfter()
    {
        var id = await RecordAsync(Chart("passive-ideation"), inputsKept: true);

        var (line, note, page) = await BecauseAsync(id, "en");

        Assert.Contains("Aneurysmal vascular disease", line, StringComparison.Ordinal);
        Assert.DoesNotContain(IntentLabel, line, StringComparison.Ordinal);
        Assert.Contains(
            $"The stored record also names {IntentLabel}: Not recorded, a question the form does not ask with these answers: left out here, as on the result page.",
            note, StringComparison.Ordinal);
        // The stored entry shown below is the record, exact: it still names the intent.
        var stored = page[page.IndexOf("aria-label=\"Stored entry\"", StringComparison.Ordinal)..];
        Assert.Contains("\"suicidalIntent\"", stored[..stored.IndexOf("</pre>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HookAnswerPage_PassiveIdeationInChinese_NamesTheLeftOutQuestionInChinese()
    {
        var id = await RecordAsync(Chart("passive-ideation"), inputsKept: true);

        var (line, note, _) = await BecauseAsync(id, "zh-CN");

        Assert.DoesNotContain("未记录", line, StringComparison.Ordinal);
        Assert.Contains("未记录", note, StringComparison.Ordinal);
        Assert.DoesNotContain("The stored record", note, StringComparison.Ordinal);
        Assert.DoesNotContain(IntentLabel, note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HookAnswerPage_ActiveIdeation_KeepsTheIntentTheFormAsksInTheLine()
    {
        var id = await RecordAsync(Chart("active-ideation"), inputsKept: true);

        var (line, note, _) = await BecauseAsync(id, "en");

        Assert.Contains($"{IntentLabel}: Not recorded", line, StringComparison.Ordinal);
        Assert.Equal("", note);
    }

    [Fact]
    public async Task HookAnswerPage_EntryThatKeptNoInputs_ShowsEveryInputAsStored()
    {
        // Without the answers the rules read, the page cannot tell what the form asks: it leaves nothing out.
        var id = await RecordAsync(Chart("passive-ideation"), inputsKept: false);

        var (line, note, _) = await BecauseAsync(id, "en");

        Assert.Contains($"{IntentLabel}: Not recorded", line, StringComparison.Ordinal);
        Assert.Equal("", note);
    }

    [Fact]
    public void AnswersRead_PlaceholderField_IsNotRecordedNeverTheValueThatStoodIn()
    {
        var chart = Chart("active-ideation");
        var inputs = new HookAnswerInputs(chart, [Fields.Suicidality.Name]);

        Assert.Null(inputs.ContractValueOf(Fields.Suicidality.Name));
        Assert.Equal(true, inputs.ContractValueOf(Fields.AneurysmalVascularDisease.Name));
        // So the form's questions are decided as for answers without it: suicidal intent is not asked.
        Assert.True(Fields.SuicidalIntent.IsAskedOf(chart));
        Assert.False(Fields.SuicidalIntent.IsAskedGiven(inputs.ContractValueOf));
        Assert.Equal([IntentNotRecorded], Display.LeftOut([IntentNotRecorded], inputs.ContractValueOf));
    }
}
