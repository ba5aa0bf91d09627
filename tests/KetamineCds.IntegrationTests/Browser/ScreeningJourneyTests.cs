using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>A psychiatrist's journey through the real app in headless Chromium: sign in, intake form, result, print.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScreeningJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Journey_PsychiatristScreensBipolarPatientWithSuicidality_SeesResultAndOnePagePrint()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");

        // Conditional sections are hidden until the answer makes them relevant.
        Assert.False(await page.Locator("#moodStabilizer").IsVisibleAsync());
        Assert.False(await page.Locator("#safetyPlanInPlace-yes").IsVisibleAsync());
        Assert.False(await page.Locator("#prognosisWeeks").IsVisibleAsync());
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));

        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-BROWSER-1");
        await page.GetByLabel("Age in years").FillAsync("41");
        await page.GetByLabel("Sex at birth").SelectOptionAsync("female");
        await page.Locator("#pregnant-no").CheckAsync();
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("bipolar-ii");
        Assert.True(await page.Locator("#moodStabilizer").IsVisibleAsync());
        await page.Locator("#moodStabilizer").SelectOptionAsync("lithium");
        await page.Locator("#moodStabilizerOptimized-yes").CheckAsync();
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.GetByLabel("Failed adequate antidepressant trials").FillAsync("2");
        await page.GetByLabel("Distinct mechanisms tried").FillAsync("2");
        await page.Locator("#onOralAntidepressant-no").CheckAsync();
        await page.Locator("#currentManiaOrMixedFeatures-no").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("passive-ideation");
        Assert.True(await page.Locator("#safetyPlanInPlace-yes").IsVisibleAsync());
        await page.Locator("#safetyPlanInPlace-yes").CheckAsync();
        await page.Locator("#lethalMeansCounselled-yes").CheckAsync();
        await page.Locator("#followUpArranged-no").CheckAsync();
        // Every safety question that could block a pathway is answered (rule set 1.1.0: not recorded is never "no"), but the
        // life-limiting illness, which only the palliative pathway waits for (REC-005), left blank.
        foreach (var item in new[] { "aneurysmalVascularDisease", "arteriovenousMalformation", "intracerebralHemorrhageHistory", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke", "hypersensitivityToKetamine", "preparatoryActsOrAbortedAttempt" })
        {
            await page.Locator($"#{item}-no").CheckAsync();
        }

        await page.Locator("#substanceUse").SelectOptionAsync("none");
        await page.GetByLabel("Systolic blood pressure").FillAsync("132");
        await page.GetByLabel("Diastolic blood pressure").FillAsync("84");
        await page.GetByLabel("PHQ-9 total score").FillAsync("19");
        await page.GetByLabel("PHQ-9 item 9").FillAsync("1");
        await page.GetByLabel("Clinician's note").FillAsync("Discussed with the patient and her partner.");
        await browser.ScreenshotAsync(page, "01-new-screening-filled");

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Screenings/[0-9a-f-]{36}$"));

        var verdict = await page.Locator(".verdict h2").InnerTextAsync();
        Assert.Contains("Eligible", verdict, StringComparison.Ordinal);
        Assert.Equal(6, await page.Locator("table.pathways tbody tr").CountAsync());
        Assert.True(await page.Locator(".checklist li").CountAsync() > 0);
        Assert.Contains("never replaces", await page.Locator("footer").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "02-result");

        // A finding's rule link lands on the rule's anchor in the catalogue.
        var ruleLink = page.Locator(".finding .cites a").First;
        var ruleHref = await ruleLink.GetAttributeAsync("href");
        Assert.StartsWith("/Rules#", ruleHref, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable rationale" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Print$"));
        Assert.Contains("MRN-BROWSER-1", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("nav").CountAsync());
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "03-print-screen");

        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = true, Path = Path.Combine(browser.OutputFolder, $"rationale-{format}.pdf") });
            Assert.Equal(1, BrowserFixture.CountPdfPages(pdf));
        }

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await browser.ScreenshotAsync(page, "04-print-media");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // Back on the result, the psychiatrist records an override; it is shown after the redirect.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the result" }).ClickAsync();
        await page.Locator("details.override summary").ClickAsync();
        await page.GetByLabel("Do not proceed").CheckAsync();
        await page.GetByLabel("Reason").SelectOptionAsync("PatientPreference");
        await page.GetByLabel("Explanation").FillAsync("The patient wants to wait until after the family holiday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record override" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=overrides-title]"))
            .ToContainTextAsync("The patient wants to wait until after the family holiday.", new() { Timeout = 60_000 });
        await page.Locator("details.override summary").ClickAsync();
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Locator("#overrides-title").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, "12-override.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Form_SubmittedWithErrors_ShowsThemNextToFieldsAndKeepsInput()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");

        await page.GetByLabel("Patient reference (MRN)").FillAsync("Jane Doe");
        await page.GetByLabel("Age in years").FillAsync("44");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("bipolar-i");
        await page.GetByLabel("Failed adequate antidepressant trials").FillAsync("1");
        await page.GetByLabel("Distinct mechanisms tried").FillAsync("3");
        await page.Locator("#suicidality").SelectOptionAsync("active-ideation");
        await page.GetByLabel("Systolic blood pressure").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await page.Locator("#error-summary").WaitForAsync(new() { Timeout = 60_000 });

        Assert.EndsWith("/Screenings/New", page.Url, StringComparison.Ordinal);
        var summary = page.Locator("#error-summary");
        Assert.True(await summary.IsVisibleAsync());
        Assert.True(await page.Locator("#patientReference-error").IsVisibleAsync());
        Assert.True(await page.Locator("#distinctMechanisms-error").IsVisibleAsync());
        Assert.True(await page.Locator("#diastolicBp-error").IsVisibleAsync());
        Assert.True(await page.Locator("#moodStabilizer-error").IsVisibleAsync());
        Assert.True(await page.Locator("#safetyPlanInPlace-error").IsVisibleAsync());
        Assert.Equal("Jane Doe", await page.GetByLabel("Patient reference (MRN)").InputValueAsync());
        Assert.Equal("3", await page.GetByLabel("Distinct mechanisms tried").InputValueAsync());
        Assert.Equal("bipolar-i", await page.GetByLabel("Primary diagnosis").InputValueAsync());
        Assert.Equal("150", await page.GetByLabel("Systolic blood pressure").InputValueAsync());

        // The summary's link moves focus to the field.
        await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = "Distinct mechanisms" }).ClickAsync();
        Assert.Equal("distinctMechanisms", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "05-form-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Form_KeyboardOnly_ReachesFieldsAndOpensConditionalSection()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");

        await page.Locator("#primaryDiagnosis").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");

        Assert.Equal("bipolar-ii", await page.Locator("#primaryDiagnosis").InputValueAsync());
        Assert.True(await page.Locator("#moodStabilizer").IsVisibleAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("currentDepressiveEpisode-yes", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Form_PregnancyRequiredByTheAnswers_StopsOfferingNotKnownAndOffersItAgainWhenNot()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#ageYears").FillAsync("30");
        await page.Locator("#pregnant-nr").CheckAsync(); // sex not recorded: asked, and "Not known" is an answer

        await page.GetByLabel("Sex at birth").SelectOptionAsync("female");

        // Now the contract requires yes or no: "Not known" is gone and no longer ticked.
        Assert.False(await page.Locator("#pregnant-nr").IsVisibleAsync());
        Assert.False(await page.Locator("#pregnant-nr").IsCheckedAsync());
        Assert.True(await page.Locator("#pregnant-nr").IsDisabledAsync());
        Assert.True(await page.Locator("#breastfeeding-nr").IsVisibleAsync());

        await page.Locator("#ageYears").FillAsync("60");
        Assert.False(await page.Locator("#pregnant-yes").IsVisibleAsync()); // not asked at 60 for a female patient

        await page.GetByLabel("Sex at birth").SelectOptionAsync("intersex");
        await page.Locator("#ageYears").FillAsync("30");
        Assert.True(await page.Locator("#pregnant-nr").IsVisibleAsync()); // asked, not required: "Not known" is offered
        Assert.True(await page.Locator("#pregnant-nr").IsEnabledAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// QA108 F1: a pregnancy ticked yes was hidden, disabled and dropped from the post when the age was then corrected
    /// to one the question is not asked at (56), and the screening came out eligible; the API blocks the same history
    /// (REP-001). The yes now stays shown with a note to check it, is sent, and blocks; switched to male at birth, it
    /// is named at the field as the API names it.
    /// </summary>
    [Fact]
    public async Task Form_PregnancyYes_ThenAnAnswerThatNoLongerAsksIt_StaysShownWithANoteAndIsSent()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await StartWithAPregnancyAt30Async(page, "MRN-KEPT-YES-1");
        var note = page.Locator("#pregnant-asked .field-note--kept");
        Assert.Equal(0, await note.CountAsync()); // asked: no note

        await page.GetByLabel("Age in years").FillAsync("56");
        Assert.True(await page.Locator("#pregnant-yes").IsVisibleAsync());
        Assert.True(await page.Locator("#pregnant-yes").IsEnabledAsync());
        Assert.True(await page.Locator("#pregnant-yes").IsCheckedAsync());
        Assert.True(await note.IsVisibleAsync());
        Assert.Contains("check it before sending", await note.InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "form-pregnancy-yes-kept-at-56");

        // Asked again: the note goes. A no is not kept: not asked at 56, it is hidden as before.
        await page.GetByLabel("Age in years").FillAsync("30");
        Assert.False(await note.IsVisibleAsync());
        await page.Locator("#pregnant-no").CheckAsync();
        await page.GetByLabel("Age in years").FillAsync("56");
        Assert.False(await page.Locator("#pregnant-no").IsVisibleAsync());
        await page.GetByLabel("Age in years").FillAsync("30");
        await page.Locator("#pregnant-yes").CheckAsync();
        await page.GetByLabel("Age in years").FillAsync("56");

        await AnswerTheOtherRequiredQuestionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Screenings/[0-9a-f-]{36}$"));
        Assert.Contains("Not eligible now", await page.Locator(".verdict h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("REP-001", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Male at birth: the yes stays shown, and the server names the contradiction at the field, recording nothing.
        await StartWithAPregnancyAt30Async(page, "MRN-KEPT-YES-2");
        await page.GetByLabel("Sex at birth").SelectOptionAsync("male");
        Assert.True(await page.Locator("#pregnant-yes").IsCheckedAsync());
        Assert.True(await note.IsVisibleAsync());
        await AnswerTheOtherRequiredQuestionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await page.Locator("#error-summary").WaitForAsync(new() { Timeout = 60_000 });
        Assert.EndsWith("/Screenings/New", page.Url, StringComparison.Ordinal);
        Assert.Contains("male at birth", await page.Locator("#pregnant-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#pregnant-yes").IsCheckedAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// QA157 F6: an age typed with a Chinese input method ("３０", full-width digits; here "３０．０", QA158) reached the server
    /// as typed and was "not a valid value", and the pregnancy question, asked at ages 12 to 55, stayed hidden. Typed key by
    /// key into the field, it is sent as typed, read as 30 by the server and the browser alike: the question is asked, and
    /// its yes blocks.
    /// </summary>
    [Fact]
    public async Task Form_AgeTypedInFullWidthDigits_IsSentAsTyped_AsksThePregnancyQuestion_AndIsReadAsThatAge()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-FULL-WIDTH-AGE");
        await page.GetByLabel("Sex at birth").SelectOptionAsync("female");
        await page.GetByLabel("Age in years").ClickAsync();
        await page.Keyboard.TypeAsync("３０．０");

        Assert.True(await page.Locator("#pregnant-yes").IsVisibleAsync());
        await page.Locator("#pregnant-yes").CheckAsync();
        await AnswerTheOtherRequiredQuestionsAsync(page);
        await browser.ScreenshotAsync(page, "form-age-full-width-digits");
        var post = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync(),
            r => r.Method == "POST" && r.Url.Contains("/Screenings/New", StringComparison.Ordinal));
        await BrowserFixture.ArrivedAtAsync(page, new System.Text.RegularExpressions.Regex("/Screenings/[0-9a-f-]{36}$"));

        var sent = post.PostData!.Split('&').Select(p => p.Split('=')).Single(p => p[0] == "Input.AgeYears")[1];
        Assert.Equal("３０．０", Uri.UnescapeDataString(sent.Replace('+', ' ')));
        Assert.Contains("Not eligible now", await page.Locator(".verdict h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("REP-001", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>A new screening of a female patient aged 30, pregnant recorded yes.</summary>
    private static async Task StartWithAPregnancyAt30Async(IPage page, string patientReference)
    {
        await page.GotoAsync("/Screenings/New");
        await page.GetByLabel("Patient reference (MRN)").FillAsync(patientReference);
        await page.GetByLabel("Age in years").FillAsync("30");
        await page.GetByLabel("Sex at birth").SelectOptionAsync("female");
        await page.Locator("#pregnant-yes").CheckAsync();
    }

    /// <summary>The rest of the required answers: MDD in a current episode, three failed trials, no oral antidepressant, no psychosis or suicidality.</summary>
    private static async Task AnswerTheOtherRequiredQuestionsAsync(IPage page)
    {
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("mdd");
        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.GetByLabel("Failed adequate antidepressant trials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-no").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        await page.Locator("#suicidality").SelectOptionAsync("none");
    }

    [Fact]
    public async Task Form_QuestionsRequiredByTheAnswers_AreMarkedRequiredLiveAsTheAnswersChange()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        var pregnancy = page.Locator("#pregnant-group legend .required");
        await page.Locator("#ageYears").FillAsync("30");
        Assert.False(await pregnancy.IsVisibleAsync()); // sex not recorded: asked, not required

        await page.GetByLabel("Sex at birth").SelectOptionAsync("female");
        Assert.True(await pregnancy.IsVisibleAsync());
        Assert.Equal("Pregnant (required)", (await page.Locator("#pregnant-group legend").InnerTextAsync()).Trim());
        await page.Locator("#ageYears").FillAsync("56");
        await page.Locator("#ageYears").FillAsync("55");
        Assert.True(await pregnancy.IsVisibleAsync());
        await page.GetByLabel("Sex at birth").SelectOptionAsync("unknown");
        Assert.False(await pregnancy.IsVisibleAsync());

        // Bipolar disorder: the mood stabilizer is required, and its empty option asks for a choice instead of "Not known".
        var stabilizer = page.Locator("label[for=moodStabilizer] .required");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("bipolar-i");
        Assert.True(await stabilizer.IsVisibleAsync());
        Assert.Equal("Choose...", await page.Locator("#moodStabilizer option[value='']").InnerTextAsync());
        await page.Locator("#moodStabilizer").SelectOptionAsync("lithium");
        Assert.True(await page.Locator("#moodStabilizerOptimized-group legend .required").IsVisibleAsync());

        // Suicidality other than none: the safety plan, lethal-means counselling and follow-up are required.
        await page.GetByLabel("Suicidality").SelectOptionAsync("passive-ideation");
        foreach (var field in new[] { "safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged" })
        {
            Assert.True(await page.Locator($"#{field}-group legend .required").IsVisibleAsync(), field);
        }

        // A life-limiting illness: the prognosis is required.
        await page.Locator("#lifeLimitingIllness-yes").CheckAsync();
        Assert.True(await page.Locator("label[for=prognosisWeeks] .required").IsVisibleAsync());
        await browser.ScreenshotAsync(page, "03-new-screening-required-by-answers");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Rules#PSY-002", "06-rules")]
    [InlineData("/Principles", "07-principles")]
    [InlineData("/", "08-home")]
    public async Task CataloguePages_SignedIn_HaveNoSeriousAccessibilityViolations(string path, string screenshot)
    {
        var page = await browser.SignedInPageAsync("staff@demo.local");
        await page.GotoAsync(path);

        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, screenshot);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputFolder, screenshot + "-viewport.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Form_JavaScriptOff_ShowsEveryConditionalSectionAndStillValidatesOnTheServer()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "psychiatrist@demo.local", BrowserFixture.Password));
        await page.GotoAsync("/Screenings/New");

        Assert.True(await page.Locator("#moodStabilizer").IsVisibleAsync());
        Assert.True(await page.Locator("#safetyPlanInPlace-yes").IsVisibleAsync());
        Assert.True(await page.Locator("#prognosisWeeks").IsVisibleAsync());
        Assert.True(await page.Locator("#pregnant-yes").IsVisibleAsync());

        await page.GetByLabel("Patient reference (MRN)").FillAsync("MRN-NOJS");
        await page.GetByLabel("Age in years").FillAsync("30");
        await page.GetByLabel("Primary diagnosis").SelectOptionAsync("bipolar-i");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await page.Locator("#error-summary").WaitForAsync(new() { Timeout = 60_000 });

        Assert.True(await page.Locator("#moodStabilizer-error").IsVisibleAsync());
        Assert.Equal("MRN-NOJS", await page.GetByLabel("Patient reference (MRN)").InputValueAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task PdfPageCount_LongPage_CountsMoreThanOnePage()
    {
        // Guards the one-page assertion above: the counter must see every page of a long document.
        var page = await browser.SignedInPageAsync("staff@demo.local");
        await page.GotoAsync("/Rules");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });

        Assert.True(BrowserFixture.CountPdfPages(pdf) > 3);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FindScreenings_Staff_ListsAPatientsScreeningsNewestFirst()
    {
        var psychiatrist = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await psychiatrist.GotoAsync("/Screenings/New");
        await psychiatrist.GetByLabel("Patient reference (MRN)").FillAsync("MRN-FIND-1");
        await psychiatrist.GetByLabel("Age in years").FillAsync("62");
        await psychiatrist.GetByLabel("Sex at birth").SelectOptionAsync("male");
        await psychiatrist.GetByLabel("Primary diagnosis").SelectOptionAsync("mdd");
        await psychiatrist.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await psychiatrist.GetByLabel("Failed adequate antidepressant trials").FillAsync("3");
        await psychiatrist.GetByLabel("Distinct mechanisms tried").FillAsync("2");
        await psychiatrist.Locator("#onOralAntidepressant-yes").CheckAsync();
        await psychiatrist.Locator("#psychosis").SelectOptionAsync("history-controlled");
        await psychiatrist.Locator("#suicidality").SelectOptionAsync("none");
        await psychiatrist.Locator("#aneurysmalVascularDisease-yes").CheckAsync();
        await psychiatrist.GetByLabel("Systolic blood pressure").FillAsync("158");
        await psychiatrist.GetByLabel("Diastolic blood pressure").FillAsync("96");
        await psychiatrist.GetByRole(AriaRole.Button, new() { Name = "Screen and record" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(psychiatrist, new System.Text.RegularExpressions.Regex("/Screenings/[0-9a-f-]{36}$"));
        Assert.Contains("Not eligible now", await psychiatrist.Locator(".verdict h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await psychiatrist.Locator(".findings--blocked .finding").CountAsync() > 0);
        await browser.ScreenshotAsync(psychiatrist, "09-result-not-eligible");

        // A busier rationale (a contraindication, two cautions, six requirements) still prints on one page.
        await psychiatrist.GotoAsync(psychiatrist.Url + "/Print");
        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await psychiatrist.PdfAsync(new PagePdfOptions { Format = format, Path = Path.Combine(browser.OutputFolder, $"rationale-not-eligible-{format}.pdf") });
            Assert.Equal(1, BrowserFixture.CountPdfPages(pdf));
        }

        await psychiatrist.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await browser.ScreenshotAsync(psychiatrist, "11-print-not-eligible");
        await psychiatrist.Context.CloseAsync();

        var page = await browser.SignedInPageAsync("staff@demo.local");
        await page.GotoAsync("/Screenings?patientReference=MRN-FIND-1");

        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "New screening" }).CountAsync());
        await page.GotoAsync("/Screenings/New");
        Assert.Contains("do not have access", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "13-access-denied");
        await page.GotoAsync("/Screenings?patientReference=MRN-FIND-1");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "10-find-screenings");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_InDevelopment_ShowsDemoAccountsAndIsAccessible()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        Assert.Contains("psychiatrist@demo.local", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, "00-login");
        await context.CloseAsync();
    }
}
