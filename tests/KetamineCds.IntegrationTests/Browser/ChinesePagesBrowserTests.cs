using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.IntegrationTests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Issue 14 beyond the clinician's journey: a browser set to Chinese (zh-CN) gets the rule catalogue, the principles,
/// the auditor's workspace, the administrator's pages and the account page in Simplified Chinese, each without a
/// serious accessibility problem (axe-core). Screenshots 60-68 go with the others.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ChinesePagesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AuditorPages_BrowserInChinese_ReadInSimplifiedChinese()
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local", "zh-CN");

        await ExpectChinesePageAsync(page, "/Rules", "规则目录", "60-rules-zh");
        await Assertions.Expect(page.Locator("h2#topic-Trd")).ToHaveTextAsync("难治性抑郁症");
        await Assertions.Expect(page.Locator("article.rule").First.Locator("dt").First).ToHaveTextAsync("类型");

        await ExpectChinesePageAsync(page, "/Principles", "原则", "61-principles-zh");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("条规则引用");

        await ExpectChinesePageAsync(page, "/Audit", "决策日志", "62-audit-zh");
        await Assertions.Expect(page.Locator("nav.audit-nav")).ToContainTextAsync("校验日志");

        await ExpectChinesePageAsync(page, "/Audit/Access", "访问日志", "70-access-log-zh");
        await Assertions.Expect(page.Locator("table#access-events caption")).ToContainTextAsync("访问事件，最新的在前");
        await Assertions.Expect(page.Locator("table#access-events tbody tr").First).ToContainTextAsync("查看了访问日志");

        await ExpectChinesePageAsync(page, "/Audit/Verify?run=true", "校验日志", "63-verify-zh");
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync("已校验的哈希链（用时");

        await ExpectChinesePageAsync(page, "/Audit/Checkpoints", "签名检查点", "64-checkpoints-zh");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("核对您保存的副本");

        // The analysis counts the changes only when the log holds a screening: one is recorded here, so that this test does
        // not depend on another having recorded one first (helper 304: run alone, it found "nothing to examine").
        await browser.App.Services.GetRequiredService<IDecisionLog>().RecordScreeningAsync(Screenings.Submit("MRN-ZH-IMPACT"));
        await ExpectChinesePageAsync(page, "/Audit/Impact?run=true", "影响分析", "65-impact-zh");
        await Assertions.Expect(page.Locator("p[role=status]")).ToContainTextAsync("项结论将会改变");

        await ExpectChinesePageAsync(page, "/Rules/Diff?from=1.0.0&to=1.1.0", "规则集变更", "66-ruleset-diff-zh");
        await Assertions.Expect(page.Locator("h2#added-title")).ToContainTextAsync("新增");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminAndAccountPages_BrowserInChinese_ReadInSimplifiedChinese()
    {
        var page = await browser.SignedInPageAsync("admin@demo.local", "zh-CN");

        await ExpectChinesePageAsync(page, "/Admin/Users", "用户", "67-admin-users-zh");
        await Assertions.Expect(page.Locator("table.data-table caption")).ToHaveTextAsync("全部账户");

        // The events page lists the staff account's events only when it has some: it signs in here, so that this test
        // does not depend on another having signed staff in first (run alone, it found no table).
        Assert.True(await browser.SignsInAsync("staff@demo.local", BrowserFixture.Password));
        var staffId = await StaffIdAsync();
        await page.GotoAsync($"/Admin/Users/Edit/{staffId}");
        await page.Locator("#all-account-events").ClickAsync();
        Assert.EndsWith($"/Admin/Users/Events/{staffId}", page.Url, StringComparison.Ordinal);
        await ExpectChinesePageAsync(page, $"/Admin/Users/Events/{staffId}", "staff@demo.local 的事件", "71-account-events-zh");
        await Assertions.Expect(page.Locator("table#account-events caption")).ToContainTextAsync("账户事件，最新的在前");

        await ExpectChinesePageAsync(page, "/Account/TwoFactor", "您的账户", "68-account-zh");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("第二重验证");

        await ExpectChinesePageAsync(page, "/no-such-page", "未找到页面", "69-not-found-zh", expectedStatus: 404);

        await page.Context.CloseAsync();
    }

    private async Task<string> StaffIdAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync("staff@demo.local"))!.Id;
    }

    private async Task ExpectChinesePageAsync(IPage page, string path, string heading, string screenshot, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(expectedStatus, response?.Status);
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await browser.ScreenshotAsync(page, screenshot);
    }
}
