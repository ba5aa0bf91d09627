using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA318: the audit lists printed stand alone. The decision log, the access log and the impact analysis, printed (print
/// media), open with when, by whom and with which filter the list was produced and how much of what matches it shows,
/// while the filter's form, said there in words, is left off the paper (screenshots 176). The audit screening page lists
/// what the entry leaves blank in words above its input's JSON, in English and Chinese (screenshots 177).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class AuditListPrintedContextBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AuditLists_Printed_SayWhenByWhomWithWhichFilterAndHowMuch_AndLeaveTheFormOff()
    {
        var patient = "MRN-LIST-PRINTED-" + Guid.NewGuid().ToString("N")[..6];
        var log = browser.App.Services.GetRequiredService<IDecisionLog>();
        for (var i = 0; i < 3; i++)
        {
            await log.RecordScreeningAsync(Screenings.Submit(patient));
        }

        var auditor = await browser.SignedInPageAsync("auditor@demo.local");
        await auditor.GotoAsync($"/Audit?patient={patient}");
        var context = auditor.Locator("#list-context");
        await Assertions.Expect(auditor.Locator("#list-produced")).ToHaveTextAsync(ProducedByTheAuditor());
        await Assertions.Expect(auditor.Locator("#list-filter")).ToHaveTextAsync($"Filter: Patient reference: {patient}.");
        await Assertions.Expect(auditor.Locator("#list-shown")).ToHaveTextAsync("All 3 matching entries are shown.");
        // On screen the form stays, above the line that names its filter.
        await Assertions.Expect(auditor.Locator("form.audit-filter")).ToBeVisibleAsync();
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(auditor));

        await auditor.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(context).ToBeVisibleAsync();
        await Assertions.Expect(auditor.Locator("form.audit-filter")).ToBeHiddenAsync();
        await Assertions.Expect(auditor.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await browser.ScreenshotAsync(auditor, "176-audit-list-printed");

        await auditor.GotoAsync("/Audit/Access?who=auditor@demo.local&kind=view-screening");
        await Assertions.Expect(auditor.Locator("#list-produced")).ToHaveTextAsync(ProducedByTheAuditor());
        await Assertions.Expect(auditor.Locator("#list-filter")).ToHaveTextAsync("Filter: Who (email, any letter case): auditor@demo.local; What happened: Viewed screenings (view-screening).");
        await Assertions.Expect(auditor.Locator("#list-shown")).ToHaveTextAsync(new Regex("^(All [0-9]+ matching access events are shown|The one matching access event is shown|Access events 1 to 50 of [0-9]+ matching are shown, newest first)\\.$"));
        await Assertions.Expect(auditor.Locator("form.audit-filter")).ToBeHiddenAsync();
        await browser.ScreenshotAsync(auditor, "176-audit-access-log-printed");

        await auditor.GotoAsync("/Audit/Impact?run=true&baseline=1.0.0");
        await Assertions.Expect(auditor.Locator("#list-produced")).ToHaveTextAsync(ProducedByTheAuditor());
        await Assertions.Expect(auditor.Locator("#list-filter")).ToContainTextAsync("No filter: all entries. Rule set analysed: ");
        await Assertions.Expect(auditor.Locator("#list-filter")).ToContainTextAsync("Compare against: rule set 1.0.0.");
        await Assertions.Expect(auditor.Locator("#list-shown")).ToHaveTextAsync(new Regex("screenings? whose verdict would change (is|are) listed\\.$"));
        await Assertions.Expect(auditor.Locator("form.audit-filter")).ToBeHiddenAsync();
        await browser.ScreenshotAsync(auditor, "176-audit-impact-printed");
        await auditor.Context.CloseAsync();

        var chinese = await browser.SignedInPageAsync("auditor@demo.local", "zh-CN");
        await chinese.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await chinese.GotoAsync($"/Audit?patient={patient}");
        await Assertions.Expect(chinese.Locator("#list-filter")).ToHaveTextAsync($"筛选条件：患者编号：{patient}。");
        await Assertions.Expect(chinese.Locator("#list-shown")).ToHaveTextAsync("显示全部 3 条符合条件的条目。");
        await browser.ScreenshotAsync(chinese, "176-audit-list-printed-zh");
        await chinese.Context.CloseAsync();
    }

    [Fact]
    public async Task AuditScreening_ListsWhatTheEntryLeavesBlankAboveItsJson_InEnglishAndChinese()
    {
        var clinician = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await clinician.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(clinician, "MRN-AUDIT-BLANKS-" + Guid.NewGuid().ToString("N")[..6]);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(clinician, new Regex("/Screenings/[0-9a-f-]{36}$"));
        var screening = clinician.Url[^36..];
        await clinician.Context.CloseAsync();

        var auditor = await browser.SignedInPageAsync("auditor@demo.local");
        await auditor.GotoAsync($"/Audit/Screening/{screening}");
        var list = auditor.Locator("#input-not-recorded");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Heading, new() { Name = "Not recorded in this entry" })).ToBeVisibleAsync();
        // A yes/no never answered (left out of the JSON) and a choice not chosen (null in it), each by its label.
        await Assertions.Expect(list.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "aneurysmalVascularDisease" })).ToContainTextAsync("Aneurysmal vascular disease");
        await Assertions.Expect(list.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "hepaticImpairment" })).ToContainTextAsync("Hepatic impairment");
        await Assertions.Expect(list).Not.ToContainTextAsync("psychosis");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(auditor));
        await list.ScrollIntoViewIfNeededAsync();
        await auditor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "177-audit-screening-not-recorded-window.png") });
        await browser.ScreenshotAsync(auditor, "177-audit-screening-not-recorded");
        await auditor.Context.CloseAsync();

        var chinese = await browser.SignedInPageAsync("auditor@demo.local", "zh-CN");
        await chinese.GotoAsync($"/Audit/Screening/{screening}");
        await Assertions.Expect(chinese.GetByRole(AriaRole.Heading, new() { Name = "本条目中未记录" })).ToBeVisibleAsync();
        await Assertions.Expect(chinese.Locator("#input-not-recorded")).ToContainTextAsync("动脉瘤性血管疾病");
        await chinese.Locator("#input-not-recorded").ScrollIntoViewIfNeededAsync();
        await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "177-audit-screening-not-recorded-zh-window.png") });
        await chinese.Context.CloseAsync();
    }

    /// <summary>"Produced 2026-… UTC… by auditor@demo.local (Auditor).": the clinic's time to the second, with its offset.</summary>
    private static Regex ProducedByTheAuditor() => ProducedLine();

    [GeneratedRegex("^Produced [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC([+-][0-9]{2}:[0-9]{2})? by auditor@demo\\.local \\(Auditor\\)\\.$")]
    private static partial Regex ProducedLine();
}
