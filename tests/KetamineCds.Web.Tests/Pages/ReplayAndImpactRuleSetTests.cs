using System.Net;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA119 F3 and F5: the Replay page lists where a replay differs (JSON Pointer, logged, replayed), as the API's replay
/// does, and says plainly that nothing was recomputed for a rule set this build does not release; the impact analysis
/// names a screening logged under such a rule set, never counting every finding it gives now as "newly fired".
/// </summary>
public sealed class ReplayAndImpactRuleSetTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private static readonly string UnknownDigest = "sha256:" + new string('0', 64);

    private static readonly string WrongDigest = "sha256:" + new string('1', 64);

    [Fact]
    public async Task ReplayPage_RuleSetNotInThisBuild_SaysNothingWasRecomputed_NotThatTheDigestDiffers()
    {
        var id = await RecordAsync("MRN-REPLAY-UNKNOWN", RuleSetCatalog.Current, new RuleSetIdentity("0.9.0", UnknownDigest));
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Replay/{id}"));

        Assert.Contains("id=\"rule-set-unavailable\"", html, StringComparison.Ordinal);
        Assert.Contains("Rule set 0.9.0 is not released in this build: nothing was recomputed", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Digest matches</dt><dd>not compared</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Did not reproduce", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Replayed assessment JSON", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayPage_DigestAlone_ListsTheOneDifferenceWithItsPointerAndBothValues()
    {
        var id = await RecordAsync("MRN-REPLAY-DIGEST", RuleSetCatalog.Current, RuleSetCatalog.Current.Identity with { Digest = WrongDigest });
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit/Replay/{id}"));

        Assert.Contains("Did not reproduce", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("id=\"replay-differences\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = table.Split("<tr>").Skip(2).ToList();
        var row = Assert.Single(rows);
        Assert.Contains("<code>/ruleSet/digest</code>", row, StringComparison.Ordinal);
        Assert.Contains($"<code>\"{WrongDigest}\"</code>", row, StringComparison.Ordinal);
        Assert.Contains($"<code>\"{RuleSetCatalog.Current.Digest}\"</code>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpactPage_RulesNewlyFired_EachIdWhole_NeverBrokenAtItsHyphen()
    {
        // Logged "eligible" under 1.0.0 (which read the unanswered safety questions as no): the current rule set makes it
        // incomplete, so REC-001 and others newly fire, listed in a narrow column that must wrap between ids, not in one.
        var reference = "MRN-IMPACT-IDS-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var id = await RecordAsync(reference, RuleSetCatalog.V1_0_0, RuleSetCatalog.V1_0_0.Identity);
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Impact?run=true"));

        var row = html[..html.IndexOf($"href=\"/Audit/Screening/{id}\"", StringComparison.Ordinal)];
        row = row[row.LastIndexOf("<tr>", StringComparison.Ordinal)..];
        Assert.Contains(reference, row, StringComparison.Ordinal);
        Assert.Contains("<span class=\"id-whole\">REC-001</span>", row, StringComparison.Ordinal);
        // No rule id bare in a cell (the patient reference, which may look like one, aside).
        Assert.DoesNotMatch(@"<td>[^<]*\b[A-Z]{2,4}-\d{3}", row.Replace(reference, "MRN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImpactPage_VerdictsAsLogged_RowOfARuleSetNotInThisBuild_IsNamedSo_NotCountedAsRulesNewlyFired()
    {
        // Logged "eligible" (what 1.0.0 gave the eight answers) under an unknown 0.9.0; the current rule set makes it
        // incomplete through REC-001, which must not be said to have newly fired: there is nothing to compare it with.
        var reference = "MRN-IMPACT-UNKNOWN-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var id = await RecordAsync(reference, RuleSetCatalog.V1_0_0, new RuleSetIdentity("0.9.0", UnknownDigest));
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit/Impact?run=true"));

        var row = html[..html.IndexOf($"href=\"/Audit/Screening/{id}\"", StringComparison.Ordinal)];
        row = row[row.LastIndexOf("<tr>", StringComparison.Ordinal)..];
        Assert.Contains(reference, row, StringComparison.Ordinal);
        Assert.Contains("Logged under rule set 0.9.0, which this build does not release: its rules cannot be compared.", row, StringComparison.Ordinal);
        Assert.DoesNotContain("REC-001", row, StringComparison.Ordinal);
        Assert.Contains("id=\"impact-unknown-rule-set\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Rules#REC-001\"", html, StringComparison.Ordinal);
    }

    /// <summary>A screening of the eight required answers decided under <paramref name="decidedBy"/>, logged as of <paramref name="identity"/>.</summary>
    private async Task<Guid> RecordAsync(string reference, RuleSet decidedBy, RuleSetIdentity identity)
    {
        var history = LoggedDirectly.RequiredAnswers(reference);
        var assessment = ScreeningEngine.Evaluate(history, decidedBy) with { RuleSet = identity };
        return await LoggedDirectly.RecordAsync(factory, history, new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-" + reference, assessment);
    }
}
