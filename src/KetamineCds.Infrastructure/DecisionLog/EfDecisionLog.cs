using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The EF Core decision log: screenings and overrides on one hash chain, appended in group-committed batches (see <see cref="ChainAppender"/>).</summary>
public sealed partial class EfDecisionLog : IDecisionLog
{

    private readonly KetamineCdsContextFactory _contexts;
    private readonly TimeProvider _clock;
    private readonly ChainAppender _appender;

    public EfDecisionLog(KetamineCdsContextFactory contexts, TimeProvider clock, ILogger<EfDecisionLog>? logger = null)
    {
        _contexts = contexts;
        _clock = clock;
        _appender = new ChainAppender(contexts, logger);
    }

    /// <summary>The appender (its batching), for tests.</summary>
    internal ChainAppender Appender => _appender;

    public Task<LoggedScreening> RecordScreeningAsync(ScreeningSubmission submission, CancellationToken cancellationToken = default) =>
        RecordAsync(submission, null, cancellationToken);

    /// <summary>
    /// Records a corrected screening as a new entry that points to the one it corrects, with the reason. The
    /// corrected entry stays as it was: the log is never edited.
    /// </summary>
    public Task<LoggedScreening> RecordCorrectionAsync(Guid correctsScreeningId, string reason, ScreeningSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return RecordAsync(submission, (correctsScreeningId, reason), cancellationToken);
    }

    private async Task<LoggedScreening> RecordAsync(ScreeningSubmission submission, (Guid Id, string Reason)? correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var historyJson = JsonSerializer.Serialize(submission.History, ContractJson.Options);
        var assessmentJson = JsonSerializer.Serialize(submission.Assessment, ContractJson.Options);
        var originJson = submission.Origin?.ToJson();
        var related = correction?.Id ?? submission.RescreenOf;
        if (submission.SubmissionId == Guid.Empty)
        {
            throw new ArgumentException("A submission id is never the empty id.", nameof(submission));
        }

        DecisionLogEntry entry;
        try
        {
            entry = await _appender.AppendAsync(
                LogChainHead.Decisions,
                related is null && submission.SubmissionId is null ? null : async (db, ct) =>
                {
                    // In the recording transaction: the same form sent again finds the entry its first sending made.
                    if (submission.SubmissionId is { } submissionId && await FindSubmissionAsync(db, submissionId, ct) is { } recorded)
                    {
                        throw new SubmissionAlreadyRecordedException(recorded);
                    }

                    if (related is { } relatedId)
                    {
                        await EnsureScreeningExistsAsync(db, relatedId, ct);
                    }
                },
                (sequence, previousHash) =>
                {
                    var e = Entry(sequence, previousHash, DecisionLogEntryTypes.Screening, submission.Actor, submission.CorrelationId, submission.History.PatientReference);
                    e.Overall = WireNames.Of(submission.Assessment.Overall);
                    e.RuleSetVersion = submission.Assessment.RuleSet.Version;
                    e.RuleSetDigest = submission.Assessment.RuleSet.Digest;
                    e.InputJson = submission.InputJson;
                    e.HistoryJson = historyJson;
                    e.AssessmentJson = assessmentJson;
                    e.RelatesToId = correction?.Id ?? submission.RescreenOf;
                    e.CorrectionReason = correction?.Reason;
                    e.HookOriginJson = originJson;
                    e.SubmissionId = submission.SubmissionId;
                    return Hashed(e);
                },
                cancellationToken);
        }
        catch (DecisionLogUnavailableException ex) when (!ex.OutcomeUnknown && (submission.SubmissionId is not null || correction is not null))
        {
            // Two sent at once (another app instance, or the same batch retried): the database's unique index let one
            // in and refused the other. Read the one it let in; if there is none, or the log cannot be read, the
            // failure stands as it was.
            if (submission.SubmissionId is { } submissionId && await TryFindSubmissionAsync(submissionId) is { } recorded)
            {
                throw new SubmissionAlreadyRecordedException(recorded, ex);
            }

            // Two corrections of one screening at once: the log's trigger stored the first and refused this one. Asked
            // after the submission on purpose: a correction sent twice (a retry) meets the trigger too, and its sender
            // must get the correction it stored, not "already corrected".
            if (correction is { } c && DatabaseFailures.IsDuplicateCorrection(ex))
            {
                throw new ScreeningAlreadyCorrectedException(c.Id, ex);
            }

            throw;
        }

        var logged = ToLogged(entry, submission.History, submission.Assessment, []);
        if (correction is null)
        {
            return logged;
        }

        await using var db = _contexts.CreateDbContext();
        return logged with { AnswersRecordedAt = await AnswersRecordedAtAsync(db, entry, null, cancellationToken) };
    }

