using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.IntegrationTests.Data;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KetamineCds.IntegrationTests.Browser;

/// <summary>
/// What a psychiatrist sees of a screening whose two stored copies of its answers disagree (the input as submitted says
/// 1 failed trial, the history its verdict was decided on 3; only a log altered behind the app's back holds one), on an
/// app and database of its own: the red notice with the page's spacing under the actions, no re-screen or correction
/// offered, and the re-screen link refused. And the outage page, as the browser shows it, for a form that keeps its
/// answers and for one that does not.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StoredInputsDisagreeBrowserTests(BrowserFixture browser)
{
    private const string Patient = "MRN-DISAGREE-BROWSER";

    [Theory]
    [InlineData(1280, "en")]
    [InlineData(412, "en")]
    [InlineData(1280, "zh-CN")]
    public async Task ResultPage_StoredInputsDisagree_NoticeIsSpacedFromTheActionsAndNoRescreenIsOffered(int width, string locale)
    {
        using var app = new KestrelAppFactory();
        app.StartServer();
        var history = Screenings.Trd(Patient);
        var input = JsonNode.Parse(JsonSerializer.Serialize(history, ContractJson.Options))!.AsObject();
        input["failedAdequateTrials"] = 1;
        var screening = await app.Services.GetRequiredService<IDecisionLog>().RecordScreeningAsync(Screenings.Submit(history, inputJson: input.ToJsonString()));
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
        });
        var page = await context.NewPageAsync();
        Assert.True(await BrowserFixture.SignInAsync(page, "psychiatrist@demo.local", BrowserFixture.Password));

        await page.GotoAsync($"/Screenings/{screening.Id}");
        await Assertions.Expect(page.Locator("#inputs-disagree")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, $"70-result-inputs-disagree-{width}-{locale}");
        // From the lowest action button (or the heading's text, where that is lower) to the notice: the gap the page keeps
        // between its boxes (1rem, as above the verdict that sits there otherwise), never flush.
        var gap = await page.EvaluateAsync<double>(
            "() => document.getElementById('inputs-disagree').getBoundingClientRect().top"
            + " - Math.max(...[...document.querySelectorAll('.result-head .button, .result-head .meta, .result-head h1')].map(e => e.getBoundingClientRect().bottom))");
        Assert.True(gap >= 15.5, $"The notice is {gap} px under the result's head at {width} px.");
        Assert.Equal(0, await page.Locator("a[href*='/Screenings/New?']").CountAsync());
        await Assertions.Expect(page.Locator("#rescreen-withheld")).ToBeVisibleAsync();

        var refused = await page.GotoAsync($"/Screenings/New?from={screening.Id}");
        Assert.Equal(409, refused!.Status);
        await browser.ScreenshotAsync(page, $"71-rescreen-refused-inputs-disagree-{width}-{locale}");
        await Assertions.Expect(page.Locator("#earlier-inputs-disagree")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("form.screening-form").CountAsync());
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/Screenings/New", "", "en", true)]
    [InlineData("/Screenings/New", "", "zh-Hans", true)]
    [InlineData("/Screenings/0193a0c4-1e5b-7000-8000-000000000001", "?handler=Override", "en", false)]
    [InlineData("/Account/Login", "", "zh-Hans", false)]
    public async Task OutagePage_InTheBrowser_PromisesKeptAnswersOnlyForTheScreeningForm(string path, string query, string language, bool keepsDraft)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        http.Response.Body = new MemoryStream();
        http.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language), provider: null));
        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(http, new TimeoutException(), CancellationToken.None));
        http.Response.Body.Position = 0;
        var html = await new StreamReader(http.Response.Body).ReadToEndAsync();

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 600 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        await browser.ScreenshotAsync(page, $"72-outage-{(keepsDraft ? "screening-form" : "other-form")}-{language}");
        Assert.Equal(keepsDraft ? 1 : 0, await page.Locator("a").CountAsync());
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        await context.CloseAsync();
    }
}
