using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 267 (psychiatrist's QA, F3). "Not indicated" leaves the investigational PTSD/OCD pathway aside (docs/rules.md), so a
/// PTSD history is "Not indicated" while that pathway waits for an answer ("Incomplete", the mania question blank) or is open
/// as investigational only. The verdict is right, but the result page and the print said "No pathway applies, yet these
/// findings still call for action:", and with the investigational pathway open framed the findings with "No pathway is open
/// or waiting for this history", while the pathway table beside them showed it incomplete or investigational only. The lead
/// line now says "no indicated pathway" (as the verdict's explanation does, P-PTSD, P-OCD), and the frame is shown only where
/// no pathway, the investigational one included, is open or waiting (<see cref="KetamineCds.Web.Screenings.NoPathwayInView"/>).
/// </summary>
public sealed class InvestigationalPathwayInViewTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string StillActEn = "No indicated pathway applies, yet these findings still call for action:";
    private const string StillActZh = "虽无具备适应证的适用路径，以下提示仍需采取行动：";

    /// <summary>PTSD, no depressive episode, no failed trial, every item recorded; the mania question left blank unless <paramref name="maniaRecorded"/>.</summary>
    private static JsonObject Ptsd(string reference, bool maniaRecorded)
    {
        var body = CompleteScreeningBodies.PtsdWithEveryItemRecorded(reference);
        return maniaRecorded ? body : body.With("currentManiaOrMixedFeatures", null);
    }

    private async Task<Guid> CreateAsync(JsonObject request, string investigationalStatus)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-indicated", body.GetProperty("overall").GetString());
        Assert.Equal(investigationalStatus, body.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("pathway").GetString() == "investigational-ptsd-ocd").GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }

    private async Task<string> PageAsync(string path, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    [Theory]
    [InlineData(false, "incomplete", "en-GB")]
    [InlineData(false, "incomplete", "zh-CN")]
    [InlineData(true, "investigational-only", "en-GB")]
    [InlineData(true, "investigational-only", "zh-CN")]
    public async Task ResultAndPrint_PtsdInvestigationalPathwayWaitingOrOpen_SayNoIndicatedPathway_NeverThatNoneIsOpenOrWaiting(bool maniaRecorded, string status, string language)
    {
        var id = await CreateAsync(Ptsd($"MRN-H267-F3-{status}-{language}", maniaRecorded), status);
        var stillAct = language == "zh-CN" ? StillActZh : StillActEn;

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        // REMS-002 (high) still calls for action: the lead line is there, and says "no indicated pathway".
        var line = Regex.Match(result, @"<p class=""verdict__still-act"" id=""verdict-still-act""[^>]*>(.*?)</p>", RegexOptions.Singleline);
        Assert.True(line.Success, "the result page's verdict names the findings that still call for action");
        Assert.StartsWith(stillAct, Text(line.Groups[1].Value).Trim(), StringComparison.Ordinal);
        var printLine = Regex.Match(print, @"<p class=""p-still-act"">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(printLine.Success, "the print's verdict names the findings that still call for action");
        Assert.StartsWith(stillAct, Text(printLine.Groups[1].Value).Trim(), StringComparison.Ordinal);
        foreach (var page in new[] { result, print })
        {
            Assert.DoesNotContain("No pathway applies", page, StringComparison.Ordinal);
            Assert.DoesNotContain("虽无适用路径", page, StringComparison.Ordinal);
            // The investigational pathway is waiting or open: no line says that no pathway is.
            Assert.DoesNotContain("no-pathway-frame", page, StringComparison.Ordinal);
            Assert.DoesNotContain("No pathway is open or waiting", page, StringComparison.Ordinal);
            Assert.DoesNotContain("没有开放或等待中的路径", page, StringComparison.Ordinal);
            Assert.DoesNotContain(language == "zh-CN" ? "仅在日后考虑某一路径时才适用" : "it applies only if a pathway is considered later", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-GB", StillActEn)]
    [InlineData("zh-CN", StillActZh)]
    public async Task Result_MddNoPathwayAtAll_StillFramesTheFindings(string language, string stillAct)
    {
        // A guard beside the change: with no pathway at all in view (MDD out of an episode, the investigational pathway not
        // applicable), a recent attempt without a safety net (QA13 M3: SUI-009, SUI-007) still calls for action; the lead
        // line says the same words and the frame stays.
        var request = CompleteScreeningBodies.WithEveryItemRecorded(new JsonObject
        {
            ["patientReference"] = "MRN-H267-F3-MDD-" + language,
            ["ageYears"] = 40,
            ["sexAtBirth"] = "male",
            ["jurisdiction"] = "us",
            ["primaryDiagnosis"] = "mdd",
            ["currentDepressiveEpisode"] = false,
            ["failedAdequateTrials"] = 0,
            ["onOralAntidepressant"] = false,
            ["psychosis"] = "none",
            ["suicidality"] = "recent-attempt",
            ["preparatoryActsOrAbortedAttempt"] = false,
            ["safetyPlanInPlace"] = false,
            ["lethalMeansCounselled"] = false,
            ["followUpArranged"] = false,
            ["lifeLimitingIllness"] = false,
        });
        var id = await CreateAsync(request, "not-applicable");

        var result = await PageAsync($"/Screenings/{id}", language);

        var line = Regex.Match(result, @"<p class=""verdict__still-act"" id=""verdict-still-act""[^>]*>(.*?)</p>", RegexOptions.Singleline);
        Assert.True(line.Success, "the result page's verdict names the findings that still call for action");
        Assert.StartsWith(stillAct, Text(line.Groups[1].Value).Trim(), StringComparison.Ordinal);
        Assert.Contains("id=\"verdict-no-pathway-frame\"", line.Value, StringComparison.Ordinal);
        Assert.Contains("id=\"no-pathway-frame-Requirement\"", result, StringComparison.Ordinal);
    }

    // Helper 271: a PTSD history is "Not indicated" while the investigational pathway waits for an answer (the mania question
    // blank, "Incomplete") or is open as investigational only. The verdict's explanation said "Only an investigational use
    // applies" in both, while the waiting pathway cannot yet be said to apply; and, with the blood pressure and the hepatic
    // status blank too, the note under "Must be known before the first dose" said "No pathway waits for these answers" beside
    // the list of what that pathway waits for.
    private const string AppliesEn = "Only an investigational use applies";
    private const string AppliesZh = "仅适用一种研究性用途";
    private const string WaitingEn = "Whether the investigational use, ketamine for PTSD or OCD, may be considered cannot be said yet: it waits for the answers listed under \"Must be answered before a pathway can open\"";
    private const string WaitingZh = "研究性用途（氯胺酮用于 PTSD 或 OCD）是否可以考虑，目前尚无法判断：它在等待“须先回答，治疗路径方可开放”下列出的回答";

    /// <summary>The verdict's explanation: on the result page the paragraph after the verdict's heading, on the print the one after its heading.</summary>
    private static string Explanation(string html, bool print)
    {
        var match = Regex.Match(html, print ? @"<section class=""p-verdict[^""]*"" id=""verdict"">.*?</h2>\s*<p>(.*?)</p>" : @"<h2 id=""verdict-title"">.*?</h2>\s*<p>(.*?)</p>", RegexOptions.Singleline);
        Assert.True(match.Success, "the verdict's explanation");
        return Text(match.Groups[1].Value).Trim();
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task ResultAndPrint_PtsdInvestigationalPathwayWaiting_ExplanationSaysItCannotBeSaidYet_NeverThatItApplies(string language)
    {
        var id = await CreateAsync(Ptsd($"MRN-H271-1-INC-{language}", maniaRecorded: false), "incomplete");

        foreach (var print in new[] { false, true })
        {
            var explanation = Explanation(await PageAsync(print ? $"/Screenings/{id}/Print" : $"/Screenings/{id}", language), print);
            Assert.DoesNotContain(language == "zh-CN" ? AppliesZh : AppliesEn, explanation, StringComparison.Ordinal);
            Assert.Contains(language == "zh-CN" ? WaitingZh : WaitingEn, explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task ResultAndPrint_PtsdInvestigationalPathwayOpen_ExplanationStillSaysOnlyAnInvestigationalUseApplies(string language)
    {
        var id = await CreateAsync(Ptsd($"MRN-H271-1-OPEN-{language}", maniaRecorded: true), "investigational-only");

        foreach (var print in new[] { false, true })
        {
            var explanation = Explanation(await PageAsync(print ? $"/Screenings/{id}/Print" : $"/Screenings/{id}", language), print);
            Assert.Contains(language == "zh-CN" ? AppliesZh : AppliesEn, explanation, StringComparison.Ordinal);
            Assert.DoesNotContain(language == "zh-CN" ? WaitingZh : WaitingEn, explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-GB", "The pathway waiting, PTSD / OCD (investigational), waits for other answers, listed above, not for these; but no dose is given until these are known: an answer could still rule treatment out.", "The pathway waiting (PTSD / OCD) waits for the answers above, not these; no dose until these are known.", "No pathway waits for")]
    [InlineData("zh-CN", "等待中的路径为 PTSD / OCD（研究性），它在等待上方列出的其他回答，而非这些回答；但在这些回答明确之前不得给药：其回答仍可能排除治疗。", "等待中的路径（PTSD / OCD）在等待上方的回答，而非这些；这些项目明确之前不得给药。", "没有路径因")]
    public async Task ResultAndPrint_PtsdRequiredAnswersOnly_TheFirstDoseNoteNamesThePathwayWaitingForOtherAnswers(string language, string onPage, string onPrint, string noneWaits)
    {
        var id = await CreateAsync(CompleteScreeningBodies.PtsdRequiredAnswers($"MRN-H271-2-{language}"), "incomplete");

        var result = await PageAsync($"/Screenings/{id}", language);
        var print = await PageAsync($"/Screenings/{id}/Print", language);

        // The mania question is listed as what the investigational pathway waits for, the blood pressure and the hepatic status
        // under "Must be known before the first dose" ...
        Assert.Contains("id=\"not-recorded-safety\"", result, StringComparison.Ordinal);
        Assert.Contains("id=\"not-recorded-before-dose\"", result, StringComparison.Ordinal);
        var pageNote = Regex.Match(result, @"<p [^>]*id=""not-recorded-before-dose-note""[^>]*>(.*?)</p>", RegexOptions.Singleline);
        Assert.True(pageNote.Success, "the result page's first-dose note");
        var printNote = Regex.Match(print, @"<span [^>]*id=""p-before-dose-note""[^>]*>(.*?)</span>", RegexOptions.Singleline);
        Assert.True(printNote.Success, "the print's first-dose note");

        // ... and the note under the latter names that pathway as waiting for those other answers, never "no pathway waits".
        Assert.Equal(onPage, Text(pageNote.Groups[1].Value).Trim());
        Assert.Equal(onPrint, Text(printNote.Groups[1].Value).Trim());
        Assert.DoesNotContain(noneWaits, result, StringComparison.Ordinal);
        Assert.DoesNotContain(noneWaits, print, StringComparison.Ordinal);
    }
}
