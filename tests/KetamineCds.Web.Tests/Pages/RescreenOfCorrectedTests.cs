using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA pass 128. F1: a re-screen of a corrected screening starts from its latest correction, never from the answers the
/// correction says were entered wrongly; a re-screen made before its earlier screening was corrected says so, naming the
/// correction and what it changed. F4: Contraindications never read "None." while a question a contraindication rule
/// reads (blood pressure, hepatic status) is blank. F7: the patient list marks a screening both corrected and re-screened.
/// </summary>
public sealed class RescreenOfCorrectedTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string PsychosisWrong = "Psychosis was active at the visit; typed wrong.";

    private static async Task<Guid> IdOfAsync(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A correction of <paramref name="earlier"/> that records active psychosis where "none" was typed.</summary>
    private async Task<Guid> CorrectPsychosisAsync(Guid earlier, string patient)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var corrected = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections",
            SampleRequests.Trd(patient).With("psychosis", "active").With("correctionReason", PsychosisWrong));
        return await IdOfAsync(corrected);
    }

    /// <summary>A re-screen of <paramref name="earlier"/> from the form (the API has no re-screen), with psychosis "none".</summary>
    private Task<Guid> RescreenAsync(Guid earlier, string patient) => factory.RescreenAsync(earlier, patient);

    private async Task<string> PageAsync(string path, string? language = null)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language ?? "en-GB");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Element(string html, string id)
    {
        var match = Regex.Match(html, $"<(p|div) [^>]*id=\"{id}\"[^>]*>.*?</\\1>", RegexOptions.Singleline);
        Assert.True(match.Success, $"#{id} is on the page");
        return match.Value;
    }

    /// <summary>
    /// A decision log for an app on this fixture's database: a mock passing each read of screenings and later screenings to
    /// the real log, so that a test can count them.
    /// </summary>
    private Mock<IDecisionLog> ReadsThroughAMock()
    {
        var real = factory.Services.GetRequiredService<IDecisionLog>();
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.FindScreeningAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns((Guid id, CancellationToken ct) => real.FindScreeningAsync(id, ct));
        log.Setup(l => l.FindLaterScreeningsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns((Guid id, CancellationToken ct) => real.FindLaterScreeningsAsync(id, ct));
        log.Setup(l => l.FindLaterScreeningsAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<Guid> ids, CancellationToken ct) => real.FindLaterScreeningsAsync(ids, ct));
        return log;
    }

    [Fact]
    public async Task RescreenForm_OfACorrectedScreening_StartsFromItsLatestCorrectionAndSaysSo()
    {
        const string patient = "MRN-QA128-F1-FORM";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var correction = await CorrectPsychosisAsync(earlier, patient);

        var html = await PageAsync($"/Screenings/New?from={earlier}");

        // The form re-screens the correction: its answers (active psychosis), and the new entry will point to it.
        Assert.Contains($"name=\"from\" value=\"{correction}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"from\" value=\"{earlier}\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"active\" selected(=\"selected\")?>", Regex.Match(html, "<select[^>]*name=\"Input.Psychosis\".*?</select>", RegexOptions.Singleline).Value);
        var notice = Element(html, "rescreen-corrected");
        Assert.Contains($"href=\"/Screenings/{earlier}\"", notice, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/{correction}\"", notice, StringComparison.Ordinal);
        Assert.Contains("The correction changed: Psychosis.", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_OfACorrectedScreening_OffersTheRescreenOfItsCorrection()
    {
        const string patient = "MRN-QA128-F1-LINK";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var correction = await CorrectPsychosisAsync(earlier, patient);

        var html = await PageAsync($"/Screenings/{earlier}");

        Assert.DoesNotContain($"href=\"/Screenings/New?from={earlier}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/New?from={correction}\"", html, StringComparison.Ordinal);
        Assert.Contains("Re-screen with the corrected answers", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Re-screen with these answers", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "was corrected by", "The correction changed: Psychosis.")]
    [InlineData("zh-CN", "已由", "该更正修改了：")]
    public async Task ResultPage_OfARescreenMadeBeforeItsEarlierWasCorrected_WarnsNamingTheCorrectionAndWhatItChanged(string language, string says, string changed)
    {
        var patient = "MRN-QA128-F1-B-" + language;
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var rescreen = await RescreenAsync(earlier, patient);
        var correction = await CorrectPsychosisAsync(earlier, patient);

        var html = await PageAsync($"/Screenings/{rescreen}", language);

        var warning = Element(html, "earlier-corrected");
        Assert.Contains($"href=\"/Screenings/{earlier}\"", warning, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/{correction}\"", warning, StringComparison.Ordinal);
        Assert.Contains(says, warning, StringComparison.Ordinal);
        Assert.Contains(changed, warning, StringComparison.Ordinal);
    }

    /// <summary>
    /// Opens <paramref name="page"/> of B, a re-screen of A corrected since, through a log that counts the reads; checks that
    /// it warns naming A's correction and what it changed, and reads A, B and the correction once each.
    /// </summary>
    private async Task<(Guid Earlier, Guid Rescreen, Mock<IDecisionLog> Log)> OpenARescreenWhoseEarlierWasCorrectedAsync(string patient, Func<Guid, string> page)
    {
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var rescreen = await RescreenAsync(earlier, patient);
        var correction = await CorrectPsychosisAsync(earlier, patient);
        var log = ReadsThroughAMock();
        using var reading = new KetamineCdsFactory { DecisionLogOverride = log.Object };
        var client = await reading.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page(rescreen)));

        var warning = Element(html, "earlier-corrected");
        Assert.Contains($"href=\"/Screenings/{correction}\"", warning, StringComparison.Ordinal);
        Assert.Contains("The correction changed: Psychosis.", warning, StringComparison.Ordinal);
        log.Verify(l => l.FindScreeningAsync(earlier, It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindScreeningAsync(rescreen, It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindScreeningAsync(correction, It.IsAny<CancellationToken>()), Times.Once);
        return (earlier, rescreen, log);
    }

    [Fact]
    public async Task ResultPage_OfARescreenWhoseEarlierWasCorrected_ReadsEachEntryOnce()
    {
        // The earlier screening is read once (for its time and for what its correction changed), and the later screenings
        // of the re-screen and of its earlier one come in one query: CorrectionInForce is given what the page has read.
        var (earlier, rescreen, log) = await OpenARescreenWhoseEarlierWasCorrectedAsync("MRN-QA128-F1-ONCE", id => $"/Screenings/{id}");

        log.Verify(l => l.FindLaterScreeningsAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.Order().SequenceEqual(new[] { earlier, rescreen }.Order())), It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindLaterScreeningsAsync(earlier, It.IsAny<CancellationToken>()), Times.Never);
        log.Verify(l => l.FindLaterScreeningsAsync(rescreen, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RescreenForm_OfACorrectedScreening_ReadsEachEntryOnce()
    {
        // ?from= the corrected screening opens its correction: each is read once, for the answers, the decision the
        // correction carries and what it changed. Both were read twice (once to find the correction in force).
        const string patient = "MRN-QA128-F1-FROMONCE";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var correction = await CorrectPsychosisAsync(earlier, patient);
        var log = ReadsThroughAMock();
        using var reading = new KetamineCdsFactory { DecisionLogOverride = log.Object };
        var client = await reading.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/New?from={earlier}"));

        Assert.Contains($"name=\"from\" value=\"{correction}\"", html, StringComparison.Ordinal);
        var notice = Element(html, "rescreen-corrected");
        Assert.Contains($"href=\"/Screenings/{correction}\"", notice, StringComparison.Ordinal);
        Assert.Contains("The correction changed: Psychosis.", notice, StringComparison.Ordinal);
        log.Verify(l => l.FindScreeningAsync(earlier, It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindScreeningAsync(correction, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RescreenForm_OfARescreenWhoseEarlierWasCorrected_ReadsEachEntryOnce()
    {
        // The form re-screening B (a re-screen of A, corrected since) reads A once: for the decision B carries and for what
        // A's correction changed. It was read a second time for the correction.
        await OpenARescreenWhoseEarlierWasCorrectedAsync("MRN-QA128-F1-FORMONCE", id => $"/Screenings/New?from={id}");
    }

    [Fact]
    public async Task RescreenForm_OfARescreenWhoseEarlierWasCorrected_WarnsNamingTheCorrectionAndWhatItChanged()
    {
        const string patient = "MRN-QA128-F1-BFORM";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var rescreen = await RescreenAsync(earlier, patient);
        var correction = await CorrectPsychosisAsync(earlier, patient);

        var html = await PageAsync($"/Screenings/New?from={rescreen}");

        // The form still re-screens B (it was not corrected), and warns.
        Assert.Contains($"name=\"from\" value=\"{rescreen}\"", html, StringComparison.Ordinal);
        var warning = Element(html, "earlier-corrected");
        Assert.Contains($"href=\"/Screenings/{earlier}\"", warning, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/{correction}\"", warning, StringComparison.Ordinal);
        Assert.Contains("The correction changed: Psychosis.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_OfARescreenOfAScreeningNeverCorrected_HasNoWarning()
    {
        const string patient = "MRN-QA128-F1-NONE";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var rescreen = await RescreenAsync(earlier, patient);

        Assert.DoesNotContain("id=\"earlier-corrected\"", await PageAsync($"/Screenings/{rescreen}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"earlier-corrected\"", await PageAsync($"/Screenings/New?from={rescreen}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rescreen-corrected\"", await PageAsync($"/Screenings/New?from={earlier}"), StringComparison.Ordinal);
    }

    /// <summary>The "Re-screen of" row of a print: its dt and dd.</summary>
    private static string RescreenOfRow(string html)
    {
        var rows = Regex.Matches(html, "<div><dt>(?<dt>[^<]*)</dt><dd>(?<dd>(?:(?!</dd>).)*)</dd></div>", RegexOptions.Singleline);
        var row = rows.FirstOrDefault(r => r.Groups["dt"].Value is "Re-screen of" or "重新筛查自");
        Assert.True(row is not null, "the print has a \"Re-screen of\" row");
        return row!.Value;
    }

    [Theory]
    [InlineData("en-GB", "That screening was corrected by {0}: this re-screen started from its answers before the correction; check them against it.", "It changed: Psychosis.")]
    [InlineData("zh-CN", "该筛查已由 {0} 更正：", "该更正修改了：")]
    public async Task Print_OfARescreenWhoseEarlierWasCorrected_WarnsInTheRescreenOfRowNamingTheCorrection(string language, string says, string changed)
    {
        // The result page warned (#earlier-corrected); the one-page print filed in the chart said only "Re-screen of: A".
        var patient = "MRN-QA128-F1-PRINT-" + language;
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var rescreen = await RescreenAsync(earlier, patient);
        var correction = await CorrectPsychosisAsync(earlier, patient);

        var row = RescreenOfRow(await PageAsync($"/Screenings/{rescreen}/Print", language));

        Assert.Contains(earlier.ToString(), row, StringComparison.Ordinal);
        var warning = Regex.Match(row, "<span id=\"earlier-corrected\">.*?</span>", RegexOptions.Singleline).Value;
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, says, correction), warning, StringComparison.Ordinal);
        Assert.Contains(changed, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"earlier-corrected-cut\"", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_OfARescreenOfAScreeningNeverCorrected_HasNoWarning()
    {
        const string patient = "MRN-QA128-F1-PRINTNONE";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var rescreen = await RescreenAsync(earlier, patient);

        var html = await PageAsync($"/Screenings/{rescreen}/Print");

        Assert.Contains(earlier.ToString(), RescreenOfRow(html), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"earlier-corrected\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("was corrected by", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_OfARescreenWhoseEarlierWasCorrected_ReadsEachEntryOnce()
    {
        // As the result page: the later screenings of the re-screen and of its earlier one in one query, each entry read once.
        const string patient = "MRN-QA128-F1-PRINTONCE";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        var rescreen = await RescreenAsync(earlier, patient);
        var correction = await CorrectPsychosisAsync(earlier, patient);
        var log = ReadsThroughAMock();
        using var reading = new KetamineCdsFactory { DecisionLogOverride = log.Object };
        var client = await reading.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{rescreen}/Print"));

        Assert.Contains($"was corrected by {correction}", html, StringComparison.Ordinal);
        Assert.Contains("It changed: Psychosis.", html, StringComparison.Ordinal);
        log.Verify(l => l.FindScreeningAsync(earlier, It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindScreeningAsync(rescreen, It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindScreeningAsync(correction, It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindLaterScreeningsAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.Order().SequenceEqual(new[] { earlier, rescreen }.Order())), It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.FindLaterScreeningsAsync(rescreen, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task PatientList_AScreeningCorrectedAndRescreened_CarriesBothMarkers()
    {
        const string patient = "MRN-QA128-F7";
        var earlier = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd(patient));
        await RescreenAsync(earlier, patient);
        await CorrectPsychosisAsync(earlier, patient);

        var html = await PageAsync($"/Screenings?patientReference={patient}");

        var row = Regex.Match(html, $"<tr>\\s*<td><a href=\"/Screenings/{earlier}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains(" (corrected later)", row, StringComparison.Ordinal);
        Assert.Contains(" (re-screened later)", row, StringComparison.Ordinal);
    }

    [Theory]
    // QA148 F2: they are named as care items the first dose waits for, no longer as "3 safety questions that could block a
    // pathway are not answered" (the pathways are open).
    [InlineData("en-GB", "No contraindication or unmet precondition among the answers recorded, but 3 care items that could show one are not recorded: ", "None.", "Systolic blood pressure, Diastolic blood pressure, Hepatic impairment. A pathway is open without them, but no dose is given until they are known (CV-004, HEP-003).")]
    [InlineData("zh-CN", "已记录的回答中没有禁忌证或未满足的前提条件，但另有 3 个可能显示禁忌证的注意项目未记录：", "无。", "已有路径开放，但在上述项目明确之前不得给药（CV-004、HEP-003）。")]
    public async Task ResultPage_BloodPressureAndHepaticStatusNotRecorded_ContraindicationsNeverSayNone(string language, string expected, string none, string names)
    {
        // QA128 F4: CV-003 (at or above 180/110) and HEP-001 (severe hepatic impairment) are contraindications; with both
        // blank, "None." is not established. Every other question that could block is answered.
        var request = SampleRequests.Trd("MRN-QA128-F4-" + language).With("systolicBp", null).With("diastolicBp", null).With("substanceUse", "none");
        foreach (var safetyItem in new[] { "aneurysmalVascularDisease", "arteriovenousMalformation", "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke", "currentManiaOrMixedFeatures", "lifeLimitingIllness" })
        {
            request = request.With(safetyItem, false);
        }

        var id = await factory.RecordScreeningThroughApiAsync(request);

        var html = await PageAsync($"/Screenings/{id}", language);

        var contraindications = Regex.Match(html, "id=\"kind-Contraindication\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains(expected, contraindications, StringComparison.Ordinal);
        Assert.Contains(names, contraindications, StringComparison.Ordinal);
        Assert.Contains("href=\"#not-recorded-title\"", contraindications, StringComparison.Ordinal);
        Assert.DoesNotContain($"<p class=\"none\">{none}</p>", contraindications, StringComparison.Ordinal);
    }
}
