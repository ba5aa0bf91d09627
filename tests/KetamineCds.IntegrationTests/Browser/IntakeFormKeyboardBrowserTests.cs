using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The intake form as a keyboard and screen-reader user meets it (helper-176's accessibility pass, WCAG 2.2 AA), what
/// axe-core cannot see: the error summary's links bring the whole field into view with the focus on its control (2.4.3,
/// 3.3.1), and a question that an answer brings in or takes away is said in words (4.1.3), its label marked "(required)"
/// while it is (1.3.1).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class IntakeFormKeyboardBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(null, "Choose the current suicidality.")]
    [InlineData("zh-CN", "请选择目前的自杀倾向。")]
    public async Task RefusedForm_EnterOnAnErrorSummaryLink_FocusesTheControlWithItsLabelAndErrorInView(string? locale, string message)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#ageYears").FillAsync("45");
        await page.Locator("#record-screening").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.ArrivedAtAsync(page, NewScreeningPath());
        await page.Locator("#error-summary").WaitForAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();

        // Tab from the summary to its link for the suicidality, as a keyboard user would, and follow it.
        var link = page.Locator("#error-summary a[href='#suicidality']");
        Assert.Equal(message, (await link.InnerTextAsync()).Trim());
        var tabs = 0;
        while (!await link.EvaluateAsync<bool>("a => a === document.activeElement") && tabs++ < 20)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#suicidality")).ToBeFocusedAsync();
        // The label, the hint and the error above the drop-down are on screen with it (the browser's own jump to the
        // fragment left the drop-down at the window's top edge, 80 px of them above it).
        var shown = await page.EvaluateAsync<double[]>("""
            () => {
              const box = document.getElementById('suicidality');
              const top = e => e.getBoundingClientRect().top;
              return [top(document.querySelector('label[for=suicidality]')), top(document.getElementById('suicidality-error')),
                      box.getBoundingClientRect().bottom, window.innerHeight];
            }
            """);
        Assert.True(shown[0] >= 0, $"the label is {shown[0]} px above the window");
        Assert.True(shown[1] >= 0, $"the error is {shown[1]} px above the window");
        Assert.True(shown[2] <= shown[3], $"the drop-down ends at {shown[2]} px, below the window's {shown[3]} px");
        await browser.ScreenshotAsync(page, "71-error-link-field-in-view" + (locale is null ? "" : "-zh"));

        // A yes/no question's link puts the focus on its first choice, its legend in view.
        await page.Locator("#error-summary").FocusAsync();
        await page.Locator("#error-summary a[href='#currentDepressiveEpisode-yes']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#currentDepressiveEpisode-yes")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<double>("() => document.querySelector('#currentDepressiveEpisode-group legend').getBoundingClientRect().top") >= 0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Now asked, after your answer: Mood stabilizer.", "No longer asked, after your answer: Mood stabilizer.")]
    [InlineData("zh-CN", "根据您的回答，新增问题：心境稳定剂。", "根据您的回答，不再询问：心境稳定剂。")]
    public async Task ChoosingBipolar_TheMoodStabilizerItBringsInIsSaid_AndItsDropDownIsRequiredWhileItIsAsked(string? locale, string asked, string notAsked)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync("/Screenings/New");
        var said = page.Locator("#questions-changed");
        Assert.Equal("polite", await said.GetAttributeAsync("aria-live"));
        // Nothing is said when the page loads.
        Assert.Equal("", (await said.TextContentAsync())!.Trim());
        var mark = page.Locator("label[for=moodStabilizer] .required");
        await Assertions.Expect(mark).ToBeHiddenAsync();

        await page.Locator("#primaryDiagnosis").FocusAsync();
        await page.Locator("#primaryDiagnosis").SelectOptionAsync("bipolar-i");

        await Assertions.Expect(said).ToHaveTextAsync(asked);
        // Its label's "(required)" shows, and so is read in its name (no aria-required beside it to say it twice).
        await Assertions.Expect(mark).ToBeVisibleAsync();
        Assert.Null(await page.Locator("#moodStabilizer").GetAttributeAsync("aria-required"));
        // The focus stays on the answer; the new question is the next stops on.
        await Assertions.Expect(page.Locator("#primaryDiagnosis")).ToBeFocusedAsync();

        await page.Locator("#primaryDiagnosis").SelectOptionAsync("mdd");

        await Assertions.Expect(said).ToHaveTextAsync(new Regex("^" + Regex.Escape(notAsked.TrimEnd('。', '.'))));
        await Assertions.Expect(mark).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TypingTheAge_SaysThePregnancyQuestionOnlyWhenItIsAskedOrNoLonger()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#sexAtBirth").SelectOptionAsync("female");
        var said = page.Locator("#questions-changed");
        await page.Locator("#ageYears").FillAsync("30");
        await Assertions.Expect(said).ToHaveTextAsync("Now asked, after your answer: Pregnant.");

        await page.Locator("#ageYears").FillAsync("61");

        await Assertions.Expect(said).ToHaveTextAsync("No longer asked, after your answer: Pregnant.");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Still shown, because yes is recorded: Pregnant. The other answers no longer ask it: check it before sending.")]
    [InlineData("zh-CN", "仍显示，因为已记录为“是”：妊娠。根据其他回答已不再询问此问题：请在提交前核对。")]
    public async Task PregnancyYes_ThenAnAgeThatNoLongerAsksIt_TheKeptYesAndItsNoteAreSaid_Once(string? locale, string kept)
    {
        // The audit's F1 (4.1.3): the yes stays shown with a note to check it (role=note, no live region), and since the
        // question stays shown nothing was said: a screen-reader user never heard the note.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#sexAtBirth").SelectOptionAsync("female");
        await page.Locator("#ageYears").FillAsync("30");
        await page.Locator("#pregnant-yes").CheckAsync();
        var said = page.Locator("#questions-changed");

        await page.Locator("#ageYears").FillAsync("60");

        await Assertions.Expect(said).ToHaveTextAsync(kept);
        await Assertions.Expect(page.Locator("#pregnant-asked .field-note--kept")).ToBeVisibleAsync();
        // The kept question and its note, as seen (the whole form is 5,000 px high).
        await page.Locator("#pregnant-asked").ScreenshotAsync(new() { Path = Path.Combine(browser.OutputFolder, "form-kept-yes-said" + (locale is null ? "" : "-zh") + ".png") });
        // Said when the yes becomes kept, not again at each keystroke while it stays kept.
        await said.EvaluateAsync("e => { e.textContent = ''; }");
        await page.Locator("#ageYears").FillAsync("61");
        Assert.Equal("", (await said.TextContentAsync())!.Trim());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Pregnant: “Not known” is no longer allowed after your answer and was cleared; answer Yes or No.")]
    [InlineData("zh-CN", "妊娠：根据您的回答，不能再选“不详”，已清除；请回答“是”或“否”。")]
    public async Task PregnancyNotKnown_ThenFemale_TheClearedNotKnownIsSaid_WithWhatToAnswer(string? locale, string cleared)
    {
        // The audit's F2: "Not known" was hidden and unticked, the legend became "Pregnant (required)", and nothing was said.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#ageYears").FillAsync("30");
        await page.Locator("#pregnant-nr").CheckAsync();
        var said = page.Locator("#questions-changed");

        await page.Locator("#sexAtBirth").SelectOptionAsync("female");

        await Assertions.Expect(said).ToHaveTextAsync(cleared);
        await Assertions.Expect(page.Locator("#pregnant-nr")).ToBeHiddenAsync();
        Assert.False(await page.Locator("#pregnant-nr").IsCheckedAsync());
        await Assertions.Expect(page.Locator("#pregnant-group legend .required")).ToBeVisibleAsync();

        // Nothing chosen that is taken away: nothing said about "Not known" (a female patient's question is simply required).
        await page.Locator("#sexAtBirth").SelectOptionAsync("");
        await said.EvaluateAsync("e => { e.textContent = ''; }");
        await page.Locator("#sexAtBirth").SelectOptionAsync("female");
        Assert.DoesNotContain("Not known", (await said.TextContentAsync())!, StringComparison.Ordinal);
        Assert.DoesNotContain("不详", (await said.TextContentAsync())!, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/Screenings/New")]
    private static partial Regex NewScreeningPath();
}