    public async Task<LoggedHookAnswer> RecordHookAnswerAsync(HookAnswerSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var payload = JsonSerializer.Serialize(
            new HookAnswerPayload(submission.MissingItems, [.. submission.Contraindications.Select(f => new HookAnswerContraindication(f.RuleId, f.Because))])
            {
                Inputs = submission.Inputs?.ToStoredJson(),
                Placeholders = submission.Inputs?.Placeholders,
            },
            ContractJson.Options);
        var originJson = submission.Origin.ToJson();
        var entry = await _appender.AppendAsync(
            LogChainHead.Decisions,
            null,
            (sequence, previousHash) =>
            {
                var e = Entry(sequence, previousHash, DecisionLogEntryTypes.HookAnswer, submission.Actor, submission.CorrelationId, submission.PatientReference);
                e.Overall = WireNames.Of(submission.Overall);
                e.RuleSetVersion = submission.RuleSet?.Version;
                e.RuleSetDigest = submission.RuleSet?.Digest;
                e.InputJson = payload;
                e.HookOriginJson = originJson;
                return Hashed(e);
            },
            cancellationToken);
        return new LoggedHookAnswer(entry.Id, entry.Sequence, Utc(entry.RecordedAt));
    }

    public async Task<LoggedOverride> RecordOverrideAsync(OverrideSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var payload = JsonSerializer.Serialize(
            new OverridePayload(submission.Decision, submission.Reason, submission.Explanation), ContractJson.Options);
        string? patientReference = null;
        var entry = await _appender.AppendAsync(
            LogChainHead.Decisions,
            async (db, ct) => patientReference = await EnsureDecisionExistsAsync(db, submission.DecisionId, ct),
            (sequence, previousHash) =>
            {
                var e = Entry(sequence, previousHash, DecisionLogEntryTypes.Override, submission.Actor, submission.CorrelationId, patientReference ?? "");
                e.InputJson = payload;
                e.RelatesToId = submission.DecisionId;
                return Hashed(e);
            },
            cancellationToken);
        return ToOverride(entry);
    }

    /// <summary>A new entry of the decisions chain with what every entry has: its place, id, time, who and why.</summary>
    private DecisionLogEntry Entry(long sequence, string previousHash, string type, Actor actor, string correlationId, string patientReference)
    {
        var now = _clock.GetUtcNow();
        return new DecisionLogEntry
        {
            Sequence = sequence,
            Id = Guid.CreateVersion7(now),
            EntryType = type,
            RecordedAt = ChainHash.ToStoredTime(now),
            ActorUserId = actor.UserId,
            ActorEmail = actor.Email,
            ActorRole = actor.Role,
            CorrelationId = correlationId,
            PatientReference = patientReference,
            PreviousHash = previousHash,
        };
    }

    /// <summary>The entry with its chain hash computed over everything it holds.</summary>
    private static DecisionLogEntry Hashed(DecisionLogEntry entry)
    {
        entry.Hash = ChainHash.Compute(entry);
        return entry;
    }

