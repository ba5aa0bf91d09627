using System.Text.RegularExpressions;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA272 F3: a question whose safer answer is No (the safety net, the mood stabilizer's level, the risk assessment after a
/// positive PHQ-9 item 9) was kept shown, with an empty note, once another answer stopped asking it, and its hidden yes was
/// sent: Razor wrote <c>data-keep-yes=""</c> for a question that keeps no yes, and site.js read the attribute's presence
/// as "keep". Such a question is now hidden, disabled and left out of the post, as its section's other questions; a
/// pregnancy's yes is still kept (QA108 F1, <see cref="ScreeningJourneyTests"/>).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NotAskedAnswersBrowserTests(BrowserFixture browser)
{
    private static readonly string[] SafetyNet = ["safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged"];

    /// <summary>
    /// Repro 1: bipolar I on lithium at a therapeutic level, active ideation with the safety net in place, a positive item 9
    /// risk-assessed; then MDD, no suicidality and item 9 of 0. None of those answers is asked any longer: none stays shown,
    /// none is sent, and the result lists none of them.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task AnswersNoLongerAsked_WhoseSaferAnswerIsNo_AreHiddenAndNotSent(string? locale)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync("/Screenings/New");
        await page.Locator("#patientReference").FillAsync("MRN-NOT-ASKED-1" + (locale is null ? "" : "-ZH"));
        await page.Locator("#ageYears").FillAsync("41");
        await page.Locator("#sexAtBirth").SelectOptionAsync("male");
        await page.Locator("#primaryDiagnosis").SelectOptionAsync("bipolar-i");
        await page.Locator("#moodStabilizer").SelectOptionAsync("lithium");
        await page.Locator("#moodStabilizerOptimized-yes").CheckAsync();
        await page.Locator("#suicidality").SelectOptionAsync("active-ideation");
        foreach (var question in SafetyNet)
        {
            await page.Locator($"#{question}-yes").CheckAsync();
        }

        await page.Locator("#phq9Total").FillAsync("14");
        await page.Locator("#phq9Item9").FillAsync("1");
        await page.Locator("#suicidality").SelectOptionAsync("none");
        await page.Locator("#suicideRiskAssessedAfterItem9-yes").CheckAsync();

        await page.Locator("#primaryDiagnosis").SelectOptionAsync("mdd");
        await page.Locator("#phq9Item9").FillAsync("0");

        foreach (var question in SafetyNet.Append("moodStabilizerOptimized").Append("suicideRiskAssessedAfterItem9"))
        {
            var yes = page.Locator($"#{question}-yes");
            Assert.False(await yes.IsVisibleAsync(), question + " is still shown");
            Assert.True(await yes.IsDisabledAsync(), question + " is still enabled");
            Assert.False(await page.Locator($"#{question}-asked").EvaluateAsync<bool>("s => s.classList.contains('conditional--kept')"), question + " is kept");
            Assert.Null(await page.Locator($"#{question}-asked").GetAttributeAsync("data-keep-yes"));
        }

        Assert.Equal(0, await page.Locator(".field-note--kept:visible").CountAsync());
        await browser.ScreenshotAsync(page, "form-not-asked-no-longer-shown" + (locale is null ? "" : "-zh"));

        await page.Locator("#currentDepressiveEpisode-yes").CheckAsync();
        await page.Locator("#failedAdequateTrials").FillAsync("3");
        await page.Locator("#onOralAntidepressant-yes").CheckAsync();
        await page.Locator("#psychosis").SelectOptionAsync("none");
        var post = await page.RunAndWaitForRequestAsync(
            () => page.Locator("#record-screening").ClickAsync(),
            r => r.Method == "POST" && r.Url.Contains("/Screenings/New", StringComparison.Ordinal));
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$"));

        var sent = post.PostData!.Split('&').Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToList();
        foreach (var name in new[] { "Input.SafetyPlanInPlace", "Input.LethalMeansCounselled", "Input.FollowUpArranged", "Input.MoodStabilizer", "Input.MoodStabilizerOptimized", "Input.SuicideRiskAssessedAfterItem9" })
        {
            Assert.DoesNotContain(name, sent);
        }

        var answers = await page.Locator("section[aria-labelledby='answers-title']").InnerTextAsync();
        Assert.DoesNotContain(locale is null ? "Safety plan in place" : "已制定安全计划", answers, StringComparison.Ordinal);
        Assert.DoesNotContain(locale is null ? "Mood stabilizer at a therapeutic level" : "心境稳定剂已达治疗水平", answers, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Repro 2: lithium at a therapeutic level, then no mood stabilizer: the level is not sent, and the form is recorded.</summary>
    [Fact]
    public async Task MoodStabilizerLevelYes_ThenNoMoodStabilizer_IsNotSentAndTheFormIsRecorded()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        await BrowserFixture.FillTheRequiredAnswersAsync(page, "MRN-NOT-ASKED-2");
        await page.Locator("#primaryDiagnosis").SelectOptionAsync("bipolar-i");
        await page.Locator("#moodStabilizer").SelectOptionAsync("lithium");
        await page.Locator("#moodStabilizerOptimized-yes").CheckAsync();
        await page.Locator("#moodStabilizer").SelectOptionAsync("none");

        Assert.False(await page.Locator("#moodStabilizerOptimized-yes").IsVisibleAsync());
        Assert.True(await page.Locator("#moodStabilizerOptimized-yes").IsDisabledAsync());
        var post = await page.RunAndWaitForRequestAsync(
            () => page.Locator("#record-screening").ClickAsync(),
            r => r.Method == "POST" && r.Url.Contains("/Screenings/New", StringComparison.Ordinal));
        await BrowserFixture.ArrivedAtAsync(page, new Regex("/Screenings/[0-9a-f-]{36}$|/Screenings/New$"));

        Assert.DoesNotContain("Input.MoodStabilizerOptimized=", post.PostData!, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#error-summary").CountAsync());
        Assert.Matches(new Regex("/Screenings/[0-9a-f-]{36}$"), page.Url);
        await page.Context.CloseAsync();
    }
}
