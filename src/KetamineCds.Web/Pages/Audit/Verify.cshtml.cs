using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Audit;

/// <summary>
/// Checks both hash chains (decisions and access) and names every entry that no longer verifies (QA14a P2), and checks the
/// decision log against every signed checkpoint, naming the one that no longer holds. The decision log may be checked
/// in full or from the newest checkpoint that holds.
/// </summary>
[Authorize(Policy = AuditRequest.Policy)]
public sealed class VerifyModel(DecisionLogCheckpoints checkpoints, IDecisionLogAudit audit, IAccessAudit access, EfAccessAudit accessLog) : PageModel
{
    /// <summary>The page's query names besides <c>run</c>, as the unknown-filter message lists them.</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["from"];

    /// <summary>Set by the form's button: verification reads the whole log, so it runs only when asked.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Run { get; set; }

    /// <summary>"checkpoint" to walk only from the newest checkpoint that holds.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public LogVerification? Decisions { get; private set; }

    public ChainVerification? Access { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>The log's newest entry when it was verified, shown beside the newest checkpoint relied on (QA255); null for an empty log.</summary>
    public AuditListItem? NewestEntry { get; private set; }

    /// <summary>
    /// After a check from the newest checkpoint, what the log's last verifications found, read after this one was recorded
    /// (QA318 F2): a check that re-hashes only the entries after the checkpoint cannot clear a full verification that
    /// failed, so the page shows the Audit list's line when what is recorded says something is wrong, and its outcome says
    /// that only those entries were checked. Null after a full verification, which is its own answer.
    /// </summary>
    public VerificationLine? Verification { get; private set; }

    /// <summary>The app's checkpoint folder, named when checkpoints of another log are to be set aside.</summary>
    public string CheckpointDirectory => checkpoints.Files.Directory;

    /// <summary>Why the log could not be read, if it could not: the page says "unavailable" or "the database refused".</summary>
    public LogFailure Failure { get; private set; }

    /// <summary>
    /// The outcome of a verification, said first in the title and in the result's heading, which audit.js focuses when the
    /// page comes back (QA F3, 2.4.2/4.1.3: the busy button had dropped the focus, and the outcome was said nowhere); null
    /// before one ran.
    /// </summary>
    public string? Outcome(IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (Failure != LogFailure.None)
        {
            return localizer["The log could not be verified"];
        }

        if (Decisions is not { } verified || Access is not { } accessVerified)
        {
            return null;
        }

        if (verified.Intact && accessVerified.Intact && verified.StartedAfter > 0 && Verification?.Status is { LastFullFailed: true, LastFull: { } full })
        {
            // QA318 F2: "The entries after entry 11 verify" read as an all-clear while the last full verification had failed.
            return full is { Altered: false, Record: { FirstBrokenSequence: { } first } }
                ? localizer["Only the entries after entry {0} were checked, and they verify; the last full verification found entry {1} broken", verified.StartedAfter, first]
                : full.Altered || full.Record is null
                    ? localizer["Only the entries after entry {0} were checked, and they verify; the record of the last full verification has been altered", verified.StartedAfter]
                    : localizer["Only the entries after entry {0} were checked, and they verify; the last full verification did NOT verify the log", verified.StartedAfter];
        }

        return !(verified.Intact && accessVerified.Intact)
            ? localizer["The log does not verify"]
            : !verified.CheckpointsEnabled
                ? localizer["The hash chains verify; no checkpoint was checked"]
                : verified.StartedAfter > 0
                    ? localizer["The entries after entry {0} verify", verified.StartedAfter]
                    : localizer["The log verifies"];
    }

    /// <summary>The type of each entry a finding names, so that each links to its own page (an override's is not a screening's).</summary>
    public IReadOnlyDictionary<Guid, string> EntryTypes { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The auditor's page of an entry a finding names (a screening's when its type is not known: that page says what it can).</summary>
    public string PageOf(Guid id) => AuditEntryPages.Of(EntryTypes.GetValueOrDefault(id));

    /// <summary>Field-level problems with the query (query-string names as keys); nothing is verified while there are any.</summary>
    public Dictionary<string, string[]> FilterErrors { get; } = [];

    public async Task OnGetAsync()
    {
        // A query name the page does not read (?run=true&mode=full, the API's name) is refused by name, run or not, as the
        // other audit pages refuse it (QA158 F11): ignored, the whole log was verified as if that were what was asked.
        // run or from given twice is refused by name, as GET /api/v1/audit/verify refuses it: ?run=true&from=checkpoint&from=
        // verified from the checkpoint, reading one of the two without a word.
        // With one filter, "this page's filters are from" told the auditor neither what from takes nor how to say what an
        // unknown name (the API's mode=full) was meant to: the page's own message says both.
        DatePeriodInput.RefuseUnknownNames(Request.Query, FilterNames, ["run"], null, FilterErrors, "Audit.UnknownVerifyFilter");
        DatePeriodInput.RefuseRepeatedNames(Request.Query, FilterNames, ["run"], null, FilterErrors);
        // from given more than once shows the one value given, or the form's default when the values differ
        // (DatePeriodInput.RepeatedShown), never the one the binder kept as if chosen.
        if (DatePeriodInput.RepeatedShown(Request.Query, FilterNames, null).TryGetValue("from", out var shown))
        {
            From = shown;
        }

        if (!Run)
        {
            foreach (var (name, messages) in AuditFilterInput.UnreadableRun(Request.Query))
            {
                FilterErrors.TryAdd(name, messages);
            }
        }

        if (FilterErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!Run)
        {
            return;
        }

        // Anything else would silently verify the whole log while the auditor believes only the tail was asked for, or
        // the reverse.
        if (From is not null && !string.Equals(From, "checkpoint", StringComparison.OrdinalIgnoreCase))
        {
            FilterErrors["from"] = [ClinicalText.Shared.Message("Audit.VerifyFromUnknown")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            var incremental = string.Equals(From, "checkpoint", StringComparison.OrdinalIgnoreCase);
            var started = System.Diagnostics.Stopwatch.StartNew();
            Decisions = await checkpoints.VerifyAsync(incremental ? VerificationMode.FromCheckpoint : VerificationMode.Full, null, HttpContext.RequestAborted);
            Access = await audit.VerifyAccessLogAsync(HttpContext.RequestAborted);
            Elapsed = started.Elapsed;
            NewestEntry = (await audit.SearchAsync(new AuditFilter(), null, 1, HttpContext.RequestAborted)).Items is [var first, ..] ? first : null;
            // Recorded with what it found, as a replay is (QA141 F7), and what it checked (QA284 F3: the lists say when the log
            // was last verified in full), before the page shows it.
            await access.RecordAsync(HttpContext, AccessEventKind.Verify, "decision-log", VerificationRecord.Of(incremental ? VerificationRecord.AuditWorkspaceFromCheckpoint : VerificationRecord.AuditWorkspace, Decisions, Access).ToDetail());
            if (incremental)
            {
                Verification = await VerificationLine.ReadAsync(accessLog, forAuditor: true, HttpContext.RequestAborted) with { Place = VerificationLinePlace.Verify };
            }

            var named = Decisions.Findings.Select(f => f.EntryId).Append(Decisions.Chain.FirstBrokenId)
                .OfType<Guid>().Where(id => id != Guid.Empty).ToHashSet();
            try
            {
                EntryTypes = await audit.EntryTypesAsync(named, HttpContext.RequestAborted);
            }
            catch (DecisionLogUnavailableException)
            {
                // The findings stand; each links to the screening page, which sends another type of entry to its own.
            }
        }
        catch (DecisionLogUnavailableException ex)
        {
            Failure = LogFailures.Answer(HttpContext, ex);
        }
    }
}
