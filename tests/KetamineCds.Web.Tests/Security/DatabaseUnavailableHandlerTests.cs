using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Forms;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
    public async Task TryHandle_FormSentThroughTheErrorPageHandler_ReadsTheFormsOwnPathNotTheErrorPages()
    {
        // QA302 F13: outside Development a page's failure reaches the handler with the path already set to /Error (the
        // exception handler keeps the original in IExceptionHandlerPathFeature); the form was not recognised.
        var context = Context("/Error");
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString("?from=0193a0c4-1e5b-7000-8000-000000000001");
        context.Features.Set<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>(new Microsoft.AspNetCore.Diagnostics.ExceptionHandlerFeature
        {
            Path = "/Screenings/New",
            Error = new TimeoutException(),
        });

        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, new TimeoutException(), CancellationToken.None));

        Assert.Equal("/Screenings/New", DatabaseUnavailableHandler.OriginalPath(context).Value);
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

    [Theory]
    [InlineData("/Screenings/New", "", true)]
    [InlineData("/Screenings/New", "?from=0193a0c4-1e5b-7000-8000-000000000001", true)]
    [InlineData("/Screenings/New", "", false)]
    public async Task TryHandle_ScreeningFormSent_TellsDraftsJsNothingWasStoredAndWhy(string path, string query, bool unreachable)
    {
        // Helper 298: the page said nothing was stored, and the form the answers came back to said "may or may not have
        // been recorded". It marks the send for drafts.js (as the sign-in and error pages do), with its reason, and loads
        // drafts.js (it has no layout): the form then says which (#draft-restored-database-unavailable, -refused).
        using var factory = new KetamineCdsFactory();
        var context = Context(path);
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(query);
        context.RequestServices = factory.Services;
        Exception failure = unreachable ? new FakeDbException("connection refused") : new SqliteException("SQLite Error 19: 'CHECK constraint failed'.", 19);

        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, failure, CancellationToken.None));

        Assert.Equal(unreachable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var page = await new StreamReader(context.Response.Body, System.Text.Encoding.UTF8).ReadToEndAsync();
        var reason = unreachable ? DatabaseUnavailableHandler.DatabaseUnavailableReason : DatabaseUnavailableHandler.DatabaseRefusedReason;
        Assert.Contains($"<div hidden data-draft-refused=\"\" data-draft-refused-because=\"{reason}\"></div>", page, StringComparison.Ordinal);
        // With the settings drafts.js shares with the pages (KeptDrafts.Script), as the layout writes it.
        var script = System.Text.RegularExpressions.Regex.Match(page, $"<script src=\"(/js/drafts\\.js\\?v=[^\"]+)\" data-outcome-sent=\"{KeptDraftOutcomes.Sent}\" data-outcome-refused=\"{KeptDraftOutcomes.Refused}\" data-lifetime-ms=\"{((long)KeptDrafts.Lifetime.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)}\"></script>");
        Assert.True(script.Success, page);
        // The script is a static file: served without the database, and the form has the notice for that reason.
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(WebUtility.HtmlDecode(script.Groups[1].Value))).StatusCode);
        var form = WebUtility.HtmlDecode(await (await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync("/Screenings/New"));
        Assert.Contains($"<p class=\"notice\" id=\"draft-restored-{reason}\" role=\"status\" hidden>Your answers were kept in this tab, and put back. They were sent, but the screening was not saved: ", form, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/Account/Login", true)]
    [InlineData("POST", "/Screenings/0193a0c4-1e5b-7000-8000-000000000001?handler=Override", true)]
    [InlineData("GET", "/Screenings/New", true)]
    [InlineData("POST", "/Account/Login", false)]
    [InlineData("GET", "/Screenings/New", false)]
    public async Task TryHandle_NoKeptForm_MarksNothingForDraftsJs(string method, string pathAndQuery, bool unreachable)
    {
        // Only a sent screening form's answers are kept (KeptDrafts): another form's page, or a page read, marks nothing.
        var parts = pathAndQuery.Split('?');
        var context = Context(parts[0]);
        context.Request.Method = method;
        context.Request.QueryString = parts.Length > 1 ? new QueryString("?" + parts[1]) : QueryString.Empty;
        Exception failure = unreachable ? new FakeDbException("connection refused") : new SqliteException("SQLite Error 19: 'CHECK constraint failed'.", 19);

        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, failure, CancellationToken.None));

        context.Response.Body.Position = 0;
        var page = await new StreamReader(context.Response.Body, System.Text.Encoding.UTF8).ReadToEndAsync();
        Assert.DoesNotContain("data-draft-refused", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("23503")] // foreign key violation
    [InlineData("23514")] // check violation
    [InlineData("22001")] // value too long for its column
    [InlineData("42501")] // permission denied
    [InlineData("42P01")] // no such table
    public void IsDatabaseUnavailable_PostgresAnsweredAndRefused_IsNoOutage(string sqlState)
    {
        // The server answered: it was reached. Every DbException was called an outage (503, "try again shortly").
        var refused = new PostgresException("refused", "ERROR", "ERROR", sqlState);

        Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(refused));
        Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(new DbUpdateException("save failed", refused)));
        Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(new DecisionLogUnavailableException("The decision log could not record the entry; nothing was stored.", refused)));
        Assert.True(DatabaseFailures.IsRefusedByDatabase(new DecisionLogUnavailableException("x", refused)));
    }

    [Theory]
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now (starting up)
    [InlineData("53300")] // too many connections
    [InlineData("53100")] // disk full
    [InlineData("08006")] // connection failure
    [InlineData("40P01")] // deadlock
    public void IsDatabaseUnavailable_PostgresCouldNotTakeTheWorkNow_IsAnOutage(string sqlState)
    {
        var unavailable = new PostgresException("unavailable", "FATAL", "FATAL", sqlState);

        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(unavailable));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new DecisionLogUnavailableException("x", unavailable)));
        Assert.False(DatabaseFailures.IsRefusedByDatabase(unavailable));
    }

    [Fact]
    public async Task IsDatabaseUnavailable_NpgsqlCannotConnect_IsAnOutage()
    {
        // A real failed connection: a port nothing listens on.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=x;Password=x;Timeout=5");

        var failure = await Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(failure));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new DecisionLogUnavailableException("x", failure)));
        Assert.False(DatabaseFailures.IsRefusedByDatabase(failure));
    }

    [Fact]
    public async Task IsDatabaseUnavailable_SqliteConstraintViolation_IsNoOutage()
    {
        // A real SQLITE_CONSTRAINT from a real file: the database answered.
        var folder = Directory.CreateTempSubdirectory("db-refused-").FullName;
        try
        {
            var refused = await SqliteFailureAsync($"Data Source={Path.Combine(folder, "app.db")};Pooling=False", "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);");

            Assert.Equal(19, refused.SqliteErrorCode);
            Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(refused));
            Assert.False(DatabaseUnavailableHandler.IsDatabaseUnavailable(new DbUpdateException("save failed", refused)));
            Assert.True(DatabaseFailures.IsRefusedByDatabase(new DecisionLogUnavailableException("x", refused)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task IsDatabaseUnavailable_SqliteCannotOpenOrBusy_IsAnOutage()
    {
        // A real SQLITE_CANTOPEN (a folder that does not exist); SQLITE_BUSY and SQLITE_LOCKED as the driver reports them.
        var cannotOpen = await SqliteFailureAsync($"Data Source={Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "app.db")}", "SELECT 1;");

        Assert.Equal(14, cannotOpen.SqliteErrorCode);
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(cannotOpen));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new SqliteException("database is locked", 5)));
        Assert.True(DatabaseUnavailableHandler.IsDatabaseUnavailable(new DbUpdateException("x", new SqliteException("database table is locked", 6))));
        Assert.False(DatabaseFailures.IsRefusedByDatabase(cannotOpen));
    }

    [Fact]
    public async Task TryHandle_ApiRequestTheDatabaseRefused_Answers409SayingNothingWasStoredNotThatItIsUnreachable()
    {
        var context = Context("/api/v1/screenings");
        var refused = new DbUpdateException("save failed", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"));

        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, refused, CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        Assert.Empty(context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal(DatabaseUnavailableHandler.RefusedDetail, body.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("could not be reached", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unavailable", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("duplicate key", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Screenings/New", "en", "Your answers are kept in this browser tab: open the form again to check them.", "<a href=\"/Screenings/New\">Back to the form</a>")]
    [InlineData("/Account/Login", "en", "What you sent was not saved, and KetamineCds kept no copy of it.", null)]
    [InlineData("/Screenings/New", "zh-Hans", "您填写的答案已保存在此浏览器标签页中", "<a href=\"/Screenings/New\">返回表单</a>")]
    public async Task TryHandle_FormTheDatabaseRefused_Answers409PageSayingSoAndWhatBecameOfTheAnswers(string path, string language, string answers, string? link)
    {
        var context = Context(path);
        context.Request.Method = "POST";
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language), provider: null));
        var refused = new SqliteException("SQLite Error 19: 'CHECK constraint failed'.", 19);

        Assert.True(await new DatabaseUnavailableHandler().TryHandleAsync(context, refused, CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var page = await new StreamReader(context.Response.Body, System.Text.Encoding.UTF8).ReadToEndAsync();
        Assert.Contains(language == "en" ? "The database refused the request, so nothing was stored." : "数据库拒绝了此请求", page, StringComparison.Ordinal);
        Assert.Contains(answers, page, StringComparison.Ordinal);
        if (link is null)
        {
            Assert.DoesNotContain("<a ", page, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(link, page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(language == "en" ? "could not be reached" : "暂时无法使用", page, StringComparison.Ordinal);
        Assert.DoesNotContain("CHECK constraint", page, StringComparison.Ordinal);
    }

    private static async Task<SqliteException> SqliteFailureAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        return await Assert.ThrowsAsync<SqliteException>(async () =>
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        });
    }

    [Fact]
    public async Task TryHandle_AnyOtherException_IsLeftToTheErrorPage()
    {
        var context = Context("/api/v1/screenings");
        Assert.False(await new DatabaseUnavailableHandler().TryHandleAsync(context, new ArgumentException("bug"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }
}
