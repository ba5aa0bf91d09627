using System.Net;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The hook answer's page opens with why the answer was given as it was, true for every kind of entry (helper-165
/// leftover): an unidentified order's answer is not one whose chart lacked items, and an entry that kept no inputs may
/// well have evaluated the contraindication rules (never "no rule ran"). English and Chinese.
/// </summary>
public sealed class HookAnswerIntroTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    /// <summary>The patient reference each recorded entry is filed under.</summary>
    private readonly Dictionary<Guid, string> _references = [];

    public HookAnswerIntroTests(KetamineCdsFactory factory) => _factory = factory;

    public static TheoryData<string, string, string> Kinds => new()
    {
        {
            "unidentified-order", "en",
            "An EHR asked about draft orders before they were signed, and the medicine of at least one of them could not be identified"
        },
        { "unidentified-order", "zh-CN", "电子病历系统在签署医嘱草稿前发起了询问，但其中至少一项医嘱的药物无法识别" },
        {
            "missing-items-no-inputs", "en",
            "the answer logged no contraindication: it named the missing items and linked to the intake form. No inputs of the contraindication rules were kept with this entry, so nothing can be replayed, and the entry does not say which of those rules were evaluated."
        },
        { "missing-items-no-inputs", "zh-CN", "此条目未保存禁忌证规则的输入，因此无可重放的内容，条目也未说明评估了哪些禁忌证规则。" },
        {
            "contraindication-no-inputs", "en",
            "Only the contraindication rules that read none of the missing items were evaluated, and the chart did record a contraindication, which blocks every pathway whatever else is missing, so the answer is logged as not eligible now"
        },
        { "contraindication-no-inputs", "zh-CN", "这些规则所读取的输入未随此条目保存（该条目记录于开始保存输入之前），因此无法重放。" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HookAnswerPage_EachKindOfEntry_OpensWithWhyItWasAnsweredSo(string kind, string language, string expected)
    {
        var id = await RecordAsync(kind);
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await CultureSelectionTests.GetAsync(auditor, $"/Audit/HookAnswer/{id}", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var intro = html.Split("id=\"hook-answer-intro\">")[1].Split("</p>")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, intro, StringComparison.Ordinal);
        // Neither claim is true of these entries: an unidentified order's answer lacked nothing, and none says no rule ran
        // when its rules may have been evaluated.
        Assert.DoesNotContain("no rule ran", intro, StringComparison.Ordinal);
        Assert.DoesNotContain("没有运行任何规则", intro, StringComparison.Ordinal);
        if (kind == "unidentified-order")
        {
            Assert.DoesNotContain("lacked items", intro, StringComparison.Ordinal);
            Assert.DoesNotContain("缺少筛查必需的项目", intro, StringComparison.Ordinal);
            // Nothing was missing from a screening: no empty "Not recorded in the chart" list.
            Assert.DoesNotContain(language == "en" ? "Not recorded in the chart" : "病历中未记录", html, StringComparison.Ordinal);
        }

        // The decision log's list says of it only what is true of every hook answer.
        using var listed = await CultureSelectionTests.GetAsync(auditor, $"/Audit?patient={_references[id]}", language);
        var list = WebUtility.HtmlDecode(await listed.Content.ReadAsStringAsync());
        Assert.Contains(language == "en" ? "(EHR asked; no full screening ran)" : "（电子病历系统请求；未进行完整筛查）", list, StringComparison.Ordinal);
        Assert.DoesNotContain("lacked required items", list, StringComparison.Ordinal);
        Assert.DoesNotContain("病历缺少必需项目", list, StringComparison.Ordinal);
    }

    /// <summary>Records an entry of that kind as the hook service logs it (none with inputs: those are HookAnswerReplayTests').</summary>
    private async Task<Guid> RecordAsync(string kind)
    {
        var actor = new Actor("Practitioner/1", "Practitioner/1", "EhrUser");
        var patient = "MRN-INTRO-" + Guid.NewGuid().ToString("N")[..8];
        var origin = new HookOrigin("https://ehr.example", "Practitioner/1", kind == "unidentified-order" ? "order-sign" : "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}");
        var submission = kind switch
        {
            // CdsHookAnswering.AnswerUnidentifiedOrderAsync: no missing item, no rule, no inputs.
            "unidentified-order" => new HookAnswerSubmission(patient, [], actor, "corr-intro", origin) { RuleSet = RuleSetCatalog.Current.Identity },
            // Logged before the inputs were kept (QA158 F2), with and without a contraindication found.
            "missing-items-no-inputs" => new HookAnswerSubmission(patient, ["failedAdequateTrials"], actor, "corr-intro", origin) { RuleSet = RuleSetCatalog.Current.Identity },
            _ => new HookAnswerSubmission(patient, ["failedAdequateTrials"], actor, "corr-intro", origin)
            {
                RuleSet = RuleSetCatalog.Current.Identity,
                Contraindications = AneurysmFindings(),
            },
        };

        var id = (await _factory.Services.GetRequiredService<IDecisionLog>().RecordHookAnswerAsync(submission)).Id;
        _references[id] = patient;
        return id;
    }

    private static List<Finding> AneurysmFindings()
    {
        var history = JsonSerializer.Deserialize<PatientHistory>(SampleRequests.Trd().With("aneurysmalVascularDisease", true).ToJsonString(), ContractJson.Options)!;
        var found = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current).Findings.Where(f => f.Kind == FindingKind.Contraindication).ToList();
        Assert.NotEmpty(found);
        return found;
    }
}
