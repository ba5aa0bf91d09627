using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA128 F6: a screening posted without <c>jurisdiction</c> is assessed under the catalogue's default (US), and the engine's
/// evidence names the value the rule read ("us"). Where that defaulted answer is among a finding's inputs, the result
/// page, the print and the EHR card say it was not recorded and the default applied, in the words the page uses for the
/// answer itself, never "Labelling jurisdiction: US (FDA label)" as if recorded; the print names it once.
/// </summary>
public sealed class DefaultedInputTests
{
    /// <summary>A US TRD history on esketamine alone: TRD-004 fires, and reads the jurisdiction.</summary>
    private static System.Text.Json.Nodes.JsonObject Monotherapy(string patient, string? jurisdiction) =>
        SampleRequests.Trd(patient).With("onOralAntidepressant", false).With("jurisdiction", jurisdiction);

    private static async Task<Guid> ScreenAsync(KetamineCdsFactory factory, System.Text.Json.Nodes.JsonObject request)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        // The API's because stays the engine's evidence: the value the rule read.
        var trd004 = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "TRD-004");
        Assert.Contains(trd004.GetProperty("because").EnumerateArray(), e => e.GetProperty("field").GetString() == "jurisdiction" && e.GetProperty("value").GetString() == "us");
        return body.GetProperty("id").GetGuid();
    }

    private static async Task<string> GetAsync(HttpClient client, string path, string language)
    {
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    [Theory]
    [InlineData("en-GB", "Labelling jurisdiction: Not recorded: US (FDA label) applied", "Labelling jurisdiction: US (FDA label)", "Labelling jurisdiction:")]
    [InlineData("zh-CN", "说明书适用地区：未记录：已按美国（FDA 说明书）评估", "说明书适用地区：美国（FDA 说明书）", "说明书适用地区：")]
    public async Task ResultAndPrint_ScreeningWithoutAJurisdiction_FindingsInputsSayItWasNotRecordedAndTheDefaultApplied(string language, string notRecorded, string asIfRecorded, string labelAndValue)
    {
        using var factory = new KetamineCdsFactory();
        var id = await ScreenAsync(factory, Monotherapy("MRN-DEFAULTED-1", null));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var result = await GetAsync(client, $"/Screenings/{id}", language);
        var because = Regex.Matches(result, "<p class=\"because\">.*?</p>", RegexOptions.Singleline).Select(m => Text(m.Value)).ToList();
        Assert.Contains(because, b => b.Contains(notRecorded, StringComparison.Ordinal));
        Assert.DoesNotContain(because, b => b.Contains(asIfRecorded, StringComparison.Ordinal));

        // The print names the answer once: with the finding that read it, as not recorded; not again in its own list.
        var print = Text(await GetAsync(client, $"/Screenings/{id}/Print", language));
        Assert.Contains(notRecorded, print, StringComparison.Ordinal);
        Assert.DoesNotContain(asIfRecorded, print, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(print, Regex.Escape(labelAndValue)));
    }

    [Fact]
    public async Task ResultAndPrint_ScreeningWithTheJurisdictionRecorded_ShowItAsRecorded()
    {
        using var factory = new KetamineCdsFactory();
        var id = await ScreenAsync(factory, Monotherapy("MRN-DEFAULTED-2", "us"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var result = await GetAsync(client, $"/Screenings/{id}", "en-GB");
        var because = Regex.Matches(result, "<p class=\"because\">.*?</p>", RegexOptions.Singleline).Select(m => Text(m.Value)).ToList();
        Assert.Contains(because, b => b.Contains("Labelling jurisdiction: US (FDA label)", StringComparison.Ordinal));
        Assert.DoesNotContain("Not recorded: US (FDA label) applied", result, StringComparison.Ordinal);
        var print = Text(await GetAsync(client, $"/Screenings/{id}/Print", "en-GB"));
        Assert.Contains("Labelling jurisdiction: US (FDA label)", print, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded: US (FDA label) applied", print, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_AFindingThatReadTheDefaultedJurisdiction_SaysItWasNotRecordedAndTheDefaultApplied()
    {
        // No rule that gives a card's "Because" reads the jurisdiction today, and a hook's screening always records one
        // (the clinic's, or an earlier screening's): the card is built from a finding that read it, as a rule may later.
        var request = ScreeningJsonReader.ReadStored(Monotherapy("MRN-DEFAULTED-3", null).ToJsonString());
        Assert.Null(request.ContractValueOf(Fields.Jurisdiction.Name));
        var finding = new Finding("TRD-004", FindingKind.Contraindication, Severity.High, ["P-TEST"], [], "summary", "detail", [new Evidence("jurisdiction", "us"), new Evidence("onOralAntidepressant", "false")]);

        var defaulted = new CardBuilder("http://localhost", false) { DefaultsApplied = Display.DefaultsApplied(request) }.ForContraindications([finding], RuleSetCatalog.Current.Version);
        var recorded = new CardBuilder("http://localhost", false).ForContraindications([finding], RuleSetCatalog.Current.Version);

        var detail = Assert.Single(defaulted).Detail;
        Assert.Contains("Labelling jurisdiction: Not recorded: US (FDA label) applied; On an oral antidepressant", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Labelling jurisdiction: US (FDA label)", detail, StringComparison.Ordinal);
        Assert.Contains("Labelling jurisdiction: US (FDA label);", Assert.Single(recorded).Detail, StringComparison.Ordinal);
    }
}
