using System.IO.Compression;
using System.Net.Http.Json;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.IntegrationTests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// Helper 326, on the auditor's pages in headless Chromium: the access log's Role cell of a sign-in by an account with two
/// roles wraps between the roles, never inside one, on screen and in print, in English and Chinese; the impact analysis's
/// "Result" heading, focused after a run, keeps its focus ring on screen and never prints it; and a zip inside an uploaded
/// zip is named on the Checkpoints page, in English and Chinese; an entry's access history keeps a role whole in a narrow
/// column (helper 329). Screenshots in TestResults/screenshots (326-*, 329-*).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AuditPagesLayoutBrowserTests(BrowserFixture browser)
{
    private const string TwoRoles = "two-roles-browser@demo.local";

    [Theory]
    [InlineData(null, new[] { "Psychiatrist,", "Auditor" })]
    [InlineData("zh-CN", new[] { "精神科医生、", "审计员" })]
    public async Task AccessLog_ASignInWithTwoRoles_WrapsBetweenTheRolesNeverInsideOne_OnScreenAndInPrint(string? locale, string[] pieces)
    {
        await SignInWithTwoRolesAsync();
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.SetViewportSizeAsync(1024, 900);
        await page.GotoAsync("/Audit/Access");
        var cell = page.Locator("#access-events tr", new() { HasText = TwoRoles }).Locator("td.access-role").First;
        await Assertions.Expect(cell.Locator(".role-name")).ToHaveTextAsync(pieces);
        var suffix = locale is null ? "en" : "zh";
        await browser.ScreenshotAsync(page, "326-access-two-roles-" + suffix);
        Assert.Equal(pieces, await LinesAtNarrowestAsync(cell));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await browser.ScreenshotAsync(page, "326-access-two-roles-print-" + suffix);
        Assert.Equal(pieces, await LinesAtNarrowestAsync(cell));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Clinic staff")]
    [InlineData("zh-CN", "诊所工作人员")]
    public async Task ScreeningPage_AccessHistory_KeepsARoleWholeInANarrowColumn_OnScreenAndInPrint(string? locale, string staff)
    {
        // Helper 329: the history's Role cell was plain text, and a narrow column could break 诊所工作人员 inside the name.
        var screening = await browser.App.Services.GetRequiredService<IDecisionLog>().RecordScreeningAsync(Screenings.Submit("MRN-329-HISTORY"));
        const string viewer = "history-role-329@demo.local";
        await browser.App.Services.GetRequiredService<IAccessAudit>().RecordAsync(
            new AccessEvent(AccessEventKind.ViewScreening, viewer, Roles.ClinicStaff, screening.Id.ToString(), "page", "h329-" + Guid.NewGuid().ToString("N")[..8]));
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.SetViewportSizeAsync(800, 900);
        await page.GotoAsync($"/Audit/Screening/{screening.Id}");
        var cell = page.Locator("table.audit-table tr", new() { HasText = viewer }).Locator("td.access-role").First;
        await Assertions.Expect(cell.Locator(".role-name")).ToHaveTextAsync([staff]);
        var suffix = locale is null ? "en" : "zh";
        await browser.ScreenshotAsync(page, "329-access-history-role-" + suffix);
        Assert.Equal([staff], await LinesAtNarrowestAsync(cell));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal([staff], await LinesAtNarrowestAsync(cell));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GotoAsync("/Audit/Access");
        await browser.ScreenshotAsync(page, "329-access-log-narrow-" + suffix);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task Impact_TheResultHeadingFocusedAfterARun_ShowsItsRingOnScreen_AndNeverPrintsIt(string? locale)
    {
        var log = browser.App.Services.GetRequiredService<IDecisionLog>();
        await log.RecordScreeningAsync(Screenings.Submit("MRN-326-IMPACT"));
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.GotoAsync("/Audit/Impact?run=true&baseline=1.0.0");
        var heading = page.Locator("#impact-result");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        Assert.Equal("solid", await OutlineStyleAsync(heading));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        Assert.Equal("none|none", await OutlineStyleAsync(heading) + "|" + await heading.EvaluateAsync<string>("h => getComputedStyle(h).boxShadow"));
        var suffix = locale is null ? "en" : "zh";
        await browser.ScreenshotAsync(page, "326-impact-result-print-" + suffix);
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(browser.OutputFolder, "326-impact-result-" + suffix + ".pdf"), Format = "A4", PrintBackground = true });

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.Equal("solid", await OutlineStyleAsync(heading));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Not a readable checkpoint: a zip inside the uploaded zip, which is not opened (unzip the outer zip and upload this one by itself).", "uploaded outer-copy.zip", "Not opened: a zip inside the zip", "1 zip inside the uploaded zip was not opened")]
    [InlineData("zh-CN", "不是可读取的检查点：上传的 zip 文件中的 zip 文件，不会被打开（请先解压外层 zip 文件，再单独上传此文件）。", "上传的 outer-copy.zip", "未打开：zip 文件中的 zip 文件", "上传的 zip 文件中有 1 个 zip 文件未被打开")]
    public async Task Checkpoints_AZipInsideAnUploadedZip_IsNamedWithWhatToDo(string? locale, string why, string source, string status, string summary)
    {
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.GotoAsync("/Audit/Checkpoints");
        var folder = Path.Combine(browser.OutputFolder, "zip-in-zip-" + (locale ?? "en"));
        Directory.CreateDirectory(folder);
        var outer = Path.Combine(folder, "outer-copy.zip");
        File.Delete(outer);
        var inner = new MemoryStream();
        using (var innerZip = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await innerZip.CreateEntry("checkpoint-1.json").OpenAsync();
            await entry.WriteAsync("{}"u8.ToArray());
        }

        using (var zip = ZipFile.Open(outer, ZipArchiveMode.Create))
        {
            await using var entry = await zip.CreateEntry("kept/kept-copy-2024.zip").OpenAsync();
            await entry.WriteAsync(inner.ToArray());
        }

        await page.Locator("#copies").SetInputFilesAsync(outer);
        await page.Locator("form:has(#copies) button[type=submit]").ClickAsync();
        var row = page.Locator("tr", new() { Has = page.Locator("td code", new() { HasText = "kept/kept-copy-2024.zip" }) });
        await Assertions.Expect(row).ToContainTextAsync(why, new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToContainTextAsync(source);
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(status);
        await Assertions.Expect(page.Locator("#uploaded-status")).ToContainTextAsync(summary);
        await Assertions.Expect(page.Locator("#uploaded-status")).ToBeFocusedAsync();
        // The file's path breaks after its slash or hyphens, never inside "2024".
        Assert.DoesNotContain(await row.Locator("code.checkpoint-file").EvaluateAsync<string[]>(
            "c => { const r = document.createRange(); const t = c.firstChild; const lines = []; let top = null, line = ''; for (let i = 0; i < t.length; i++) { r.setStart(t, i); r.setEnd(t, i + 1); const y = Math.round(r.getBoundingClientRect().top); if (top !== null && y !== top) { lines.push(line); line = ''; } top = y; line += t.data[i]; } lines.push(line); return lines; }"),
            l => l.EndsWith("202", StringComparison.Ordinal));
        await browser.ScreenshotAsync(page, "326-checkpoint-zip-in-zip-" + (locale is null ? "en" : "zh"));
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    /// <summary>The Role cell's pieces as they stand on its lines when the cell is as narrow as its content lets it be.</summary>
    private static Task<string[]> LinesAtNarrowestAsync(ILocator cell) => cell.EvaluateAsync<string[]>(
        """
        td => {
          td.style.width = '1px';
          const spans = [...td.querySelectorAll('.role-name')];
          const broken = spans.filter(s => s.getClientRects().length !== 1).map(s => 'broken inside: ' + s.textContent);
          const tops = new Set(spans.map(s => Math.round(s.getBoundingClientRect().top)));
          const lines = broken.length > 0 ? broken : tops.size === spans.length ? spans.map(s => s.textContent) : ['on ' + tops.size + ' lines'];
          td.style.width = '';
          return lines;
        }
        """);

    private static Task<string> OutlineStyleAsync(ILocator heading) => heading.EvaluateAsync<string>("h => getComputedStyle(h).outlineStyle");

    /// <summary>An account holding two roles signs in (through the API: no second step), so that its sign-in names both.</summary>
    private async Task SignInWithTwoRolesAsync()
    {
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(TwoRoles) is null)
            {
                var user = new ApplicationUser { UserName = TwoRoles, Email = TwoRoles, EmailConfirmed = true, DisplayName = "Two roles" };
                Assert.True((await users.CreateAsync(user, BrowserFixture.Password)).Succeeded);
                Assert.True((await users.AddToRolesAsync(user, [Roles.Psychiatrist, Roles.Auditor])).Succeeded);
            }
        }

        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        using var signIn = await client.PostAsJsonAsync("/api/auth/login", new { email = TwoRoles, password = BrowserFixture.Password });
        Assert.True(signIn.IsSuccessStatusCode, $"{(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
    }
}
