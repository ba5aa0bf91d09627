using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The free-text boxes have no maxlength, which a browser counts in UTF-16 units (QA157 F7): the count under each
/// (Pages/Shared/_CharCount, site.js) tells the clinician before sending how many characters it holds, counted as the
/// server counts them (an emoji is one, a line break one), and marks a text over its limit.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CharCountBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewScreening_NoteWithEmoji_CountedAsTheServerCountsIt_OverTheLimitMarked()
    {
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local");
        await page.GotoAsync("/Screenings/New");
        var count = page.Locator("#clinicianNote-count");
        await Assertions.Expect(count).ToHaveTextAsync("0 of 2,000 characters");

        // 1,998 emoji (3,996 UTF-16 units), a line break and two letters: 2,001 characters.
        await page.Locator("#clinicianNote").FillAsync(string.Concat(Enumerable.Repeat("😀", 1998)) + "\nab");

        await Assertions.Expect(count).ToHaveTextAsync("2,001 of 2,000 characters");
        await Assertions.Expect(count).ToHaveClassAsync(new Regex("char-count--over"));

        await page.Locator("#clinicianNote").PressAsync("Backspace");

        await Assertions.Expect(count).ToHaveTextAsync("2,000 of 2,000 characters");
        await Assertions.Expect(count).Not.ToHaveClassAsync(new Regex("char-count--over"));
        await page.Context.CloseAsync();
    }
}
