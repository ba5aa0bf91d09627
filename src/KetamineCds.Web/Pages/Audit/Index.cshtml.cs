using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
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
/// The auditor's list of the decision log's entries (screenings, EHR answers and overrides, each linked to its own
/// page): filters (dates and verdict checked, a field message and 400 for one out of range or unreadable, and nothing
/// listed or exported while there is one), keyset pages (never OFFSET), CSV export of the same filter from this page with
/// its cookie.
/// </summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class IndexModel(IDecisionLogAudit audit, IAccessAudit access, EfAccessAudit accessLog, ClinicCalendar calendar, IStringLocalizer<PageText> localizer) : PageModel
{
    public const int PageSize = 50;

    /// <summary>
    /// A patient reference up to this length is kept on one line in the list (a reference misread at a hyphen is the worst
    /// misreading); a longer one may wrap so that the row still fits a 1024 px window.
    /// </summary>
    public const int WholeReferenceLength = 24;

    [BindProperty(SupportsGet = true)]
    public AuditFilterInput Filter { get; set; } = new();

    /// <summary>The keyset cursor: the page starts strictly before this entry.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public AuditPage Results { get; private set; } = new([], null);

    /// <summary>Why the log could not be read, if it could not: the page says "unavailable" or "the database refused".</summary>
    public LogFailure Failure { get; private set; }

    /// <summary>
    /// The list ran with a verdict or rule-set filter, which no override can match (an override has neither of its own,
    /// as in the exports): the page says so, rather than let "no overrides listed" read as "none recorded".
    /// </summary>
    public bool OverridesFilteredOut { get; private set; }

    /// <summary>
    /// When the log was last verified in full and with what result, above the entries (QA284 F3): a filter shows entries
    /// only as stored and leaves one altered in the database out without a word. Null until the list was read.
    /// </summary>
    public VerificationLine? Verification { get; private set; }

    /// <summary>
    /// When, by whom and with which filter the list was produced, and which of how many matching entries it shows (QA318: a
    /// printed list stands alone). Null until the list was read.
    /// </summary>
    public ListContext? Context { get; private set; }

    /// <summary>The page's exports, by their handler names, as an unknown export's message lists them.</summary>
    public static readonly IReadOnlyList<string> Exports = ["Csv", "JsonLines"];

    public static IReadOnlyList<string> Verdicts { get; } = Enum.GetValues<Verdict>().Select(v => WireNames.Of(v)).ToList();

    public static IReadOnlyList<string> RuleSetVersions { get; } = RuleSetCatalog.All.Select(r => r.Version).ToList();

    /// <summary>Field-level problems with the filter (query-string names as keys); the list is not run while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        FilterErrors = Filter.Validate(Request.Query);
        // Only an export this page does not have reaches the list with a handler: refused, not listed instead of exported.
        DatePeriodInput.RefuseUnknownExport(Request.Query, Exports, FilterErrors);
        // A page cursor this list did not write (?before=abc, ?before=-5) is refused, not read as "the first page" (QA141
        // F7): the auditor would believe they were reading a later page. A cursor given twice is already refused as such.
        if (!string.IsNullOrEmpty(Before) && AuditCursor.TryDecode(Before) is null)
        {
            FilterErrors.TryAdd("before", [ClinicalText.Shared.Message("Audit.BeforeUnreadable")]);
        }

        if (FilterErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            // Recorded before it is read, one event per page viewed, with its filter, as the export and the
            // psychiatrist's search are (QA14a P4: browsing the list, even by patient, left no trace). A patient filter is
            // the event's subject, so that "who looked at patient X" finds the auditor too.
            await access.RecordAsync(HttpContext, AccessEventKind.ViewScreening, ListSubject(Filter), ListDetail(Filter, AuditCursor.TryDecode(Before)));
            var filter = Filter.ToFilter(calendar);
            Results = await audit.SearchAsync(filter, AuditCursor.TryDecode(Before), PageSize, HttpContext.RequestAborted);
            OverridesFilteredOut = filter.Overall is not null || !string.IsNullOrWhiteSpace(filter.RuleSetVersion);
            Verification = await VerificationLine.ReadAsync(accessLog, forAuditor: true, HttpContext.RequestAborted);
            Context = ListContext.Now(HttpContext, Filter.Described(localizer), ListContext.EntriesShown(localizer, Results.Position, Results.Items.Count));
        }
        catch (DecisionLogUnavailableException ex)
        {
            Failure = LogFailures.Answer(HttpContext, ex);
        }
    }

    /// <summary>"Export these as CSV": the same filter as CSV, with the page's cookie (the API's export takes a bearer token).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var result = await AuditCsvExport.ExportAsync(HttpContext, Filter, audit, access);
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>"Export these as JSON Lines": every entry of every type for the same filter, lossless, with its hashes (<see cref="AuditJsonLinesExport"/>).</summary>
    public async Task<IActionResult> OnGetJsonLinesAsync()
    {
        var result = await AuditJsonLinesExport.ExportAsync(HttpContext, Filter, audit, access);
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>The list view's access event subject: <c>patient:REF</c> when the list is filtered by patient, else the log.</summary>
    public static string ListSubject(AuditFilterInput filter) =>
        filter.Patient is { Length: > 0 } patient && patient.Trim().Length > 0 ? "patient:" + patient.Trim() : "decision-log";

    /// <summary>The list view's access event detail: "audit list", the filter given, and which page after the first.</summary>
    public static string ListDetail(AuditFilterInput filter, AuditCursor? before)
    {
        var detail = filter.ToString() is { Length: > 0 } text ? "audit list; " + text : "audit list";
        return before is null ? detail : detail + "; page before entry " + before.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public Dictionary<string, string?> NextPageRoute()
    {
        var route = Filter.RouteValues();
        route["before"] = Results.Next?.Encode();
        return route;
    }
}
