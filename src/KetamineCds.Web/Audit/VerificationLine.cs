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
/// <param name="Status">What the access log records, or null when it could not be read.</param>
/// <param name="ForAuditor">The auditor's wording, with who verified and a link to Verify.</param>
public sealed record VerificationLine(LastVerification? Status, bool ForAuditor)
{
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
