using System.Net;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA (helper 263) F1: "Current mania, hypomania or mixed features" stood alone in a box headed "Bipolar disorder", with
/// no mark and no hint: a clinician screening a patient with major depression, PTSD or OCD skipped it, and its blank alone
/// left the screening incomplete (BIP-004 blocks in any diagnosis, so every pathway waits on it). The box now names mania,
/// and the question says it is asked of every patient and why; it stays optional ("Not known" offered, never required).
/// </summary>
public sealed class ManiaAskedOfEveryPatientTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public ManiaAskedOfEveryPatientTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(null, "Mania and bipolar disorder", "Asked of every patient, whatever the diagnosis: current mania, hypomania or mixed features defer ketamine in any diagnosis (BIP-004), so no pathway can open while this is not answered.")]
    [InlineData("zh-CN", "躁狂与双相情感障碍", "无论诊断为何，每位患者都会被询问此项：当前存在躁狂、轻躁狂或混合特征时，在任何诊断下都会暂缓氯胺酮治疗（BIP-004），因此该项未回答时，任何路径都不会开放。")]
    public async Task NewScreening_ManiaQuestion_SaysItIsAskedOfEveryPatientAndStaysOptional(string? language, string heading, string hint)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The section holding the question is headed by mania, not by bipolar disorder alone.
        var section = Regex.Match(html, "<fieldset class=\"section\">\\s*<legend><h2 class=\"section__title\">([^<]*)</h2></legend>(?:(?!</fieldset>\\s*<fieldset class=\"section\">).)*?id=\"currentManiaOrMixedFeatures-group\"", RegexOptions.Singleline);
        Assert.True(section.Success);
        Assert.Equal(heading, WebUtility.HtmlDecode(section.Groups[1].Value));
        // The question's own hint, tied to it, says why every patient is asked.
        var group = Regex.Match(html, "<fieldset [^>]*id=\"currentManiaOrMixedFeatures-group\".*?</fieldset>", RegexOptions.Singleline).Value;
        Assert.Matches("aria-describedby=\"[^\"]*currentManiaOrMixedFeatures-hint", group);
        var shown = WebUtility.HtmlDecode(Regex.Match(group, "<p class=\"hint\" id=\"currentManiaOrMixedFeatures-hint\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
        Assert.Equal(hint, shown);
        // Still optional: no "(required)" mark, and "Not known" is offered.
        Assert.DoesNotContain("class=\"required\"", group, StringComparison.Ordinal);
        Assert.Matches("<div class=\"radio\"[^>]*><input type=\"radio\" id=\"currentManiaOrMixedFeatures-nr\"", group);
    }

    [Fact]
    public async Task NewScreening_ManiaQuestion_IsAskedFirstInItsSection_TheContractKeepsItsOrder()
    {
        // Helper 273: asked of everyone, the question stood last in its box, after the two asked only for bipolar disorder
        // (hidden for any other diagnosis), because the form followed the contract's order. The form asks it first; the
        // catalogue, and so the contract and its JSON, keep their order.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync("/Screenings/New");

        var mania = html.IndexOf("id=\"currentManiaOrMixedFeatures-group\"", StringComparison.Ordinal);
        var stabilizer = html.IndexOf("id=\"moodStabilizer\"", StringComparison.Ordinal);
        var optimized = html.IndexOf("id=\"moodStabilizerOptimized-group\"", StringComparison.Ordinal);
        Assert.True(mania > 0 && stabilizer > 0 && optimized > 0);
        Assert.True(mania < stabilizer && stabilizer < optimized, "The form asks mania first in its section, then the mood stabilizer and its level.");
        Assert.Equal(["moodStabilizer", "moodStabilizerOptimized", "currentManiaOrMixedFeatures"],
            KetamineCds.Domain.Screening.Fields.All.Where(f => f.Section == KetamineCds.Domain.Screening.FieldSection.Bipolar).Select(f => f.Name));
    }
}
