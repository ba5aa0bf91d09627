using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>GET /api/v1/ruleset and /api/v1/ruleset/diff, and the diff page.</summary>
public sealed class RuleSetApiTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData(KetamineCdsFactory.Auditor)]
    [InlineData(KetamineCdsFactory.Staff)]
    [InlineData(KetamineCdsFactory.Admin)]
    public async Task GetRuleSet_AnySignedInRole_ListsTheCurrentRules(string email)
    {
        var api = await factory.CreateApiClientAsync(email);

        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/ruleset");

        Assert.Equal(RuleSetCatalog.Current.Version, body.GetProperty("version").GetString());
        Assert.Equal(RuleSetCatalog.Current.Rules.Count, body.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task GetRuleSet_OlderVersion_ListsThatVersionsRules()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/ruleset?version=1.0.0");

        Assert.Equal(RuleSetCatalog.V1_0_0.Digest, body.GetProperty("digest").GetString());
        Assert.Contains(body.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "BIP-007");
        Assert.False(body.GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task GetRuleSet_UnknownVersion_Returns404Problem()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var response = await api.GetAsync("/api/v1/ruleset?version=0.0.1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetDiff_1_0_0To1_1_0_ReturnsAddedChangedRemovedAndPolicy()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var expected = RuleSetDiff.Between(RuleSetCatalog.V1_0_0, RuleSetCatalog.V1_1_0);

        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/ruleset/diff?from=1.0.0&to=1.1.0");

        Assert.Equal(expected.Added.Select(r => r.Id), body.GetProperty("added").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(expected.Changed.Select(c => c.After.Id), body.GetProperty("changed").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["BIP-007"], body.GetProperty("removed").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.True(body.GetProperty("policyChanged").GetBoolean());
        var psy002 = body.GetProperty("changed").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "PSY-002");
        Assert.Contains("severity", psy002.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("moderate", psy002.GetProperty("before").GetProperty("severity").GetString());
        Assert.Equal("high", psy002.GetProperty("after").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task GetDiff_MissingOrUnknownVersion_Returns400Or404()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var missing = await api.GetAsync("/api/v1/ruleset/diff?from=1.0.0");
        var unknown = await api.GetAsync("/api/v1/ruleset/diff?from=1.0.0&to=7.0.0");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"to\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task GetDiff_MissingOrUnknownVersionInChinese_AnswersInChinese()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var missing = await SendInChineseAsync(api, "/api/v1/ruleset/diff");
        using var unknown = await SendInChineseAsync(api, "/api/v1/ruleset/diff?from=1.0.0&to=7.0.0");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请提供较早的版本，例如 from=1.0.0。", errors.GetProperty("from")[0].GetString());
        Assert.Equal("请提供较新的版本，例如 to=1.1.0。", errors.GetProperty("to")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("No such", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("7.0.0", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The rule sets were not compared: from is a later release than to.",
        "from must be the earlier release: 1.28.0 came out after 1.1.0. To see what changed from 1.1.0 to 1.28.0, ask for from=1.1.0&to=1.28.0.")]
    [InlineData("zh-CN", "未比较规则集：from 是比 to 更晚的发布版本。",
        "from 必须是较早的发布版本：1.28.0 晚于 1.1.0 发布。若要查看从 1.1.0 到 1.28.0 的变更，请使用 from=1.1.0&to=1.28.0。")]
    public async Task GetDiff_FromReleasedAfterTo_Is400UnderFromNamingBothVersions(string language, string title, string message)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ruleset/diff?from=1.28.0&to=1.1.0");
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(["from"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal([message], problem.GetProperty("errors").GetProperty("from").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task GetDiff_SameVersionTwice_AnswersThatNothingChanged()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/ruleset/diff?from=1.28.0&to=1.28.0");

        Assert.Equal("1.28.0", body.GetProperty("from").GetProperty("version").GetString());
        Assert.Equal("1.28.0", body.GetProperty("to").GetProperty("version").GetString());
        Assert.Equal(0, body.GetProperty("added").GetArrayLength() + body.GetProperty("changed").GetArrayLength() + body.GetProperty("removed").GetArrayLength());
        Assert.False(body.GetProperty("policyChanged").GetBoolean());
    }

    [Fact]
    public async Task GetDiff_EarlierToLater_StillAnswersTheDiff()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var expected = RuleSetDiff.Between(RuleSetCatalog.V1_1_0, RuleSetCatalog.Find("1.28.0")!);

        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/ruleset/diff?from=1.1.0&to=1.28.0");

        Assert.Equal(expected.Added.Select(r => r.Id), body.GetProperty("added").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.NotEmpty(expected.Added);
    }

    private static Task<HttpResponseMessage> SendInChineseAsync(HttpClient api, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        return api.SendAsync(request);
    }

    [Theory]
    [InlineData("/api/v1/ruleset?ver=1.0.0", "ver", "Unknown query parameter 'ver'; this route reads version.")]
    [InlineData("/api/v1/ruleset?version=1.0.0&version=1.1.0", "version", "Query parameter 'version' is given more than once; give it once.")]
    [InlineData("/api/v1/ruleset?version=1.0.0&VERSION=1.1.0", "version", "Query parameter 'version' is given more than once; give it once.")]
    [InlineData("/api/v1/ruleset/diff?from=1.0.0&to=1.1.0&foo=1", "foo", "Unknown query parameter 'foo'; this route reads from, to.")]
    [InlineData("/api/v1/ruleset/diff?from=1.0.0&to=1.1.0&to=1.2.0", "to", "Query parameter 'to' is given more than once; give it once.")]
    public async Task GetRuleSetOrDiff_UnknownOrRepeatedQueryParameter_Is400NamingIt(string url, string field, string message)
    {
        // QA191: /api/v1/ruleset?ver=1.0.0 answered 200 with the current rule set, as if 1.0.0 had been asked for, and a
        // repeated version was looked up as "1.0.0,1.1.0" (404); the screenings list and the audit exports refuse both by name.
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        using var response = await api.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task GetRuleSet_VersionInAnotherLetterCase_IsStillRead()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/ruleset?Version=1.0.0");

        Assert.Equal(RuleSetCatalog.V1_0_0.Digest, body.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task GetDiff_Anonymous_Returns401()
    {
        var response = await factory.CreateRawClient().GetAsync("/api/v1/ruleset/diff?from=1.0.0&to=1.1.0");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DiffPage_Auditor_ShowsEachChangeWithBeforeAndAfter()
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_0_0, RuleSetCatalog.V1_1_0);

        var html = await client.GetStringAsync("/Rules/Diff?from=1.0.0&to=1.1.0");

        foreach (var rule in diff.Added)
        {
            Assert.Contains($"id=\"added-{rule.Id}\"", html, StringComparison.Ordinal);
        }

        foreach (var (_, after) in diff.Changed)
        {
            Assert.Contains($"id=\"changed-{after.Id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"removed-BIP-007\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>the decision policy or pathway map changed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">severity</th><td class=\"diff-before\">moderate</td><td class=\"diff-after\">high</td>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("\\sstyle\\s*=", html);
        Assert.Contains("href=\"/Rules/Diff\"", await client.GetStringAsync("/Rules"), StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules/Diff\"", await client.GetStringAsync("/Audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpactPage_1_0_0To1_1_0_ShowsTheMatrixAndTheRulesBehindTheChanges()
    {
        // A 1.0.0 screening of the eight answers was eligible; 1.1.0 makes it incomplete through REC-001.
        var history = new KetamineCds.Domain.Screening.PatientHistory
        {
            PatientReference = "MRN-IMPACT-PAGE",
            AgeYears = 45,
            PrimaryDiagnosis = KetamineCds.Domain.Screening.PrimaryDiagnosis.Mdd,
            CurrentDepressiveEpisode = true,
            FailedAdequateTrials = 3,
            OnOralAntidepressant = true,
            Psychosis = KetamineCds.Domain.Screening.PsychosisStatus.None,
            Suicidality = KetamineCds.Domain.Screening.Suicidality.None,
        };
        var log = factory.Services.GetRequiredService<KetamineCds.Infrastructure.DecisionLog.IDecisionLog>();
        await log.RecordScreeningAsync(new KetamineCds.Infrastructure.DecisionLog.ScreeningSubmission(
            history, JsonSerializer.Serialize(history, KetamineCds.Infrastructure.Json.ContractJson.Options), ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_0_0),
            new KetamineCds.Infrastructure.DecisionLog.Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-impact"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await client.GetStringAsync("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0");

        Assert.Contains("impact-matrix", html, StringComparison.Ordinal);
        html = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("<th scope=\"row\">Eligible <code class=\"audit-code\">eligible</code></th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Incomplete — answers missing <code class=\"audit-code\">incomplete</code></th>", html, StringComparison.Ordinal);
        // The baseline 1.0.0 read an unanswered safety question as no: the page says its verdicts are history.
        Assert.Contains("Rule set 1.0.0 predates the rule that a safety question not answered is never read as no", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rule set 1.1.0 predates", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Rules#REC-001\"", html, StringComparison.Ordinal);
        Assert.Contains("MRN-IMPACT-PAGE", html, StringComparison.Ordinal);
    }
}
