using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Web.CdsHooks;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA7 F19 on the CDS Hooks side: a chart never records the labelling jurisdiction. The service is the clinic's, so an
/// answer reads the clinic's (<c>Clinic:Jurisdiction</c>) as the intake form does: its prefilled form preselects it, and a
/// screening completed from an earlier one keeps that one's, as a re-screen does. The hook is answered in process
/// (<see cref="CdsHookAnswering"/>); its authentication is the integration tests'.
/// </summary>
public sealed class ClinicJurisdictionHookTests
{
    private static KetamineCdsFactory Clinic(string? jurisdiction) => jurisdiction is null
        ? new KetamineCdsFactory()
        : new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Clinic:Jurisdiction"] = jurisdiction } };

    /// <summary>A patient-view call whose chart holds the Patient only: no jurisdiction, no trials, no suicidality.</summary>
    private static async Task<IReadOnlyList<Card>> PatientViewAsync(KetamineCdsFactory factory, string patient)
    {
        var body = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = patient },
            ["prefetch"] = new JsonObject { ["patient"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = patient } },
        };
        var answering = factory.Services.GetRequiredService<CdsHookAnswering>();
        return await answering.AnswerAsync(
            CdsHookServices.Find("ketamine-screening-patient-view")!, new CdsHookCaller("https://ehr.test.example"),
            Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-jurisdiction", CancellationToken.None);
    }

    [Theory]
    [InlineData("eu", "eu", "EU (SmPC)")]
    [InlineData(null, "us", "US (FDA label)")]
    public async Task PatientView_ChartWithoutAJurisdiction_PrefilledFormPreselectsTheClinicsNotMarkedAsTheCharts(string? clinicJurisdiction, string chosen, string label)
    {
        using var factory = Clinic(clinicJurisdiction);

        var cards = await PatientViewAsync(factory, "MRN-HOOK-PREFILL");

        var url = Assert.Single(cards[^1].Links!).Url;
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var html = await client.GetStringAsync(new Uri(url).PathAndQuery);
        var select = Regex.Match(html, "<select[^>]*id=\"jurisdiction\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Matches($"<option value=\"{chosen}\" selected=\"selected\">", select);
        Assert.Single(Regex.Matches(select, "selected="));
        var field = Regex.Match(html, "<label for=\"jurisdiction\">.*?</label>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("from the EHR chart", field, StringComparison.Ordinal);
        Assert.Contains($"Preset to the clinic's default, {label};", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu", null, "us")] // the earlier screening was assessed under the contract's US: kept, never the clinic's EU
    [InlineData("eu", "eu", "eu")]
    [InlineData(null, "eu", "eu")]
    public async Task PatientView_CompletedFromAnEarlierScreening_KeepsItsJurisdiction(string? clinicJurisdiction, string? earlierJurisdiction, string recorded)
    {
        using var factory = Clinic(clinicJurisdiction);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        // One recorded without a jurisdiction in an EU clinic comes from the form (its API refuses such a request, QA293 F3).
        var earlier = earlierJurisdiction is null
            ? await Pages.ClinicJurisdictionTests.RecordThroughTheFormAsync(factory, "MRN-HOOK-COMPLETED", null)
            : (await (await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-HOOK-COMPLETED").With("jurisdiction", earlierJurisdiction)))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await PatientViewAsync(factory, "MRN-HOOK-COMPLETED");

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/screenings?patientReference=MRN-HOOK-COMPLETED");
        var completed = list.GetProperty("items")[0];
        Assert.Equal(earlier, completed.GetProperty("rescreenOf").GetGuid());
        Assert.Equal(recorded, completed.GetProperty("input").GetProperty("jurisdiction").GetString());
        var euRules = completed.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("ruleId").GetString()!.StartsWith("EU-", StringComparison.Ordinal));
        Assert.Equal(recorded == "eu", euRules);
    }

    /// <summary>
    /// helper-155's leftover: the record note of an answer completed from an earlier screening joins its two sentences as
    /// Chinese does, with no space after the full stop ("。 在病历" before).
    /// </summary>
    [Fact]
    public async Task PatientView_CompletedFromAnEarlierScreening_InChinese_SetsItsSentencesClose()
    {
        using var factory = Clinic(null);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-HOOK-ZH"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
        IReadOnlyList<Card> cards;
        try
        {
            cards = await PatientViewAsync(factory, "MRN-HOOK-ZH");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }

        var noted = cards.Select(c => c.Detail).Where(d => d.Contains("已记入 KetamineCds 决策日志", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(noted);
        Assert.All(noted, d => Assert.Contains("在病历未记录回答", d, StringComparison.Ordinal));
        Assert.All(cards, c => Assert.DoesNotContain("。 ", c.Detail, StringComparison.Ordinal));
    }
}
