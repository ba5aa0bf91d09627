using System.Text.Json;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;

namespace KetamineCds.Web.Audit;

/// <summary>
/// When the decision log behind a list was last verified in full and with what result (QA284 F3), as the list pages say it
/// above their entries: a list shows entries only as stored, so an entry altered in the database (its patient reference,
/// say) is left out of a filtered list without a word, and only a full verification finds it. Read from what the
/// verifications recorded in the access log and the chain head (<see cref="VerificationLine"/>, the pages' own source): the
/// list is not verified by being read. <c>GET /api/v1/screenings</c> carries it as <c>lastFullVerification</c> with what
/// Find screenings says (when and what was found, never who nor the counts); the auditor's exports of the decision log
/// carry it in the <c>Last-Full-Verification</c> header with what the auditor's list says.
/// </summary>
/// <param name="Result">What the last full verification found: <c>not-verified</c>, <c>no-problems-found</c>, <c>problems-found</c>, <c>record-altered</c>, or <c>unavailable</c> when the access log could not be read.</param>
/// <param name="Alert">True where the lists show the line in red: the last full verification found problems or its record was altered, a later check failed (<c>laterFailedCheck</c>), or the log now ends before the entry the last full verification reached (<c>logEndsBeforeReached</c>). Do not rely on the list without an auditor's word.</param>
/// <param name="VerifiedAt">When the last full verification ran; null when it never did or it cannot be read.</param>
/// <param name="By">Who ran it: an auditor's email, or <c>(checkpoint writer)</c>. Auditor only (null in <c>GET /api/v1/screenings</c>), and null when its record was altered.</param>
/// <param name="Checked">How many entries it checked. Auditor only, and null when its record was altered or does not say.</param>
/// <param name="Findings">How many problems it found. Auditor only, as <c>checked</c>.</param>
/// <param name="FirstBrokenSequence">The first entry (its place in the chain) that did not verify. Auditor only, as <c>checked</c>.</param>
/// <param name="ReachedSequence">The last entry (its place in the chain) it reached. Auditor only, as <c>checked</c>.</param>
/// <param name="EntriesAddedSince">How many entries the log has committed since the entry it reached; null when that is not known (never verified, its record altered, or the log now ends before it).</param>
/// <param name="LogEndsBeforeReached">The log now ends before the entry the last full verification reached: entries were removed since, or an older backup was put back.</param>
/// <param name="HeadSequence">The log's last committed entry now (its place in the chain). Auditor only.</param>
/// <param name="LaterFailedCheck">A newer check that did not verify the decision log (or whose record was altered); null when there is none.</param>
public sealed record LastFullVerificationResponse(
    LastFullVerificationResult Result,
    bool Alert,
    DateTimeOffset? VerifiedAt,
    string? By,
    long? Checked,
    long? Findings,
    long? FirstBrokenSequence,
    long? ReachedSequence,
    long? EntriesAddedSince,
    bool LogEndsBeforeReached,
    long? HeadSequence,
    LaterFailedCheck? LaterFailedCheck)
{
    /// <summary>
    /// The response header the auditor's exports of the decision log carry it in (CSV, JSON Lines: a streamed file has no
    /// envelope, and a record of another shape in it would break its readers): this object as compact JSON, ASCII only.
    /// </summary>
    public const string HeaderName = "Last-Full-Verification";

    /// <summary>
    /// The line's facts for the API, worded by nothing: the same <see cref="LastVerification"/> the page's line reads, and
    /// its own judgements (<see cref="LastVerification.FoundProblems"/>, <see cref="LastVerification.AddedSince"/>,
    /// <see cref="LastVerification.HeadBehind"/>), with the auditor's details only in <see cref="VerificationLine.ForAuditor"/>.
    /// </summary>
    public static LastFullVerificationResponse From(VerificationLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Status is not { } status)
        {
            return new(LastFullVerificationResult.Unavailable, false, null, null, null, null, null, null, null, false, null, null);
        }

        var auditor = line.ForAuditor;
        var full = status.LastFull;
        var trusted = full is { Altered: false, Record: { } r } ? r : null;
        var result = full switch
        {
            null => LastFullVerificationResult.NotVerified,
            { Altered: true } or { Record: null } => LastFullVerificationResult.RecordAltered,
            { Record.DecisionLogIntact: false } => LastFullVerificationResult.ProblemsFound,
            _ => LastFullVerificationResult.NoProblemsFound,
        };
        var details = auditor ? trusted : null;
        return new(
            result,
            status.FoundProblems,
            full?.At,
            auditor && trusted is not null ? full!.By : null,
            details?.Checked,
            details?.Findings,
            details?.FirstBrokenSequence,
            details?.ReachedSequence,
            status.AddedSince,
            status.HeadBehind,
            auditor ? status.HeadSequence : null,
            status.LaterFailed is { } later
                ? new LaterFailedCheck(later.At, auditor && !later.Altered && later.Record is not null ? later.By : null, later.Altered || later.Record is null)
                : null);
    }

    /// <summary>
    /// Reads the status (a few index reads; an access log that cannot be read gives <c>unavailable</c>, never a failed
    /// answer) and sets <see cref="HeaderName"/> with the auditor's details. Called by an export after its first entry was
    /// read and before its first byte is written: the file is streamed as before, never held to add it.
    /// </summary>
    public static async Task AddHeaderAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var line = await VerificationLine.ReadAsync(context.RequestServices.GetRequiredService<EfAccessAudit>(), forAuditor: true, context.RequestAborted);
        // The contract's options escape every character beyond ASCII (and none is a line break), as a header needs.
        context.Response.Headers[HeaderName] = JsonSerializer.Serialize(From(line), ContractJson.Options);
    }
}
