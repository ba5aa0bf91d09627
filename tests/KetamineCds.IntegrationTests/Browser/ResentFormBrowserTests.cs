using System.Text.RegularExpressions;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA11 F6 in the browser: the New-screening form sent again as it was (a resent request, as a flaky network or a
/// proxy's retry would send it, which the button's double-click guard cannot catch) records one screening.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ResentFormBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(null, "MRN-RESENT-EN", "This form had already been submitted, so it was not saved again.", "resent-form-result")]
    [InlineData("zh-CN", "MRN-RESENT-ZH", "此表单此前已经提交，因此未再次保存。", "resent-form-result-zh")]
    public async Task NewScreening_SameFormSentThreeTimes_RecordsOneScreeningAndSaysSoOnItsResult(string? locale, string patient, string notice, string screenshot)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#patientReference").FillAsync(patient);
        await page.Locator("#ageYears").FillAsync("45");
        // By the controls' ids, which do not depend on the page's language.
        await page.Locator("#primaryDiagnosis").SelectOptionAsync("mdd");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.Locator("#failedAdequateTrials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-yes").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("none");

        // Two copies of the form's request sent at once from the page, with the same anti-forgery token (QA11's dbl.js),
        // then the form sent by its button: three sendings of one form.
        var landed = await page.EvaluateAsync<string[]>("""
            async () => {
              const body = new URLSearchParams(new FormData(document.querySelector('form.screening-form')));
              const send = () => fetch(location.href, { method: 'POST', body, credentials: 'same-origin' }).then(r => new URL(r.url).pathname);
              return await Promise.all([send(), send()]);
            }
            """);
        await page.Locator("#record-screening").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, ResultPath());

        // Every sending landed on one result: a screening recorded twice would have two ids.
        Assert.All(landed, path => Assert.Matches(ResultPath(), path));
        Assert.Single(landed.Append(new Uri(page.Url).AbsolutePath).Distinct());
        var shown = page.Locator("#already-submitted");
        Assert.True(await shown.IsVisibleAsync());
        Assert.Contains(notice, await shown.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(patient, await page.Locator(".result-head").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, screenshot);

        // The screenings of the patient: one.
        await page.GotoAsync("/Screenings?patientReference=" + patient);
        var rows = page.Locator("main table tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(landed[0], await rows.Locator("a").First.GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/Screenings/[0-9a-f-]{36}$")]
    private static partial Regex ResultPath();
}
