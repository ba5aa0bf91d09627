using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 337: Find screenings sent with the box left empty (or only spaces) came back as the empty form, saying nothing,
/// as if the search had not been made. The page lists one patient's screenings and has no list of every patient (that is
/// the auditor's Decision log), so an empty search is refused at the field, with the validator's "Enter the patient
/// reference", as every form's missing answer is: the message under the label, the box aria-invalid and described by it,
/// the error summary at the top linking to the box, "Error:" in the title. The page opened from the menu (no
/// patientReference in its address) is the empty form, without any of these.
/// </summary>
public sealed class FindScreeningsEmptySearchTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private async Task<string> PageAsync(string path, string language)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var response = await CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string SearchBox(string html) => Regex.Match(html, "<input [^>]*id=\"patientReference\"[^>]*>").Value;

    [Theory]
    [InlineData("/Screenings?patientReference=", "en", "Enter the patient reference (the clinic's MRN, never a name).", "There is a problem to fix; nothing has been searched for", "Error: Find screenings")]
    [InlineData("/Screenings?patientReference=%20%20", "en", "Enter the patient reference (the clinic's MRN, never a name).", "There is a problem to fix; nothing has been searched for", "Error: Find screenings")]
    [InlineData("/Screenings?PATIENTREFERENCE=", "en", "Enter the patient reference (the clinic's MRN, never a name).", "There is a problem to fix; nothing has been searched for", "Error: Find screenings")]
    [InlineData("/Screenings?patientReference=", "zh-CN", "请输入患者编号（本机构的病历号，切勿填写姓名）。", "有 1 个问题需要修正；尚未进行查找", "错误：查找筛查")]
    public async Task FindScreenings_SentEmpty_SaysAtTheFieldWhatToEnter_WithTheErrorSummary(string path, string language, string message, string summaryHeading, string title)
    {
        var html = await PageAsync(path, language);

        // Under the label, with "Error:" for a screen reader, and the box points to it and is invalid.
        Assert.Matches("<p class=\"field-error\" id=\"patientReference-error\"><span class=\"visually-hidden\">[^<]+</span>" + Regex.Escape(message) + "</p>", html);
        var box = SearchBox(html);
        Assert.Contains("aria-describedby=\"patientReference-error\"", box, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", box, StringComparison.Ordinal);
        // The summary at the top, its one problem linked to the box.
        var summary = Regex.Match(html, "<div class=\"error-summary\"[^>]*id=\"error-summary\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(summary.Success, "an error summary at the top of the page");
        Assert.Contains(summaryHeading, summary.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#patientReference\">{message}</a>", summary.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains($"<title>{title} - KetamineCds</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"patient-screenings\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task FindScreenings_OpenedFromTheMenu_IsTheEmptyFormWithNoError(string language)
    {
        var html = await PageAsync("/Screenings", language);

        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
        Assert.DoesNotContain("patientReference-error", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", SearchBox(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindScreenings_ReferenceRefused_IsInTheErrorSummaryToo()
    {
        var html = await PageAsync("/Screenings?patientReference=" + Uri.EscapeDataString("MRN 1/2"), "en");

        var summary = Regex.Match(html, "<div class=\"error-summary\"[^>]*id=\"error-summary\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(summary.Success, "an error summary at the top of the page");
        Assert.Contains("<a href=\"#patientReference\">The patient reference may have 1 to 64 letters", summary.Groups[1].Value, StringComparison.Ordinal);
    }
}
