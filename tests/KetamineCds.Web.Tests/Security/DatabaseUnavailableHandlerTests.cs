using System.Text.Json;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Http;

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

    [Fact]
    public async Task TryHandle_AnyOtherException_IsLeftToTheErrorPage()
    {
        var context = Context("/api/v1/screenings");
        Assert.False(await new DatabaseUnavailableHandler().TryHandleAsync(context, new ArgumentException("bug"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }
}
