using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The access audit: append-only (database triggers) and hash-chained like the decision log. Every text value is
/// fitted to its column (<see cref="LogText"/>) before it is hashed, so a value from outside can neither fail the
/// write nor bloat the log.
/// </summary>
public sealed partial class EfAccessAudit : IAccessAudit
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
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }
    }

    /// <summary>
    /// The latest sign-in events of one account, newest first: its sign-ins, failed attempts (wrong passwords and codes,
    /// wrong current passwords on changing it) and lockouts, recorded under the email as it was typed, in any letter
    /// case (Identity finds the account whatever the case typed), under each email it has held only while it held it (from
    /// its creation or the change that gave it the address to the change that took it away: <see cref="EmailsHeldAsync"/>),
    /// so that an account given a freed address does not inherit its former holder's events. Read through the
    /// lower(user email) index.
    /// </summary>
    public async Task<IReadOnlyList<LoggedAccessEvent>> ListSignInEventsAsync(string email, string userId, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(userId);
        string[] kinds = [WireNames.Of(AccessEventKind.SignIn), WireNames.Of(AccessEventKind.SignInFailed), WireNames.Of(AccessEventKind.LockedOut)];
        var key = LookupKey(email);
        try
        {
            await using var db = _contexts.CreateDbContext();
            IQueryable<AccessLogEntry>? query = null;
            foreach (var held in await EmailsHeldAsync(db, key, userId, cancellationToken))
            {
                var part = UnderEmail(db, held).Where(e => kinds.Contains(e.Kind));
                query = query is null ? part : query.Union(part);
            }
            var rows = await query!
                .OrderByDescending(e => e.Sequence)
                .Take(count)
                .ToListAsync(cancellationToken);
            return rows.Select(ToLogged).ToList();
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }
    }

    /// <summary>
    /// The kinds of event an administrator may read about an account: signing in and out, failed attempts, lockouts,
    /// changes to its own security and account administration. None of them names a patient or a screening.
    /// </summary>
    public static IReadOnlyList<AccessEventKind> AccountKinds { get; } =
        [AccessEventKind.SignIn, AccessEventKind.SignOut, AccessEventKind.SignInFailed, AccessEventKind.LockedOut, AccessEventKind.AccountSecurity, AccessEventKind.UserAdministration];

    /// <summary>
    /// The auditor's view of the whole access log: the events matching the filter, newest first (by sequence, the
    /// log's own order), one keyset page at a time (never OFFSET): the page starts strictly before
    /// <paramref name="before"/>, or at the newest event. The page says where it stands among the events matching
    /// (<see cref="AccessLogPage.Position"/>), counted only when the list runs to more than one page.
    /// </summary>
    public async Task<AccessLogPage> SearchAsync(AccessLogFilter filter, long? before, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        try
        {
            await using var db = _contexts.CreateDbContext();
            var matching = Filter(db, filter);
            // The events before a later page first, then the page, then all: the log only grows (ListPosition).
            var newer = before is { } b ? await matching.Where(e => e.Sequence >= b).LongCountAsync(cancellationToken) : 0;
            var page = await PageAsync(matching, before, pageSize, cancellationToken);
            var position = before is null && page.NextBefore is null
                ? ListPosition.Whole(page.Items.Count)
                : new ListPosition(newer, await matching.LongCountAsync(cancellationToken));
            return page with { Position = position };
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }
    }

    /// <summary>Every access event matching the filter, newest first, streamed from the database.</summary>
    public async IAsyncEnumerable<LoggedAccessEvent> ExportAsync(AccessLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = _contexts.CreateDbContext();
        await foreach (var row in Filter(db, filter).OrderByDescending(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // Each row's own hash is recomputed, as the decision log's export does: an event edited without re-hashing
            // is exported marked, never as genuine.
            yield return ToLogged(row) with { Unreadable = !string.Equals(ChainHash.Compute(row), row.Hash, StringComparison.Ordinal) };
        }
    }

    /// <summary>
    /// One account's events for its administrator, newest first, a keyset page at a time: those recorded under each email it
    /// has held (in any letter case) while it held it (<see cref="EmailsHeldAsync"/>), and those
    /// about it (subject <c>user:ID</c>), of the <see cref="AccountKinds"/> only, so that the administrator sees nothing of
    /// what the account read or did with patients' screenings.
    /// </summary>
    public async Task<AccessLogPage> ListAccountEventsAsync(string email, string userId, long? before, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(userId);
        string[] kinds = [.. AccountKinds.Select(k => WireNames.Of(k))];
        var key = LookupKey(email);
        var subject = "user:" + userId;
        try
        {
            await using var db = _contexts.CreateDbContext();
            var query = db.AccessEvents.AsNoTracking().Where(e => kinds.Contains(e.Kind) && e.Subject == subject);
            foreach (var held in await EmailsHeldAsync(db, key, userId, cancellationToken))
            {
                query = query.Union(UnderEmail(db, held).Where(e => kinds.Contains(e.Kind)));
            }
            return await PageAsync(query, before, pageSize, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }
    }

    /// <summary>
    /// Whether the access log holds the account's creation ("created user EMAIL ...", subject <c>user:ID</c>), which every
    /// path that makes an account records: an administrator's Create page, and at start-up the demo accounts and the first
    /// administrator. An account made before that was recorded has none, and <see cref="EmailsHeldAsync"/> then counts its
    /// first email from the log's start: the pages that list its events say so, as events under that email from before the
    /// account existed were whoever held the address then.
    /// </summary>
    public async Task<bool> IsCreationLoggedAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var subject = "user:" + userId;
        var kind = WireNames.Of(AccessEventKind.UserAdministration);
        try
        {
            await using var db = _contexts.CreateDbContext();
            return await db.AccessEvents.AsNoTracking()
                .AnyAsync(e => e.Subject == subject && e.Kind == kind && e.Detail != null && e.Detail.StartsWith(CreationPrefix), cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }
    }

    /// <summary>
    /// Every email the account has held, as lookup keys, each with the part of the log in which it was this account's:
    /// from the event that gave it the address (its creation, "created user EMAIL ...", or an administrator's change,
    /// "changed the email of OLD to NEW", subject <c>user:ID</c>) to the change that took it away (QA169 F9). What was
    /// recorded under an address before this account got it, or after it gave it up, is another account's that held it
    /// then. The current email counts from the last of those events; an account whose creation is not in the log (one made
    /// before the demo accounts' and the bootstrap administrator's creations were recorded) has its first email counted
    /// from the log's start, which its pages say (<see cref="IsCreationLoggedAsync"/>).
    /// </summary>
    private static async Task<List<EmailHeld>> EmailsHeldAsync(KetamineCdsDbContext db, string currentKey, string userId, CancellationToken cancellationToken)
    {
        var subject = "user:" + userId;
        var kind = WireNames.Of(AccessEventKind.UserAdministration);
        var events = await db.AccessEvents.AsNoTracking()
            .Where(e => e.Subject == subject && e.Kind == kind && e.Detail != null && (e.Detail.StartsWith(EmailChangePrefix) || e.Detail.StartsWith(CreationPrefix)))
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Detail })
            .ToListAsync(cancellationToken);
        var held = new List<EmailHeld>();
        long? from = events.Where(e => e.Detail!.StartsWith(CreationPrefix, StringComparison.Ordinal)).Select(e => (long?)e.Sequence).FirstOrDefault();
        foreach (var change in events)
        {
            var match = EmailChange().Match(change.Detail!);
            if (match.Success)
            {
                held.Add(new EmailHeld(LookupKey(match.Groups["old"].Value), from, change.Sequence));
                from = change.Sequence;
            }
        }

        held.Add(new EmailHeld(currentKey, from, null));
        return held;
    }

    /// <summary>The events recorded under an email (in any letter case) while the account held it.</summary>
    private static IQueryable<AccessLogEntry> UnderEmail(KetamineCdsDbContext db, EmailHeld held)
    {
#pragma warning disable CA1304, CA1862 // translated to SQL lower("UserEmail"), which its index covers (LookupKey)
        var query = db.AccessEvents.AsNoTracking().Where(e => e.UserEmail.ToLower() == held.Key);
#pragma warning restore CA1304, CA1862
        if (held.From is { } from)
        {
            query = query.Where(e => e.Sequence > from);
        }

        if (held.Until is { } until)
        {
            query = query.Where(e => e.Sequence < until);
        }

        return query;
    }

    /// <summary>An email an account held, as a lookup key, after the event <paramref name="From"/> and before <paramref name="Until"/> (null: no bound).</summary>
    private sealed record EmailHeld(string Key, long? From, long? Until);

    private const string CreationPrefix = "created user ";

    private const string EmailChangePrefix = "changed the email of ";

    [GeneratedRegex(@"^changed the email of (?<old>\S+) to \S+$")]
    private static partial Regex EmailChange();

    /// <summary>
    /// How an email or a subject is looked up: without surrounding spaces and without letter case. The databases index
    /// <c>lower("UserEmail")</c> and <c>lower("Subject")</c> for it (migration <c>AccessLogLookups</c>); their lower() is
    /// sure to agree with this one for A to Z, which is what emails, ids and patient references are written in.
    /// </summary>
    public static string LookupKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant();
    }

    private static IQueryable<AccessLogEntry> Filter(KetamineCdsDbContext db, AccessLogFilter filter)
    {
        var query = db.AccessEvents.AsNoTracking();
        if (filter.From is { } from)
        {
            var f = ChainHash.ToStoredTime(from);
            query = query.Where(e => e.OccurredAt >= f);
        }

        if (filter.To is { } to)
        {
            var t = ChainHash.ToStoredTime(to);
            query = query.Where(e => e.OccurredAt < t);
        }

#pragma warning disable CA1304, CA1862 // translated to SQL lower(...), which the lookup indexes cover (LookupKey)
        if (!string.IsNullOrWhiteSpace(filter.UserEmail))
        {
            var who = LookupKey(filter.UserEmail);
            query = query.Where(e => e.UserEmail.ToLower() == who);
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = LookupKey(filter.Subject);
            query = query.Where(e => e.Subject!.ToLower() == subject);
        }
#pragma warning restore CA1304, CA1862

        if (filter.Kind is { } kind)
        {
            var name = WireNames.Of(kind);
            query = query.Where(e => e.Kind == name);
        }

        return query;
    }

    private static async Task<AccessLogPage> PageAsync(IQueryable<AccessLogEntry> query, long? before, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        if (before is { } b)
        {
            query = query.Where(e => e.Sequence < b);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(pageSize + 1).ToListAsync(cancellationToken);
        var items = rows.Take(pageSize).Select(ToLogged).ToList();
        return new AccessLogPage(items, rows.Count > pageSize ? items[^1].Sequence : null);
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

    /// <summary>
    /// What the lists say about the decision log's verification (QA284 F3, <see cref="LastVerification"/>): the newest
    /// verification recorded that re-hashed every entry, the newest of any kind when it is newer and did not verify the
    /// decision log, each record's own hash recomputed (an altered record is said to be altered, never believed), and the
    /// chain head now. A few reads through the (Kind, Sequence) index and the head's key, never a walk of the log.
    /// </summary>
    public async Task<LastVerification> LastVerificationAsync(CancellationToken cancellationToken = default)
    {
        var kind = WireNames.Of(AccessEventKind.Verify);
        try
        {
            await using var db = _contexts.CreateDbContext();
            var head = await db.LogChainHeads.AsNoTracking().Where(h => h.Chain == LogChainHead.Decisions)
                .Select(h => (long?)h.LastSequence).SingleOrDefaultAsync(cancellationToken) ?? 0;
            var verifications = db.AccessEvents.AsNoTracking().Where(e => e.Kind == kind);
            var newest = await verifications.OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
            if (newest is null)
            {
                return new LastVerification(null, null, head);
            }

            // The details a full verification records: its walk says so, or (recorded before the walk was) its place. Only
            // those are read, so that the quicker checks a failing log records every few minutes cannot hide it.
            var (audit, api, walk) = (VerificationRecord.AuditWorkspace + ": ", VerificationRecord.Api + ": ", VerificationRecord.WalkPrefix);
            var full = await verifications
                .Where(e => e.Detail!.Contains(VerificationRecord.WalkedFull)
                    || (!e.Detail.Contains(walk) && (e.Detail.StartsWith(audit) || e.Detail.StartsWith(api))))
                .OrderByDescending(e => e.Sequence)
                .FirstOrDefaultAsync(cancellationToken);
            var lastFull = full is null ? null : Recorded(full);
            var latest = Recorded(newest);
            var laterFailed = latest.EventSequence > (lastFull?.EventSequence ?? 0) && (latest.Altered || latest.Record is not { DecisionLogIntact: true })
                ? latest
                : null;
            return new LastVerification(lastFull, laterFailed, head);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The access log could not be read.", ex);
        }

        static RecordedVerification Recorded(AccessLogEntry e) => new(
            VerificationRecord.Parse(e.Detail),
            EfDecisionLog.Utc(e.OccurredAt),
            e.UserEmail,
            e.Sequence,
            !string.Equals(ChainHash.Compute(e), e.Hash, StringComparison.Ordinal));
    }

    private static LoggedAccessEvent ToLogged(AccessLogEntry e) =>
        new(e.Id, e.Sequence, EfDecisionLog.Utc(e.OccurredAt), e.Kind, e.UserEmail, e.Role, e.Subject, e.Detail, e.CorrelationId);
}
