using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>
/// The auditor's access log: who signed in, tried to, looked at, printed, exported or verified what, and when, newest
/// first. Filters (who, kind, subject, dates; a field message and 400 for one it cannot use, and nothing listed or
/// exported while there is one), keyset pages by sequence (never OFFSET), CSV export of the same filter. Reading the
/// log is itself recorded in it (<see cref="AccessEventKind.ViewAccessLog"/>, <see cref="AccessEventKind.Export"/>).
/// </summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed partial class AccessModel(EfAccessAudit accessLog, IAccessAudit access, IDecisionLogAudit audit, ClinicCalendar calendar, IStringLocalizer<PageText> localizer, ILogger<AccessModel> logger) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The page's exports, by their handler names, as an unknown export's message lists them.</summary>
    public static readonly IReadOnlyList<string> Exports = ["Csv"];

    [BindProperty(SupportsGet = true)]
    public AccessFilterInput Filter { get; set; } = new();

    /// <summary>The keyset cursor: the page starts strictly before this sequence (an unreadable one starts at the newest).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public AccessLogPage Results { get; private set; } = new([], null);

    /// <summary>The listed subjects that are ids of decision log entries, with the entry's type, so that they link to its page.</summary>
    public IReadOnlyDictionary<Guid, string> SubjectEntries { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Why the log could not be read, if it could not: the page says "unavailable" or "the database refused".</summary>
    public LogFailure Failure { get; private set; }

    /// <summary>
    /// When, by whom and with which filter the list was produced, and which of how many matching events it shows (QA318: a
    /// printed list stands alone). Null until the list was read.
    /// </summary>
    public ListContext? Context { get; private set; }

    /// <summary>Field-level problems with the filter (query-string names as keys); nothing is listed while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        FilterErrors = Filter.Validate(Request.Query);
        // Only an export this page does not have (?handler=JsonLines, the decision log's) reaches the list with a handler.
        DatePeriodInput.RefuseUnknownExport(Request.Query, Exports, FilterErrors);
        if (FilterErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            // Recorded before it is read, as a screening's page records its view: the list then shows this view too.
            await access.RecordAsync(HttpContext, AccessEventKind.ViewAccessLog, AccessLogCsvExport.Subject, ViewDetail());
            Results = await accessLog.SearchAsync(Filter.ToFilter(calendar), Before, PageSize, HttpContext.RequestAborted);
            Context = ListContext.Now(HttpContext, Filter.Described(localizer), ListContext.AccessEventsShown(localizer, Results.Position, Results.Items.Count));
        }
        catch (DecisionLogUnavailableException ex)
        {
            Failure = LogFailures.Answer(HttpContext, ex);
            return;
        }

        var ids = Results.Items.Select(e => Guid.TryParse(e.Subject, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        try
        {
            SubjectEntries = await audit.EntryTypesAsync(ids, HttpContext.RequestAborted);
        }
        catch (DecisionLogUnavailableException ex)
        {
            // The list stands without links to the entries' pages.
            LogNoLinks(logger, ex);
        }
    }

    /// <summary>"Export these as CSV": the same filter as CSV, with the page's cookie.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var result = await AccessLogCsvExport.ExportAsync(HttpContext, Filter, accessLog, access);
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    public Dictionary<string, string?> NextPageRoute()
    {
        var route = Filter.RouteValues();
        route["before"] = Results.NextBefore?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return route;
    }

    /// <summary>What the view event records: where, the filter and how far back the auditor paged.</summary>
    private string ViewDetail()
    {
        var parts = new List<string> { "audit workspace" };
        if (Filter.ToString() is { Length: > 0 } filter)
        {
            parts.Add(filter);
        }

        if (Before is { } before)
        {
            parts.Add("before=" + before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join("; ", parts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The access log's subjects are listed without links: the decision log could not be read.")]
    private static partial void LogNoLinks(ILogger logger, Exception exception);
}
