using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The page shown is marked on screen, not only for a screen reader (aria-current): in the header's menu and in the audit
/// workspace's navigation its link is bold with a thick bar under it, so that it is told apart by shape, not colour alone,
/// from the other links and from a link under the pointer; the audit navigation keeps the mark in print; in both languages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CurrentPageMarkBrowserTests(BrowserFixture browser)
{
    /// <summary>Each link's aria-current, weight and bar under it (width in px and style).</summary>
    private const string LinkMarks =
        "selector => [...document.querySelectorAll(selector)].map(a => { const s = getComputedStyle(a); return [a.getAttribute('aria-current') ?? '', s.fontWeight, s.borderBottomWidth, s.borderBottomStyle]; })";

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task AuditWorkspace_ThePageShown_IsBoldWithABarInTheHeaderAndTheAuditNavigation_OnScreenAndInPrint(string? locale)
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.SetViewportSizeAsync(1024, 800);
        await page.GotoAsync("/Audit/Access");

        AssertMarked(await page.EvaluateAsync<string[][]>(LinkMarks, ".site-header .nav a"), "true");
        AssertMarked(await page.EvaluateAsync<string[][]>(LinkMarks, ".audit-nav a"), "page");
        await browser.ScreenshotAsync(page, $"60-current-page-audit-access{(locale is null ? "" : "-zh")}");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        AssertMarked(await page.EvaluateAsync<string[][]>(LinkMarks, ".audit-nav a"), "page");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task Header_WithTheCurrentPageInBold_IsStillOneRowAt1100Px(string? locale)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.SetViewportSizeAsync(1100, 800);
        await page.GotoAsync("/Screenings/New");

        AssertMarked(await page.EvaluateAsync<string[][]>(LinkMarks, ".site-header .nav a"), "page");
        var groups = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('.site-header .brand, .site-header .language, .site-header .nav li, .site-header .signout')].map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })");
        Assert.True(groups.Max(g => g[0]) < groups.Min(g => g[1]), "the header is on more than one row at 1100 px");
        await page.Context.CloseAsync();
    }

    /// <summary>One link carries the mark (bold, a solid bar of 3 px or more); every other link is neither.</summary>
    private static void AssertMarked(string[][] links, string current)
    {
        var marked = Assert.Single(links, l => l[0] != "");
        Assert.Equal(current, marked[0]);
        Assert.True(int.Parse(marked[1], System.Globalization.CultureInfo.InvariantCulture) >= 700, $"the current link's weight is {marked[1]}");
        Assert.True(Px(marked[2]) >= 3 && marked[3] == "solid", $"the current link's bar is {marked[2]} {marked[3]}");
        Assert.All(links.Where(l => l[0] == ""), l =>
        {
            Assert.True(int.Parse(l[1], System.Globalization.CultureInfo.InvariantCulture) < 700, $"another link is bold ({l[1]})");
            Assert.True(Px(l[2]) < 3 || l[3] == "none", $"another link has the bar ({l[2]} {l[3]})");
        });
    }

    private static double Px(string css) => double.Parse(css.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
