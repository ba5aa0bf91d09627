using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.IntegrationTests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// The auditor's workspace as a keyboard and screen-reader user meets it (the WCAG 2.2 AA audit's F3, F9, F12), what the
/// rendered HTML cannot show: a long action keeps the focus on its button and says it is busy in a live region, the page
/// that comes back puts the focus on its outcome and says it in its title; at 320 px with WCAG text spacing no audit page
/// is wider than the screen; and Chinese text is never slanted. Screenshots in TestResults/screenshots (audit-*).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class AuditKeyboardBrowserTests(BrowserFixture browser)
{
    /// <summary>WCAG 1.4.12's text spacing, as in NarrowScreenAndPrintBrowserTests.</summary>
    private const string TextSpacing =
        "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

    [Theory]
    [InlineData(null, "Verifying…", "Result: ", "Verify the log")]
    [InlineData("zh-CN", "正在校验…", "结果：", "校验日志")]
    public async Task VerifyNow_ByKeyboard_KeepsTheFocus_SaysItIsBusy_ThenFocusesTheOutcome_WhichTheTitleSays(string? locale, string busy, string result, string name)
    {
        await RecordScreeningsAsync("MRN-A11Y-VERIFY", 2);
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.GotoAsync("/Audit/Verify");
        // The verification's answer is held a moment, so that a second press comes while it is awaited; each is counted.
        var sent = 0;
        await page.RouteAsync(VerifyRun(), async route =>
        {
            Interlocked.Increment(ref sent);
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        var status = page.Locator("form[data-audit-busy] [role=status]");
        Assert.Equal("", (await status.TextContentAsync())!.Trim()); // there, empty, before anything is sent
        await RecordBusyStateAsync(page, "form[data-audit-busy]");
        await page.Locator("form[data-audit-busy] button[type=submit]").FocusAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter"); // a second press while it is busy sends nothing more

        await page.WaitForURLAsync(new Regex("run=true"));
        // While it was busy: the focus stayed on the button (disabled, it had dropped to the body), marked aria-disabled,
        // and the busy words were in the polite live region.
        Assert.Equal($"BUTTON|true|{busy}", await BusyStateAsync(page));
        var heading = page.Locator("#verify-result");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        var outcome = (await heading.InnerTextAsync()).Trim();
        Assert.StartsWith(result, outcome, StringComparison.Ordinal);
        Assert.Equal($"{outcome[result.Length..]} - {name} - KetamineCds", await page.TitleAsync());
        Assert.Equal(1, sent);
        await browser.ScreenshotAsync(page, "audit-verify-result" + (locale is null ? "" : "-zh"));
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Verifying and signing…", "Checking…", "Signed checkpoints", "Checkpoint written", "Copy checked: ")]
    [InlineData("zh-CN", "正在校验并签名…", "正在核对…", "签名检查点", "已写入检查点", "副本已核对：")]
    public async Task CheckpointActions_ByKeyboard_SayTheyAreBusy_ThenFocusTheirOutcome_WhichTheTitleSays(string? locale, string writing, string checking, string name, string written, string copyChecked)
    {
        await RecordScreeningsAsync("MRN-A11Y-CP", 1);
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.GotoAsync("/Audit/Checkpoints");
        var sent = 0;
        await page.RouteAsync(new Regex("/Audit/Checkpoints\\?handler=(Create|Upload)"), async route =>
        {
            Interlocked.Increment(ref sent);
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await RecordBusyStateAsync(page, "form[action*='handler=Create']");
        await page.Locator("form[action*='handler=Create'] button[type=submit]").FocusAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");

        var message = page.Locator("#checkpoint-message");
        await Assertions.Expect(message).ToBeFocusedAsync(new() { Timeout = 60_000 });
        Assert.Equal($"BUTTON|true|{writing}", await BusyStateAsync(page));
        Assert.Equal(1, sent);
        Assert.Equal($"{written} - {name} - KetamineCds", await page.TitleAsync());
        await browser.ScreenshotAsync(page, "audit-checkpoint-written" + (locale is null ? "" : "-zh"));

        // A kept copy: the newest checkpoint file, checked back.
        var folder = browser.App.Services.GetRequiredService<CheckpointFiles>().Directory;
        var newest = Directory.GetFiles(folder, "checkpoint-*.json").Order(StringComparer.Ordinal).Last();
        await page.Locator("#copies").SetInputFilesAsync(newest);
        await RecordBusyStateAsync(page, "form:has(#copies)");
        await page.Locator("form:has(#copies) button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var status = page.Locator("#uploaded-status");
        await Assertions.Expect(status).ToBeFocusedAsync(new() { Timeout = 60_000 });
        Assert.Equal($"BUTTON|true|{checking}", await BusyStateAsync(page));
        Assert.StartsWith(copyChecked, await page.TitleAsync(), StringComparison.Ordinal);
        Assert.EndsWith($" - {name} - KetamineCds", await page.TitleAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "audit-checkpoint-copy-checked" + (locale is null ? "" : "-zh"));
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "Analysing…", "Result: ", "Impact analysis")]
    [InlineData("zh-CN", "正在分析…", "结果：", "影响分析")]
    public async Task Analyse_ByKeyboard_KeepsTheFocus_SaysItIsBusy_ThenFocusesTheOutcome_WhichTheTitleSays(string? locale, string busy, string result, string name)
    {
        // Helper 304: Verify and the Checkpoints page did this (helper 301); the impact analysis came back with the focus
        // nowhere and its title unchanged.
        await RecordScreeningsAsync("MRN-A11Y-IMPACT", 2);
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.GotoAsync("/Audit/Impact");
        var sent = 0;
        await page.RouteAsync(new Regex(@"/Audit/Impact\?(.*&)?run=true"), async route =>
        {
            Interlocked.Increment(ref sent);
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await RecordBusyStateAsync(page, "form[data-audit-busy]");
        await page.Locator("form[data-audit-busy] button[type=submit]").FocusAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("run=true"));
        Assert.Equal($"BUTTON|true|{busy}", await BusyStateAsync(page));
        var heading = page.Locator("#impact-result");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        var outcome = (await heading.InnerTextAsync()).Trim();
        Assert.StartsWith(result, outcome, StringComparison.Ordinal);
        Assert.Equal($"{outcome[result.Length..]} - {name} - KetamineCds", await page.TitleAsync());
        Assert.Equal(1, sent);
        await browser.ScreenshotAsync(page, "audit-impact-result" + (locale is null ? "" : "-zh"));
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task CheckpointDownloads_At1280Px_SitOnOneLine(string? locale)
    {
        // Helper 304: since .audit-actions wraps (helper 301, for 320 px), the Checkpoints page's download links took two
        // lines at 1280 px. Each link on one line, and all of them on the same line.
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.GotoAsync("/Audit/Checkpoints");
        var links = page.Locator(".checkpoint-actions a[download]");
        Assert.Equal(3, await links.CountAsync());
        var boxes = await links.EvaluateAllAsync<double[][]>(
            """
            links => links.map(a => {
              const r = a.getBoundingClientRect();
              return [r.top, r.bottom, a.getClientRects().length, r.right];
            })
            """);
        var placed = string.Join("; ", boxes.Select(b => $"top {b[0]:0.#} bottom {b[1]:0.#} lines {b[2]} right {b[3]:0.#}"));
        Assert.True(boxes.All(b => b[2] == 1), "a link wraps: " + placed);
        Assert.True(boxes.All(b => Math.Abs(b[0] - boxes[0][0]) < 1 && Math.Abs(b[1] - boxes[0][1]) < 1), "not on one line: " + placed);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 1280);
        await browser.ScreenshotAsync(page, "audit-checkpoints-at-1280px" + (locale is null ? "" : "-zh"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task AuditPages_At320PxWithTextSpacing_AreNoWiderThanTheScreen(string? locale)
    {
        // F9 (1.4.10, 1.4.12): /Audit was 356 px wide (the JSON Lines link), /Audit/Checkpoints 355 px (the file chooser),
        // /Audit/Verify 334 px.
        await RecordScreeningsAsync("MRN-A11Y-320", 1);
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.SetViewportSizeAsync(320, 800);
        var tooWide = new List<string>();
        foreach (var path in new[] { "/Audit", "/Audit/Access", "/Audit/Checkpoints", "/Audit/Verify", "/Audit/Verify?run=true" })
        {
            await page.GotoAsync(path);
            await page.AddStyleTagAsync(new() { Content = TextSpacing });
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 320)
            {
                var widest = await page.EvaluateAsync<string>(
                    """
                    () => {
                      const name = e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '');
                      const inBox = e => e.parentElement && e.parentElement.closest('.table-scroll');
                      const wide = [...document.body.querySelectorAll('*')].filter(e => !inBox(e) && e.getBoundingClientRect().right > 320.5).map(e => name(e) + ' ends at ' + Math.round(e.getBoundingClientRect().right));
                      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                        const r = document.createRange(); r.selectNodeContents(t);
                        if (!inBox(t) && [...r.getClientRects()].some(x => x.right > 320.5)) { wide.push('text in ' + name(t.parentElement) + ': ' + t.textContent.trim().slice(0, 40)); }
                      }
                      return wide.join('; ');
                    }
                    """);
                tooWide.Add($"{path} is {width} px wide at 320 px: {widest}");
            }

            if (path == "/Audit")
            {
                await browser.ScreenshotAsync(page, "audit-list-at-320px-text-spacing" + (locale is null ? "" : "-zh"));
            }
        }

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null, "italic")]
    [InlineData("zh-CN", "normal")]
    public async Task ScreenPages_InChinese_SetNoTextInItalics(string? locale, string style)
    {
        // F12 (CLReq): an oblique Han character is a distortion. The audit's notes, the findings' frame sentence and an answer
        // not recorded are italic in English only.
        var page = await browser.SignedInPageAsync("auditor@demo.local", locale);
        await page.GotoAsync("/Audit/Verify");
        var styles = await page.EvaluateAsync<string[]>(
            """
            () => {
              const main = document.querySelector('main');
              const frame = Object.assign(document.createElement('p'), { className: 'findings__frame' });
              const answers = Object.assign(document.createElement('div'), { className: 'answers--not-recorded' });
              answers.appendChild(document.createElement('dd'));
              main.append(frame, answers);
              return [document.querySelector('.audit-note'), frame, answers.firstChild].map(e => getComputedStyle(e).fontStyle);
            }
            """);
        Assert.Equal([style, style, style], styles);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Keeps, in the tab's session storage (which outlives the page), the state of the form's page just after it is sent:
    /// the focused element's tag, its button's aria-disabled and the form's live region's words, read back by
    /// <see cref="BusyStateAsync"/> once the next page has come (Playwright waits for a navigation before reading a page).
    /// </summary>
    private static async Task RecordBusyStateAsync(IPage page, string form) => await page.EvaluateAsync(
        """
        form => {
          sessionStorage.removeItem('busy-state');
          const f = document.querySelector(form);
          f.addEventListener('submit', () => setTimeout(() => {
            const button = f.querySelector('button[type=submit]');
            const said = f.querySelector('[role=status]');
            if (sessionStorage.getItem('busy-state') === null) {
              sessionStorage.setItem('busy-state', [document.activeElement.tagName, button.getAttribute('aria-disabled'), said ? said.textContent : ''].join('|'));
            }
          }, 0));
        }
        """, form);

    private static Task<string> BusyStateAsync(IPage page) => page.EvaluateAsync<string>("() => sessionStorage.getItem('busy-state')");

    [GeneratedRegex(@"/Audit/Verify\?(.*&)?run=true")]
    private static partial Regex VerifyRun();

    private async Task RecordScreeningsAsync(string reference, int count)
    {
        var log = browser.App.Services.GetRequiredService<IDecisionLog>();
        for (var i = 0; i < count; i++)
        {
            await log.RecordScreeningAsync(Screenings.Submit(reference + "-" + i));
        }
    }
}
