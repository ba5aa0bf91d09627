using System.Net;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA119 F2: a screening decided under rule set 1.0.0, which read a safety question not answered as no, is shown and
/// printed with the warning the impact analysis gives (P-SAFETY-REMS, ADR 0005), in English and in Chinese, on the result
/// page, the print, the patient's list, the auditor's entry and the API; a screening of the current rule set carries none.
/// </summary>
public sealed class OlderRuleSetVerdictTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string English = "Rule set 1.0.0 predates the rule that a safety question not answered is never read as no (rule set 1.1.0, P-SAFETY-REMS): under it, a screening with safety questions unanswered can read eligible. Its verdicts show how a screening was, or would have been, answered then, not a safe answer today.";

    private const string Chinese = "规则集 1.0.0 早于“未回答的安全问题绝不视为‘否’”这一规则（规则集 1.1.0，P-SAFETY-REMS）：在该规则集下，安全问题未回答的筛查可能显示为符合条件。其结论反映的是筛查当时（或当时本会）得到的回答，而不是今天的安全回答。";

    [Fact]
    public async Task DetailsAndPrint_ScreeningDecidedUnderRuleSet1_0_0_ShowTheWarningWithTheEligibleVerdictInEnglishAndChinese()
    {
        var (id, reference) = await RecordAsync(RuleSetCatalog.V1_0_0, "MRN-V100-WARN");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        foreach (var (language, warning) in new[] { ("en", English), ("zh-CN", Chinese) })
        {
            foreach (var path in new[] { $"/Screenings/{id}", $"/Screenings/{id}/Print" })
            {
                using var response = await CultureSelectionTests.GetAsync(client, path, language);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                // The verdict this rule set gave the eight answers is "Eligible": the warning stands inside its box.
                var verdict = html[html.IndexOf(path.EndsWith("/Print", StringComparison.Ordinal) ? "class=\"p-verdict" : "class=\"verdict verdict", StringComparison.Ordinal)..];
                verdict = verdict[..verdict.IndexOf("</section>", StringComparison.Ordinal)];
                Assert.Contains("id=\"rule-set-predates\"", verdict, StringComparison.Ordinal);
                Assert.Contains(warning, verdict, StringComparison.Ordinal);
            }
        }

        var list = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings?patientReference={reference}"));
        Assert.Contains(English, list, StringComparison.Ordinal);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var entry = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Screening/{id}"));
        Assert.Contains(English, entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailsPrintListAndApi_ScreeningOfTheCurrentRuleSet_CarryNoWarning()
    {
        var (id, reference) = await RecordAsync(RuleSetCatalog.Current, "MRN-CURRENT-NOWARN");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        foreach (var path in new[] { $"/Screenings/{id}", $"/Screenings/{id}/Print", $"/Screenings?patientReference={reference}" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(path));
            Assert.Contains(reference, html, StringComparison.Ordinal);
            Assert.DoesNotContain("rule-set-predates", html, StringComparison.Ordinal);
            Assert.DoesNotContain("predates the rule that a safety question", html, StringComparison.Ordinal);
        }

        using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{id}"));
        Assert.False(body.RootElement.TryGetProperty("ruleSetNotice", out _));
    }

    [Fact]
    public async Task Api_ScreeningDecidedUnderRuleSet1_0_0_CarriesTheWarningAsRuleSetNoticeInTheRequestsLanguage_OnGetAndInThePatientsList()
    {
        var (id, reference) = await RecordAsync(RuleSetCatalog.V1_0_0, "MRN-V100-API");
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var english = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{id}"));
        Assert.Equal(English, english.RootElement.GetProperty("ruleSetNotice").GetString());
        // Last, after the notice: an addition, the contract's other members unchanged.
        Assert.Equal(["notice", "ruleSetNotice"], english.RootElement.EnumerateObject().Select(p => p.Name).TakeLast(2));

        using var chinese = JsonDocument.Parse(await (await CultureSelectionTests.GetAsync(api, $"/api/v1/screenings/{id}", "zh-CN")).Content.ReadAsStringAsync());
        Assert.Equal(Chinese, chinese.RootElement.GetProperty("ruleSetNotice").GetString());

        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings?patientReference={reference}"));
        Assert.Equal(English, Assert.Single(list.RootElement.GetProperty("items").EnumerateArray()).GetProperty("ruleSetNotice").GetString());
    }

    /// <summary>A screening of the eight required answers, decided under the given rule set (1.0.0: eligible), as the log stores one.</summary>
    private async Task<(Guid Id, string Reference)> RecordAsync(RuleSet ruleSet, string prefix)
    {
        var reference = prefix + "-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var history = LoggedDirectly.RequiredAnswers(reference);
        var assessment = ScreeningEngine.Evaluate(history, ruleSet);
        Assert.Equal(ruleSet == RuleSetCatalog.V1_0_0 ? Verdict.Eligible : Verdict.Incomplete, assessment.Overall);
        var id = await LoggedDirectly.RecordAsync(factory, history, new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-" + prefix, assessment);
        return (id, reference);
    }
}
