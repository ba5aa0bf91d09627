using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Nothing typed is lost to a click (QA7 F15): switching the language on a half-filled intake form keeps its answers
/// and says so, and leaving the form by a header link asks first. Screenshot 72.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnsentAnswersBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewScreening_LanguageSwitchedWithAnswersTyped_KeepsThemAndSaysSo()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-1");
        await page.GetByLabel("Age in years").FillAsync("41");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("bipolar-ii");
        await page.Locator("#moodStabilizer").SelectOptionAsync("lithium");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.Locator("#clinicianNote").FillAsync("Seen with her sister.");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();

        await page.Locator("form.language button").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新建筛查");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-1");
        await Assertions.Expect(page.Locator("#ageYears")).ToHaveValueAsync("41");
        await Assertions.Expect(page.Locator("#primaryDiagnosis")).ToHaveValueAsync("bipolar-ii");
        // The section the restored diagnosis calls for is shown again, with its answer.
        await Assertions.Expect(page.Locator("#moodStabilizer")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#moodStabilizer")).ToHaveValueAsync("lithium");
        await Assertions.Expect(page.Locator("#currentDepressiveEpisode-yes")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#clinicianNote")).ToHaveValueAsync("Seen with her sister.");
        // Kept for that one reload only.
        Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('ketaminecds.draft')"));
        await browser.ScreenshotAsync(page, "72-answers-kept-across-language-switch-zh");

        // A reload without a switch starts empty, as the form always did.
        await page.GotoAsync("/Screenings/New");
        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#draft-restored")).ToBeHiddenAsync();

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewScreening_HeaderLinkFollowedWithAnswersTyped_AsksBeforeLeaving()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Type);
            await dialog.DismissAsync(); // stay on the page
        };

        // Nothing typed: the link just goes.
        await page.Locator("header nav a[href='/Rules']").ClickAsync();
        await page.WaitForURLAsync("**/Rules");
        Assert.Empty(asked);

        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-DRAFT-2");
        await page.Locator("header nav a[href='/Rules']").ClickAsync();

        await Assertions.Expect(page.Locator("#patientReference")).ToHaveValueAsync("MRN-DRAFT-2");
        Assert.Equal(["beforeunload"], asked);
        Assert.EndsWith("/Screenings/New", page.Url, StringComparison.Ordinal);

        await page.Context.CloseAsync();
    }
}