    public async Task<RecordedSubmission?> FindSubmissionAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = _contexts.CreateDbContext();
            return await FindSubmissionAsync(db, submissionId, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    private static async Task<RecordedSubmission?> FindSubmissionAsync(KetamineCdsDbContext db, Guid submissionId, CancellationToken cancellationToken) =>
        await db.DecisionLogEntries.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId)
            // The input comes in the same query: telling a repeat from the id reused with other answers needs no second read.
            .Select(e => new RecordedSubmission(submissionId, e.Id, e.ActorUserId, e.InputJson)
            {
                Corrects = e.CorrectionReason == null ? null : e.RelatesToId,
                CorrectionReason = e.CorrectionReason,
            })
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The entry recorded with <paramref name="submissionId"/>, or null when there is none or the log cannot be read.</summary>
    private async Task<RecordedSubmission?> TryFindSubmissionAsync(Guid submissionId)
    {
        try
        {
            return await FindSubmissionAsync(submissionId, CancellationToken.None);
        }
        catch (DecisionLogUnavailableException)
        {
            return null;
        }
    }

    public async Task<LoggedScreening?> FindScreeningAsync(Guid id, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = _contexts.CreateDbContext();
            var entry = await db.DecisionLogEntries.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == id && e.EntryType == DecisionLogEntryTypes.Screening, cancellationToken);
            if (entry is null)
            {
                return null;
            }

            var logged = ToLogged(entry, await OverridesOfAsync(db, id, cancellationToken));
            return entry.CorrectionReason is null ? logged : logged with { AnswersRecordedAt = await AnswersRecordedAtAsync(db, entry, null, cancellationToken) };
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    /// <summary>
    /// What names <paramref name="entry"/> (<see cref="LoggedEntryHeader"/>), for a reader that has already checked that it
    /// still gives its hash (<see cref="ThrowIfAltered"/>): the audit's readings that read the entry anyway (a hook answer,
    /// a replay), so that their pages need no second read.
    /// </summary>
    internal static LoggedEntryHeader HeaderOf(DecisionLogEntry entry) => new(
        entry.Id, entry.Sequence, entry.EntryType, Utc(entry.RecordedAt), new Actor(entry.ActorUserId, entry.ActorEmail, entry.ActorRole),
        entry.PatientReference, entry.Hash, entry.PreviousHash);

