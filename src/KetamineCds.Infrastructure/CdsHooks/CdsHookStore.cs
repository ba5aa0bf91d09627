using System.Security.Cryptography;
using System.Text;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.CdsHooks;

/// <summary>The CDS Hooks service's own tables: token uses (replay check), prefills and the cards sent.</summary>
public sealed class CdsHookStore(KetamineCdsContextFactory contexts, TimeProvider clock)
{
    /// <summary>How long a prefill link works.</summary>
    public static readonly TimeSpan PrefillLifetime = TimeSpan.FromHours(1);

    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);
    private long _nextPurgeTicks;

    /// <summary>
    /// Records a token's first use. False when the (issuer, jti) pair was used before, by this or any other instance
    /// sharing the database: the unique key rejects the insert.
    /// </summary>
    /// <exception cref="DecisionLogUnavailableException">The database could not be reached.</exception>
    public async Task<bool> TryUseTokenAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await PurgeIfDueAsync(cancellationToken);
        try
        {
            await using var db = contexts.CreateDbContext();
            db.Set<CdsHookTokenUse>().Add(new CdsHookTokenUse { Issuer = issuer, Jti = jti, ExpiresAt = expiresAt.UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseFailures.IsRejectedEntry(e))
        {
            return false;
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e))
        {
            throw new DecisionLogUnavailableException("The token store could not be reached.", e);
        }
    }

    /// <summary>A new opaque prefill id (256 random bits, base64url): the only way to read the prefill.</summary>
    public static string NewPrefillId() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A prefill to store with <see cref="SaveAnswerAsync"/>, readable for <see cref="PrefillLifetime"/> by its id.</summary>
    public CdsHookPrefill NewPrefill(string id, string patientReference, string inputJson)
    {
        var now = clock.GetUtcNow();
        return new CdsHookPrefill
        {
            IdHash = Hash(id),
            PatientReference = patientReference,
            InputJson = inputJson,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (now + PrefillLifetime).UtcDateTime,
        };
    }

    /// <summary>
    /// The newest screening of this patient a clinician recorded in KetamineCds since <paramref name="since"/> (the form or
    /// the API: a screening, re-screen or correction; never an EHR's own earlier answer, which has a hook origin), by id
    /// (an indexed query that reads no JSON), or null.
    /// </summary>
    public async Task<Guid?> LatestClinicianScreeningSinceAsync(string patientReference, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = ChainHash.ToStoredTime(since);
        try
        {
            await using var db = contexts.CreateDbContext();
            return await db.DecisionLogEntries.AsNoTracking()
                .Where(e => e.PatientReference == patientReference && e.RecordedAt >= from && e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson == null)
                .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Sequence)
                .Select(e => (Guid?)e.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", e);
        }
    }

    /// <summary>
    /// Of KetamineCds's answers to an EHR completed from screening <paramref name="screeningId"/> (screenings with a hook
    /// origin that re-screen it), the one with the newest override that states a decision (a feedback "do not proceed" is
    /// recorded there, QA132 F1; a bare "overridden" states none, QA141 F3), by id, or null when none has one. The overrides
    /// are found by the indexed related-entry column and read newest first, each as the log reads it
    /// (<see cref="EfDecisionLog.ToOverride"/>), until one states a decision: a bare one is passed over by what its JSON
    /// says, however it is spelt (it was found by the text <c>"decision":null</c>, which JSON with a space after the colon,
    /// or without the property, does not contain). Bare overrides are few, so few are read. One that cannot be read is
    /// returned as it was before: its screening then reads as unreadable and gives no decision (Verify names it).
    /// </summary>
    public async Task<Guid?> LatestOverriddenHookScreeningAsync(Guid screeningId, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            var newestFirst = db.DecisionLogEntries.AsNoTracking()
                .Where(e => e.RelatesToId == screeningId && e.EntryType == DecisionLogEntryTypes.Screening && e.HookOriginJson != null)
                .Join(
                    db.DecisionLogEntries.Where(o => o.EntryType == DecisionLogEntryTypes.Override),
                    e => (Guid?)e.Id,
                    o => o.RelatesToId,
                    (e, o) => new { HookScreening = e.Id, Override = o })
                .OrderByDescending(x => x.Override.Sequence)
                .AsAsyncEnumerable();
            await foreach (var x in newestFirst.WithCancellation(cancellationToken))
            {
                if (!StatesNoDecision(x.Override))
                {
                    return x.HookScreening;
                }
            }

            return null;
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", e);
        }
    }

    /// <summary>
    /// True when the override entry reads as stating no decision (an EHR's bare "overridden", QA141 F3), which is never a
    /// decision in force; false when it states one, or cannot be read.
    /// </summary>
    private static bool StatesNoDecision(DecisionLogEntry entry)
    {
        try
        {
            return EfDecisionLog.ToOverride(entry).Decision is null;
        }
        catch (DecisionLogEntryUnreadableException)
        {
            return false;
        }
    }

    /// <summary>The prefill behind an opaque id, or null when there is none or it has expired.</summary>
    public async Task<CdsHookPrefill?> FindPrefillAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }

        var hash = Hash(id);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        var prefill = await db.Set<CdsHookPrefill>().AsNoTracking().SingleOrDefaultAsync(p => p.IdHash == hash, cancellationToken);
        return prefill is not null && DateTime.SpecifyKind(prefill.ExpiresAt, DateTimeKind.Utc) > now ? prefill : null;
    }

    /// <summary>
    /// Stores the cards of one answer and its prefill, if any, in one transaction (after the answer is in the decision
    /// log, before the cards are sent).
    /// </summary>
    public async Task SaveAnswerAsync(IEnumerable<CdsHookCard> cards, CdsHookPrefill? prefill, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            db.Set<CdsHookCard>().AddRange(cards);
            if (prefill is not null)
            {
                db.Set<CdsHookPrefill>().Add(prefill);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e))
        {
            throw new DecisionLogUnavailableException("The cards could not be stored.", e);
        }
    }

    /// <summary>The card sent with this uuid by this service to this client, or null.</summary>
    public async Task<CdsHookCard?> FindCardAsync(Guid uuid, string serviceId, string issuer, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<CdsHookCard>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Uuid == uuid && c.ServiceId == serviceId && c.Issuer == issuer, cancellationToken);
    }

    /// <summary>Deletes expired token uses and prefills, at most once a minute per instance.</summary>
    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var next = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeEvery).UtcTicks, next) != next)
        {
            return;
        }

        try
        {
            await using var db = contexts.CreateDbContext();
            var cutoff = now.UtcDateTime;
            await db.Set<CdsHookTokenUse>().Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            await db.Set<CdsHookPrefill>().Where(p => p.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e))
        {
            // A purge that fails is retried a minute later; the insert that follows reports the outage.
        }
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
