using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The eight-answer journey of issue 10 in headless Chromium: only the required answers, the live count of safety
/// questions not recorded, and a result that says Incomplete rather than Eligible.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnansweredSafetyCountTests(BrowserFixture browser)
{
    [Fact]
    public async Task Form_OnlyRequiredAnswers_CountsUnrecordedSafetyQuestionsLiveAndEndsIncomplete()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        var count = page.Locator("#safety-count-text");

        // No age yet: pregnancy is not asked; the server-rendered count is there before any answer. The life-limiting illness is
        // among the questions that could block a pathway (helper 310: the palliative pathway waits for it, REC-005, PAL-001).
        Assert.Contains("24 safety questions are not recorded (9 could block a pathway)", await count.InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.Locator("#pregnant-yes").IsVisibleAsync());

        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-BROWSER-EIGHT");
        await page.GetByLabel("Age in years").FillAsync("45");

        // Sex at birth not recorded, aged 45: the pregnancy question appears and is counted.
        Assert.True(await page.Locator("#pregnant-yes").IsVisibleAsync());
        Assert.Contains("25 safety questions are not recorded (10 could block a pathway)", await count.InnerTextAsync(), StringComparison.Ordinal);

        await BrowserFixture.FillTheRequiredClinicalAnswersAsync(page);

        // On an oral antidepressant under the US label: its class is not asked (only the EU label's rule reads it).
        Assert.False(await page.Locator("#oralAntidepressantClass").IsVisibleAsync());
        Assert.Contains("25 safety questions are not recorded (10 could block a pathway)", await count.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#jurisdiction").SelectOptionAsync("eu");
        Assert.True(await page.Locator("#oralAntidepressantClass").IsVisibleAsync());
        Assert.Contains("26 safety questions are not recorded (10 could block a pathway)", await count.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#jurisdiction").SelectOptionAsync("us");
        Assert.Contains("25 safety questions are not recorded (10 could block a pathway)", await count.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(25, await page.Locator("#safety-count-list li").CountAsync());
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Locator("#safety-count").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "02-new-screening-unanswered-count.png") });
        await browser.ScreenshotAsync(page, "01-new-screening-required-only");

        // "Not known" leaves the question not recorded; "No" answers it. The list's link goes to the control.
        await page.Locator("#aneurysmalVascularDisease-nr").CheckAsync();
        Assert.Contains("25 safety questions", await count.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#aneurysmalVascularDisease-no").CheckAsync();
        Assert.Contains("24 safety questions are not recorded (9 could block a pathway)", await count.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#safety-count-list a").Filter(new() { HasText = "Arteriovenous malformation" }).ClickAsync();
        Assert.EndsWith("#arteriovenousMalformation-yes", page.Url, StringComparison.Ordinal);
        // The link brings the question into view with its control, not the control alone at the window's top edge with
        // the question scrolled out of sight above it (QA session 48).
        await Assertions.Expect(page.Locator("#arteriovenousMalformation-yes")).ToBeFocusedAsync();
        var legendTop = await page.EvaluateAsync<double>("() => document.querySelector('#arteriovenousMalformation-group legend').getBoundingClientRect().top");
        Assert.True(legendTop >= 0, $"the question is {legendTop} px above the window");

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        // The redirect keeps the fragment of the link followed above.
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Screenings/[0-9a-f-]{36}(#.*)?$"));

        var id = Guid.Parse(new Uri(page.Url).AbsolutePath["/Screenings/".Length..]);
        var logged = await browser.App.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id);
        Assert.Equal(Verdict.Incomplete, logged!.Assessment.Overall);
        Assert.Null(logged.History.ArteriovenousMalformation);
        Assert.False(logged.History.AneurysmalVascularDisease);
        await browser.ScreenshotAsync(page, "02-result-incomplete");
        Assert.Contains("Incomplete", await page.Locator(".verdict h2").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.Context.CloseAsync();
    }
}
