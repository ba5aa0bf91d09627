using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// The API's human texts follow the request's language; ids, field names and enumeration values never change, and the
/// decision log keeps the English (an English request gets the stored bytes).
/// </summary>
public sealed class LocalizedApiTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public LocalizedApiTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Create_ZhCn_FindingsInChineseWithIdsKindsAndBecauseUnchanged()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await SendAsync(client, HttpMethod.Post, "/api/v1/screenings", "zh-CN", SampleRequests.Trd("MRN-ZH-1").With("psychosis", "active"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["zh-Hans"], created.Content.Headers.ContentLanguage);
        var chinese = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        var english = JsonNode.Parse(await (await SendAsync(client, HttpMethod.Get, created.Headers.Location!.OriginalString, "en-US")).Content.ReadAsStringAsync())!;

        var zhFindings = chinese["findings"]!.AsArray();
        var enFindings = english["findings"]!.AsArray();
        Assert.Equal(enFindings.Count, zhFindings.Count);
        Assert.Contains(zhFindings, f => (string?)f!["ruleId"] == "PSY-001");
        for (var i = 0; i < zhFindings.Count; i++)
        {
            var zh = zhFindings[i]!;
            var en = enFindings[i]!;
            foreach (var unchanged in new[] { "ruleId", "kind", "severity", "principles", "sources", "because" })
            {
                Assert.True(JsonNode.DeepEquals(en[unchanged], zh[unchanged]), $"{unchanged} of {en["ruleId"]} changed with the language");
            }

            var rule = RuleSetCatalog.Current.Find((string)en["ruleId"]!)!;
            Assert.Equal(rule.Summary, (string?)en["summary"]);
            Assert.NotEqual((string?)en["summary"], (string?)zh["summary"]);
            Assert.NotEqual((string?)en["detail"], (string?)zh["detail"]);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string)zh["summary"]!);
        }

        foreach (var unchanged in new[] { "id", "recordedBy", "ruleSet", "overall", "pathways", "input" })
        {
            Assert.True(JsonNode.DeepEquals(english[unchanged], chinese[unchanged]), $"{unchanged} changed with the language");
        }
    }

    [Fact]
    public async Task Get_English_ReturnsTheStoredBytesOfTheEnglishCreation()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await SendAsync(client, HttpMethod.Post, "/api/v1/screenings", "en", SampleRequests.Trd("MRN-ZH-2"));
        var createdBody = await created.Content.ReadAsStringAsync();

        await SendAsync(client, HttpMethod.Get, created.Headers.Location!.OriginalString, "zh-CN");
        var again = await SendAsync(client, HttpMethod.Get, created.Headers.Location!.OriginalString, null);

        Assert.Equal(createdBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(["en"], again.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task List_ZhSg_EveryItemsFindingsInChinese()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        await SendAsync(client, HttpMethod.Post, "/api/v1/screenings", "en", SampleRequests.Trd("MRN-ZH-3"));

        var list = await SendAsync(client, HttpMethod.Get, "/api/v1/screenings?patientReference=MRN-ZH-3", "zh-SG");

        var items = JsonNode.Parse(await list.Content.ReadAsStringAsync())!["items"]!.AsArray();
        var finding = Assert.Single(items)!["findings"]!.AsArray().First()!;
        var rule = RuleSetCatalog.Current.Find((string)finding["ruleId"]!)!;
        Assert.NotEqual(rule.Summary, (string?)finding["summary"]);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string)finding["summary"]!);
    }

    [Fact]
    public async Task Create_ZhCnInvalidRequest_ProblemTitleAndFieldMessagesInChinese()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = SampleRequests.Trd("MRN-ZH-4").With("ageYears", 200).With("failedAdequateTrials", "three").With("surname", "Smith");

        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/screenings", "zh-CN", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["zh-Hans"], response.Content.Headers.ContentLanguage);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("筛查未保存：部分字段需要处理。", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("年龄（岁）必须在 0 至 120 之间。", errors.GetProperty("ageYears")[0].GetString());
        // Helper 274 (QA272 F5): a number sent as a JSON string is told the JSON type it must be sent as, not "must be whole".
        Assert.Equal("抗抑郁药充分治疗失败次数必须以 JSON 数字（不加引号）发送整数，而不是字符串。", errors.GetProperty("failedAdequateTrials")[0].GetString());
        Assert.Equal("“surname”不是筛查契约中的字段。", errors.GetProperty("surname")[0].GetString());
    }

    [Fact]
    public async Task Create_ZhCnPregnantAndMaleAtBirth_ContradictionInChineseUnderPregnant()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/screenings", "zh-CN", SampleRequests.Trd("MRN-ZH-MALE").With("pregnant", true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("出生性别为男性的患者，“妊娠”不能为“是”：请核对出生性别和妊娠状态。", problem.RootElement.GetProperty("errors").GetProperty("pregnant")[0].GetString());
    }

    [Fact]
    public async Task Create_EnglishInvalidRequest_ProblemStaysEnglish()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/screenings", "en-US", SampleRequests.Trd("MRN-ZH-5").With("ageYears", 200));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The screening was not saved: some fields need attention.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("Age in years must be between 0 and 120.", problem.RootElement.GetProperty("errors").GetProperty("ageYears")[0].GetString());
    }

    [Fact]
    public async Task Get_UnknownScreeningInChinese_ProblemTitleInChinese()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        var response = await SendAsync(client, HttpMethod.Get, $"/api/v1/screenings/{Guid.NewGuid()}", "zh");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("没有此 id 的筛查。", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetRuleSet_ZhCn_ConditionAndSummaryInChineseIdsUnchanged()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        var response = await SendAsync(client, HttpMethod.Get, "/api/v1/ruleset", "zh-CN");

        var rules = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["rules"]!.AsArray();
        var psy = rules.Single(r => (string?)r!["id"] == "PSY-001")!;
        var rule = RuleSetCatalog.Current.Find("PSY-001")!;
        Assert.NotEqual(rule.Summary, (string?)psy["summary"]);
        Assert.NotEqual(rule.ConditionText, (string?)psy["condition"]);
        Assert.Equal("contraindication", (string?)psy["kind"]);
    }

    [Fact]
    public async Task GetRuleSetDiff_ZhCnWithoutVersions_FieldMessagesInChinese()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        var response = await SendAsync(client, HttpMethod.Get, "/api/v1/ruleset/diff", "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("未比较规则集：请各提供一个 from 和 to 版本，且不要提供其他查询参数。", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("请提供较早的版本，例如 from=1.0.0。", problem.RootElement.GetProperty("errors").GetProperty("from")[0].GetString());
        Assert.Equal("请提供较新的版本，例如 to=1.1.0。", problem.RootElement.GetProperty("errors").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task GetRuleSet_ZhUnknownVersion_TitleInChinese()
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        var response = await SendAsync(client, HttpMethod.Get, "/api/v1/ruleset?version=9.9.9", "zh");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("没有此规则集", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            "没有已发布的规则集 9.9.9。已发布：" + string.Join(", ", RuleSetCatalog.All.Select(r => r.Version)) + "。",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_ZhCnWrongPassword_ProblemInChinese()
    {
        var client = _factory.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@demo.local", password = "not-the-password" }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("登录失败。", problem.RootElement.GetProperty("title").GetString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? language, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }
}
