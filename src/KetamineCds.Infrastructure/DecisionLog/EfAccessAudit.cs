using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>An access event as the audit log holds it.</summary>
public sealed record LoggedAccessEvent(
    Guid Id, long Sequence, DateTimeOffset OccurredAt, string Kind, string UserEmail, string? Role, string? Subject, string? Detail, string CorrelationId);

/// <summary>The access audit: append-only (database triggers) and hash-chained like the decision log.</summary>
public sealed class EfAccessAudit : IAccessAudit
{

    private readonly KetamineCdsContextFactory _contexts;
    private readonly TimeProvider _clock;
    private readonly ChainAppender _appender;

    public EfAccessAudit(KetamineCdsContextFactory contexts, TimeProvider clock)
    {
        _contexts = contexts;
        _clock = clock;
        _appender = new ChainAppender(contexts);
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
                    UserEmail = accessEvent.UserEmail,
                    Role = accessEvent.Role,
                    Subject = accessEvent.Subject,
                    Detail = accessEvent.Detail,
                    CorrelationId = accessEvent.CorrelationId,
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
