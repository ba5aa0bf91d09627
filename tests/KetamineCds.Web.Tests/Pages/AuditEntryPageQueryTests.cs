using System.Net;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// A log entry's pages (a logged screening, its replay, a logged EHR answer, an override) take no query: a name they do not read (<c>?foo=1</c>) and a handler they
/// have not (<c>?handler=Nope</c>) were ignored, and the entry shown and its view recorded, 200, as if that were what was
/// asked. Refused by name with the audit pages' shared 400 (DatePeriodInput, as /Audit/Checkpoints refuses them); nothing
/// is shown or recorded.
/// </summary>
public sealed class AuditEntryPageQueryTests : IClassFixture<KetamineCdsFactory>
{
    private const string NoFilters = "this page has no filters: it shows the one log entry its address names. Nothing was shown or recorded.";

    private const string NoHandlers = "this page has nothing by that name to run or export: it shows the one log entry its address names. Nothing was shown or recorded.";

    private readonly KetamineCdsFactory _factory;

    public AuditEntryPageQueryTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/Audit/Screening/{0}?foo=1", "Unknown filter 'foo'; " + NoFilters)]
    [InlineData("/Audit/Screening/{0}?handler=Nope", "Unknown handler 'Nope'; " + NoHandlers)]
    [InlineData("/Audit/Screening/{0}?HANDLER=Csv", "Unknown handler 'Csv'; " + NoHandlers)]
    [InlineData("/Audit/Screening/{0}?handler=&patient=MRN-1", "Unknown filter 'patient'; " + NoFilters)]
    [InlineData("/Audit/Screening/{0}?handler=a&handler=b", "Query parameter 'handler' is given more than once; give it once.")]
    [InlineData("/Audit/Replay/{0}?foo=1", "Unknown filter 'foo'; " + NoFilters)]
    [InlineData("/Audit/Replay/{0}?handler=Nope", "Unknown handler 'Nope'; " + NoHandlers)]
    [InlineData("/Audit/Replay/{0}?version=1.0.0", "Unknown filter 'version'; " + NoFilters)]
    [InlineData("/Audit/HookAnswer/{0}?foo=1", "Unknown filter 'foo'; " + NoFilters)]
    [InlineData("/Audit/HookAnswer/{0}?handler=Nope", "Unknown handler 'Nope'; " + NoHandlers)]
    [InlineData("/Audit/Override/{0}?foo=1", "Unknown filter 'foo'; " + NoFilters)]
    [InlineData("/Audit/Override/{0}?handler=a&handler=b", "Query parameter 'handler' is given more than once; give it once.")]
    public async Task EntryPages_UnknownQueryNameOrHandler_Is400NamingIt_NothingShownOrRecorded(string path, string message)
    {
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-ENTRY-QUERY");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var eventsBefore = await CountAccessEventsAsync();

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<li>{message}</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-ENTRY-QUERY", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Reproduced exactly", html, StringComparison.Ordinal);
        Assert.Equal(eventsBefore, await CountAccessEventsAsync());
    }

    [Theory]
    [InlineData("/Audit/Screening/{0}")]
    [InlineData("/Audit/Screening/{0}?handler=")] // an empty handler is the page itself, as on the other audit pages
    [InlineData("/Audit/Replay/{0}")]
    [InlineData("/Audit/Replay/{0}?handler=")]
    public async Task EntryPages_NoQuery_StillShowTheEntryAndRecordTheView(string path)
    {
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-ENTRY-PLAIN");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var eventsBefore = await CountAccessEventsAsync();

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
        Assert.Equal(eventsBefore + 1, await CountAccessEventsAsync());
    }

    [Fact]
    public async Task OverridePage_UnknownQueryName_Is400NothingRecorded_WithoutAQuery_ShowsTheOverride()
    {
        using var app = new KetamineCdsFactory();
        await app.RecordOverrideThroughPageAsync(await app.RecordScreeningThroughApiAsync("MRN-ENTRY-OVERRIDE"));
        Guid overrideId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            overrideId = await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().DecisionLogEntries
                .Where(e => e.EntryType == KetamineCds.Infrastructure.DecisionLog.DecisionLogEntryTypes.Override).Select(e => e.Id).SingleAsync();
        }

        var client = await app.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var eventsBefore = await CountAccessEventsAsync(app);

        using var refused = await client.GetAsync($"/Audit/Override/{overrideId}?reviewed=true");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<li>Unknown filter 'reviewed'; " + NoFilters + "</li>", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(eventsBefore, await CountAccessEventsAsync(app));

        using var shown = await client.GetAsync($"/Audit/Override/{overrideId}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(KetamineCdsFactory.OverrideExplanation, WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(eventsBefore + 1, await CountAccessEventsAsync(app));
    }

    [Fact]
    public async Task EntryPages_UnknownQueryNameOrHandlerInChinese_IsNamedInChinese()
    {
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-ENTRY-ZH");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var filter = await Localization.CultureSelectionTests.GetAsync(client, $"/Audit/Screening/{id}?foo=1", "zh-CN");
        using var handler = await Localization.CultureSelectionTests.GetAsync(client, $"/Audit/Replay/{id}?handler=Nope", "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("<li>未知的筛选条件“foo”；本页没有筛选条件：它只显示其地址所指的那一条日志条目。未显示也未记录任何内容。</li>", WebUtility.HtmlDecode(await filter.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, handler.StatusCode);
        Assert.Contains("<li>未知的处理程序“Nope”；本页没有以此命名的操作或导出：它只显示其地址所指的那一条日志条目。未显示也未记录任何内容。</li>", WebUtility.HtmlDecode(await handler.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private Task<int> CountAccessEventsAsync() => CountAccessEventsAsync(_factory);

    private static async Task<int> CountAccessEventsAsync(KetamineCdsFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync();
    }
}
