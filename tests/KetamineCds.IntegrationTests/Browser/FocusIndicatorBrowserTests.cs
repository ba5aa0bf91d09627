using System.Globalization;
using System.Text.RegularExpressions;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The keyboard focus ring stands out from the white cards and the grey page (WCAG 1.4.11, 3:1; QA10a A4): the amber
/// ring alone was 1.6:1; a dark outline now goes round it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class FocusIndicatorBrowserTests(BrowserFixture browser)
{
    private static readonly (string Name, double R, double G, double B) White = ("white", 255, 255, 255);
    private static readonly (string Name, double R, double G, double B) Page = ("the page #f5f7f9", 0xf5, 0xf7, 0xf9);

    [Theory]
    [InlineData("#ageYears")]
    [InlineData("#currentDepressiveEpisode-yes")]
    [InlineData("#primaryDiagnosis")]
    public async Task FocusedControl_ItsOutlineHasAtLeast3To1AgainstWhiteAndThePage(string control)
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        // Reached with the keyboard, so that :focus-visible applies as it does for a keyboard user.
        await page.Locator(control).FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");

        var style = await page.EvaluateAsync<string[]>("() => { const s = getComputedStyle(document.activeElement); return ['#' + document.activeElement.id, s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
        Assert.Equal(control, style[0]);
        Assert.Equal("solid", style[1]);
        Assert.True(double.Parse(style[2].Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 2, style[2]);
        var outline = Rgb(style[3]);
        foreach (var background in new[] { White, Page })
        {
            var ratio = Contrast(outline, (background.R, background.G, background.B));
            Assert.True(ratio >= 3, $"{control}: outline {style[3]} is {ratio:0.00}:1 against {background.Name}");
        }

        await browser.ScreenshotAsync(page, "57-focus-ring" + control.Replace('#', '-'));
        await page.Context.CloseAsync();
    }

    private static (double R, double G, double B) Rgb(string css)
    {
        var match = RgbPattern().Match(css);
        Assert.True(match.Success, css);
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>WCAG's contrast ratio of two sRGB colours.</summary>
    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        static double Channel(double c)
        {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        static double Luminance((double R, double G, double B) c) => (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    [GeneratedRegex(@"rgba?\((\d+), (\d+), (\d+)")]
    private static partial Regex RgbPattern();
}
