using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The result page heads the contraindication kind "Contraindications and unmet preconditions": the kind holds
/// preconditions not yet met (BIP-003, a mood stabilizer not recorded as optimized), not only features of the patient
/// that forbid the medicine, and the verdict already says "a contraindication or unmet precondition blocks treatment
/// now" (docs/clinical-review.md section 31 item 4). The contract's kind stays <c>contraindication</c>.
/// </summary>
public sealed class ContraindicationsHeadingTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("en-GB", "Contraindications and unmet preconditions", "Bipolar disorder: optimize the mood stabilizer")]
    [InlineData("zh-CN", "禁忌证和未满足的前提条件", "未满足的前提条件，目前不能治疗")]
    public async Task Result_BipolarOnLithiumNotOptimized_HeadsBip003UnderContraindicationsAndUnmetPreconditions(string language, string heading, string alsoSaid)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd("MRN-BIP3-HEAD-" + language)
            .With("primaryDiagnosis", "bipolar-i").With("moodStabilizer", "lithium").With("moodStabilizerOptimized", false);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var bip003 = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "BIP-003");
        Assert.Equal("contraindication", bip003.GetProperty("kind").GetString()); // the contract is unchanged
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, $"/Screenings/{body.GetProperty("id").GetGuid()}", language)).Content.ReadAsStringAsync());

        var section = Regex.Match(html, "<h2 id=\"kind-Contraindication\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(section.Success, "no contraindication section");
        // Helper 336: Chinese brackets the count full-width, with no space before (the bracket carries its own gap).
        Assert.StartsWith(heading + (language == "zh-CN" ? "<span class=\"count\">（" : " <span class=\"count\">("), section.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("BIP-003", section.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains(alsoSaid, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Contraindication or unmet precondition", "Contraindication or unmet precondition, high")]
    [InlineData("zh-CN", "禁忌证或未满足的前提条件", "禁忌证或未满足的前提条件，高")]
    public async Task PrintAndAudit_Bip003_LabelTheFindingAsItsHeadingDoes_NeverAContraindicationAlone(string language, string label, string printedKind)
    {
        // The heading says "Contraindications and unmet preconditions"; the label each finding of the kind carries said
        // "Contraindication", on BIP-003 too, an unmet precondition (the print, the auditor's trace; the result page's
        // "still call for action" line, NotRecordedAndVerdictWordingTests F11). It now names the kind as the heading does:
        // no rule is called a precondition or a contraindication on the page's own authority; the contract's kind stays.
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd("MRN-BIP3-LABEL-" + language)
            .With("primaryDiagnosis", "bipolar-i").With("moodStabilizer", "lithium").With("moodStabilizerOptimized", false);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var psychiatrist = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var print = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(psychiatrist, $"/Screenings/{id}/Print", language)).Content.ReadAsStringAsync());
        var audit = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{id}", language)).Content.ReadAsStringAsync());

        Assert.Contains($"<span class=\"p-kind\">{printedKind}</span> <strong>BIP-003</strong>", print, StringComparison.Ordinal);
        Assert.Matches($"<th scope=\"row\" class=\"audit-tight\">BIP-003</th>\\s*<td class=\"[^\"]*\">{Regex.Escape(label)}</td>", audit);
    }
}
