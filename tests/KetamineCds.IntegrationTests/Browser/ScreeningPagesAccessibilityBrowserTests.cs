using System.Text.Json;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The screening pages as Chromium gives them to assistive technology and shows them to a keyboard user (helper-177's
/// WCAG 2.2 AA pass, the leftovers of helper-176's): what a screen reader reads for a required box (its accessible name
/// and state, from Chromium's own accessibility tree), where the skip link leaves the focus, and that focus.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScreeningPagesAccessibilityBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(null, "(required)")]
    [InlineData("zh-CN", "（必填）")]
    public async Task IntakeForm_ARequiredBoxDropDownOrGroupSaysRequiredOnce_InItsName(string? locale, string mark)
    {
        // Before: "Age in years (required)" and the required state (aria-required) too, read one after the other. Chromium
        // exposes no required state for a drop-down (aria-required or not) nor for a group: the label's or legend's words,
        // in the name, are the one way that says it for every control, once.
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync("/Screenings/New");
        var cdp = await page.Context.NewCDPSessionAsync(page);

        foreach (var control in new[] { "#patientReference", "#ageYears", "#primaryDiagnosis", "#failedAdequateTrials", "#suicidality", "#currentDepressiveEpisode-group" })
        {
            var (name, required) = await AccessibleAsync(cdp, control);
            Assert.EndsWith(" " + mark, name, StringComparison.Ordinal);
            Assert.True(name.IndexOf(mark, StringComparison.Ordinal) == name.LastIndexOf(mark, StringComparison.Ordinal), $"{control}: {name}");
            Assert.False(required, $"{control} says required a second time, as its state");
        }

        // The mood stabilizer, required once the diagnosis is bipolar: its mark shows, and so is in its name, once.
        await page.Locator("#primaryDiagnosis").SelectOptionAsync("bipolar-i");
        await Assertions.Expect(page.Locator("label[for=moodStabilizer] .required")).ToBeVisibleAsync();
        var (mood, moodRequired) = await AccessibleAsync(cdp, "#moodStabilizer");
        Assert.EndsWith(" " + mark, mood, StringComparison.Ordinal);
        Assert.True(mood.IndexOf(mark, StringComparison.Ordinal) == mood.LastIndexOf(mark, StringComparison.Ordinal), mood);
        Assert.False(moodRequired);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "Your override was recorded; it is listed below.")]
    [InlineData("zh-Hans", "您的偏离建议的决定已记录，列于下方。")]
    public async Task OverrideRecordedByKeyboard_TheStatusThatSaysSoTakesTheFocus_WithItsRing(string culture, string recorded)
    {
        // Before: the page came back with the focus nowhere (the body) and nothing said the override was recorded (helper 335).
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-OVERRIDE-FOCUS-" + culture);
        await page.Locator("#record-screening").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Screenings/[0-9a-f-]{36}$"));
        // The language chosen in the header (its cookie), for the override and the page it comes back to.
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = page.Url }]);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await page.Locator("#record-override summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#override-dont").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#override-reason").SelectOptionAsync("PatientPreference");
        await page.Locator("#override-explanation").FillAsync("Discussed with the patient.");
        await page.Locator("#record-override button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var status = page.Locator("#override-recorded");
        await Assertions.Expect(status).ToBeFocusedAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(status).ToHaveTextAsync(recorded);
        await Assertions.Expect(status).ToHaveAttributeAsync("role", "status");
        var outline = await status.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.Equal("solid", outline);
        await browser.ScreenshotAsync(page, "override-recorded-" + culture);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Screenings/New")]
    [InlineData("/Screenings")]
    public async Task SkipLink_TheMainContentItFocusesShowsThatFocus(string path)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync(path);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();
        // WCAG 2.4.7: the keyboard user sees where the focus now is. A dark solid outline, as every other focus has.
        var outline = await page.EvaluateAsync<string[]>("() => { const s = getComputedStyle(document.getElementById('main')); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
        Assert.Equal("solid", outline[0]);
        Assert.True(double.Parse(outline[1].Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 2, outline[1]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "90-skip-link-main-focused" + path.Replace('/', '-') + ".png") });

        // A click in the page's text focuses main too (tabindex -1), but not from the keyboard: no ring then.
        await page.ReloadAsync();
        await page.Locator("h1").ClickAsync();
        await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('main')).outlineStyle"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task PrintPreview_InForcedColours_ThePrintButtonKeepsItsBorder(string? locale)
    {
        // Windows' high-contrast themes (forced colours) drop every background: a button drawn only by its blue background
        // (border 0) was left as a bare word, not to be told from the text around it as something to press (WCAG 1.4.11).
        var recorded = await browser.RecordScreeningAsync(CompleteScreeningBodies.RequiredAnswers("MRN-FORCED-PRINT-" + (locale ?? "en")));
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ForcedColors = ForcedColors.Active });
        await page.GotoAsync($"/Screenings/{recorded["id"]!.GetValue<string>()}/Print");

        var border = await page.Locator("#print-button").EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.borderTopStyle, s.borderTopWidth, s.borderBottomStyle, s.borderLeftStyle]; }");
        Assert.Equal(["solid", "solid", "solid"], new[] { border[0], border[2], border[3] });
        Assert.True(double.Parse(border[1].Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 1, border[1]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "91-print-forced-colours" + (locale is null ? "" : "-zh") + ".png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PrintPage_ALinkFocusedFromTheKeyboard_ShowsItsRingOnScreen_AndNeverPrintsIt()
    {
        // Helper 329: print.css is the print page's only sheet, on screen and on paper (no media attribute; site.css, whose
        // print rule drops the ring, is not linked): its focus ring is drawn on screen only.
        var recorded = await browser.RecordScreeningAsync(CompleteScreeningBodies.RequiredAnswers("MRN-PRINT-FOCUS-329"));
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync($"/Screenings/{recorded["id"]!.GetValue<string>()}/Print");
        const string ring = "a => { const s = getComputedStyle(a); return s.outlineStyle + '|' + s.boxShadow; }";
        var link = page.Locator(".toolbar a").First;
        await page.Locator(".toolbar a").Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(link).ToBeFocusedAsync();
        Assert.StartsWith("solid|", await link.EvaluateAsync<string>(ring), StringComparison.Ordinal);

        // The toolbar is screen-only: printed, it is not drawn, and Chromium moves the focus off it when it gets round to it
        // (the focus fix-up), so a toolbar link cannot show what paper does to a focused link (session 68's CI caught the
        // race). A link in the rationale's text stays drawn on paper, and stays focused: it is the one to look at; it
        // showed that paper kept Chromium's own ring (outline: auto), which print.css now removes too.
        await page.EvaluateAsync("() => { const a = document.createElement('a'); a.id = 'text-link'; a.href = '#'; a.textContent = 'a link in the text'; document.querySelector('.p-head h1').after(a); }");
        var textLink = page.Locator("#text-link");
        await page.Locator("#print-button").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(textLink).ToBeFocusedAsync();
        Assert.StartsWith("solid|", await textLink.EvaluateAsync<string>(ring), StringComparison.Ordinal);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(link).ToBeHiddenAsync();
        await Assertions.Expect(textLink).ToBeFocusedAsync();
        Assert.Equal("none|none", await textLink.EvaluateAsync<string>(ring));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task PrintPage_SkipLink_FirstTabStop_PassesTheToolbar_AndIsNeverPrinted(string? locale)
    {
        // Helper 337: the print page had no skip link; a keyboard user tabbed through back, three papers and Print first.
        var recorded = await browser.RecordScreeningAsync(CompleteScreeningBodies.RequiredAnswers("MRN-PRINT-SKIP-337-" + (locale ?? "en")));
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync($"/Screenings/{recorded["id"]!.GetValue<string>()}/Print");
        var skip = page.Locator(".skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("a => a.getBoundingClientRect().right <= 0"), "off screen until focused");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        Assert.True(await skip.EvaluateAsync<bool>("a => { const r = a.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth && r.top >= 0; }"), "shown on screen when focused");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "92-print-skip-link-focused" + (locale is null ? "" : "-zh") + ".png") });

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('main')).outlineStyle"));
        // The next Tab stop is in the rationale, past the toolbar.
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.toolbar')"), "the toolbar was passed over");

        // Printed with the focus on it, it is not on the sheet.
        await skip.FocusAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("none", await skip.EvaluateAsync<string>("a => getComputedStyle(a).display"));
        await page.Context.CloseAsync();
    }

    /// <summary>The accessible name and the required state of the element <paramref name="selector"/>, as Chromium computes them.</summary>
    private static async Task<(string Name, bool Required)> AccessibleAsync(ICDPSession cdp, string selector)
    {
        var document = (await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = 0 }))!.Value;
        var found = (await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = selector,
        }))!.Value;
        var tree = (await cdp.SendAsync("Accessibility.getPartialAXTree", new Dictionary<string, object>
        {
            ["nodeId"] = found.GetProperty("nodeId").GetInt32(),
            ["fetchRelatives"] = false,
        }))!.Value;
        var node = tree.GetProperty("nodes")[0];
        var name = node.TryGetProperty("name", out var n) ? n.GetProperty("value").GetString() ?? "" : "";
        var required = node.TryGetProperty("properties", out var properties)
            && properties.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "required" && p.GetProperty("value").GetProperty("value").ValueKind == JsonValueKind.True);
        return (name, required);
    }
}
