using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The printed rationale in the browser tests: a freshly opened print page in English or Simplified Chinese, and what
/// its page footer says (print.css, the @page margin boxes): the patient and the screening on the left, "Page N of M"
/// on the right, read from a page's text as <c>pdftotext -layout</c> gives it.
/// </summary>
internal static class PrintedRationale
{
    /// <summary>The culture cookie's value that makes the app answer in Simplified Chinese.</summary>
    public const string ChineseCulture = "c=zh-Hans|uic=zh-Hans";

    /// <summary>
    /// A signed-in clinic staff member's freshly opened page on the screening's print, in English or (by the culture
    /// cookie) Chinese: what is printed from it first is a first print, as in a clinic.
    /// </summary>
    public static async Task<IPage> OpenAsync(BrowserFixture browser, string id, string language)
    {
        var page = await browser.SignedInPageAsync("staff@demo.local");
        if (language == "zh")
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = ChineseCulture, Url = browser.BaseAddress }]);
        }

        await page.GotoAsync($"/Screenings/{id}/Print");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language == "zh" ? "zh-Hans" : "en");
        return page;
    }

    /// <summary>The footer's left part: the patient reference and the screening id.</summary>
    public static string RunningHead(string language, string reference, string id) =>
        language == "zh" ? $"患者编号 {reference} · 筛查编号 {id}" : $"Patient reference {reference} · Screening id {id}";

    /// <summary>The footer's right part: "Page N of M".</summary>
    public static string PageOf(string language, int page, int pages) =>
        language == "zh" ? $"第 {page} 页，共 {pages} 页" : $"Page {page} of {pages}";

    /// <summary>Why a printed page's text lacks its footer, or null when the footer is there.</summary>
    public static string? MissingFooter(string pageText, string language, string reference, string id, int page, int pages)
    {
        var missing = new[] { RunningHead(language, reference, id), PageOf(language, page, pages) }
            .Where(part => !pageText.Contains(part, StringComparison.Ordinal)).ToList();
        return missing.Count == 0 ? null : $"page {page} of {pages} has no \"{string.Join("\" and no \"", missing)}\" in its footer";
    }

    /// <summary>Whether a line of a page's text is the footer's line.</summary>
    public static bool IsFooterLine(string line, string language) =>
        language == "zh"
            ? line.Contains("第 ", StringComparison.Ordinal) && line.Contains(" 页，共 ", StringComparison.Ordinal)
            : line.Contains("Page ", StringComparison.Ordinal) && line.Contains(" of ", StringComparison.Ordinal);
}
