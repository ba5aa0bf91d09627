using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Json;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>What the auditor filters the log by; every criterion is optional. <c>To</c> is exclusive.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Clinician = null,
    string? PatientReference = null,
    Verdict? Overall = null,
    string? RuleSetVersion = null);

/// <summary>Where a page of the auditor's list ends: the next page starts strictly before this (newest first).</summary>
public sealed record AuditCursor(DateTimeOffset RecordedAt, long Sequence)
{
    public string Encode() => RecordedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static AuditCursor? TryDecode(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var t, var s]
            && long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            && ticks <= DateTime.MaxValue.Ticks
            ? new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), sequence)
            : null;
    }
}

/// <summary>One screening in the auditor's list.</summary>
public sealed record AuditListItem(
    Guid Id, long Sequence, DateTimeOffset RecordedAt, string ClinicianEmail, string ClinicianRole, string PatientReference,
    string Overall, string RuleSetVersion, string RuleSetDigest, string CorrelationId, Guid? Corrects);

/// <summary>A page of the auditor's list and the cursor of the next page, if there is one.</summary>
public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, AuditCursor? Next);

/// <summary>Whether a logged screening reproduces under the rule set it was decided with.</summary>
/// <param name="ScreeningId">The logged screening.</param>
/// <param name="Recorded">The rule set version and digest the log recorded.</param>
/// <param name="RuleSetFound">The recorded version is still in the catalogue.</param>
/// <param name="DigestMatches">The catalogue's rule set of that version has the recorded digest.</param>
/// <param name="Reproduced">The recomputed assessment is identical, byte for byte, to the stored one.</param>
/// <param name="StoredAssessmentJson">The assessment as logged.</param>
/// <param name="ReplayedAssessmentJson">The assessment recomputed now, or null if the rule set is gone.</param>
/// <param name="ReplayedOverall">The recomputed overall verdict.</param>
public sealed record ReplayResult(
    Guid ScreeningId, RuleSetIdentity Recorded, bool RuleSetFound, bool DigestMatches, bool Reproduced,
    string StoredAssessmentJson, string? ReplayedAssessmentJson, string? ReplayedOverall);

/// <summary>A screening whose overall verdict would change under another rule set.</summary>
public sealed record ImpactChange(Guid Id, DateTimeOffset RecordedAt, string PatientReference, string ClinicianEmail, string RecordedOverall, string NewOverall, string RecordedRuleSetVersion);

/// <summary>The result of running a period's screenings through a rule set.</summary>
public sealed record ImpactReport(RuleSetIdentity RuleSet, long Examined, IReadOnlyList<ImpactChange> Changes, TimeSpan Elapsed)
{
    public double ScreeningsPerSecond => Elapsed.TotalSeconds > 0 ? Examined / Elapsed.TotalSeconds : 0;
}

/// <summary>The auditor's view of the decision log: search, export, replay, impact analysis, access history.</summary>
public interface IDecisionLogAudit
{
    /// <summary>Screenings matching the filter, newest first, one keyset page at a time (never OFFSET).</summary>
    Task<AuditPage> SearchAsync(AuditFilter filter, AuditCursor? before, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Every screening matching the filter, newest first, streamed from the database.</summary>
    IAsyncEnumerable<AuditListItem> ExportAsync(AuditFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Re-runs a logged screening under the rule set it was decided with; null if there is no such screening.</summary>
    Task<ReplayResult?> ReplayAsync(Guid screeningId, CancellationToken cancellationToken = default);

    /// <summary>Runs the period's screenings through a rule set (the current one by default) and lists changed verdicts.</summary>
    Task<ImpactReport> AnalyzeImpactAsync(DateTimeOffset? periodStart, DateTimeOffset? periodEnd, RuleSet? ruleSet = null, CancellationToken cancellationToken = default);

    /// <summary>Access events about one subject (e.g. a screening id), oldest first.</summary>
    Task<IReadOnlyList<LoggedAccessEvent>> AccessHistoryAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>Verifies the access log's own chain.</summary>
    Task<ChainVerification> VerifyAccessLogAsync(CancellationToken cancellationToken = default);
}

/// <summary>EF Core implementation of <see cref="IDecisionLogAudit"/>.</summary>
public sealed class DecisionLogAudit(KetamineCdsContextFactory contexts, EfAccessAudit accessAudit) : IDecisionLogAudit
{
    public async Task<AuditPage> SearchAsync(AuditFilter filter, AuditCursor? before, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, 500);
        try
        {
            await using var db = contexts.CreateDbContext();
            var query = Filter(db, filter);
            if (before is not null)
            {
                var at = ChainHash.ToStoredTime(before.RecordedAt);
                var sequence = before.Sequence;
                query = query.Where(e => e.RecordedAt < at || (e.RecordedAt == at && e.Sequence < sequence));
            }

            var rows = await Project(query.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Sequence).Take(pageSize + 1))
                .ToListAsync(cancellationToken);
            var items = rows.Take(pageSize).Select(ToItem).ToList();
            var next = rows.Count > pageSize ? new AuditCursor(items[^1].RecordedAt, items[^1].Sequence) : null;
            return new AuditPage(items, next);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }
    }

