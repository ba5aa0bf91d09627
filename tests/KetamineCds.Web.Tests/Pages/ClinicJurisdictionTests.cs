using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA7 F19: the clinic's labelling jurisdiction (<c>Clinic:Jurisdiction</c>, us or eu, default us) is what the intake form
/// preselects; a re-screen or a correction keeps the earlier screening's; the API keeps the contract's rule (a request
/// without a jurisdiction is screened under the US label); a value the contract does not know stops the app at start.
/// The form's own preselection is in <see cref="NewScreeningFormTests"/> (ChoiceWithADefault).
/// </summary>
public sealed class ClinicJurisdictionTests
{
    private static KetamineCdsFactory Clinic(string? jurisdiction) => jurisdiction is null
        ? new KetamineCdsFactory()
        : new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Clinic:Jurisdiction"] = jurisdiction } };

    private static string Select(string html) => Regex.Match(html, "<select[^>]*id=\"jurisdiction\".*?</select>", RegexOptions.Singleline).Value;

    private static string Hint(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<p class=\"hint\" id=\"jurisdiction-hint\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);

    [Theory]
    [InlineData("mars")]
    [InlineData("EU")]
    [InlineData("")]
    public void Start_ClinicJurisdictionTheContractDoesNotKnow_RefusesToStartNamingTheSetting(string jurisdiction)
    {
        using var factory = Clinic(jurisdiction);

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Clinic:Jurisdiction must be us or eu", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu", null, "from", "us", "EU (SmPC)")] // omitted in the API: the contract's US, never the clinic's EU
    [InlineData("eu", null, "corrects", "us", "EU (SmPC)")]
    [InlineData("eu", "us", "from", "us", "EU (SmPC)")]
    [InlineData(null, "eu", "from", "eu", "US (FDA label)")]
    [InlineData(null, "eu", "corrects", "eu", "US (FDA label)")]
    public async Task RescreenOrCorrection_KeepsTheEarlierScreeningsJurisdictionNotTheClinics(string? clinicJurisdiction, string? earlierJurisdiction, string mode, string chosen, string clinicDefault)
    {
        using var factory = Clinic(clinicJurisdiction);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-JURISDICTION-KEPT").With("jurisdiction", earlierJurisdiction));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync($"/Screenings/New?{mode}={id}");

        Assert.Matches($"<option value=\"{chosen}\" selected=\"selected\">", Select(html));
        Assert.Single(Regex.Matches(Select(html), "selected="));
        Assert.EndsWith($"Kept from the earlier screening; the clinic's default is {clinicDefault}. Change it if another label applies to this patient.", Hint(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescreen_InChinese_SaysTheJurisdictionIsKeptFromTheEarlierScreening()
    {
        using var factory = Clinic("eu");
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-JURISDICTION-ZH"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/New?from={id}", "zh-CN");

        Assert.EndsWith("沿用之前筛查的选择；本诊所的默认设置为欧盟（产品特性概要 SmPC）。如该患者适用另一地区的说明书，请更改。", Hint(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("eu", true)]
    public async Task Api_RequestWithoutJurisdictionInAnEuClinic_IsScreenedUnderTheUsLabelAsTheContractSays(string? jurisdiction, bool euRules)
    {
        // The clinic's setting is the form's preselection only: the contract's rule (omitted means us) is the API's.
        using var factory = Clinic("eu");
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-JURISDICTION-API").With("jurisdiction", jurisdiction));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(jurisdiction, body.GetProperty("input").GetProperty("jurisdiction").GetString());
        var rules = body.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).ToList();
        Assert.Equal(euRules, rules.Any(r => r.StartsWith("EU-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null, "en-GB", "<dt>Labelling jurisdiction</dt><dd>Not recorded: US (FDA label) applied</dd>", "Labelling jurisdiction: US (FDA label) applied")]
    [InlineData(null, "zh-CN", "<dt>说明书适用地区</dt><dd>未记录：已按美国（FDA 说明书）评估</dd>", "说明书适用地区：已按美国（FDA 说明书）评估")]
    [InlineData("us", "en-GB", "<dt>Labelling jurisdiction</dt><dd>US (FDA label)</dd>", null)]
    public async Task ResultAndPrint_JurisdictionNotRecorded_ShowItAsNotRecordedWithTheLabelThatApplied(string? jurisdiction, string language, string resultAnswer, string? printNotRecorded)
    {
        // QA8 F21: the rules read the contract's US when the jurisdiction was not recorded; the pages say it was not recorded.
        using var factory = Clinic("eu");
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-JURISDICTION-SHOWN").With("jurisdiction", jurisdiction));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var result = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}", language);
        using var print = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{id}/Print", language);

        Assert.Contains(resultAnswer, Regex.Replace(WebUtility.HtmlDecode(await result.Content.ReadAsStringAsync()), @"<div class=""[^""]*""><dt>|<div><dt>", "<dt>"), StringComparison.Ordinal);
        var printed = WebUtility.HtmlDecode(await print.Content.ReadAsStringAsync());
        var answers = Regex.Match(printed, "<p class=\"p-answers\">.*?</p>", RegexOptions.Singleline).Value;
        var notRecorded = Regex.Match(printed, "<p class=\"p-answers p-answers--not-recorded\">.*?</p>", RegexOptions.Singleline).Value;
        if (printNotRecorded is not null)
        {
            Assert.Contains(printNotRecorded, notRecorded, StringComparison.Ordinal);
            Assert.DoesNotContain(printNotRecorded.Split(':', '：')[0], answers, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Labelling jurisdiction", notRecorded, StringComparison.Ordinal);
        }
    }
}
