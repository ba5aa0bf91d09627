using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Data;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// QA272 F4: the override form offered the two reasons that only explain proceeding (the benefit outweighs the risk; the
/// contraindication is resolved or inaccurate) under "Do not proceed", and refused them only once sent. site.js now
/// hides and disables them while "Do not proceed" is chosen, and offers them again with "Proceed"; the server's rule
/// (<see cref="OverrideInputValidator.OnlyToProceed"/>) and its message stay for a form sent without scripts. Helper 279:
/// the page marks those reasons (<c>data-only-to-proceed</c>) from that rule, and site.js reads the mark; it kept a copy of the list.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OverrideReasonsBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task DoNotProceed_HidesAndDisablesTheReasonsToProceedOnly_AndProceedOffersThemAgain(string? locale)
    {
        var log = browser.App.Services.GetRequiredService<IDecisionLog>();
        var screening = await log.RecordScreeningAsync(Screenings.Submit("MRN-OVERRIDE-REASONS" + (locale is null ? "" : "-ZH")));
        var page = await browser.SignedInPageAsync("psychiatrist@demo.local", locale);
        await page.GotoAsync($"/Screenings/{screening.Id}");
        await page.Locator("#record-override > summary").ClickAsync();

        // The server marks the reasons to proceed only, from its own list (site.js keeps none of its own): exactly those.
        var onlyToProceed = Enum.GetValues<OverrideReason>().Where(r => OverrideInputValidator.OnlyToProceed(r)).Select(r => r.ToString()).Order().ToList();
        Assert.Equal(2, onlyToProceed.Count);
        Assert.Equal(onlyToProceed, (await page.Locator("#override-reason option[data-only-to-proceed]").EvaluateAllAsync<string[]>("options => options.map(o => o.value)")).Order());

        // Every reason is offered before a decision is chosen, and with "Proceed".
        Assert.Empty(await NotOfferedAsync(page));
        await page.Locator("#override-reason").SelectOptionAsync(nameof(OverrideReason.BenefitOutweighsRiskAfterReview));

        await page.Locator("#override-dont").CheckAsync();
        var notOffered = await NotOfferedAsync(page);
        Assert.Equal(onlyToProceed, notOffered.Order());
        // The reason chosen for proceeding is not left chosen, hidden, under "Do not proceed".
        Assert.Equal("", await page.Locator("#override-reason").InputValueAsync());
        await page.Locator("#override-reason").SelectOptionAsync(nameof(OverrideReason.PatientPreference));
        await browser.ScreenshotAsync(page, "override-do-not-proceed-reasons" + (locale is null ? "" : "-zh"));

        await page.Locator("#override-proceed").CheckAsync();
        Assert.Empty(await NotOfferedAsync(page));
        Assert.Equal(nameof(OverrideReason.PatientPreference), await page.Locator("#override-reason").InputValueAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>The values of the reasons the drop-down does not offer: hidden, disabled, or both.</summary>
    private static async Task<string[]> NotOfferedAsync(IPage page) =>
        await page.Locator("#override-reason option").EvaluateAllAsync<string[]>(
            "options => options.filter(o => o.hidden || o.disabled).map(o => o.value)");
}
