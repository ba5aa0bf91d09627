using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The line a list of the decision log shows about its last full verification (QA284 F3; <c>Pages/Shared/_LastVerification</c>):
/// a list, filtered above all, shows entries only as they are stored, so an entry altered in the database is left out of
/// it without a word, and only a full verification finds it. The auditor's list says when, by whom, what it checked and
/// found, how many entries were added since, and links to Verify; a psychiatrist's Find screenings says when and what it
/// found, and on a problem to ask an auditor (Verify is not their page).
/// </summary>
/// <remarks>
/// The auditor's pages that read the log without re-hashing it show the same line when what is recorded says something is
/// wrong (QA318 F2: they read as an all-clear after a full verification had failed): Impact, which counts verdicts as
/// stored; Verify after a check from the newest checkpoint, which re-hashes only the entries after it; Checkpoints, whose
/// "holds" compares each checkpoint's own entry. Each closes with what it means there (<see cref="Place"/>).
/// </remarks>
/// <param name="Status">What the access log records, or null when it could not be read.</param>
/// <param name="ForAuditor">The auditor's wording, with who verified and a link to Verify.</param>
public sealed record VerificationLine(LastVerification? Status, bool ForAuditor)
{
    /// <summary>The page the line is on, which says what the last verification means there (the auditor's closing paragraph).</summary>
    public VerificationLinePlace Place { get; init; } = VerificationLinePlace.List;

    /// <summary>Whether the line is shown on a page that shows it only on a problem: what is recorded says something is wrong.</summary>
    public bool FoundProblems => Status?.FoundProblems == true;

    /// <summary>Reads the line's facts (a few index reads); a log that cannot be read gives a line that says so, never a failed page.</summary>
    public static async Task<VerificationLine> ReadAsync(EfAccessAudit accessLog, bool forAuditor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessLog);
        try
        {
            return new VerificationLine(await accessLog.LastVerificationAsync(cancellationToken), forAuditor);
        }
        catch (DecisionLogUnavailableException)
        {
            return new VerificationLine(null, forAuditor);
        }
    }
}

/// <summary>Where a <see cref="VerificationLine"/> is shown: each page closes the auditor's line with what it means there.</summary>
public enum VerificationLinePlace
{
    /// <summary>A list of entries (the decision log's, Find screenings): it shows entries as stored.</summary>
    List,

    /// <summary>The impact analysis: it counts verdicts as stored, and leaves out the entries a verification named.</summary>
    Impact,

    /// <summary>Verify after a check from the newest checkpoint: it re-hashed only the entries after it.</summary>
    Verify,

    /// <summary>The checkpoints: each one's status compares the entry it signed, not the entries before it.</summary>
    Checkpoints,
}
