using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA318: the audit screening page's "Input as submitted" is JSON in which a blank is written two ways (<c>null</c> for a
/// choice, a yes/no answered "Not known" or a number; a yes/no never answered left out; helper 227). Above it the page lists,
/// in words and in the page's language, the questions asked of the entry's answers that were not recorded, as the field
/// catalogue labels them (the clinician's result page's source, Display.AnswersAsked): never a recorded answer, never a
/// question not asked of these answers, never "no".
/// </summary>
public sealed partial class AuditScreeningNotRecordedTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Fact]
    public async Task AuditScreening_BlanksWrittenNullOrLeftOut_AreListedByTheirLabels_RecordedAndUnaskedAreNot()
    {
        var id = await RecordAsync();
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await auditor.GetAsync($"/Audit/Screening/{id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = InputJson(html);
        // The two ways the JSON says "not recorded": the list must not need either read.
        Assert.Contains("\"onOpioids\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"hepaticImpairment\": null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"arteriovenousMalformation\"", json, StringComparison.Ordinal);

        var listed = Listed(html);
        Assert.Equal(Fields.OnOpioids.Label, listed["onOpioids"]);
        Assert.Equal(Fields.HepaticImpairment.Label, listed["hepaticImpairment"]);
        Assert.Equal(Fields.ArteriovenousMalformation.Label, listed["arteriovenousMalformation"]);
        // Not recorded, its default applied: said so, as the result page says it.
        Assert.Equal(Fields.Jurisdiction.Label + " — US (FDA label) applied", listed["jurisdiction"]);
        // Recorded answers (a no among them) and questions these answers do not ask (pregnancy of a man, the safety net
        // without suicidality) are not listed.
        foreach (var field in new[] { "aneurysmalVascularDisease", "psychosis", "sexAtBirth", "systolicBp", "pregnant", "safetyPlanInPlace" })
        {
            Assert.False(listed.ContainsKey(field), field);
        }

        Assert.DoesNotContain(listed.Values, text => text.Contains(": No", StringComparison.Ordinal) || text.EndsWith(" No", StringComparison.Ordinal));
        // The list stands above the JSON, under its heading.
        Assert.True(html.IndexOf("id=\"input-not-recorded\"", StringComparison.Ordinal) < html.IndexOf("aria-label=\"Input JSON\"", StringComparison.Ordinal));
        Assert.Contains("<h3 id=\"input-not-recorded-title\">Not recorded in this entry</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditScreening_InChinese_ListsTheBlanksByTheirChineseLabels()
    {
        var id = await RecordAsync();
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{id}", "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h3 id=\"input-not-recorded-title\">本条目中未记录</h3>", html, StringComparison.Ordinal);
        var listed = Listed(html);
        Assert.Equal("正在使用阿片类药物", listed["onOpioids"]);
        Assert.Equal("动静脉畸形", listed["arteriovenousMalformation"]);
        Assert.Equal("肝功能损害", listed["hepaticImpairment"]);
        Assert.DoesNotContain(listed.Values, text => text.Contains('否', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditScreening_EveryQuestionAskedRecorded_SaysSoInsteadOfAList()
    {
        // Every safety and care item (CompleteScreeningBodies), and the few questions besides.
        var request = CompleteScreeningBodies.RequiredAnswers("MRN-AUDIT-NR-ALL");
        request["sexAtBirth"] = "male";
        request["jurisdiction"] = "us";
        request["distinctMechanisms"] = 2;
        request["chronicNeuropathicPain"] = false;
        request["opioidInducedHyperalgesia"] = false;
        request["phq9Total"] = 12;
        request["phq9Item9"] = 0;
        request = CompleteScreeningBodies.WithEveryItemRecorded(request);
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{id}"));

        if (html.Contains("id=\"input-not-recorded\"", StringComparison.Ordinal))
        {
            Assert.Fail("Listed as not recorded: " + string.Join(", ", Listed(html).Keys));
        }

        Assert.Contains("<p id=\"input-not-recorded-none\">Every question asked of this entry's answers was recorded.</p>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A man with TRD (<see cref="SampleRequests.Trd"/>): "Not known" for opioids (stored null), aneurysmal vascular disease
    /// recorded as no, the arteriovenous malformation never answered (left out), the hepatic status not chosen (null).
    /// </summary>
    private Task<Guid> RecordAsync()
    {
        var request = SampleRequests.Trd("MRN-AUDIT-NR-" + Guid.NewGuid().ToString("N")[..8]);
        request["onOpioids"] = null;
        request["aneurysmalVascularDisease"] = false;
        return factory.RecordScreeningThroughApiAsync(request);
    }

    private static string InputJson(string html)
    {
        var match = Regex.Match(html, "aria-label=\"Input JSON\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, "no Input JSON");
        return match.Groups[1].Value;
    }

    /// <summary>The list's items by the contract name each shows (its pieces joined), each its text without the name.</summary>
    private static Dictionary<string, string> Listed(string html)
    {
        var list = Regex.Match(html, "<ul class=\"audit-not-recorded\" id=\"input-not-recorded\"[^>]*>(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(list.Success, "no #input-not-recorded");
        return Item().Matches(list.Groups[1].Value).ToDictionary(
            m => Tags().Replace(m.Groups["name"].Value, ""),
            m => (m.Groups["label"].Value + Tags().Replace(m.Groups["rest"].Value, "")).Trim(),
            StringComparer.Ordinal);
    }

    [GeneratedRegex("<li><strong>(?<label>[^<]*)</strong> <code class=\"audit-code\">(?<name>.*?)</code>(?<rest>.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Item();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
