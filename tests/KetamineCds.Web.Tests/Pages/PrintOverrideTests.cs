using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA128 F2: the one-page print reads like the result page (QA8 F15): the clinician's decision in force (the latest
/// override: decision, reason, who, when, and its explanation) is inside the verdict's box, never only at the foot above
/// the signature under an "Eligible" headline; and it is printed once.
/// </summary>
public sealed class PrintOverrideTests : IClassFixture<KetamineCdsFactory>
{
    private const string Declined = "Patient declined ketamine after the risks were explained.";

    private readonly KetamineCdsFactory _factory;

    public PrintOverrideTests(KetamineCdsFactory factory) => _factory = factory;

    /// <summary>A history every blocking safety item of which is answered no: a pathway opens (QA128 F2's "Eligible with cautions").</summary>
    internal static System.Text.Json.Nodes.JsonObject Eligible(string reference)
    {
        var request = SampleRequests.Trd(reference).With("substanceUse", "none");
        foreach (var safetyItem in new[] { "aneurysmalVascularDisease", "arteriovenousMalformation", "intracerebralHemorrhageHistory", "hypersensitivityToKetamine", "seriousCardiovascularOrCerebrovascularCondition", "recentMyocardialInfarctionOrStroke", "currentManiaOrMixedFeatures" })
        {
            request = request.With(safetyItem, false);
        }

        return request;
    }

    [Theory]
    [InlineData("en", "Overall:", "Eligible", "Clinicians recorded 2 decisions against this recommendation; the latest is in force:", "Do not proceed", "Proceed", "(Patient preference)", "Earlier decisions not printed: 1; they are in the record.")]
    [InlineData("zh-CN", "总体：", "符合条件", "临床医生记录了 2 项偏离此建议的决定；以最新一项为准：", "不继续治疗", "继续治疗", "（患者意愿）", "未打印的较早决定：1 项，见记录。")]
    public async Task Print_OverriddenEligibleScreening_PrintsTheDecisionInForceInsideTheVerdictBoxOnce(
        string language, string overall, string verdictText, string heading, string inForce, string earlier, string reason, string notPrinted)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", Eligible("MRN-PRINT-OVR-" + language));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        var actor = new Actor("qa128", KetamineCdsFactory.Psychiatrist, "Psychiatrist");
        await log.RecordOverrideAsync(new OverrideSubmission(id, OverrideDecision.Proceed, OverrideReason.BenefitOutweighsRiskAfterReview, "Reviewed first.", actor, "qa128-f2-1"));
        await log.RecordOverrideAsync(new OverrideSubmission(id, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, Declined, actor, "qa128-f2-2"));

        var staff = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        using var response = await Localization.CultureSelectionTests.GetAsync(staff, $"/Screenings/{id}/Print", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var verdict = Regex.Match(html, "<section class=\"p-verdict .*?</section>", RegexOptions.Singleline).Value;
        Assert.Matches("^<section class=\"p-verdict p-verdict--(ok|caution)\"", verdict);
        Assert.Contains(overall, verdict, StringComparison.Ordinal);
        Assert.Contains(verdictText, verdict, StringComparison.Ordinal);
        // The decision in force, with its reason, who and its explanation, read with the verdict.
        Assert.Contains(heading, verdict, StringComparison.Ordinal);
        Assert.Contains($"<strong>{inForce}</strong> {reason}", verdict, StringComparison.Ordinal);
        Assert.Contains(KetamineCdsFactory.Psychiatrist, verdict, StringComparison.Ordinal);
        Assert.Contains(Declined, verdict, StringComparison.Ordinal);
        Assert.Contains(notPrinted, verdict, StringComparison.Ordinal);
        // Printed once: not again at the foot, and the earlier decision (no longer in force) is counted, not printed.
        Assert.Single(Regex.Matches(html, Regex.Escape($"<strong>{inForce}</strong>")));
        Assert.Single(Regex.Matches(html, Regex.Escape(Declined)));
        Assert.DoesNotContain($"<strong>{earlier}</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Reviewed first.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_OneOverride_SaysAClinicianRecordedItInsideTheVerdictBox()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", Eligible("MRN-PRINT-OVR-ONE"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _factory.RecordOverrideThroughPageAsync(id);

        var staff = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Screenings/{id}/Print"));

        var verdict = Regex.Match(html, "<section class=\"p-verdict .*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("A clinician recorded a decision against this recommendation:", verdict, StringComparison.Ordinal);
        Assert.Contains("<strong>Proceed</strong>", verdict, StringComparison.Ordinal);
        Assert.Contains(KetamineCdsFactory.OverrideExplanation, verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("Earlier decisions not printed", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, Regex.Escape(KetamineCdsFactory.OverrideExplanation)));
    }
}
