using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA7 F19: the clinic's labelling jurisdiction (<c>Clinic:Jurisdiction</c>, us or eu, default us) is what the intake form
/// preselects; a re-screen or a correction keeps the earlier screening's; the API keeps the contract's rule (a request
/// without a jurisdiction is screened under the US label) in a clinic on the default, and a clinic configured for the EU
/// refuses such a request (QA293 F3); a value the contract does not know stops the app at start.
/// The form's own preselection is in <see cref="NewScreeningFormTests"/> (ChoiceWithADefault).
/// </summary>
public sealed class ClinicJurisdictionTests
{
    private static KetamineCdsFactory Clinic(string? jurisdiction) => jurisdiction is null
        ? new KetamineCdsFactory()
        : new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Clinic:Jurisdiction"] = jurisdiction } };

    /// <summary>
    /// Records a screening through the intake form with the given jurisdiction, or none: the form's "Not recorded: US (FDA
    /// label) applies" records none in any clinic, while the API of an EU clinic refuses a request without one (QA293 F3).
    /// </summary>
    internal static async Task<Guid> RecordThroughTheFormAsync(KetamineCdsFactory factory, string patient, string? jurisdiction)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm(patient);
        form["Input.Jurisdiction"] = jurisdiction ?? "";
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");
        using var created = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString["/Screenings/".Length..]);
    }

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
    [InlineData("eu", null, "from", "us", "EU (SmPC)")] // not recorded: the contract's US, never the clinic's EU
    [InlineData("eu", null, "corrects", "us", "EU (SmPC)")]
    [InlineData("eu", "us", "from", "us", "EU (SmPC)")]
    [InlineData(null, "eu", "from", "eu", "US (FDA label)")]
    [InlineData(null, "eu", "corrects", "eu", "US (FDA label)")]
    public async Task RescreenOrCorrection_KeepsTheEarlierScreeningsJurisdictionNotTheClinics(string? clinicJurisdiction, string? earlierJurisdiction, string mode, string chosen, string clinicDefault)
    {
        using var factory = Clinic(clinicJurisdiction);
        var id = await RecordThroughTheFormAsync(factory, "MRN-JURISDICTION-KEPT", earlierJurisdiction);
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
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-JURISDICTION-ZH").With("jurisdiction", "eu"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/New?from={id}", "zh-CN");

        Assert.EndsWith("沿用之前筛查的选择；本诊所的默认设置为欧盟（产品特性概要 SmPC）。如该患者适用另一地区的说明书，请更改。", Hint(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false)] // a clinic on the default: the contract's rule, US when not recorded
    [InlineData("us", "eu", true)]
    [InlineData("eu", "eu", true)]
    [InlineData("eu", "us", false)]
    public async Task Api_RequestWithAJurisdictionOrInAUsClinicWithout_IsScreenedUnderTheLabelItNames(string? clinicJurisdiction, string? jurisdiction, bool euRules)
    {
        using var factory = Clinic(clinicJurisdiction);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = SampleRequests.Trd("MRN-JURISDICTION-API").With("jurisdiction", jurisdiction);

        var created = await api.PostAsJsonAsync("/api/v1/screenings", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var screening = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(jurisdiction, screening.GetProperty("input").GetProperty("jurisdiction").GetString());
        var rules = screening.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).ToList();
        Assert.Equal(euRules, rules.Any(r => r.StartsWith("EU-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null, "en-GB", "This clinic screens under EU (SmPC) (its setting Clinic:Jurisdiction): give the jurisdiction, us or eu, with every screening. Left out, the patient would be screened under US (FDA label), the contract's default, which is not this clinic's label.")]
    [InlineData("", "en-GB", "This clinic screens under EU (SmPC) (its setting Clinic:Jurisdiction): give the jurisdiction, us or eu, with every screening. Left out, the patient would be screened under US (FDA label), the contract's default, which is not this clinic's label.")]
    [InlineData(null, "zh-CN", "本诊所按欧盟（产品特性概要 SmPC）筛查（其设置 Clinic:Jurisdiction）：每次筛查都请给出说明书适用地区（us 或 eu）。若不填写，将按接口约定的默认值美国（FDA 说明书）筛查，而那不是本诊所适用的说明书。")]
    public async Task Api_RequestWithoutJurisdictionInAnEuClinic_IsRefusedUnderJurisdictionAndNothingIsStored(string? jurisdiction, string language, string message)
    {
        // QA293 F3: the contract's default (US) would silently screen an EU clinic's patient under the US label, and leave
        // EU-001, EU-003, EU-004 and AGE-003 unchecked: the clinic's API asks for the jurisdiction instead.
        using var factory = Clinic("eu");
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/screenings")
        {
            Content = JsonContent.Create(SampleRequests.Trd("MRN-JURISDICTION-REFUSED").With("jurisdiction", jurisdiction)),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var refused = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["jurisdiction"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(message, Assert.Single(errors.GetProperty("jurisdiction").EnumerateArray()).GetString());
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/screenings?patientReference=MRN-JURISDICTION-REFUSED"));
        Assert.Empty(list.RootElement.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(null, "en-GB", "<dt>Labelling jurisdiction</dt><dd>Not recorded: US (FDA label) applied</dd>", "Labelling jurisdiction: US (FDA label) applied")]
    [InlineData(null, "zh-CN", "<dt>说明书适用地区</dt><dd>未记录：已按美国（FDA 说明书）评估</dd>", "说明书适用地区：已按美国（FDA 说明书）评估")]
    [InlineData("us", "en-GB", "<dt>Labelling jurisdiction</dt><dd>US (FDA label)</dd>", null)]
    public async Task ResultAndPrint_JurisdictionNotRecorded_ShowItAsNotRecordedWithTheLabelThatApplied(string? jurisdiction, string language, string resultAnswer, string? printNotRecorded)
    {
        // QA8 F21: the rules read the contract's US when the jurisdiction was not recorded; the pages say it was not recorded.
        // A clinic on the default: an EU clinic's API refuses a request without a jurisdiction (QA293 F3).
        using var factory = Clinic(null);
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
