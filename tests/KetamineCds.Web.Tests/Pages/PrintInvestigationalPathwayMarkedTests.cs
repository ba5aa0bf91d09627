using System.Net;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 287: the print names the pathways that do not apply on one line, and the pathways a question waits for after
/// "Waiting:", by their short names (to keep the sheet on one page). The investigational PTSD/OCD pathway's short name,
/// "PTSD / OCD", dropped its "(investigational)": on the chart's print it read like an established pathway, where the
/// result page names it in full (P-PTSD, P-OCD). The print keeps the marker there; the other pathways keep their short names.
/// </summary>
public sealed partial class PrintInvestigationalPathwayMarkedTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private async Task<string> PrintAsync(Guid id, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    [Theory]
    [InlineData("en-GB", "PTSD / OCD (investigational)", "bipolar adjunct")]
    [InlineData("zh-CN", "PTSD / OCD（研究性）", "双相辅助治疗")]
    public async Task Print_NotApplicableLine_MarksTheInvestigationalPathway_OthersKeepTheirShortNames(string language, string investigational, string bipolarShort)
    {
        // MDD with three failed trials: the TRD pathways apply; the bipolar, palliative and investigational ones do not.
        var id = await factory.RecordScreeningThroughApiAsync(CompleteScreeningBodies.RequiredAnswers("MRN-PRINT-INV-NA-" + language));

        var row = NotApplicableRow().Match(await PrintAsync(id, language));

        Assert.True(row.Success, "The print has a line of pathways that do not apply.");
        var names = Text(row.Groups["names"].Value);
        Assert.EndsWith(investigational, names, StringComparison.Ordinal);
        Assert.Contains(bipolarShort, names, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Waiting: PTSD / OCD (investigational).")]
    [InlineData("zh-CN", "等待中：PTSD / OCD（研究性）。")]
    public async Task Print_PtsdWaitingForTheManiaQuestion_NamesThePathwayWaitingAsInvestigational(string language, string waiting)
    {
        var id = await factory.RecordScreeningThroughApiAsync(CompleteScreeningBodies.PtsdRequiredAnswers("MRN-PRINT-INV-WAIT-" + language));

        var group = Regex.Match(await PrintAsync(id, language), "<p class=\"p-nr-group\"><span class=\"p-cite\">(?<waiting>[^<]*)</span>");

        Assert.True(group.Success, "The print lists what the pathway waits for.");
        Assert.Equal(waiting, group.Groups["waiting"].Value);
    }

    [Theory]
    [InlineData("en-GB", "None.")]
    [InlineData("zh-CN", "无。")]
    public async Task Print_NoFindings_SaysNoneUnderTheFindingsHeading_AsUnderTheChecklist(string language, string none)
    {
        // Helper 287 noticed: MDD out of an episode with only the required answers gives no contraindication, caution or
        // information; the print's Findings heading stood over nothing, where the checklist says "None.".
        var id = await factory.RecordScreeningThroughApiAsync(CompleteScreeningBodies.MddInRemissionRequiredAnswers("MRN-PRINT-NO-FINDINGS-" + language));

        var html = await PrintAsync(id, language);

        Assert.DoesNotContain("<ul class=\"p-findings\">", html, StringComparison.Ordinal);
        Assert.Matches("<p class=\"p-none\" id=\"findings-none\">" + Regex.Escape(none) + "</p>", html);
    }

    [Fact]
    public async Task Print_WithFindings_ListsThem_AndSaysNoNone()
    {
        var id = await factory.RecordScreeningThroughApiAsync(CompleteScreeningBodies.RequiredAnswers("MRN-PRINT-FINDINGS"));

        var html = await PrintAsync(id, "en-GB");

        Assert.Contains("<ul class=\"p-findings\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"findings-none\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr class=\"p-na\"><td colspan=\"2\">(?<names>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex NotApplicableRow();
}
