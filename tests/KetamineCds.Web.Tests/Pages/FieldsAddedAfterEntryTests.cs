using System.Net;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// A question a later rule set added (the field catalogue's Since) is blank in an entry decided under an older one because
/// that release never asked it: the result page, the print and the auditor's entry say so, naming the rule set that added
/// it, in English and in Chinese, never "Not recorded" and never "no"; a blank answer to a question asked then stays "Not
/// recorded", and the same answers decided under the current rule set show the questions as not recorded. Display only:
/// the entry still replays exactly.
/// </summary>
public sealed class FieldsAddedAfterEntryTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    /// <summary>Added after rule set 1.2.0 and asked of these answers (a positive PHQ-9 item 9 beside no suicidality).</summary>
    private static readonly (string Label, string Chinese, string Since)[] AddedAfter1_2_0 =
    [
        ("Other cardiovascular or cerebrovascular disease", "其他心血管或脑血管疾病", "1.3.0"),
        ("Raised intraocular pressure", "眼压增高", "1.17.0"),
        ("Suicide risk assessed since this positive item 9", "自此次第 9 项阳性以来已评估自杀风险", "1.8.0"),
    ];

    /// <summary>The contract's 1.1 fields these answers ask (not the suicidality, substance or EU questions), added by rule set 1.1.0.</summary>
    private static readonly string[] AddedBy1_1_0 =
    [
        "Other CNS depressants, alcohol included", "Myocardial infarction or stroke in the last 6 weeks", "History of hypertensive encephalopathy",
        "Respiratory disease or sleep apnoea", "Cognitive impairment", "Urinary tract symptoms or cystitis",
    ];

    [Fact]
    public async Task Result_EntryOfRuleSet1_2_0_ShowsTheQuestionsAddedLaterAsNotAskedThen_AndABlankAskedThenAsNotRecorded()
    {
        var id = await RecordAsync(RuleSetCatalog.V1_2_0, "MRN-ADDED-120");
        var html = await PageAsync(KetamineCdsFactory.Psychiatrist, $"/Screenings/{id}", "en");
        var answers = Between(html, "id=\"answers-title\"", "</section>");

        foreach (var (label, _, since) in AddedAfter1_2_0)
        {
            Assert.Contains($"<dt>{label}</dt><dd>Not asked: added in rule set {since}, after this entry</dd>", answers, StringComparison.Ordinal);
            Assert.DoesNotContain($"<dt>{label}</dt><dd>Not recorded</dd>", answers, StringComparison.Ordinal);
        }

        // Asked in 1.2.0 and left blank: not recorded, as before.
        Assert.Contains("<dt>Systolic blood pressure</dt><dd>Not recorded</dd>", answers, StringComparison.Ordinal);
        Assert.Contains("<dt>Cognitive impairment</dt><dd>Not recorded</dd>", answers, StringComparison.Ordinal);
        Assert.DoesNotContain("<dd>No</dd>", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_EntryOfRuleSet1_0_0_ShowsTheContracts1_1FieldsAsAddedBy1_1_0()
    {
        var id = await RecordAsync(RuleSetCatalog.V1_0_0, "MRN-ADDED-100");
        var answers = Between(await PageAsync(KetamineCdsFactory.Psychiatrist, $"/Screenings/{id}", "en"), "id=\"answers-title\"", "</section>");

        foreach (var label in AddedBy1_1_0)
        {
            Assert.Contains($"<dt>{label}</dt><dd>Not asked: added in rule set 1.1.0, after this entry</dd>", answers, StringComparison.Ordinal);
        }

        foreach (var (label, _, since) in AddedAfter1_2_0)
        {
            Assert.Contains($"<dt>{label}</dt><dd>Not asked: added in rule set {since}, after this entry</dd>", answers, StringComparison.Ordinal);
        }

        Assert.Contains("<dt>Aneurysmal vascular disease</dt><dd>Not recorded</dd>", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_TheSameAnswersUnderTheCurrentRuleSet_ShowTheQuestionsAsNotRecorded()
    {
        var id = await RecordAsync(RuleSetCatalog.Current, "MRN-ADDED-NOW");
        var answers = Between(await PageAsync(KetamineCdsFactory.Psychiatrist, $"/Screenings/{id}", "en"), "id=\"answers-title\"", "</section>");

        foreach (var label in AddedBy1_1_0.Concat(AddedAfter1_2_0.Select(a => a.Label)))
        {
            Assert.Contains($"<dt>{label}</dt><dd>Not recorded</dd>", answers, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Not asked", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_EntryOfRuleSet1_2_0_InChinese_SaysNotAskedThenWithTheRuleSet()
    {
        var id = await RecordAsync(RuleSetCatalog.V1_2_0, "MRN-ADDED-120-ZH");
        var answers = Between(await PageAsync(KetamineCdsFactory.Psychiatrist, $"/Screenings/{id}", "zh-CN"), "id=\"answers-title\"", "</section>");

        foreach (var (_, chinese, since) in AddedAfter1_2_0)
        {
            Assert.Contains($"<dt>{chinese}</dt><dd>未询问：规则集 {since} 新增，晚于本条目</dd>", answers, StringComparison.Ordinal);
        }

        Assert.Contains("<dt>收缩压</dt><dd>未记录</dd>", answers, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Not asked: added after this entry's rule set", "Raised intraocular pressure (added in rule set 1.17.0)", "Not recorded")]
    [InlineData("zh-CN", "未询问：在本条目所用的规则集之后新增", "眼压增高（由规则集 1.17.0 新增）", "未记录")]
    public async Task Print_EntryOfRuleSet1_2_0_PrintsTheQuestionsAddedLaterOnALineOfTheirOwn(string language, string heading, string raisedIop, string notRecorded)
    {
        var id = await RecordAsync(RuleSetCatalog.V1_2_0, "MRN-ADDED-PRINT-" + language.ToUpperInvariant());
        var html = await PageAsync(KetamineCdsFactory.Psychiatrist, $"/Screenings/{id}/Print", language);

        var line = Between(html, "id=\"p-answers-not-asked-then\"", "</p>");
        Assert.Contains(heading, line, StringComparison.Ordinal);
        Assert.Contains(raisedIop, line, StringComparison.Ordinal);
        Assert.Equal(3, line.Split(language == "en" ? "(added in rule set " : "（由规则集 ").Length - 1);
        // Never under "Not recorded" as well.
        var notRecordedLine = Between(html, "class=\"p-answers p-answers--not-recorded\"><strong>" + notRecorded, "</p>");
        Assert.DoesNotContain(language == "en" ? "Raised intraocular pressure" : "眼压增高", notRecordedLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_TheSameAnswersUnderTheCurrentRuleSet_HaveNoNotAskedLine()
    {
        var id = await RecordAsync(RuleSetCatalog.Current, "MRN-ADDED-PRINT-NOW");
        var html = await PageAsync(KetamineCdsFactory.Psychiatrist, $"/Screenings/{id}/Print", "en");
        Assert.DoesNotContain("p-answers-not-asked-then", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not asked", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Not asked in this entry: added by a later rule set", "Not asked: added in rule set 1.17.0, after this entry", "Raised intraocular pressure", "Systolic blood pressure")]
    [InlineData("zh-CN", "本条目未询问：由较新的规则集新增", "未询问：规则集 1.17.0 新增，晚于本条目", "眼压增高", "收缩压")]
    public async Task AuditEntry_OfRuleSet1_2_0_ListsTheQuestionsAddedLaterApartFromNotRecorded_AndStillReplaysExactly(string language, string heading, string raisedIop, string raisedIopLabel, string systolicLabel)
    {
        var id = await RecordAsync(RuleSetCatalog.V1_2_0, "MRN-ADDED-AUDIT-" + language.ToUpperInvariant());
        var html = await PageAsync(KetamineCdsFactory.Auditor, $"/Audit/Screening/{id}", language);

        Assert.Contains(heading, html, StringComparison.Ordinal);
        var notAsked = Between(html, "id=\"input-not-asked-then\"", "</ul>");
        Assert.Equal(3, notAsked.Split("<li>").Length - 1);
        Assert.Contains($"<strong>{raisedIopLabel}</strong>", notAsked, StringComparison.Ordinal);
        Assert.Contains(raisedIop, notAsked, StringComparison.Ordinal);
        var notRecorded = Between(html, "id=\"input-not-recorded\"", "</ul>");
        Assert.DoesNotContain($"<strong>{raisedIopLabel}</strong>", notRecorded, StringComparison.Ordinal);
        Assert.Contains($"<strong>{systolicLabel}</strong>", notRecorded, StringComparison.Ordinal);

        var replay = await PageAsync(KetamineCdsFactory.Auditor, $"/Audit/Replay/{id}", "en");
        Assert.Contains("Reproduced exactly", replay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditEntry_OfTheCurrentRuleSet_ListsNoQuestionAsNotAskedThen()
    {
        var id = await RecordAsync(RuleSetCatalog.Current, "MRN-ADDED-AUDIT-NOW");
        var html = await PageAsync(KetamineCdsFactory.Auditor, $"/Audit/Screening/{id}", "en");
        Assert.DoesNotContain("input-not-asked-then", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Raised intraocular pressure</strong>", Between(html, "id=\"input-not-recorded\"", "</ul>"), StringComparison.Ordinal);
    }

    /// <summary>The eight required answers and a positive PHQ-9 item 9 beside no suicidality, decided under <paramref name="ruleSet"/>.</summary>
    private async Task<Guid> RecordAsync(RuleSet ruleSet, string prefix)
    {
        var history = LoggedDirectly.RequiredAnswers(prefix + "-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        history = PatientHistory.From(f => f.Name switch
        {
            "phq9Total" => 12,
            "phq9Item9" => 1,
            _ => Fields.ContractValueOf(history, f.Name),
        });
        return await LoggedDirectly.RecordAsync(factory, history, new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-" + prefix, ScreeningEngine.Evaluate(history, ruleSet));
    }

    private async Task<string> PageAsync(string user, string path, string language)
    {
        var client = await factory.CreatePageClientAsync(user);
        using var response = await CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "Not found: " + start);
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }
}
