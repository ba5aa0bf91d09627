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
        Assert.StartsWith(heading + " <span class=\"count\">(", section.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("BIP-003", section.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains(alsoSaid, html, StringComparison.Ordinal);
    }
}
