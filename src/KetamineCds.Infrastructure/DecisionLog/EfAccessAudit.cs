using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The access audit: append-only (database triggers) and hash-chained like the decision log. Every text value is
/// fitted to its column (<see cref="LogText"/>) before it is hashed, so a value from outside can neither fail the
/// write nor bloat the log.
/// </summary>
public sealed class EfAccessAudit : IAccessAudit
{

    private readonly KetamineCdsContextFactory _contexts;
    private readonly TimeProvider _clock;
    private readonly ChainAppender _appender;

    public EfAccessAudit(KetamineCdsContextFactory contexts, TimeProvider clock, ILogger<EfAccessAudit>? logger = null)
    {
        _contexts = contexts;
        _clock = clock;
        _appender = new ChainAppender(contexts, logger);
    }

    /// <summary>The appender (its batching), for tests.</summary>
    internal ChainAppender Appender => _appender;

    public async Task RecordAsync(AccessEvent accessEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessEvent);
        await _appender.AppendAsync(
            LogChainHead.Access,
            null,
            (sequence, previousHash) =>
            {
                var now = _clock.GetUtcNow();
                var e = new AccessLogEntry
                {
                    Sequence = sequence,
                    Id = Guid.CreateVersion7(now),
                    Kind = WireNames.Of(accessEvent.Kind),
                    OccurredAt = ChainHash.ToStoredTime(now),
                    UserEmail = LogText.FitRequired(accessEvent.UserEmail, AccessLogColumns.UserEmail),
                    Role = LogText.Fit(accessEvent.Role, AccessLogColumns.Role),
                    Subject = LogText.Fit(accessEvent.Subject, AccessLogColumns.Subject),
                    Detail = LogText.Fit(accessEvent.Detail, AccessLogColumns.Detail),
                    CorrelationId = LogText.FitRequired(accessEvent.CorrelationId, AccessLogColumns.CorrelationId),
                    PreviousHash = previousHash,
                };
                e.Hash = ChainHash.Compute(e);
                return e;
            },
            cancellationToken);
    }

    /// <summary>Access events about one subject (e.g. a screening id), oldest first.</summary>
    public async Task<IReadOnlyList<LoggedAccessEvent>> ListForSubjectAsync(string subject, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = _contexts.CreateDbContext();
            var rows = await db.AccessEvents.AsNoTracking()
                .Where(e => e.Subject == subject)
                .OrderBy(e => e.Sequence)
                .Take(1000)
                .ToListAsync(cancellationToken);
            return rows.Select(ToLogged).ToList();
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }
    }

    /// <summary>
    /// The latest sign-in events of one account, newest first: its sign-ins, failed attempts (wrong passwords and codes,
    /// wrong current passwords on changing it) and lockouts, recorded under the email as it was typed (the account's
    /// own spelling or in lower case). Read through the (user email, sequence) index.
    /// </summary>
    public async Task<IReadOnlyList<LoggedAccessEvent>> ListSignInEventsAsync(string email, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        string[] kinds = [WireNames.Of(AccessEventKind.SignIn), WireNames.Of(AccessEventKind.SignInFailed), WireNames.Of(AccessEventKind.LockedOut)];
        var lower = email.ToLowerInvariant();
        try
        {
            await using var db = _contexts.CreateDbContext();
            var rows = await db.AccessEvents.AsNoTracking()
                .Where(e => (e.UserEmail == email || e.UserEmail == lower) && kinds.Contains(e.Kind))
                .OrderByDescending(e => e.Sequence)
                .Take(count)
                .ToListAsync(cancellationToken);
            return rows.Select(ToLogged).ToList();
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }
    }

    /// <summary>Verifies the access log's chain in bounded memory.</summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        (await ChainVerifier.WalkAsync(
            _contexts,
            LogChainHead.Access,
            (db, after) => db.AccessEvents.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence),
            e => (e.Sequence, e.Id, e.PreviousHash, e.Hash),
            e => ChainHash.Compute(e),
            0,
            ChainHash.Genesis,
            null,
            cancellationToken)).Result;

    private static LoggedAccessEvent ToLogged(AccessLogEntry e) =>
        new(e.Id, e.Sequence, EfDecisionLog.Utc(e.OccurredAt), e.Kind, e.UserEmail, e.Role, e.Subject, e.Detail, e.CorrelationId);
}
