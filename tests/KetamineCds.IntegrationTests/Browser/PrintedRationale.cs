using System.Globalization;
using System.Text.RegularExpressions;
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
    public static async Task<IPage> OpenAsync(BrowserFixture browser, string id, string language, string? paper = null)
    {
        var page = await browser.SignedInPageAsync("staff@demo.local");
        if (language == "zh")
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = ChineseCulture, Url = browser.BaseAddress }]);
        }

        await page.GotoAsync($"/Screenings/{id}/Print" + (paper is null ? "" : $"?paper={paper}"));
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

    /// <summary>The size of a PDF's first page in points, and its number of pages, as poppler's <c>pdfinfo</c> reads them.</summary>
    public static (int Pages, double Width, double Height) PdfInfo(string pdfPath)
    {
        var info = Poppler("pdfinfo", pdfPath);
        var size = Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        Assert.True(size.Success, info);
        return (int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The room left blank at the foot of a one-page PDF's page: from the lowest word printed inside the page's margins (the
    /// signature lines' "Date:", or the disclaimer) to the bottom margin print.css gives the page (8 mm), in points; the
    /// footer's running head and page number, printed in that margin, are left out. Read with <c>pdftotext -bbox</c>.
    /// </summary>
    public static double BlankAtTheFoot(string pdfPath)
    {
        var (_, _, height) = PdfInfo(pdfPath);
        var bottom = height - (8 / 25.4 * 72);
        var lowest = Regex.Matches(Poppler("pdftotext", "-bbox", "-f", "1", "-l", "1", pdfPath, "-"), "<word xMin=\"[\\d.]+\" yMin=\"[\\d.]+\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(y => y <= bottom + 0.5)
            .Max();
        return bottom - lowest;
    }

    private static string Poppler(string tool, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install -y poppler-utils).");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
    }
}
