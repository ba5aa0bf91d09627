using System.Net;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA119 F4: the impact analysis counts the decision in force once. A screening that was later corrected is superseded by
/// its correction (the latest one, down a chain of corrections), so the two are one screening, not two; a re-screen is a
/// new screening of its own and both are counted. A changed row that is a correction names the screening it corrects,
/// and one a clinician overrode links its latest override.
/// </summary>
public sealed class ImpactCorrectionsTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private static readonly Actor Clinician = new("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist");

    [Fact]
    public async Task Analysis_ScreeningAndItsCorrection_CountedOnce_TheCorrectionInForce()
    {
        var reference = Reference("CORR");
        var before = await AnalyzeAsync();

        // Both decided under 1.0.0 ("eligible" for the eight answers); the current rule set makes each incomplete, so
        // both would be listed as changed if each were counted.
        var corrected = await RecordAsync(reference);
        var correction = await CorrectAsync(corrected, reference);
        var after = await AnalyzeAsync();

        Assert.Equal(before.Examined + 1, after.Examined);
        Assert.Equal(before.SupersededCount + 1, after.SupersededCount);
        Assert.DoesNotContain(after.Changes, c => c.Id == corrected);
        var change = Assert.Single(after.Changes, c => c.Id == correction);
        Assert.Equal(corrected, change.Corrects);
    }

    [Fact]
    public async Task Analysis_CorrectionOfACorrection_OnlyTheLatestCounted()
    {
        var reference = Reference("CHAIN");
        var before = await AnalyzeAsync();

        var first = await RecordAsync(reference);
        var second = await CorrectAsync(first, reference);
        var latest = await CorrectAsync(second, reference);
        var after = await AnalyzeAsync();

        Assert.Equal(before.Examined + 1, after.Examined);
        Assert.Equal(before.SupersededCount + 2, after.SupersededCount);
        Assert.Equal([latest], after.Changes.Where(c => c.PatientReference == reference).Select(c => c.Id));
    }

    [Fact]
    public async Task Analysis_ReScreen_IsANewScreening_BothCounted()
    {
        var reference = Reference("RESCREEN");
        var before = await AnalyzeAsync();

        var earlier = await RecordAsync(reference);
        var rescreen = await RecordAsync(reference, rescreenOf: earlier);
        var after = await AnalyzeAsync();

        Assert.Equal(before.Examined + 2, after.Examined);
        Assert.Equal(before.SupersededCount, after.SupersededCount);
        Assert.Equal([earlier, rescreen], after.Changes.Where(c => c.PatientReference == reference).Select(c => c.Id));
        Assert.All(after.Changes.Where(c => c.PatientReference == reference), c => Assert.Null(c.Corrects));
    }

    [Fact]
    public async Task Analysis_OverriddenScreening_NamesItsOverridesInOrder()
    {
        var reference = Reference("OVERRIDE");
        var id = await RecordAsync(reference);
        var first = await OverrideAsync(id);
        var second = await OverrideAsync(id);

        var after = await AnalyzeAsync();

        var change = Assert.Single(after.Changes, c => c.Id == id);
        Assert.Equal([first, second], change.Overrides);
    }

    [Fact]
    public async Task ImpactPage_MarksTheCorrectionAndTheOverride_WithLinks_AndSaysHowCorrectionsAreCounted()
    {
        var reference = Reference("PAGE");
        var corrected = await RecordAsync(reference);
        var correction = await CorrectAsync(corrected, reference);
        var overrideId = await OverrideAsync(correction);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Impact?run=true"));

        var note = Section(html, "id=\"impact-corrections\"", "</p>");
        Assert.Contains("A screening corrected later is superseded by its latest correction", note, StringComparison.Ordinal);
        Assert.Contains("a re-screen is a new screening", note, StringComparison.Ordinal);
        var row = Row(html, correction);
        Assert.Contains(reference, row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Audit/Screening/{corrected}\">", row, StringComparison.Ordinal);
        Assert.Contains("Correction of an earlier screening", row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Audit/Override/{overrideId}\">", row, StringComparison.Ordinal);
        Assert.Contains("Overridden by a clinician", row, StringComparison.Ordinal);
        // The corrected screening has no row of its own: it is linked from its correction's only.
        Assert.Single(html.Split($"href=\"/Audit/Screening/{corrected}\"").Skip(1));
    }

    [Fact]
    public async Task ImpactPage_InChinese_SaysHowCorrectionsAreCounted_AndMarksTheCorrection()
    {
        var reference = Reference("ZH");
        var corrected = await RecordAsync(reference);
        var correction = await CorrectAsync(corrected, reference);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var response = await CultureSelectionTests.GetAsync(auditor, "/Audit/Impact?run=true", "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("更正后的筛查由其最新的更正取代", Section(html, "id=\"impact-corrections\"", "</p>"), StringComparison.Ordinal);
        Assert.Contains("更正了一次较早的筛查", Row(html, correction), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "<th scope=\"col\">Recorded by</th>", "<th scope=\"col\">Clinician</th>", "<label for=\"filter-clinician\">Recorded by (email)</label>")]
    [InlineData("zh-CN", "<th scope=\"col\">记录人</th>", "<th scope=\"col\">临床医生</th>", "<label for=\"filter-clinician\">记录人（电子邮箱）</label>")]
    public async Task AuditListAndImpactPage_HeadTheRecordingAccountsEmailRecordedBy_AsThePrintAndResultPageDo(string language, string heading, string formerHeading, string filterLabel)
    {
        // The leftover: the decision log's list and the impact analysis headed the email of the account that recorded the
        // screening "Clinician", while the print and the result page say it was recorded by that account (which need not
        // be the treating clinician). The CSV export's "clinician" column is the export's contract and stays.
        var reference = Reference("HEAD");
        await RecordAsync(reference);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        foreach (var path in new[] { "/Audit?patient=" + reference, "/Audit/Impact?run=true" })
        {
            using var response = await CultureSelectionTests.GetAsync(auditor, path, language);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Contains(reference, html, StringComparison.Ordinal);
            Assert.Contains(heading, html, StringComparison.Ordinal);
            Assert.DoesNotContain(formerHeading, html, StringComparison.Ordinal);
        }

        // The list's filter on that column is labelled as the column is (its query name, clinician, is the export's too).
        using var list = await CultureSelectionTests.GetAsync(auditor, "/Audit", language);
        Assert.Contains(filterLabel, WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static string Reference(string kind) => $"MRN-IMPACT-{kind}-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private static string Section(string html, string start, string end)
    {
        var at = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{start} not on the page");
        var rest = html[at..];
        return rest[..rest.IndexOf(end, StringComparison.Ordinal)];
    }

    /// <summary>The changed screenings' row whose "Open" link opens <paramref name="id"/>.</summary>
    private static string Row(string html, Guid id)
    {
        var open = html.IndexOf($"href=\"/Audit/Screening/{id}\">Open<", StringComparison.Ordinal);
        if (open < 0)
        {
            open = html.IndexOf($"href=\"/Audit/Screening/{id}\">打开<", StringComparison.Ordinal);
        }

        Assert.True(open >= 0, $"no row opens {id}");
        var row = html[..open];
        row = row[row.LastIndexOf("<tr>", StringComparison.Ordinal)..];
        return row + html[open..html.IndexOf("</tr>", open, StringComparison.Ordinal)];
    }

    private Task<ImpactReport> AnalyzeAsync() =>
        factory.Services.GetRequiredService<IDecisionLogAudit>().AnalyzeImpactAsync(null, null, RuleSetCatalog.Current, null);

    private static ScreeningSubmission Submission(string reference)
    {
        var history = LoggedDirectly.RequiredAnswers(reference);
        return new ScreeningSubmission(
            history, JsonSerializer.Serialize(history, ContractJson.Options), ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_0_0), Clinician, "corr-" + reference);
    }

    private async Task<Guid> RecordAsync(string reference, Guid? rescreenOf = null) =>
        (await factory.Services.GetRequiredService<IDecisionLog>().RecordScreeningAsync(Submission(reference) with { RescreenOf = rescreenOf })).Id;

    private async Task<Guid> CorrectAsync(Guid corrects, string reference) =>
        (await factory.Services.GetRequiredService<IDecisionLog>().RecordCorrectionAsync(corrects, "The age was mistyped.", Submission(reference))).Id;

    private async Task<Guid> OverrideAsync(Guid decision) =>
        (await factory.Services.GetRequiredService<IDecisionLog>().RecordOverrideAsync(new OverrideSubmission(
            decision, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, KetamineCdsFactory.OverrideExplanation, Clinician, "corr-override"))).Id;
}