    public async Task<LaterScreenings> FindLaterScreeningsAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await FindLaterScreeningsAsync([id], cancellationToken))[id];

    public async Task<IReadOnlyDictionary<Guid, LaterScreenings>> FindLaterScreeningsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        try
        {
            var wanted = ids.Distinct().ToList();
            await using var db = _contexts.CreateDbContext();
            var entries = wanted.Count == 0 ? [] : await db.DecisionLogEntries.AsNoTracking()
                .Where(e => e.RelatesToId != null && wanted.Contains(e.RelatesToId.Value) && e.EntryType == DecisionLogEntryTypes.Screening)
                .OrderByDescending(e => e.Sequence)
                .ToListAsync(cancellationToken);
            var byEarlier = entries.ToLookup(e => e.RelatesToId!.Value);
            var found = new Dictionary<Guid, LaterScreenings>(wanted.Count);
            foreach (var id in wanted)
            {
                var later = new List<LaterScreening>();
                var unreadable = new List<UnreadableEntry>();
                foreach (var entry in byEarlier[id])
                {
                    // An entry changed after it was recorded is never vouched for as this one's successor, only named.
                    try
                    {
                        ThrowIfAltered(entry);
                        later.Add(new LaterScreening(entry.Id, entry.Sequence, Utc(entry.RecordedAt), new Actor(entry.ActorUserId, entry.ActorEmail, entry.ActorRole), entry.CorrectionReason));
                    }
                    catch (Exception ex) when (IsUnreadable(ex))
                    {
                        unreadable.Add(new UnreadableEntry(entry.Id, entry.Sequence));
                    }
                }

                found[id] = new LaterScreenings(later, unreadable);
            }

            return found;
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    public async Task<PatientScreenings> ListScreeningsForPatientAsync(string patientReference, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = _contexts.CreateDbContext();
            var key = DecisionLogEntry.LookupKey(patientReference);
            var entries = await db.DecisionLogEntries.AsNoTracking()
#pragma warning disable CA1304, CA1862 // translated to SQL lower("PatientReference"), which its index covers; references are ASCII
                .Where(e => e.PatientReference.ToLower() == key)
#pragma warning restore CA1304, CA1862
                .OrderByDescending(e => e.Sequence)
                .ToListAsync(cancellationToken);
            var overrides = entries.Where(e => e.EntryType == DecisionLogEntryTypes.Override)
                .OrderBy(e => e.Sequence)
                .ToLookup(e => e.RelatesToId);
            var screenings = new List<LoggedScreening>();
            var unreadable = new List<UnreadableEntry>();
            var patients = entries.Where(e => e.EntryType == DecisionLogEntryTypes.Screening).ToDictionary(e => e.Id);
            foreach (var entry in patients.Values.OrderByDescending(e => e.Sequence))
            {
                // One entry that cannot be read is named, never the reason the patient's other screenings go unlisted.
                try
                {
                    var logged = ToLogged(entry, overrides[entry.Id].Select(ToOverride).ToList());
                    screenings.Add(entry.CorrectionReason is null ? logged : logged with { AnswersRecordedAt = await AnswersRecordedAtAsync(db, entry, patients, cancellationToken) });
                }
                catch (DecisionLogEntryUnreadableException ex)
                {
                    unreadable.Add(ex.Entry);
                }
            }

            return new PatientScreenings(screenings, unreadable);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        (await WalkAsync(0, ChainHash.Genesis, null, cancellationToken)).Result;

    /// <summary>Verifies the chain after a known entry (a checkpoint's), observing every entry that verified.</summary>
    internal Task<ChainWalk> WalkAsync(long afterSequence, string afterHash, Action<long, Guid, string>? observe, CancellationToken cancellationToken) =>
        ChainVerifier.WalkAsync(
            _contexts,
            LogChainHead.Decisions,
            (db, after) => db.DecisionLogEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence),
            e => (e.Sequence, e.Id, e.PreviousHash, e.Hash),
            e => ChainHash.Compute(e),
            afterSequence,
            afterHash,
            observe,
            cancellationToken,
            (changed, ct) => LocateMovedAsync(_contexts, changed, ct));

    /// <summary>
    /// Of the entries stored at <paramref name="changed"/> (whose hash no longer holds where they are), those whose hash
    /// holds at another place: the place their link leads to (after the entry their previous hash names, itself placed
    /// the same way when it is not where it was recorded either), confirmed by their own hash computed at that place.
    /// Stored place to recorded place. One look-up of the entries by sequence, and one (rarely a few) of the entries their
    /// links name by hash (not indexed: a scan, made only when verification already found such entries).
    /// </summary>
    internal static async Task<IReadOnlyDictionary<long, long>> LocateMovedAsync(KetamineCdsContextFactory contexts, IReadOnlyCollection<long> changed, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var entries = await db.DecisionLogEntries.AsNoTracking().Where(e => changed.Contains(e.Sequence)).ToListAsync(cancellationToken);
        var byHash = new Dictionary<string, DecisionLogEntry>(StringComparer.Ordinal);
        foreach (var e in entries.OrderBy(e => e.Sequence))
        {
            byHash.TryAdd(e.Hash, e);
        }

        // The entries their links name, and (a few steps back) the ones those name while they are not where they were
        // recorded either: one entry's own page has only itself to start from.
        var unplaced = entries;
        for (var round = 0; round < 4 && unplaced.Count > 0; round++)
        {
            var named = unplaced.Select(e => e.PreviousHash).Where(h => h != ChainHash.Genesis && !byHash.ContainsKey(h)).Distinct().ToList();
            var found = named.Count == 0
                ? []
                : await db.DecisionLogEntries.AsNoTracking().Where(e => named.Contains(e.Hash)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            foreach (var e in found)
            {
                byHash.TryAdd(e.Hash, e);
            }

            unplaced = [.. found.Where(e => HashAt(e, e.Sequence) != e.Hash)];
        }

        var places = new Dictionary<long, long?>();
        long? PlaceOf(DecisionLogEntry e, int depth)
        {
            if (places.TryGetValue(e.Sequence, out var known))
            {
                return known;
            }

            long? place = HashAt(e, e.Sequence) == e.Hash ? e.Sequence
                : e.PreviousHash == ChainHash.Genesis ? 1
                : depth < 8 && byHash.TryGetValue(e.PreviousHash, out var previous) && previous.Sequence != e.Sequence && PlaceOf(previous, depth + 1) is { } p ? p + 1
                : null;
            places[e.Sequence] = place;
            return place;
        }

        var moved = new Dictionary<long, long>();
        foreach (var e in entries)
        {
            if (PlaceOf(e, 0) is { } place && place != e.Sequence && place > 0 && HashAt(e, place) == e.Hash)
            {
                moved[e.Sequence] = place;
            }
        }

        return moved;
    }

    /// <summary>The hash an entry's content gives at another place in the chain (its sequence is hashed with it).</summary>
    private static string HashAt(DecisionLogEntry e, long sequence)
    {
        var stored = e.Sequence;
        e.Sequence = sequence;
        try
        {
            return ChainHash.Compute(e);
        }
        finally
        {
            e.Sequence = stored;
        }
    }

    /// <summary>
    /// What verification finds about one entry (<see cref="ChainVerifier.EntryFindings"/>): the entry, the entries either
    /// side of it and the chain head, read in one context; its hash computed as the walk computes it. Empty when there is
    /// no such entry.
    /// </summary>
    internal static async Task<IReadOnlyList<ChainFinding>> VerifyEntryAsync(KetamineCdsContextFactory contexts, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            var entry = await db.DecisionLogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (entry is null)
            {
                return [];
            }

            var before = await db.DecisionLogEntries.AsNoTracking()
                .Where(e => e.Sequence < entry.Sequence).OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var after = await db.DecisionLogEntries.AsNoTracking()
                .Where(e => e.Sequence > entry.Sequence).OrderBy(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Id, e.PreviousHash })
                .FirstOrDefaultAsync(cancellationToken);
            var last = await db.DecisionLogEntries.AsNoTracking().MaxAsync(e => e.Sequence, cancellationToken);
            var head = await ChainVerifier.ReadHeadAsync(db, LogChainHead.Decisions, cancellationToken);
            var findings = ChainVerifier.EntryFindings(
                (entry.Sequence, entry.Id, entry.PreviousHash, entry.Hash, ChainHash.Compute(entry)),
                before is null ? null : (before.Sequence, before.Hash),
                after is null ? null : (after.Sequence, after.Id, after.PreviousHash),
                head,
                last);

            // Moved, not changed, as the walk names it (QA141 F2).
            return findings.Any(f => f.Kind == ChainFinding.ContentChanged)
                ? ChainVerifier.Relocated(findings, await LocateMovedAsync(contexts, [entry.Sequence], cancellationToken))
                : findings;
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read to verify the entry.", ex);
        }
    }

    private static Task<string> EnsureScreeningExistsAsync(KetamineCdsDbContext db, Guid screeningId, CancellationToken cancellationToken) =>
        EnsureExistsAsync(db, screeningId, false, cancellationToken);

    /// <summary>A screening, or a hook answer that ran no screening: what an override may be recorded against.</summary>
    private static Task<string> EnsureDecisionExistsAsync(KetamineCdsDbContext db, Guid decisionId, CancellationToken cancellationToken) =>
        EnsureExistsAsync(db, decisionId, true, cancellationToken);

    private static async Task<string> EnsureExistsAsync(KetamineCdsDbContext db, Guid id, bool orHookAnswer, CancellationToken cancellationToken)
    {
        var patient = await db.DecisionLogEntries.AsNoTracking()
            .Where(e => e.Id == id && (e.EntryType == DecisionLogEntryTypes.Screening || (orHookAnswer && e.EntryType == DecisionLogEntryTypes.HookAnswer)))
            .Select(e => e.PatientReference)
            .SingleOrDefaultAsync(cancellationToken);
        return patient ?? throw new KeyNotFoundException(orHookAnswer ? $"No screening or hook answer {id} in the decision log." : $"No screening {id} in the decision log.");
    }

    /// <summary>
    /// <see cref="LoggedScreening.AnswersRecordedAt"/> of a screening entry: its own time, or for a correction the time of
    /// the first entry up its chain of corrections that is not one. A corrected entry that is missing, altered or not
    /// older than its correction gives <see cref="DateTimeOffset.MinValue"/> (nothing of the present state is current).
    /// </summary>
    /// <param name="db">The context to read the corrected entries with.</param>
    /// <param name="entry">The screening entry.</param>
    /// <param name="known">Entries already read (a patient's list), looked up before the database.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    internal static async Task<DateTimeOffset> AnswersRecordedAtAsync(KetamineCdsDbContext db, DecisionLogEntry entry, IReadOnlyDictionary<Guid, DecisionLogEntry>? known, CancellationToken cancellationToken)
    {
        var current = entry;
        while (current.CorrectionReason is not null)
        {
            if (current.RelatesToId is not { } correctedId)
            {
                return DateTimeOffset.MinValue;
            }

            var corrected = known?.GetValueOrDefault(correctedId) ?? await db.DecisionLogEntries.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == correctedId && e.EntryType == DecisionLogEntryTypes.Screening, cancellationToken);
            if (corrected is null || corrected.Sequence >= current.Sequence || !IsIntact(corrected))
            {
                return DateTimeOffset.MinValue;
            }

            current = corrected;
        }

        return Utc(current.RecordedAt);
    }

    /// <summary>True when the entry still gives the hash it was recorded with (<see cref="ThrowIfAltered"/>).</summary>
    private static bool IsIntact(DecisionLogEntry e)
    {
        try
        {
            ThrowIfAltered(e);
            return true;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return false;
        }
    }

    /// <summary>The overrides recorded against a screening or a hook answer, oldest first.</summary>
    internal static async Task<IReadOnlyList<LoggedOverride>> OverridesOfAsync(KetamineCdsDbContext db, Guid decisionId, CancellationToken cancellationToken) =>
        (await db.DecisionLogEntries.AsNoTracking()
            .Where(e => e.RelatesToId == decisionId && e.EntryType == DecisionLogEntryTypes.Override)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken))
        .Select(ToOverride)
        .ToList();

    /// <summary>
    /// A screening entry as the log holds it. Its stored history and assessment must read as the contract's, its input
    /// must be one JSON object (the API splices it verbatim into its answers) and its origin, when it has one, must read;
    /// otherwise the entry is named in a <see cref="DecisionLogEntryUnreadableException"/>, never a bare JSON error.
    /// </summary>
    internal static LoggedScreening ToLogged(DecisionLogEntry e, IReadOnlyList<LoggedOverride> overrides)
    {
        try
        {
            ThrowIfAltered(e);
            var history = JsonSerializer.Deserialize<PatientHistory>(e.HistoryJson ?? e.InputJson, ContractJson.Options)
                ?? throw new JsonException("The stored history is null.");
            var assessment = JsonSerializer.Deserialize<Assessment>(e.AssessmentJson ?? throw new JsonException("No assessment is stored."), ContractJson.Options)
                ?? throw new JsonException("The stored assessment is null.");
            using (var input = JsonDocument.Parse(e.InputJson))
            {
                if (input.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException("The stored input is not a JSON object.");
                }
            }

            return ToLogged(e, history, assessment, overrides);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw new DecisionLogEntryUnreadableException(e.Id, e.Sequence, ex);
        }
    }

    /// <summary>True when the entry can be read as the pages and the API read it (<see cref="ToLogged(DecisionLogEntry, IReadOnlyList{LoggedOverride})"/>).</summary>
    internal static bool IsReadableScreening(DecisionLogEntry e)
    {
        try
        {
            ToLogged(e, []);
            return true;
        }
        catch (DecisionLogEntryUnreadableException)
        {
            return false;
        }
    }

    /// <summary>
    /// Throws when the entry's id, time or related id is not one (an altered SQLite column, <see cref="SqliteLogColumns"/>),
    /// or when its content no longer gives the hash it was recorded with: a page, the API or a replay never shows, or
    /// vouches for, an entry changed after it was recorded. One hash of the one entry; the chain itself is Verify's.
    /// </summary>
    internal static void ThrowIfAltered(DecisionLogEntry e)
    {
        if (SqliteLogColumns.IsAltered(e.Id, e.RecordedAt, e.RelatesToId, e.SubmissionId))
        {
            throw new FormatException("The stored id or time is not one the app writes.");
        }

        if (!string.Equals(ChainHash.Compute(e), e.Hash, StringComparison.Ordinal))
        {
            throw new FormatException("The entry no longer matches the hash it was recorded with: its stored content was changed after it was recorded.");
        }
    }

    /// <summary>What reading stored JSON throws when the text is not what the app wrote (malformed, or another shape).</summary>
    internal static bool IsUnreadable(Exception ex) =>
        ex is JsonException or NotSupportedException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException;

    private static LoggedScreening ToLogged(DecisionLogEntry e, PatientHistory history, Assessment assessment, IReadOnlyList<LoggedOverride> overrides) =>
        new(e.Id, e.Sequence, Utc(e.RecordedAt), new Actor(e.ActorUserId, e.ActorEmail, e.ActorRole), e.CorrelationId, history, e.InputJson, assessment, overrides)
        {
            AssessmentJson = e.AssessmentJson!,
            Corrects = e.CorrectionReason is null ? null : e.RelatesToId,
            RescreenOf = e.CorrectionReason is null ? e.RelatesToId : null,
            CorrectionReason = e.CorrectionReason,
            Origin = e.HookOriginJson is null ? null : HookOrigin.FromJson(e.HookOriginJson),
            Hash = e.Hash,
            PreviousHash = e.PreviousHash,
        };

    /// <summary>An override entry; one whose payload cannot be read is named like an unreadable screening.</summary>
    internal static LoggedOverride ToOverride(DecisionLogEntry e)
    {
        try
        {
            ThrowIfAltered(e);
            var payload = JsonSerializer.Deserialize<OverridePayload>(e.InputJson, ContractJson.Options) ?? throw new JsonException("The stored override is null.");
            return new LoggedOverride(e.Id, e.RelatesToId ?? Guid.Empty, Utc(e.RecordedAt), new Actor(e.ActorUserId, e.ActorEmail, e.ActorRole), payload.Decision, payload.Reason, payload.Explanation);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw new DecisionLogEntryUnreadableException(e.Id, e.Sequence, ex);
        }
    }

    internal static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    /// <summary>
    /// What a hook-answer entry stores (and hashes) as its InputJson: the items the EHR's data did not record, and the
    /// contraindications it recorded all the same (absent from entries written before they were reported); then, only when
    /// rules were evaluated, what they evaluated (<see cref="HookAnswerInputs"/>, QA158 F2): the inputs, null where not
    /// recorded, and the placeholder fields. Written only when present, so an entry without them is the same JSON as
    /// before; entries logged before keep theirs as stored.
    /// </summary>
    private sealed record HookAnswerPayload(IReadOnlyList<string> MissingItems, IReadOnlyList<HookAnswerContraindication> Contraindications)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonObject? Inputs { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? Placeholders { get; init; }
    }

    /// <summary>What an override entry stores (and hashes) as its InputJson.</summary>
    private sealed record OverridePayload(OverrideDecision? Decision, OverrideReason? Reason, string Explanation);
}
