using KetamineCds.Domain.Rules;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The auditor's rule-set diff keeps every changed or added text inside its box, whatever the rule: a canonical condition names
/// fields such as <c>otherCardiovascularOrCerebrovascularDisease</c> (rule set 1.3.0), one word longer than a cell is wide.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RuleSetDiffBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, string> ConsecutiveReleases()
    {
        var data = new TheoryData<string, string>();
        for (var i = 1; i < RuleSetCatalog.All.Count; i++)
        {
            data.Add(RuleSetCatalog.All[i - 1].Version, RuleSetCatalog.All[i].Version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConsecutiveReleases))]
    public async Task Diff_ConsecutiveReleases_KeepsEveryTextInsideItsCell(string from, string to)
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local");
        await page.SetViewportSizeAsync(1200, 900);
        await page.GotoAsync($"/Rules/Diff?from={from}&to={to}");

        // A changed rule's texts are in table cells; an added rule's (1.6.0 only adds SCR-002) in its list item.
        var cells = page.Locator(".diff-table td, li[id^='added-']");
        Assert.True(await cells.CountAsync() > 0, $"the diff {from} -> {to} shows no added or changed rule");
        var overflowing = await cells.EvaluateAllAsync<string[]>(
            "tds => tds.filter(td => td.scrollWidth > td.clientWidth + 1).map(td => (td.closest('article')?.id ?? td.id) + ': ' + td.textContent.trim().slice(0, 60))");
        Assert.Empty(overflowing);
        await page.Context.CloseAsync();
    }
}
