using System.Text.Json;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace KetamineCds.Web.Tests.Security;

/// <summary>A database that cannot be reached answers 503, never 500 (seen in benchmarks/run.sh's outage run).</summary>
public class DatabaseUnavailableHandlerTests
{
    private sealed class FakeDbException(string message) : System.Data.Common.DbException(message);

    private static DefaultHttpContext Context(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    [Fact]
    public async Task TryHandle_ApiRequestWithWrappedDbException_Answers503ProblemDetails()
    {
        var context = Context("/api/v1/screenings");
        var handled = await new DatabaseUnavailableHandler().TryHandleAsync(
            context, new InvalidOperationException("transient", new FakeDbException("connection refused")), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(503, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(DatabaseUnavailableHandler.Detail, body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TryHandle_PageRequestWithTimeout_Answers503WithAPageAndNoFormLink()
    {
        var context = Context("/Screenings");
        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, new TimeoutException(), CancellationToken.None));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.StartsWith("text/html", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        var page = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("nothing was stored", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Back to the form", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_FormSent_SaysTheAnswersAreKeptAndLinksBackToTheForm()
    {
        // QA96 F3: the form's answers stay in the browser tab (drafts.js); the page says so and leads back to the form.
        var context = Context("/Screenings/New");
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString("?from=0193a0c4-1e5b-7000-8000-000000000001");
        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, new FakeDbException("connection refused"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var page = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("Your answers are kept in this browser tab", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Screenings/New?from=0193a0c4-1e5b-7000-8000-000000000001\">Back to the form</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Screenings/New", "?corrects=0193a0c4-1e5b-7000-8000-000000000001", "en")]
    [InlineData("/screenings/new", "", "en")]
    [InlineData("/Screenings/New", "", "zh-Hans")]
    public async Task TryHandle_ScreeningFormSent_SaysTheAnswersAreKeptInTheReadersLanguage(string path, string query, string language)
    {
        // The screening form, a re-screen's and a correction's alike, is the form drafts.js keeps when it is sent.
        var page = await OutagePageAsync("POST", path, query, language);

        var (kept, back) = language == "en"
            ? ("Your answers are kept in this browser tab", "Back to the form")
            : ("您填写的答案已保存在此浏览器标签页中", "返回表单");
        Assert.Contains(kept, page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{path}{query}\">{back}</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "What you sent was not saved" : "您提交的内容未保存", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Screenings/0193a0c4-1e5b-7000-8000-000000000001", "?handler=Override", "en")]
    [InlineData("/Account/Login", "", "en")]
    [InlineData("/Account/ChangePassword", "", "en")]
    [InlineData("/Admin/Users/Create", "", "en")]
    [InlineData("/Screenings/0193a0c4-1e5b-7000-8000-000000000001", "?handler=Override", "zh-Hans")]
    [InlineData("/Account/Login", "", "zh-Hans")]
    public async Task TryHandle_OtherFormSent_SaysNothingWasSavedOrKeptAndPromisesNoForm(string path, string query, string language)
    {
        // An override, a sign-in, an account form: nothing keeps what was typed there, so the page must not say it does.
        var page = await OutagePageAsync("POST", path, query, language);

        var (notSaved, kept, back) = language == "en"
            ? ("What you sent was not saved, and KetamineCds kept no copy of it", "kept in this browser tab", "Back to the form")
            : ("您提交的内容未保存，KetamineCds 也未留存任何副本", "已保存在此浏览器标签页中", "返回表单");
        Assert.Contains(notSaved, page, StringComparison.Ordinal);
        Assert.DoesNotContain(kept, page, StringComparison.Ordinal);
        Assert.DoesNotContain(back, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_ChinesePage_WritesTheCharactersAsTheRazorPagesDoNotCharacterReferences()
    {
        // Razor writes Chinese as UTF-8 text (LocalizationSetup's encoder); the outage page wrote one &#x...; per character.
        var page = await OutagePageAsync("GET", "/Screenings", "", "zh-Hans");

        Assert.Contains("<title>KetamineCds 暂时无法使用</title>", page, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_PageText_IsStillEncodedAsHtml()
    {
        // The app's encoder lets Chinese through, never markup (here in the form's address, the request's own).
        var page = await OutagePageAsync("POST", "/Screenings/New", "?from=<script>", "zh-Hans");

        Assert.Contains("<a href=\"/Screenings/New?from=&lt;script&gt;\">返回表单</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    private static async Task<string> OutagePageAsync(string method, string path, string query, string language)
    {
        var context = Context(path);
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query);
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language), provider: null));
        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, new FakeDbException("connection refused"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        // Read as it is sent: UTF-8 text, Chinese as characters (as Razor's pages write it), never decoded here.
        return await new StreamReader(context.Response.Body, System.Text.Encoding.UTF8).ReadToEndAsync();
    }

    [Fact]
    public async Task TryHandle_AnyOtherException_IsLeftToTheErrorPage()
    {
        var context = Context("/api/v1/screenings");
        Assert.False(await new DatabaseUnavailableHandler().TryHandleAsync(context, new ArgumentException("bug"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }
}
