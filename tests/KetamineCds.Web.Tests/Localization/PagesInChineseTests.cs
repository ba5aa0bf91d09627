using System.Net;
using System.Net.Http.Json;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// The pages beyond the clinician's journey answer in Simplified Chinese for a zh-CN browser (headings, tables, rule
/// texts through ClinicalText, messages set by page models), and stay English for an English one.
/// </summary>
public sealed class PagesInChineseTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public PagesInChineseTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(KetamineCdsFactory.Auditor, "/Rules", "<h1>规则目录</h1>", "<dt>类型</dt>")]
    [InlineData(KetamineCdsFactory.Auditor, "/Principles", "<h1>原则</h1>", "条规则引用")]
    [InlineData(KetamineCdsFactory.Auditor, "/Rules/Diff?from=1.0.0&to=1.1.0", "<h1>规则集变更</h1>", "<th scope=\"row\">严重程度</th>")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit", "<h1>决策日志</h1>", "记录起始日期（诊所当地日期）")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Verify?run=true", "<h1>校验日志</h1>", "已校验的哈希链（用时")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Checkpoints", "<h1>签名检查点</h1>", "核对您保存的副本")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Impact?run=true", "<h1>影响分析</h1>", "不分析电子病历应答（CDS Hooks）")]
    [InlineData(KetamineCdsFactory.Admin, "/Admin/Users", "<h1>用户</h1>", "<caption>全部账户</caption>")]
    [InlineData(KetamineCdsFactory.Admin, "/Admin/Users/Create", "<h1>创建用户</h1>", "初始密码")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Account/TwoFactor", "<h1>您的账户</h1>", "第二重验证")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Account/ChangePassword", "<h1>修改密码</h1>", "再次输入新密码")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Account/TwoFactor/Enable", "<h1>设置第二重验证</h1>", "扫描此二维码")]
    public async Task Get_PageWithChineseBrowser_AnswersInSimplifiedChinese(string user, string path, string heading, string text)
    {
        var client = await _factory.CreatePageClientAsync(user);

        var response = await CultureSelectionTests.GetAsync(client, path, "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-Hans\"", html, StringComparison.Ordinal);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PageInChinese_WritesTheCharactersThemselvesAndStillEscapesMarkup()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var response = await CultureSelectionTests.GetAsync(client, "/Screenings?patientReference=%3Cb%3Ex", "zh-CN");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<h1>查找患者的筛查记录</h1>", html, StringComparison.Ordinal); // not &#x67E5;&#x627E;...
        Assert.DoesNotContain("&#x67E5;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RuleCatalogueInChinese_ShowsTheRulesTranslatedTexts()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var rule = Domain.Rules.RuleSetCatalog.Current.Rules[0];
        var clinical = KetamineCds.Web.Localization.ClinicalText.Shared;
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        string summary;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
            summary = clinical.RuleSummary(rule);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
        }

        var html = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, "/Rules", "zh-CN")).Content.ReadAsStringAsync());

        Assert.NotEqual(rule.Summary, summary);
        Assert.Contains(summary, html, StringComparison.Ordinal);
        Assert.DoesNotContain(rule.Summary, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "<dt>类型</dt><dd>禁忌证或未满足的前提条件</dd>", "<dt>严重程度</dt><dd>高</dd>")]
    [InlineData("en-GB", "<dt>Kind</dt><dd>Contraindication or unmet precondition</dd>", "<dt>Severity</dt><dd>High</dd>")]
    public async Task Get_RuleCatalogue_ShowsKindAndSeverityInTheResultPagesWords(string language, string kind, string severity)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, "/Rules", language)).Content.ReadAsStringAsync());

        var psy001 = html[html.IndexOf("id=\"PSY-001\"", StringComparison.Ordinal)..];
        psy001 = psy001[..psy001.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains(kind, psy001, StringComparison.Ordinal);
        Assert.Contains(severity, psy001, StringComparison.Ordinal);
        Assert.DoesNotContain("<dd>contraindication</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dd>high</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RuleCatalogueInChinese_NamesEveryTopicInChinese()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, "/Rules", "zh-CN")).Content.ReadAsStringAsync());

        var topics = KetamineCds.Domain.Rules.RuleSetCatalog.Current.Rules.Select(r => r.Topic).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("Ocular", topics);
        foreach (var topic in topics)
        {
            var start = html.IndexOf($"<h2 id=\"topic-{topic}\">", StringComparison.Ordinal);
            Assert.True(start >= 0, $"no heading for topic {topic}");
            var heading = html[start..html.IndexOf("</h2>", start, StringComparison.Ordinal)];
            Assert.DoesNotContain($">{topic}", heading, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_RuleCatalogueInChinese_UsesChinesePunctuation()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, "/Rules", "zh-CN")).Content.ReadAsStringAsync());

        Assert.Contains($"<strong>{KetamineCds.Domain.Rules.RuleSetCatalog.Current.Version}</strong>，摘要值", html, StringComparison.Ordinal);
        Assert.Contains("<dt>来源</dt><dd>SPRAVATO-PI-US、ASRA-KETAMINE-PAIN-2018</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "未找到页面", "参考编号：")]
    [InlineData("en-GB", "Page not found", "Reference:")]
    public async Task Get_UnknownPage_ExplainsInTheRequestsLanguage(string acceptLanguage, string title, string reference)
    {
        var response = await CultureSelectionTests.GetAsync(await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist), "/no-such-page", acceptLanguage);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(reference, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChangePasswordEmptyInChinese_ExplainsEachFieldInChinese()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/ChangePassword");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ChangePassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("请输入当前密码。", html, StringComparison.Ordinal);
        Assert.Contains("请输入新密码。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter your current password.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", new[] { "请选择继续治疗或不继续治疗。", "请选择偏离建议的理由。", "请用您自己的话说明此决定。" }, "Choose the reason for the override.")]
    [InlineData("en-GB", new[] { "Choose whether you proceed or do not proceed.", "Choose the reason for the override.", "Explain the override in your own words." }, "请选择偏离建议的理由。")]
    public async Task Post_OverrideEmpty_ExplainsEachFieldInTheRequestsLanguage(string language, string[] expected, string notExpected)
    {
        var html = await PostOverrideAsync("MRN-OVERRIDE-LANG-" + language, language, new Dictionary<string, string>());

        foreach (var message in expected)
        {
            Assert.Matches($"<li><a href=\"#override-[a-z]+\">{System.Text.RegularExpressions.Regex.Escape(message)}</a></li>", html);
        }

        Assert.DoesNotContain(notExpected, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "“Bogus”不是理由的有效值。", "“Bogus”不是Reason的有效值")]
    [InlineData("en-GB", "\"Bogus\" is not a valid value for Reason.", "理由")]
    public async Task Post_OverrideWithATamperedReason_NamesTheFieldByItsLabelInTheRequestsLanguage(string language, string expected, string notExpected)
    {
        var html = await PostOverrideAsync("MRN-OVERRIDE-BOGUS-" + language, language, new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["Override.Reason"] = "Bogus",
            ["Override.Explanation"] = "Cardiology reviewed the blood pressure.",
        });

        // The message starts with the visually hidden "Error: " (QA113 F3).
        var prefix = language == "zh-CN" ? "错误： " : "Error: ";
        Assert.Contains($"<p class=\"field-error\" id=\"override-reason-error\"><span class=\"visually-hidden\">{prefix}</span>{expected}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(notExpected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AuditScreeningInChinese_ShowsFindingsStatusesRolesAndOverridesInChinese()
    {
        // QA6: the auditor's screening page showed the findings' summaries, kinds, severities, the pathways and their
        // statuses, the recorder's role and the overrides' decision and reason as English texts and codes in Chinese.
        var (id, overridden) = await SendOverrideAsync("MRN-AUDIT-ZH", null, new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["Override.Reason"] = "BenefitOutweighsRiskAfterReview",
            ["Override.Explanation"] = "Cardiology reviewed the blood pressure.",
        });
        Assert.True(overridden.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, overridden.StatusCode.ToString());
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var page = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{id}", "zh-CN")).Content.ReadAsStringAsync());

        Assert.Contains("psychiatrist@demo.local （精神科医生）", page, StringComparison.Ordinal);
        Assert.Contains(">注意事项</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">caution</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Esketamine only in a REMS-certified setting", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">esketamine-trd</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>benefit-outweighs-risk-after-review</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>proceed</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>继续治疗</td><td>经评估后获益大于风险</td>", page, StringComparison.Ordinal);

        // QA6 F4: the list and the export say how many overrides each decision has.
        var list = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(auditor, "/Audit?patient=MRN-AUDIT-ZH", "zh-CN")).Content.ReadAsStringAsync());
        Assert.Contains("（偏离建议的决定：1）", list, StringComparison.Ordinal);
        var csv = (await (await auditor.GetAsync("/Audit?handler=Csv&patient=MRN-AUDIT-ZH")).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",unreadable,overrides,correctedBy,correctionReason,overrideOf,overrideDecision,overrideReason,overrideExplanation,issuer", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",screening,,1,,,,,,,", Assert.Single(csv, l => l.StartsWith(id.ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "onOpioids = 未记录", "= not recorded")]
    [InlineData("en", "onOpioids = Not recorded", "= not recorded")]
    public async Task Get_AuditScreening_BecauseSaysNotRecordedInThePagesWordsBesideTheFieldsName(string language, string expected, string notExpected)
    {
        // QA141 F7: the Chinese trace's "Because" column read "onOpioids = not recorded", the engine's English wire value.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-BECAUSE-" + language));
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var page = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{id}", language)).Content.ReadAsStringAsync());
        var because = string.Concat(System.Text.RegularExpressions.Regex.Matches(page, "<td class=\"trace-because\">(.*?)</td>").Select(m => System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]*>", "")));

        Assert.Contains(expected, because, StringComparison.Ordinal);
        Assert.DoesNotContain(notExpected, because, StringComparison.Ordinal);
        Assert.Contains("failedAdequateTrials = 3", because, StringComparison.Ordinal); // a recorded value stays as stored
    }

    [Fact]
    public async Task Get_ImpactInChinese_KeepsTheBaselineVersionApartFromTheWordsAfterIt()
    {
        // QA141 F7: "对照规则集 1.0.0检查了": the version ran into the next word. A screening is recorded first: a period with
        // none says so in words instead of counting (helper-224's QA walk).
        await _factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-ZH-IMPACT"));
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(client, "/Audit/Impact?run=true&baseline=1.0.0", "zh-CN")).Content.ReadAsStringAsync());

        Assert.Matches(new System.Text.RegularExpressions.Regex("对照规则集 1\\.0\\.0，检查了 \\d+ 项筛查"), html);
        Assert.Matches(new System.Text.RegularExpressions.Regex("项）；<strong>\\d+ 项结论将会改变"), html); // no space after the full-width semicolon
    }

    [Fact]
    public async Task Get_ReplayInChinese_ShowsTheReplayedVerdictInChineseWithItsWireValueBeside()
    {
        // The replay showed "Replayed verdict" as the wire value alone ("incomplete"), English on a Chinese page; the entry's
        // page and the list show the verdict in the reader's words with the wire value beside it.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-REPLAY-ZH"));
        var body = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("incomplete", body.GetProperty("overall").GetString());
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var chinese = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(auditor, $"/Audit/Replay/{id}", "zh-CN")).Content.ReadAsStringAsync());
        var english = WebUtility.HtmlDecode(await (await CultureSelectionTests.GetAsync(auditor, $"/Audit/Replay/{id}", "en")).Content.ReadAsStringAsync());

        Assert.Matches("<dt>重放结论</dt><dd>\\s*<span class=\"audit-verdict verdict-incomplete\">不完整——缺少回答</span> <code class=\"audit-code\">incomplete</code>\\s*</dd>", chinese);
        Assert.Matches("<dt>Replayed verdict</dt><dd>\\s*<span class=\"audit-verdict verdict-incomplete\">Incomplete — answers missing</span> <code class=\"audit-code\">incomplete</code>\\s*</dd>", english);
        // Every other fact of the replay in Chinese too (the rule set's version and digest are the log's own).
        Assert.Contains("<dt>规则集仍为已发布版本</dt><dd>是</dd>", chinese, StringComparison.Ordinal);
        Assert.Contains("<dt>摘要值一致</dt><dd>是</dd>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("<dd>yes</dd>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Reproduced exactly", chinese, StringComparison.Ordinal);
    }

    /// <summary>Records a screening through the API, then posts the override form on its result page in a language.</summary>
    private async Task<string> PostOverrideAsync(string reference, string language, Dictionary<string, string> form)
    {
        var (_, response) = await SendOverrideAsync(reference, language, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Records a screening through the API and posts the override form on its result page (in a language, if given).</summary>
    private async Task<(Guid Id, HttpResponseMessage Response)> SendOverrideAsync(string reference, string? language, Dictionary<string, string> form)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(reference));
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Screenings/{id}?handler=Override") { Content = new FormUrlEncodedContent(form) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return (id, await client.SendAsync(request));
    }

    [Theory]
    [InlineData("", "", "<h2 id=\"error-summary-title\">有 2 个问题需要修正；您尚未登录</h2>", "请输入电子邮箱。")] // each empty box its own message (SignInFieldErrorTests)
    [InlineData("", "", "<h2 id=\"error-summary-title\">有 2 个问题需要修正；您尚未登录</h2>", "请输入密码。")]
    [InlineData("nobody@demo.local", "not-the-password", "<h2>登录失败</h2>", "电子邮箱或密码不正确")]
    public async Task Post_SignInRefusedInChinese_SaysWhyInChinese(string email, string password, string heading, string expected)
    {
        var client = _factory.CreateRawClient();
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AuditFilterFromAfterToInChinese_ExplainsInChinese()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var response = await CultureSelectionTests.GetAsync(client, "/Audit?from=2026-02-01&to=2026-01-01", "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("<h2>无法使用此筛选条件</h2>", html, StringComparison.Ordinal);
        // The summary's item links to the message beside the field (QA10 A10), and the message says what the field is.
        Assert.Contains("<li><a href=\"#filter-from\">时间段的开始（“from”）不能晚于其结束（“to”）。</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"filter-from-error\"", html, StringComparison.Ordinal);
    }
}
