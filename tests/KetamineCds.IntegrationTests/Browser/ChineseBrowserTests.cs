using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Issue 14 in the real app in headless Chromium: a browser set to Chinese (zh-CN) gets the form, the result and the
/// printed rationale in Simplified Chinese, with the CJK font embedded in the PDF; the language switch is remembered.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ChineseBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Journey_BrowserInChinese_FormResultAndPrintInSimplifiedChineseWithTheFontEmbedded()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", "zh-CN");

        await page.GotoAsync("/Screenings/New");
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await page.GetByLabel("患者编号（病历号）").FillAsync("MRN-ZH-1");
        await page.Locator("#ageYears").FillAsync("45");
        await page.Locator("#primaryDiagnosis").SelectOptionAsync("mdd");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.Locator("#failedAdequateTrials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-yes").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("none");
        // The live count is in Chinese too (site.js reads the page's templates).
        await Assertions.Expect(page.Locator("#safety-count-text")).ToContainTextAsync("个安全问题未记录");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "30-form-zh");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛查并记录" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));

        await Assertions.Expect(page.Locator("section.verdict")).ToContainTextAsync("不完整——缺少回答");
        await Assertions.Expect(page.Locator("section.not-recorded")).ToContainTextAsync("动脉瘤性血管疾病");
        await Assertions.Expect(page.Locator(".disclaimer-box")).ToContainTextAsync("辅助而绝不取代临床医生的判断");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "31-result-zh");

        await page.GotoAsync(page.Url + "/Print");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("氯胺酮 / 艾司氯胺酮筛查依据说明");
        await Assertions.Expect(page.Locator(".p-verdict")).ToContainTextAsync("不完整——缺少回答");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "32-print-zh");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, Path = Path.Combine(browser.OutputFolder, "32-print-zh.pdf") });
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Matches(new Regex(@"/FontName\s*/[A-Z]{6}\+NotoSansCJK"), text); // embedded (subset) CJK font
        Assert.Equal(1, BrowserFixture.CountPdfPages(pdf));

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_ChosenOnce_IsRememberedAcrossPagesAndBeatsTheBrowserLanguage()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", "zh-CN");
        await page.GotoAsync("/Screenings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("查找患者的筛查记录");

        await page.Locator("button.language__switch").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find a patient's screenings");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GotoAsync("/Screenings/New");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New screening");

        await page.Locator("button.language__switch").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/New$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await page.Context.CloseAsync();
    }
}
