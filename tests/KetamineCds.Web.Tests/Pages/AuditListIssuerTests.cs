using System.Net;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA255: the decision-log list and its CSV showed a CDS Hooks answer only as "Practitioner/x" (role EhrUser) and an EHR's
/// feedback override only as its iss; the log records both the EHR (iss) and its user (context.userId), and both are shown.
/// </summary>
public sealed class AuditListIssuerTests
{
    [Fact]
    public async Task AuditList_And_Csv_NameTheEhrIssuerBesideItsUser_AndSayFeedbackNamesNoUser()
    {
        using var app = new KetamineCdsFactory();
        var log = app.Services.GetRequiredService<IDecisionLog>();
        const string patient = "MRN-ISSUER";
        const string issuer = "https://ehr.issuer.example";
        var answer = (await log.RecordHookAnswerAsync(new HookAnswerSubmission(
            patient, ["failedAdequateTrials"], new Actor("Practitioner/7", "Practitioner/7", "EhrUser"), "corr-issuer",
            new HookOrigin(issuer, "Practitioner/7", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{}"))
        { RuleSet = RuleSetCatalog.Current.Identity })).Id;
        var feedback = (await log.RecordOverrideAsync(new OverrideSubmission(
            answer, OverrideDecision.Proceed, OverrideReason.SpecialistAdviceObtained, "card acted on in the EHR",
            new Actor("cds-hooks:" + issuer, issuer, "CdsHooksClient"), "corr-feedback"))).Id;

        var auditor = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit?patient={patient}"));
        var rows = html.Split("<tr", StringSplitOptions.None);
        var answerRow = Assert.Single(rows, r => r.Contains(answer.ToString(), StringComparison.Ordinal) && r.Contains("EHR answer", StringComparison.Ordinal) && !r.Contains("(override)", StringComparison.Ordinal));
        Assert.Contains("Practitioner/7", answerRow, StringComparison.Ordinal);
        Assert.Contains($"via EHR {issuer}", answerRow, StringComparison.Ordinal);
        var feedbackRow = Assert.Single(rows, r => r.Contains(feedback.ToString(), StringComparison.Ordinal));
        Assert.Contains(issuer, feedbackRow, StringComparison.Ordinal);
        // Feedback names no user; the card it overrides was shown to the user the answer's call named (helper 260).
        Assert.Contains($"via EHR {issuer}, card shown to Practitioner/7 (feedback does not say who acted on it)", feedbackRow, StringComparison.Ordinal);
        Assert.DoesNotContain("the EHR names no user", feedbackRow, StringComparison.Ordinal);
        // Against an entry no hook call of that EHR recorded, no user is known: the list says feedback names none.
        var screening = await LoggedDirectly.RecordAsync(app, LoggedDirectly.RequiredAnswers(patient), new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-no-origin");
        var bare = (await log.RecordOverrideAsync(new OverrideSubmission(
            screening, OverrideDecision.Proceed, OverrideReason.SpecialistAdviceObtained, "card acted on in the EHR",
            new Actor("cds-hooks:" + issuer, issuer, "CdsHooksClient"), "corr-feedback-bare"))).Id;
        var bareRow = Assert.Single(WebUtility.HtmlDecode(await auditor.GetStringAsync($"/Audit?patient={patient}")).Split("<tr", StringSplitOptions.None), r => r.Contains(bare.ToString(), StringComparison.Ordinal));
        Assert.Contains("(EHR feedback; the EHR names no user)", bareRow, StringComparison.Ordinal);
        Assert.DoesNotContain("card shown to", bareRow, StringComparison.Ordinal);

        using var zh = await CultureSelectionTests.GetAsync(auditor, $"/Audit?patient={patient}", "zh-CN");
        Assert.Contains($"经由电子病历 {issuer}", WebUtility.HtmlDecode(await zh.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var csv = (await auditor.GetStringAsync($"/Audit?handler=Csv&patient={patient}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",overrideExplanation,issuer", csv[0], StringComparison.Ordinal);
        Assert.EndsWith("," + issuer, Assert.Single(csv, l => l.StartsWith(answer.ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("," + issuer, Assert.Single(csv, l => l.StartsWith(feedback.ToString(), StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
