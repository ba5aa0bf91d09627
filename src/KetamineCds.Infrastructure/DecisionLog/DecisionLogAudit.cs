using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Json;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>EF Core implementation of <see cref="IDecisionLogAudit"/>.</summary>
public sealed class DecisionLogAudit(KetamineCdsContextFactory contexts, EfAccessAudit accessAudit) : IDecisionLogAudit
{
    /// <summary>How many exported entries share one look-up of their overrides and corrections.</summary>
    private const int ExportBatchSize = 500;

    public async Task<AuditPage> SearchAsync(AuditFilter filter, AuditCursor? before, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, 500);
        try
        {
            await using var db = contexts.CreateDbContext();
            // Every type of entry, overrides too, as the CSV export of the same filter has them (an auditor reviewing who
            // decided what reads the overrides in the list, not only as a count on the entry overridden).
            var matching = Filter(db, filter, includeOverrides: true);
            var query = matching;
            long newer = 0;
            if (before is not null)
            {
                var at = ChainHash.ToStoredTime(before.RecordedAt);
                var sequence = before.Sequence;
                query = query.Where(e => e.RecordedAt < at || (e.RecordedAt == at && e.Sequence < sequence));
                newer = await matching.Where(e => e.RecordedAt > at || (e.RecordedAt == at && e.Sequence >= sequence)).LongCountAsync(cancellationToken);
            }

            var rows = await query.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Sequence).Take(pageSize + 1)
                .ToListAsync(cancellationToken);
            var shown = rows.Take(pageSize).ToList();
            var marks = await LaterMarksAsync(db, shown, cancellationToken);
            var items = shown.Select(e => ToItem(e, marks)).ToList();
            var next = rows.Count > pageSize ? new AuditCursor(items[^1].RecordedAt, items[^1].Sequence) : null;
            // Counted only for a list of more than one page (ListPosition): the entries before the page first, then all.
            var position = before is null && next is null
                ? ListPosition.Whole(items.Count)
                : new ListPosition(newer, await matching.LongCountAsync(cancellationToken));
            return new AuditPage(items, next, position);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    public async IAsyncEnumerable<AuditListItem> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        // The overrides are looked up a batch of entries at a time, in a context of their own (the export's reader is
        // still open on the first).
        await using var overrides = contexts.CreateDbContext();
        // The export has a row for every override too (QA14a P3: without one, its sequence number was a gap that looked
        // like a deleted entry, and what was overridden and why was not in the file).
        var query = Filter(db, filter, includeOverrides: true).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Sequence);
        var batch = new List<DecisionLogEntry>(ExportBatchSize);
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == ExportBatchSize)
            {
                foreach (var item in await ToItemsAsync(overrides, batch, cancellationToken))
                {
                    yield return item;
                }

                batch.Clear();
            }
        }

        foreach (var item in await ToItemsAsync(overrides, batch, cancellationToken))
        {
            yield return item;
        }
    }

    public IAsyncEnumerable<DecisionLogEntry> EntriesAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Stream(filter, cancellationToken);

        async IAsyncEnumerable<DecisionLogEntry> Stream(AuditFilter f, [EnumeratorCancellation] CancellationToken ct)
        {
            await using var db = contexts.CreateDbContext();
            var query = Filter(db, f, includeOverrides: true).OrderBy(e => e.Sequence);
            await foreach (var entry in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                yield return entry;
            }
        }
    }

    private static async Task<List<AuditListItem>> ToItemsAsync(KetamineCdsDbContext db, List<DecisionLogEntry> entries, CancellationToken cancellationToken)
    {
        var marks = await LaterMarksAsync(db, entries, cancellationToken);
        // Reading each entry (its stored texts and its own hash) is the export's CPU work: a batch is read on every core,
        // in order (one core: 13,622 rows/s at 1,000,000 entries, docs/benchmarks.md).
        return entries.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(e => ToItem(e, marks)).ToList();
    }

    /// <summary>
    /// What was recorded later against those entries, in one query: the overrides (how many each has, and the ids of
    /// those that an override cannot be read for: altered, its payload, id or time is not what the app wrote; their
    /// pages cannot show them, <see cref="EfDecisionLog.OverridesOfAsync"/> names the override, so the list marks them
    /// as it marks an unreadable entry), and the newest correction of each (QA11 F3: a corrected entry must not read
    /// as a live decision). A correction changed after it was recorded is not vouched for as one, as on the entry's
    /// own page (<see cref="EfDecisionLog.FindLaterScreeningsAsync(IReadOnlyCollection{Guid}, CancellationToken)"/>);
    /// it is listed, and marked, on its own row.
    /// </summary>
    private static async Task<LaterMarks> LaterMarksAsync(KetamineCdsDbContext db, List<DecisionLogEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Where(e => e.Id != Guid.Empty).Select(e => (Guid?)e.Id).ToList();
        if (ids.Count == 0)
        {
            return new([], [], [], []);
        }

        var later = await db.DecisionLogEntries.AsNoTracking()
            .Where(e => ids.Contains(e.RelatesToId)
                && (e.EntryType == DecisionLogEntryTypes.Override || (e.EntryType == DecisionLogEntryTypes.Screening && e.CorrectionReason != null)))
            .ToListAsync(cancellationToken);
        var overrides = later.Where(e => e.EntryType == DecisionLogEntryTypes.Override).ToList();
        var counts = overrides.GroupBy(o => o.RelatesToId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var corrections = later
            .Where(e => e.EntryType == DecisionLogEntryTypes.Screening && IsIntact(e))
            .GroupBy(e => e.RelatesToId!.Value)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Sequence)!);
        return new(
            counts,
            [.. overrides.Where(o => !IsReadableOverride(o)).Select(o => o.RelatesToId!.Value)],
            corrections.ToDictionary(c => c.Key, c => (c.Value.Id, c.Value.Sequence)),
            await OverriddenAsync(db, entries, cancellationToken));
    }

    /// <summary>
    /// The entries the override entries among <paramref name="entries"/> override: each one's place and type, by which the
    /// list names it (the first in the chain, should an altered log hold the id twice, as the override's page reads it).
    /// No query when there is no override among them.
    /// </summary>
    private static async Task<Dictionary<Guid, OverriddenTarget>> OverriddenAsync(KetamineCdsDbContext db, List<DecisionLogEntry> entries, CancellationToken cancellationToken)
    {
        var targets = entries.Where(e => e.EntryType == DecisionLogEntryTypes.Override && e.RelatesToId is not null).Select(e => e.RelatesToId!.Value).Distinct().ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        var found = await db.DecisionLogEntries.AsNoTracking()
            .Where(e => targets.Contains(e.Id) && (e.EntryType == DecisionLogEntryTypes.Screening || e.EntryType == DecisionLogEntryTypes.HookAnswer))
            .Select(e => new { e.Id, e.Sequence, e.EntryType })
            .ToListAsync(cancellationToken);
        // The CDS Hooks call behind an entry an EHR's feedback overrides (FeedbackCardShownTo), read from the whole entry so
        // that only an intact one is believed (CallOf); only those entries are read whole, not every overridden one.
        var fedBack = entries.Where(e => e.EntryType == DecisionLogEntryTypes.Override && e.RelatesToId is not null && e.ActorUserId.StartsWith(EhrFeedbackUserPrefix, StringComparison.Ordinal))
            .Select(e => e.RelatesToId!.Value).Distinct().ToList();
        var calls = fedBack.Count == 0
            ? []
            : (await db.DecisionLogEntries.AsNoTracking()
                .Where(e => fedBack.Contains(e.Id) && e.HookOriginJson != null && (e.EntryType == DecisionLogEntryTypes.Screening || e.EntryType == DecisionLogEntryTypes.HookAnswer))
                .ToListAsync(cancellationToken))
                .GroupBy(e => e.Id).ToDictionary(g => g.Key, g => CallOf(g.MinBy(e => e.Sequence)!));
        return found.GroupBy(e => e.Id).ToDictionary(
            g => g.Key,
            g => g.OrderBy(e => e.Sequence).Select(e => new OverriddenTarget(e.Sequence, e.EntryType, calls.GetValueOrDefault(e.Id))).First());
    }

    /// <summary>An overridden entry as the list names it, with the CDS Hooks call that recorded it (issuer, <c>context.userId</c>) when it has one.</summary>
    private sealed record OverriddenTarget(long Sequence, string EntryType, (string? Issuer, string? UserId) Call);

    /// <summary>
    /// What <see cref="LaterMarksAsync"/> found: override counts, entries with an unreadable override, each corrected entry's
    /// newest correction, and the entries overridden by the override entries among them.
    /// </summary>
    private sealed record LaterMarks(
        Dictionary<Guid, int> Counts, HashSet<Guid> Unreadable, Dictionary<Guid, (Guid Id, long Sequence)> Corrections,
        Dictionary<Guid, OverriddenTarget> Overridden);

    /// <summary>True when the entry is as it was recorded (its id, time and related id are ones, and its hash matches).</summary>
    private static bool IsIntact(DecisionLogEntry e)
    {
        try
        {
            EfDecisionLog.ThrowIfAltered(e);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsReadableOverride(DecisionLogEntry e)
    {
        try
        {
            EfDecisionLog.ToOverride(e);
            return true;
        }
        catch (DecisionLogEntryUnreadableException)
        {
            return false;
        }
    }

    public async Task<LoggedHookAnswerEntry?> FindHookAnswerAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var entry = await FindEntryAsync(id, DecisionLogEntryTypes.HookAnswer, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        return ReadHookAnswer(entry) with { Overrides = await OverridesOfAsync(id, cancellationToken) };
    }

    public async Task<LoggedOverrideEntry?> FindOverrideAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var entry = await FindEntryAsync(id, DecisionLogEntryTypes.Override, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        // Throws DecisionLogEntryUnreadableException for an entry that no longer gives its hash, as the screening's page does.
        var logged = EfDecisionLog.ToOverride(entry);
        OverriddenEntry? overridden = null;
        if (entry.RelatesToId is { } decisionId)
        {
            DecisionLogEntry? target;
            try
            {
                await using var db = contexts.CreateDbContext();
                target = await db.DecisionLogEntries.AsNoTracking()
                    .Where(e => e.Id == decisionId && (e.EntryType == DecisionLogEntryTypes.Screening || e.EntryType == DecisionLogEntryTypes.HookAnswer))
                    .OrderBy(e => e.Sequence)
                    .FirstOrDefaultAsync(cancellationToken);
            }
            catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
            {
                throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
            }

            if (target is not null)
            {
                // The verdict only from an entry that still gives its hash: an altered one's page says so instead.
                var (issuer, userId) = CallOf(target);
                overridden = new OverriddenEntry(target.Id, target.Sequence, target.EntryType, IsIntact(target) ? target.Overall : null)
                {
                    CardShownTo = FeedbackCardShownTo(logged.RecordedBy, issuer, userId),
                };
            }
        }

        return new LoggedOverrideEntry(logged, entry.Sequence, entry.CorrelationId, entry.PatientReference, entry.Hash, entry.PreviousHash, overridden);
    }

    /// <summary>A hook-answer entry as the auditor reads it; one whose stored payload or origin cannot be read is named, never a bare JSON error.</summary>
    internal static LoggedHookAnswerEntry ReadHookAnswer(DecisionLogEntry entry)
    {
        try
        {
            EfDecisionLog.ThrowIfAltered(entry);
            using var payload = JsonDocument.Parse(entry.InputJson);
            var missing = payload.RootElement.TryGetProperty("missingItems", out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray().Select(i => i.GetString() ?? "").ToList()
                : [];
            var contraindications = payload.RootElement.TryGetProperty("contraindications", out var found) && found.ValueKind == JsonValueKind.Array
                ? found.Deserialize<List<HookAnswerContraindication>>(ContractJson.Options) ?? []
                : [];
            // Only in entries logged since they were kept (QA158 F2).
            var inputs = payload.RootElement.TryGetProperty("inputs", out var evaluated) && evaluated.ValueKind == JsonValueKind.Object ? evaluated.GetRawText() : null;
            var placeholders = payload.RootElement.TryGetProperty("placeholders", out var standIns) && standIns.ValueKind == JsonValueKind.Array
                ? standIns.Deserialize<List<string>>(ContractJson.Options) ?? []
                : [];
            return new LoggedHookAnswerEntry(
                entry.Id,
                entry.Sequence,
                EfDecisionLog.Utc(entry.RecordedAt),
                new Actor(entry.ActorUserId, entry.ActorEmail, entry.ActorRole),
                entry.CorrelationId,
                entry.PatientReference,
                missing,
                HookOrigin.FromJson(entry.HookOriginJson ?? throw new JsonException("No origin is stored.")),
                entry.InputJson)
            {
                Contraindications = contraindications,
                RuleSetVersion = entry.RuleSetVersion,
                Overall = entry.Overall ?? "",
                InputsJson = inputs,
                Placeholders = placeholders,
                Header = EfDecisionLog.HeaderOf(entry),
            };
        }
        catch (Exception ex) when (EfDecisionLog.IsUnreadable(ex))
        {
            throw new DecisionLogEntryUnreadableException(entry.Id, entry.Sequence, ex);
        }
    }

    public async Task<ReplayResult?> ReplayAsync(Guid screeningId, CancellationToken cancellationToken = default)
    {
        var entry = await FindEntryAsync(screeningId, DecisionLogEntryTypes.Screening, cancellationToken);
        if (entry is null)
        {
            return await FindEntryAsync(screeningId, DecisionLogEntryTypes.HookAnswer, cancellationToken) is { } answer ? ReplayHookAnswer(answer) : null;
        }

        try
        {
            // A replay never vouches for an entry changed after it was recorded ("reproduced exactly" of altered content).
            EfDecisionLog.ThrowIfAltered(entry);
        }
        catch (FormatException ex)
        {
            throw new DecisionLogEntryUnreadableException(entry.Id, entry.Sequence, ex);
        }

        var recorded = new RuleSetIdentity(entry.RuleSetVersion ?? "", entry.RuleSetDigest ?? "");
        var ruleSet = RuleSetCatalog.Find(recorded.Version);
        if (ruleSet is null)
        {
            return new ReplayResult(entry.Id, recorded, false, false, false, entry.AssessmentJson ?? "", null, null, StoredInputs.Agree(entry.InputJson, entry.HistoryJson))
            {
                Sequence = entry.Sequence,
                InputJson = entry.InputJson,
                ReplayedInputJson = entry.HistoryJson ?? entry.InputJson,
                Header = EfDecisionLog.HeaderOf(entry),
            };
        }

        var history = ReadHistory(entry.Id, entry.Sequence, entry.HistoryJson ?? entry.InputJson);
        var replayed = ScreeningEngine.Evaluate(history, ruleSet);
        var replayedJson = JsonSerializer.Serialize(replayed, ContractJson.Options);
        var digestMatches = string.Equals(ruleSet.Digest, recorded.Digest, StringComparison.Ordinal);
        var matches = digestMatches && string.Equals(replayedJson, entry.AssessmentJson, StringComparison.Ordinal);

        // The history replayed is the stored history; the page shows the input as submitted. A replay vouches only for
        // inputs it used: when the two copies hold different answers it never says "reproduced" (QA14a P1).
        var inputsAgree = StoredInputs.Agree(entry.InputJson, entry.HistoryJson);
        return new ReplayResult(
            entry.Id, recorded, true, digestMatches, matches && inputsAgree != false,
            entry.AssessmentJson ?? "", replayedJson, WireNames.Of(replayed.Overall), inputsAgree)
        {
            Sequence = entry.Sequence,
            AssessmentMatches = matches,
            InputJson = entry.InputJson,
            ReplayedInputJson = entry.HistoryJson ?? entry.InputJson,
            Header = EfDecisionLog.HeaderOf(entry),
        };
    }

    /// <summary>
    /// Replays a CDS Hooks answer that ran no screening (QA158 F2): under the rule set it recorded, the contraindication
    /// rules that read none of its placeholder fields are evaluated again on its stored inputs
    /// (<see cref="ScreeningEngine.ContraindicationsDespite"/>, as the answer did), and the contraindications found (each
    /// rule and the inputs that made it fire) and the verdict they give are compared with those logged. The missing items
    /// are not recomputed (they came from the chart's FHIR, the clinician's screening and the validator, not from these
    /// inputs). An entry that kept no inputs (logged before, or an answer that evaluated no rule) says so, nothing
    /// recomputed.
    /// </summary>
    private static ReplayResult ReplayHookAnswer(DecisionLogEntry entry)
    {
        // Throws DecisionLogEntryUnreadableException for an entry changed after it was recorded, as a screening's replay does.
        var answer = ReadHookAnswer(entry);
        var recorded = new RuleSetIdentity(entry.RuleSetVersion ?? "", entry.RuleSetDigest ?? "");
        var ruleSet = RuleSetCatalog.Find(recorded.Version);
        var logged = HookAnswerOutcome(entry.Overall ?? "", JsonSerializer.Serialize(answer.Contraindications, ContractJson.Options));
        var result = new ReplayResult(entry.Id, recorded, ruleSet is not null, false, false, logged, null, null)
        {
            Sequence = entry.Sequence,
            EntryType = DecisionLogEntryTypes.HookAnswer,
            InputsKept = answer.InputsJson is not null,
            InputJson = answer.InputsJson ?? "",
            ReplayedInputJson = answer.InputsJson ?? "",
            Header = answer.Header,
        };
        if (answer.InputsJson is null || ruleSet is null)
        {
            return result;
        }

        HookAnswerInputs inputs;
        try
        {
            inputs = HookAnswerInputs.Read(answer.InputsJson, answer.Placeholders);
        }
        catch (Exception ex) when (EfDecisionLog.IsUnreadable(ex))
        {
            throw new DecisionLogEntryUnreadableException(entry.Id, entry.Sequence, ex);
        }

        var found = ScreeningEngine.ContraindicationsDespite(inputs.History, inputs.Placeholders, ruleSet);
        var overall = WireNames.Of(HookAnswerSubmission.OverallOf(found));
        var replayed = HookAnswerOutcome(overall, JsonSerializer.Serialize(found.Select(f => new HookAnswerContraindication(f.RuleId, f.Because)), ContractJson.Options));
        var digestMatches = string.Equals(ruleSet.Digest, recorded.Digest, StringComparison.Ordinal);
        var matches = string.Equals(logged, replayed, StringComparison.Ordinal);
        return result with
        {
            DigestMatches = digestMatches,
            Reproduced = digestMatches && matches,
            AssessmentMatches = matches,
            ReplayedAssessmentJson = replayed,
            ReplayedOverall = overall,
        };
    }

    /// <summary>What a hook answer's replay compares, logged or recomputed: <c>{"overall": …, "contraindications": [{"ruleId", "because"}, …]}</c>.</summary>
    private static string HookAnswerOutcome(string overall, string contraindicationsJson) =>
        new JsonObject { ["overall"] = overall, ["contraindications"] = JsonNode.Parse(contraindicationsJson) }.ToJsonString(ContractJson.Options);

    public async Task<ReplayResult?> ReplayAtSequenceAsync(long sequence, CancellationToken cancellationToken = default)
    {
        Guid id;
        try
        {
            await using var db = contexts.CreateDbContext();
            var found = await db.DecisionLogEntries.AsNoTracking()
                .Where(e => e.Sequence == sequence && (e.EntryType == DecisionLogEntryTypes.Screening || e.EntryType == DecisionLogEntryTypes.HookAnswer))
                .Select(e => new { e.Id })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            id = found.Id;
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
        catch (FormatException ex)
        {
            // An id that is not a GUID (SQLite stores it as text): the app never writes one.
            throw new DecisionLogEntryUnreadableException(Guid.Empty, sequence, ex);
        }

        return await ReplayAsync(id, cancellationToken);
    }

    public async Task<bool> IsGapAsync(long sequence, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            if (await db.DecisionLogEntries.AsNoTracking().AnyAsync(e => e.Sequence == sequence, cancellationToken))
            {
                return false;
            }

            var head = await db.LogChainHeads.AsNoTracking().Where(h => h.Chain == LogChainHead.Decisions).Select(h => (long?)h.LastSequence).SingleOrDefaultAsync(cancellationToken);
            return sequence <= (head ?? 0) || await db.DecisionLogEntries.AsNoTracking().AnyAsync(e => e.Sequence > sequence, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    public Task<ImpactReport> AnalyzeImpactAsync(DateTimeOffset? periodStart, DateTimeOffset? periodEnd, RuleSet? ruleSet = null, CancellationToken cancellationToken = default) =>
        AnalyzeImpactAsync(periodStart, periodEnd, ruleSet ?? RuleSetCatalog.Current, null, null, cancellationToken);

    public async Task<ImpactReport> AnalyzeImpactAsync(DateTimeOffset? periodStart, DateTimeOffset? periodEnd, RuleSet ruleSet, RuleSet? baseline, IReadOnlySet<long>? knownBroken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var stopwatch = Stopwatch.StartNew();
        var changes = new List<ImpactChange>();
        var transitions = new Dictionary<(string From, string To), long>();
        var rules = new Dictionary<string, (long Newly, long Stopped, long Changed)>(StringComparer.Ordinal);
        long examined = 0;
        var before = new string[BatchPipeline.BatchSize];
        var after = new string[BatchPipeline.BatchSize];
        var deltas = new RuleDelta?[BatchPipeline.BatchSize];
        var readable = new bool[BatchPipeline.BatchSize];
        var disagree = new bool[BatchPipeline.BatchSize];
        var superseded = new bool[BatchPipeline.BatchSize];
        long supersededCount = 0;
        var broken = new bool[BatchPipeline.BatchSize];
        var brokenEntries = new List<UnreadableEntry>();
        long brokenCount = 0;
        var unreadable = new List<UnreadableEntry>();
        long unreadableCount = 0;
        var disagreeing = new List<UnreadableEntry>();
        long disagreeingCount = 0;
        try
        {
            await using var db = contexts.CreateDbContext();
            var later = await LaterDecisionsAsync(db, periodStart, cancellationToken);
            // Only the stored inputs (the history and the input as submitted, compared as replay compares them) and the
            // verdict are read; the assessment JSON, the largest column, never leaves the database. Each batch is screened in parallel while the next one is read. A row logged under the baseline
            // (same version and digest) keeps its logged verdict, which replay reproduces; only the changed rows are
            // screened a second time, to name the rules that made the difference. Screenings only: a CDS Hooks answer
            // ran no rules and stores no history, so there is nothing to re-screen in it.
            var rows = Filter(db, new AuditFilter(periodStart, periodEnd), includeHookAnswers: false)
                .OrderBy(e => e.Sequence)
                .Select(e => new ImpactRow(e.Sequence, e.Id, e.RecordedAt, e.RelatesToId, e.CorrectionReason, e.PatientReference, e.ActorEmail, e.Overall, e.RuleSetVersion, e.RuleSetDigest, e.InputJson, e.HistoryJson))
                .AsAsyncEnumerable();
            await BatchPipeline.RunAsync(
                rows,
                (batch, count) =>
                {
                    Parallel.For(0, count, i =>
                    {
                        var row = batch[i];
                        broken[i] = false;
                        // A screening a correction supersedes is not the decision in force: its latest correction is,
                        // and is counted in its place (QA119 F4). Nothing is read or screened for it.
                        superseded[i] = later.Corrected.Contains(row.Id);
                        if (superseded[i])
                        {
                            return;
                        }

                        // A row whose id, time or history cannot be read is left out and named; the rest of the period is still analysed.
                        var history = SqliteLogColumns.IsAltered(row.Id, row.RecordedAt, row.RelatesToId) ? null : TryReadHistory(row.HistoryJson ?? row.InputJson);
                        readable[i] = history is not null;
                        // An entry a verification found broken (QA318 F2): its stored verdict may be a forgery, never
                        // counted as the one logged. A set lookup: nothing is re-hashed here (the analysis's speed). One
                        // that cannot be read is named as such.
                        broken[i] = history is not null && knownBroken is { Count: > 0 } && knownBroken.Contains(row.Sequence);
                        if (broken[i])
                        {
                            return;
                        }

                        // A row whose input as submitted holds other answers than its history is not analysed: its shown
                        // inputs would not give the verdict counted (QA14a P1, as replay). Counted and named apart.
                        disagree[i] = history is not null && row.HistoryJson is not null && !StoredInputs.Agree(row.InputJson, history);
                        if (history is null || disagree[i])
                        {
                            return;
                        }

                        var assessment = ScreeningEngine.Evaluate(history, ruleSet);
                        var was = baseline is null || (row.RuleSetVersion == baseline.Version && row.RuleSetDigest == baseline.Digest)
                            ? row.Overall ?? ""
                            : WireNames.Of(ScreeningEngine.Evaluate(history, baseline).Overall);
                        var now = WireNames.Of(assessment.Overall);
                        before[i] = was;
                        after[i] = now;
                        // Against the verdicts as logged, a row logged under a rule set this build does not release has no rules
                        // to compare with: it is named as such, never counted as every current finding "newly fired" (QA119 F5).
                        deltas[i] = string.Equals(was, now, StringComparison.Ordinal)
                            ? null
                            : (baseline ?? RuleSetCatalog.Find(row.RuleSetVersion ?? "")) is { } earlier ? RuleDeltas(history, earlier, assessment) : RuleDelta.RuleSetUnknown;
                    });
                    for (var i = 0; i < count; i++)
                    {
                        if (superseded[i])
                        {
                            supersededCount++;
                            continue;
                        }

                        if (!readable[i])
                        {
                            if (++unreadableCount <= ImpactReport.UnreadableListedAtMost)
                            {
                                unreadable.Add(new UnreadableEntry(batch[i].Id, batch[i].Sequence));
                            }

                            continue;
                        }

                        if (broken[i])
                        {
                            if (++brokenCount <= ImpactReport.UnreadableListedAtMost)
                            {
                                brokenEntries.Add(new UnreadableEntry(batch[i].Id, batch[i].Sequence));
                            }

                            continue;
                        }

                        if (disagree[i])
                        {
                            if (++disagreeingCount <= ImpactReport.UnreadableListedAtMost)
                            {
                                disagreeing.Add(new UnreadableEntry(batch[i].Id, batch[i].Sequence));
                            }

                            continue;
                        }

                        examined++;
                        var key = (before[i], after[i]);
                        transitions[key] = transitions.GetValueOrDefault(key) + 1;
                        if (deltas[i] is { } delta)
                        {
                            var row = batch[i];
                            changes.Add(new ImpactChange(row.Id, EfDecisionLog.Utc(row.RecordedAt), row.PatientReference, row.ActorEmail, before[i], after[i], row.RuleSetVersion ?? "", delta.Newly, delta.Stopped)
                            {
                                ChangedKindOrSeverity = [.. delta.Changed.Select(c => c.Text)],
                                LoggedRuleSetUnknown = delta.Unknown,
                                Corrects = row.CorrectionReason is not null ? row.RelatesToId : null,
                                Overrides = later.Overrides.TryGetValue(row.Id, out var overrides) ? overrides : [],
                            });
                            foreach (var id in delta.Newly)
                            {
                                var c = rules.GetValueOrDefault(id);
                                rules[id] = c with { Newly = c.Newly + 1 };
                            }

                            foreach (var id in delta.Stopped)
                            {
                                var c = rules.GetValueOrDefault(id);
                                rules[id] = c with { Stopped = c.Stopped + 1 };
                            }

                            foreach (var (id, _) in delta.Changed)
                            {
                                var c = rules.GetValueOrDefault(id);
                                rules[id] = c with { Changed = c.Changed + 1 };
                            }
                        }
                    }

                    return true;
                },
                cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<DecisionLogEntryUnreadableException>().Any())
        {
            // Parallel.For gathers every row of the batch that failed: name the first in the log.
            throw ex.Flatten().InnerExceptions.OfType<DecisionLogEntryUnreadableException>().MinBy(e => e.Sequence)!;
        }

        return new ImpactReport(
            ruleSet.Identity, baseline?.Identity, examined, changes, stopwatch.Elapsed,
            [.. transitions.OrderByDescending(t => t.Value).ThenBy(t => t.Key.From, StringComparer.Ordinal).ThenBy(t => t.Key.To, StringComparer.Ordinal).Select(t => new VerdictTransition(t.Key.From, t.Key.To, t.Value))],
            [.. rules.OrderByDescending(r => r.Value.Newly + r.Value.Stopped + r.Value.Changed).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new RuleImpact(r.Key, r.Value.Newly, r.Value.Stopped, r.Value.Changed))])
        {
            Unreadable = unreadable,
            UnreadableCount = unreadableCount,
            InputsDisagree = disagreeing,
            InputsDisagreeCount = disagreeingCount,
            SupersededCount = supersededCount,
            KnownBroken = brokenEntries,
            KnownBrokenCount = brokenCount,
        };
    }

    /// <summary>
    /// What was recorded later against the period's screenings, in one query before the pass (QA119 F4): the screenings a
    /// correction supersedes, and each screening's overrides in log order. Both are recorded after the entry they point
    /// to, so only entries from the period's start on are read (by the RelatesToId index; re-screens, which supersede
    /// nothing, are not read).
    /// </summary>
    private static async Task<LaterDecisions> LaterDecisionsAsync(KetamineCdsDbContext db, DateTimeOffset? periodStart, CancellationToken cancellationToken)
    {
        var query = db.DecisionLogEntries.AsNoTracking()
            .Where(e => e.RelatesToId != null
                && (e.EntryType == DecisionLogEntryTypes.Override || (e.EntryType == DecisionLogEntryTypes.Screening && e.CorrectionReason != null)));
        if (periodStart is { } from)
        {
            var f = ChainHash.ToStoredTime(from);
            query = query.Where(e => e.RecordedAt >= f);
        }

        var rows = await query.OrderBy(e => e.Sequence).Select(e => new { e.EntryType, e.Id, RelatesToId = e.RelatesToId!.Value }).ToListAsync(cancellationToken);
        var corrected = new HashSet<Guid>();
        var overrides = new Dictionary<Guid, List<Guid>>();
        foreach (var row in rows)
        {
            if (row.EntryType == DecisionLogEntryTypes.Override)
            {
                if (!overrides.TryGetValue(row.RelatesToId, out var list))
                {
                    overrides[row.RelatesToId] = list = [];
                }

                list.Add(row.Id);
            }
            else
            {
                corrected.Add(row.RelatesToId);
            }
        }

        return new(corrected, overrides.ToDictionary(o => o.Key, o => (IReadOnlyList<Guid>)o.Value));
    }

    /// <summary>What <see cref="LaterDecisionsAsync"/> found: the screenings corrected later, and each screening's overrides, oldest first.</summary>
    private sealed record LaterDecisions(HashSet<Guid> Corrected, Dictionary<Guid, IReadOnlyList<Guid>> Overrides);

    /// <summary>A stored history, or null when it cannot be read as one.</summary>
    private static PatientHistory? TryReadHistory(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PatientHistory>(json, ContractJson.Options);
        }
        catch (Exception ex) when (EfDecisionLog.IsUnreadable(ex))
        {
            return null;
        }
    }

    /// <summary>A screening entry's stored history; an entry that does not hold one is named, never a bare JSON error.</summary>
    private static PatientHistory ReadHistory(Guid id, long sequence, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PatientHistory>(json, ContractJson.Options) ?? throw new JsonException("The stored history is null.");
        }
        catch (Exception ex) when (EfDecisionLog.IsUnreadable(ex))
        {
            throw new DecisionLogEntryUnreadableException(id, sequence, ex);
        }
    }

    /// <summary>The rules that fire after and not before, and before and not after; only for a changed screening.</summary>
    private static RuleDelta RuleDeltas(PatientHistory history, RuleSet before, Assessment after)
    {
        var now = after.Findings.ToDictionary(f => f.RuleId, StringComparer.Ordinal);
        var was = ScreeningEngine.Evaluate(history, before).Findings.ToDictionary(f => f.RuleId, StringComparer.Ordinal);
        string KindAndSeverity(Finding f) => WireNames.Of(f.Kind) + "/" + WireNames.Of(f.Severity);
        return new RuleDelta(
            [.. now.Keys.Where(id => !was.ContainsKey(id)).Order(StringComparer.Ordinal)],
            [.. was.Keys.Where(id => !now.ContainsKey(id)).Order(StringComparer.Ordinal)],
            [.. now.Values
                .Where(f => was.TryGetValue(f.RuleId, out var old) && (old.Kind != f.Kind || old.Severity != f.Severity))
                .OrderBy(f => f.RuleId, StringComparer.Ordinal)
                .Select(f => (f.RuleId, $"{f.RuleId} {KindAndSeverity(was[f.RuleId])} -> {KindAndSeverity(f)}"))]);
    }

    /// <summary>
    /// How the rules behind one changed verdict differ: started, stopped, or fired with another kind or severity; or, for a
    /// row logged under a rule set this build does not release, <see cref="Unknown"/>: nothing to compare the rules with.
    /// </summary>
    private sealed record RuleDelta(string[] Newly, string[] Stopped, (string RuleId, string Text)[] Changed, bool Unknown = false)
    {
        public static RuleDelta RuleSetUnknown { get; } = new([], [], [], Unknown: true);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> EntryTypesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        try
        {
            await using var db = contexts.CreateDbContext();
            var wanted = ids.Distinct().ToList();
            var found = await db.DecisionLogEntries.AsNoTracking()
                .Where(e => wanted.Contains(e.Id) && (e.EntryType == DecisionLogEntryTypes.Screening || e.EntryType == DecisionLogEntryTypes.HookAnswer || e.EntryType == DecisionLogEntryTypes.Override))
                .Select(e => new { e.Id, e.EntryType })
                .ToListAsync(cancellationToken);
            return found.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First().EntryType);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    public Task<IReadOnlyList<LoggedAccessEvent>> AccessHistoryAsync(string subject, CancellationToken cancellationToken = default) =>
        accessAudit.ListForSubjectAsync(subject, cancellationToken);

    public Task<IReadOnlyList<ChainFinding>> VerifyEntryAsync(Guid id, CancellationToken cancellationToken = default) =>
        EfDecisionLog.VerifyEntryAsync(contexts, id, cancellationToken);

    public Task<ChainVerification> VerifyAccessLogAsync(CancellationToken cancellationToken = default) =>
        accessAudit.VerifyAsync(cancellationToken);

    private async Task<IReadOnlyList<LoggedOverride>> OverridesOfAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            return await EfDecisionLog.OverridesOfAsync(db, decisionId, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    /// <summary>One entry of the decisions chain by id and type, or null.</summary>
    private async Task<DecisionLogEntry?> FindEntryAsync(Guid id, string entryType, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.CreateDbContext();
            return await db.DecisionLogEntries.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == id && e.EntryType == entryType, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsDatabaseFailure(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    /// <summary>
    /// The auditor's filter over the log's screenings, and (for the list and the export, <paramref name="includeHookAnswers"/>)
    /// the CDS Hooks answers that ran no rules (an EHR asked; the chart lacked a required item). Anything that reads an
    /// entry's history must leave the hook answers out: they hold none.
    /// </summary>
    /// <remarks>
    /// <paramref name="includeOverrides"/>: the override entries too, for the list and the exports (an override has no
    /// verdict and no rule set, so a filter by verdict or rule set leaves them out; by patient it finds them, the patient
    /// being copied onto them; by clinician, those the clinician recorded).
    /// </remarks>
    private static IQueryable<DecisionLogEntry> Filter(KetamineCdsDbContext db, AuditFilter filter, bool includeHookAnswers = true, bool includeOverrides = false)
    {
        var query = includeOverrides
            ? db.DecisionLogEntries.AsNoTracking()
            : includeHookAnswers
            ? db.DecisionLogEntries.AsNoTracking().Where(e => e.EntryType == DecisionLogEntryTypes.Screening || e.EntryType == DecisionLogEntryTypes.HookAnswer)
            : db.DecisionLogEntries.AsNoTracking().Where(e => e.EntryType == DecisionLogEntryTypes.Screening);
        if (filter.From is { } from)
        {
            var f = ChainHash.ToStoredTime(from);
            query = query.Where(e => e.RecordedAt >= f);
        }

        if (filter.To is { } to)
        {
            var t = ChainHash.ToStoredTime(to);
            query = query.Where(e => e.RecordedAt < t);
        }

        if (!string.IsNullOrWhiteSpace(filter.Clinician))
        {
            // An email is one address in any letter case (the account's is recorded as it was written): "Dr.A@clinic"
            // must find dr.a@clinic's screenings, not an empty list an auditor would read as "recorded nothing".
            var clinician = EfAccessAudit.LookupKey(filter.Clinician);
#pragma warning disable CA1304, CA1862 // translated to SQL lower("ActorEmail"), which its index covers (migration ClinicianAnyCase)
            query = query.Where(e => e.ActorEmail.ToLower() == clinician);
#pragma warning restore CA1304, CA1862
        }

        if (!string.IsNullOrWhiteSpace(filter.PatientReference))
        {
            var patient = DecisionLogEntry.LookupKey(filter.PatientReference);
#pragma warning disable CA1304, CA1862 // translated to SQL lower("PatientReference"), which its index covers; references are ASCII
            query = query.Where(e => e.PatientReference.ToLower() == patient);
#pragma warning restore CA1304, CA1862
        }

        if (filter.Overall is { } verdict)
        {
            var overall = WireNames.Of(verdict);
            query = query.Where(e => e.Overall == overall);
        }

        if (!string.IsNullOrWhiteSpace(filter.RuleSetVersion))
        {
            var version = filter.RuleSetVersion.Trim();
            query = query.Where(e => e.RuleSetVersion == version);
        }

        return query;
    }

    /// <summary>A screening's related entry is the one it corrects when it carries a reason, else the one it re-screens (as <see cref="EfDecisionLog"/> reads it).</summary>
    /// <remarks>
    /// The whole entry is read, stored texts included, so that the list can say which entries cannot be read (never
    /// failing the whole list for one of them).
    /// </remarks>
    private static AuditListItem ToItem(DecisionLogEntry e, LaterMarks marks) => e.EntryType == DecisionLogEntryTypes.Override
        ? ToOverrideItem(e, e.RelatesToId is { } of && marks.Overridden.TryGetValue(of, out var target) ? target : null)
        : new(e.Id, e.Sequence, EfDecisionLog.Utc(e.RecordedAt), e.ActorEmail, e.ActorRole, e.PatientReference, e.Overall ?? "", e.RuleSetVersion ?? "", e.RuleSetDigest ?? "", e.CorrelationId,
            e.CorrectionReason is not null ? e.RelatesToId : null, e.EntryType, e.CorrectionReason is not null ? null : e.RelatesToId)
        {
            Unreadable = !IsReadable(e) || marks.Unreadable.Contains(e.Id),
            Overrides = marks.Counts.GetValueOrDefault(e.Id),
            CorrectedBy = marks.Corrections.TryGetValue(e.Id, out var correction) ? correction.Id : null,
            CorrectedBySequence = marks.Corrections.TryGetValue(e.Id, out var c) ? c.Sequence : null,
            CorrectionReason = e.CorrectionReason,
            Issuer = IssuerOf(e.HookOriginJson),
        };

    /// <summary>The issuer stored in a CDS Hooks origin, or null when there is none or it cannot be read.</summary>
    private static string? IssuerOf(string? originJson)
    {
        if (originJson is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(originJson);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("issuer", out var issuer) && issuer.ValueKind == JsonValueKind.String
                ? issuer.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The user id an override reported through CDS Hooks feedback is recorded under: this followed by the EHR's iss.</summary>
    public const string EhrFeedbackUserPrefix = "cds-hooks:";

    /// <summary>
    /// The EHR user (<c>context.userId</c>) the overridden card was shown to, for an override an EHR reported through CDS
    /// Hooks feedback, or null. Feedback names no user, but every card is stored with the answer of the one hook call that
    /// showed it, and its override is recorded against that answer's entry, whose origin keeps the call's
    /// <c>context.userId</c>: the user the card was shown to, not necessarily who acted on it. Only when the override was
    /// recorded in the name of the same EHR (its <c>iss</c>) as the call; null for a clinician's override, an entry with no
    /// origin, or another issuer.
    /// </summary>
    public static string? FeedbackCardShownTo(Actor overrideRecordedBy, string? callIssuer, string? callUserId)
    {
        ArgumentNullException.ThrowIfNull(overrideRecordedBy);
        return callIssuer is not null && callUserId is { Length: > 0 }
            && string.Equals(overrideRecordedBy.UserId, EhrFeedbackUserPrefix + callIssuer, StringComparison.Ordinal)
            && string.Equals(overrideRecordedBy.Email, callIssuer, StringComparison.Ordinal)
                ? callUserId
                : null;
    }

    /// <summary>The issuer and <c>context.userId</c> stored in an intact entry's CDS Hooks origin; nulls when there is none or it cannot be read.</summary>
    private static (string? Issuer, string? UserId) CallOf(DecisionLogEntry e)
    {
        if (e.HookOriginJson is null || !IsIntact(e))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(e.HookOriginJson);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("issuer", out var issuer) && issuer.ValueKind == JsonValueKind.String
                && root.TryGetProperty("userId", out var userId) && userId.ValueKind == JsonValueKind.String
                    ? (issuer.GetString(), userId.GetString())
                    : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>An override entry as a row of the list and the export: what it overrides, and (when it can be read) its decision, reason and explanation.</summary>
    private static AuditListItem ToOverrideItem(DecisionLogEntry e, OverriddenTarget? target)
    {
        LoggedOverride? logged = null;
        try
        {
            logged = EfDecisionLog.ToOverride(e);
        }
        catch (DecisionLogEntryUnreadableException)
        {
            // Listed and marked, never the reason the export fails.
        }

        return new(e.Id, e.Sequence, EfDecisionLog.Utc(e.RecordedAt), e.ActorEmail, e.ActorRole, e.PatientReference, "", "", "", e.CorrelationId, null, e.EntryType)
        {
            Unreadable = logged is null,
            Override = logged,
            OverrideOf = e.RelatesToId,
            // Feedback from an EHR is recorded in the EHR's name (its iss): say so, as a hook answer names its issuer.
            Issuer = e.ActorUserId.StartsWith(EhrFeedbackUserPrefix, StringComparison.Ordinal) ? e.ActorEmail : null,
            Overridden = target is null ? null : (target.Sequence, target.EntryType),
            // Feedback names no user: the user the overridden card was shown to, from the call that showed it.
            CardShownTo = target is null || logged is null ? null : FeedbackCardShownTo(logged.RecordedBy, target.Call.Issuer, target.Call.UserId),
        };
    }

    /// <summary>True when the entry's own page could read it (the same reading as <see cref="EfDecisionLog"/> and <see cref="ReadHookAnswer"/>).</summary>
    private static bool IsReadable(DecisionLogEntry e)
    {
        if (e.EntryType != DecisionLogEntryTypes.HookAnswer)
        {
            return EfDecisionLog.IsReadableScreening(e);
        }

        try
        {
            ReadHookAnswer(e);
            return true;
        }
        catch (DecisionLogEntryUnreadableException)
        {
            return false;
        }
    }

    private sealed record ImpactRow(long Sequence, Guid Id, DateTime RecordedAt, Guid? RelatesToId, string? CorrectionReason, string PatientReference, string ActorEmail, string? Overall, string? RuleSetVersion, string? RuleSetDigest, string InputJson, string? HistoryJson);
}
