using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>Runs a period's logged screenings through the current rule set and lists those whose verdict would change.</summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed partial class ImpactModel(IDecisionLogAudit audit, IAccessAudit access, EfAccessAudit accessLog, ClinicCalendar calendar, IStringLocalizer<PageText> localizer, ILogger<ImpactModel> logger) : PageModel
{
    /// <summary>Most changes shown on the page; the count says how many there are in all.</summary>
    public const int ShowAtMost = 1000;

    /// <summary>
    /// The versions among the analysed and the baseline rule sets that predate "not recorded is never no" (1.0.0's decision
    /// policy): their verdicts are history, never a safe answer today, and the page says so.
    /// </summary>
    public static IEnumerable<string> BeforeNotRecordedIsNeverNo(ImpactReport report) =>
        new[] { report.Baseline, report.RuleSet }
            .Select(identity => identity?.Version)
            .OfType<string>()
            .Where(KetamineCds.Web.Screenings.BeforeNotRecordedIsNeverNo.Applies)
            .Distinct();

    /// <summary>The matrix's order of verdicts, from open to not indicated.</summary>
    public static readonly string[] VerdictOrder = [.. Enum.GetValues<KetamineCds.Domain.Screening.Verdict>().Select(v => KetamineCds.Domain.Screening.WireNames.Of(v))];

    /// <summary>The analysis's query names, as its form sends them (with <c>run</c>) and the unknown-filter message lists them.</summary>
    public static IReadOnlyList<string> FilterNames => ImpactFilterInput.FilterNames;

    /// <summary>
    /// The period and the rule sets, bound from the query's own names (<c>from</c>, <c>baseline</c>; the binder's
    /// <c>Filter.From</c> spelling is refused as an unknown name, as before).
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public ImpactFilterInput Filter { get; set; } = new();

    public DateOnly? From => Filter.From;

    public DateOnly? To => Filter.To;

    [BindProperty(SupportsGet = true)]
    public bool Run { get; set; }

    /// <summary>The rule set compared against: a released version, or empty for the verdicts as logged.</summary>
    public string? Baseline => Filter.Baseline;

    /// <summary>The rule set analysed: a released version, the current one when empty.</summary>
    public string? Version => Filter.Version;

    public RuleSet Current => RuleSetCatalog.Find(Version ?? "") ?? RuleSetCatalog.Current;

    public RuleSet? BaselineSet => string.IsNullOrEmpty(Baseline) ? null : RuleSetCatalog.Find(Baseline);

    public ImpactReport? Report { get; private set; }

    /// <summary>
    /// What the log's last verifications found, read before the analysis (QA318 F2): the analysis re-hashes nothing, so the
    /// entries a verification named as broken are left out and named, and the page shows the Audit list's line when what is
    /// recorded says something is wrong. Null until an analysis ran.
    /// </summary>
    public VerificationLine? Verification { get; private set; }

    /// <summary>
    /// When, by whom, over which period and with which rule sets the analysis was produced, and how many of the changed
    /// screenings it lists (QA318: a printed analysis stands alone). Null until an analysis ran.
    /// </summary>
    public ListContext? Context { get; private set; }

    /// <summary>Why the log could not be read, if it could not: the page says "unavailable" or "the database refused".</summary>
    public LogFailure Failure { get; private set; }

    /// <summary>The entry the analysis could not read as a screening, when that is what stopped it.</summary>
    public DecisionLogEntryUnreadableException? Unreadable { get; private set; }

    /// <summary>Set when the analysis failed otherwise: the correlation id the error was logged under, for the administrator.</summary>
    public string? FailureReference { get; private set; }

    /// <summary>Field-level problems with the period and the rule sets (query-string names as keys); nothing runs while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; private set; } = [];

    /// <summary>
    /// The outcome of an analysis, said first in the title and in the result's heading, which audit.js focuses when the page
    /// comes back, as Verify's is (helper 304; helper 301 did Verify and the Checkpoints page); null before one ran.
    /// Screenings left out (not readable, or their stored inputs disagree) are said beside it, so that "No verdict would
    /// change" is never read alone.
    /// </summary>
    public string? Outcome(IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (Failure != LogFailure.None || Unreadable is not null || FailureReference is not null)
        {
            return localizer["The analysis could not be completed"];
        }

        if (Report is not { } report)
        {
            return null;
        }

        string outcome = report is { Examined: 0, SupersededCount: 0 }
            ? localizer["No screening examined"]
            : report.Changes.Count switch
            {
                0 => localizer["No verdict would change"],
                1 => localizer["1 verdict would change"],
                var changed => localizer["{0} verdicts would change", changed],
            };
        var leftOut = report.UnreadableCount + report.InputsDisagreeCount + report.KnownBrokenCount;
        return leftOut switch
        {
            0 => outcome,
            1 => localizer["{0}; 1 screening left out", outcome],
            _ => localizer["{0}; {1} screenings left out", outcome, leftOut],
        };
    }

    public async Task OnGetAsync()
    {
        // A query name the page does not read (?rulesSet=1.1.0) is refused by name, run or not, as the decision log's page
        // refuses it (QA158 F11): ignored, the analysis ran against the current rule set and the whole log.
        // A name it reads given twice (?run=true&version=1.1.0&version=1.0.0) is refused by name too, as the audit API refuses
        // it: the binder analysed one of the versions without a word.
        var names = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DatePeriodInput.RefuseUnknownNames(Request.Query, FilterNames, ["run"], null, names);
        DatePeriodInput.RefuseRepeatedNames(Request.Query, FilterNames, ["run"], null, names);
        // A repeated name's field shows the one value given, or nothing when the values differ, as on the other audit pages.
        Filter.ShowRepeatedAsGiven(Request.Query);

        if (!Run)
        {
            foreach (var (name, messages) in AuditFilterInput.UnreadableRun(Request.Query).Concat(names))
            {
                FilterErrors[name] = messages;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return;
        }

        FilterErrors = Filter.ValidatePeriod(Request.Query);
        foreach (var (name, version) in new[] { ("version", Version), ("baseline", Baseline) })
        {
            // An unknown version would otherwise be analysed as the current set, or compared against the logged verdicts.
            if (!string.IsNullOrEmpty(version) && RuleSetCatalog.Find(version) is null)
            {
                FilterErrors[name] = [ClinicalText.Shared.Message("Audit.UnknownRuleSet", name, string.Join(", ", RuleSetCatalog.All.Select(r => r.Version)))];
            }
        }

        // Last, so that a repeated name is named as such rather than by one of its values' problems.
        foreach (var (name, messages) in names)
        {
            FilterErrors[name] = messages;
        }

        if (FilterErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            await access.RecordAsync(HttpContext, AccessEventKind.ImpactAnalysis, "decision-log", AccessDetail(Current.Version, BaselineSet?.Version, Filter));
            var (start, end) = Filter.Instants(calendar);
            // A few index reads: the entries a verification named are left out by a set lookup per row, none re-hashed.
            Verification = await VerificationLine.ReadAsync(accessLog, forAuditor: true, HttpContext.RequestAborted) with { Place = VerificationLinePlace.Impact };
            Report = await audit.AnalyzeImpactAsync(start, end, Current, BaselineSet, Verification.Status?.KnownBroken, HttpContext.RequestAborted);
            Context = ListContext.Now(HttpContext, Filter.Described(localizer), ListContext.ChangesListed(localizer, Math.Min(Report.Changes.Count, ShowAtMost), Report.Changes.Count)) with
            {
                ProducedWith = ImpactFilterInput.RuleSetsDescribed(localizer, Current, BaselineSet),
            };
        }
        catch (DecisionLogUnavailableException ex)
        {
            Failure = LogFailures.Answer(HttpContext, ex);
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            LogUnreadable(logger, ex.Sequence, ex.EntryId, ex);
            Unreadable = ex;
            Response.StatusCode = UnreadableEntries.Status;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else went wrong, the auditor gets the page and a reference to give the administrator, never a
            // stack trace (the Development exception page would show one).
            FailureReference = HttpContext.GetCorrelationId();
            LogFailed(logger, FailureReference, ex);
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Impact analysis stopped: decision log entry {Sequence} ({EntryId}) could not be read as a screening.")]
    private static partial void LogUnreadable(ILogger logger, long sequence, Guid entryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Impact analysis failed (reference {Reference}).")]
    private static partial void LogFailed(ILogger logger, string reference, Exception exception);

    /// <summary>
    /// The access log's detail of an analysis: "rule set 1.18.0 against 1.17.0; from=2026-01-01; to=2026-01-31", the filter
    /// only when one was given (helper 229: a run without one was recorded as "... against the logged verdicts; ", its
    /// separator dangling).
    /// </summary>
    public static string AccessDetail(string version, string? baseline, ImpactFilterInput filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var compared = $"rule set {version} against {baseline ?? "the logged verdicts"}";
        return filter.ToString() is { Length: > 0 } given ? compared + "; " + given : compared;
    }
}