    public async IAsyncEnumerable<AuditListItem> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        var query = Project(Filter(db, filter).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Sequence));
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return ToItem(row);
        }
    }

    public async Task<ReplayResult?> ReplayAsync(Guid screeningId, CancellationToken cancellationToken = default)
    {
        DecisionLogEntry? entry;
        try
        {
            await using var db = contexts.CreateDbContext();
            entry = await db.DecisionLogEntries.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == screeningId && e.EntryType == DecisionLogEntryTypes.Screening, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }

        if (entry is null)
        {
            return null;
        }

        var recorded = new RuleSetIdentity(entry.RuleSetVersion ?? "", entry.RuleSetDigest ?? "");
        var ruleSet = RuleSetCatalog.Find(recorded.Version);
        if (ruleSet is null)
        {
            return new ReplayResult(entry.Id, recorded, false, false, false, entry.AssessmentJson ?? "", null, null);
        }

        var history = JsonSerializer.Deserialize<PatientHistory>(entry.HistoryJson ?? entry.InputJson, ContractJson.Options)!;
        var replayed = ScreeningEngine.Evaluate(history, ruleSet);
        var replayedJson = JsonSerializer.Serialize(replayed, ContractJson.Options);
        var digestMatches = string.Equals(ruleSet.Digest, recorded.Digest, StringComparison.Ordinal);
        return new ReplayResult(
            entry.Id, recorded, true, digestMatches,
            digestMatches && string.Equals(replayedJson, entry.AssessmentJson, StringComparison.Ordinal),
            entry.AssessmentJson ?? "", replayedJson, WireNames.Of(replayed.Overall));
    }

    public async Task<ImpactReport> AnalyzeImpactAsync(DateTimeOffset? periodStart, DateTimeOffset? periodEnd, RuleSet? ruleSet = null, CancellationToken cancellationToken = default)
    {
        ruleSet ??= RuleSetCatalog.Current;
        var stopwatch = Stopwatch.StartNew();
        var changes = new List<(long Sequence, ImpactChange Change)>();
        long examined = 0;
        var verdicts = new string?[BatchPipeline.BatchSize];
        try
        {
            await using var db = contexts.CreateDbContext();
            // Only the stored history and verdict are read; the assessment JSON, the largest column, never leaves the
            // database. Each batch is screened in parallel while the next one is read.
            var rows = Filter(db, new AuditFilter(periodStart, periodEnd))
                .OrderBy(e => e.Sequence)
                .Select(e => new ImpactRow(e.Sequence, e.Id, e.RecordedAt, e.PatientReference, e.ActorEmail, e.Overall, e.RuleSetVersion, e.HistoryJson ?? e.InputJson))
                .AsAsyncEnumerable();
            await BatchPipeline.RunAsync(
                rows,
                (batch, count) =>
                {
                    Parallel.For(0, count, i =>
                    {
                        var history = JsonSerializer.Deserialize<PatientHistory>(batch[i].History, ContractJson.Options)!;
                        var overall = WireNames.Of(ScreeningEngine.Evaluate(history, ruleSet).Overall);
                        verdicts[i] = string.Equals(overall, batch[i].Overall, StringComparison.Ordinal) ? null : overall;
                    });
                    for (var i = 0; i < count; i++)
                    {
                        if (verdicts[i] is { } changed)
                        {
                            var row = batch[i];
                            changes.Add((row.Sequence, new ImpactChange(row.Id, EfDecisionLog.Utc(row.RecordedAt), row.PatientReference, row.ActorEmail, row.Overall ?? "", changed, row.RuleSetVersion ?? "")));
                        }
                    }

                    examined += count;
                    return true;
                },
                cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new DecisionLogUnavailableException("The decision log could not be read.", ex);
        }

        return new ImpactReport(ruleSet.Identity, examined, changes.Select(c => c.Change).ToList(), stopwatch.Elapsed);
    }

    public Task<IReadOnlyList<LoggedAccessEvent>> AccessHistoryAsync(string subject, CancellationToken cancellationToken = default) =>
        accessAudit.ListForSubjectAsync(subject, cancellationToken);

    public Task<ChainVerification> VerifyAccessLogAsync(CancellationToken cancellationToken = default) =>
        accessAudit.VerifyAsync(cancellationToken);

    private static IQueryable<DecisionLogEntry> Filter(KetamineCdsDbContext db, AuditFilter filter)
    {
        var query = db.DecisionLogEntries.AsNoTracking().Where(e => e.EntryType == DecisionLogEntryTypes.Screening);
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
            var clinician = filter.Clinician.Trim();
            query = query.Where(e => e.ActorEmail == clinician);
        }

        if (!string.IsNullOrWhiteSpace(filter.PatientReference))
        {
            var patient = filter.PatientReference.Trim();
            query = query.Where(e => e.PatientReference == patient);
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

    private static IQueryable<ListRow> Project(IQueryable<DecisionLogEntry> query) =>
        query.Select(e => new ListRow(e.Id, e.Sequence, e.RecordedAt, e.ActorEmail, e.ActorRole, e.PatientReference, e.Overall, e.RuleSetVersion, e.RuleSetDigest, e.CorrelationId, e.RelatesToId));

    private static AuditListItem ToItem(ListRow r) =>
        new(r.Id, r.Sequence, EfDecisionLog.Utc(r.RecordedAt), r.ActorEmail, r.ActorRole, r.PatientReference, r.Overall ?? "", r.RuleSetVersion ?? "", r.RuleSetDigest ?? "", r.CorrelationId, r.RelatesToId);

    private sealed record ImpactRow(long Sequence, Guid Id, DateTime RecordedAt, string PatientReference, string ActorEmail, string? Overall, string? RuleSetVersion, string History);

    private sealed record ListRow(Guid Id, long Sequence, DateTime RecordedAt, string ActorEmail, string ActorRole, string PatientReference, string? Overall, string? RuleSetVersion, string? RuleSetDigest, string CorrelationId, Guid? RelatesToId);
}
