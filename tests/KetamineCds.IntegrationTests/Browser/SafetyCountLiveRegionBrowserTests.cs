using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The form's live count of safety questions not recorded (QA113 F2): only its one sentence is a live region, announced
/// whole, and it is written only when the count changes, so that typing in a text box hands a screen reader nothing to
/// read, and answering a safety question hands it the new count once.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SafetyCountLiveRegionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Form_TypingInTextBoxes_LeavesTheLiveCountAloneAndAnAnswerChangesItOnce()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");

        // The sentence is the live part, atomic; the list of questions is outside every live region.
        var text = page.Locator("#safety-count-text");
        Assert.Equal("polite", await text.GetAttributeAsync("aria-live"));
        Assert.Equal("true", await text.GetAttributeAsync("aria-atomic"));
        Assert.Equal(0, await page.Locator("[aria-live] #safety-count-list, [aria-live] #safety-count-list li").CountAsync());
        Assert.Equal(1, await page.Locator("[aria-live]:has(#safety-count-text), #safety-count-text[aria-live]").CountAsync());

        await page.EvaluateAsync("""
            () => {
              window.liveTextMutations = 0;
              window.listMutations = 0;
              new MutationObserver(records => { window.liveTextMutations += records.length; })
                .observe(document.getElementById("safety-count-text"), { childList: true, subtree: true, characterData: true, attributes: true });
              new MutationObserver(records => { window.listMutations += records.length; })
                .observe(document.getElementById("safety-count-list"), { childList: true, subtree: true, characterData: true, attributes: true });
            }
            """);

        // Keystrokes in the note, the patient reference and the age (61: pregnancy is asked at neither 6 nor 61).
        await page.GetByLabel("Clinician's note").PressSequentiallyAsync("abc");
        await page.GetByLabel("Patient reference (MRN)").PressSequentiallyAsync("MRN-LIVE");
        await page.GetByLabel("Age in years").PressSequentiallyAsync("61");
        await page.GetByLabel("Age in years").BlurAsync();
        Assert.Equal(0, await MutationsAsync(page, "liveTextMutations"));
        Assert.Equal(0, await MutationsAsync(page, "listMutations"));
        Assert.Contains("24 safety questions are not recorded (9 could block a pathway)", await text.InnerTextAsync(), StringComparison.Ordinal);

        // One answer to a safety question: the sentence is written once (the click fires both input and change).
        await page.Locator("#aneurysmalVascularDisease-no").CheckAsync();
        await Assertions.Expect(text).ToContainTextAsync("23 safety questions are not recorded");
        Assert.Equal(1, await MutationsAsync(page, "liveTextMutations"));
        Assert.Equal(1, await MutationsAsync(page, "listMutations"));
        await page.Context.CloseAsync();
    }

    // Observer callbacks run as microtasks after the event that caused the records; a frame later they have all run.
    private static async Task<int> MutationsAsync(IPage page, string counter) =>
        await page.EvaluateAsync<int>($"() => new Promise(done => requestAnimationFrame(() => setTimeout(() => done(window.{counter}), 0)))");
}
