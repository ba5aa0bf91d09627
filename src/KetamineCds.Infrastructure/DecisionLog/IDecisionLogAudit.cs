using KetamineCds.Domain.Rules;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The auditor's view of the decision log: search, export, replay, impact analysis, access history.</summary>
public interface IDecisionLogAudit
{
    /// <summary>
    /// The entries of every type (screenings, CDS Hooks answers, overrides) matching the filter, newest first, one keyset
    /// page at a time (never OFFSET): the rows of <see cref="ExportAsync"/> for the same filter. Overrides have no verdict
    /// or rule set, so a filter by either leaves them out; the clinician is who recorded the entry (who overrode), the
    /// patient an override's as copied from the entry it overrides. The page says where it stands among the entries matching
    /// (<see cref="AuditPage.Position"/>), counted only when the list runs to more than one page.
    /// </summary>
    Task<AuditPage> SearchAsync(AuditFilter filter, AuditCursor? before, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Every entry matching the filter (overrides included, each a row of its own), newest first, streamed from the database.</summary>
    IAsyncEnumerable<AuditListItem> ExportAsync(AuditFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every log entry of every type (screenings, CDS Hooks answers, overrides) matching the filter, as stored (the
    /// hashed fields, the hash and the previous hash), in sequence order, streamed from the database: the lossless
    /// export an auditor re-verifies offline. Overrides have no verdict or rule set, so a filter by either leaves them out.
    /// </summary>
    IAsyncEnumerable<DecisionLogEntry> EntriesAsync(AuditFilter filter, CancellationToken cancellationToken = default);

    /// <summary>A CDS Hooks answer that ran no rules (the chart lacked a required item); null if there is no such entry.</summary>
    Task<LoggedHookAnswerEntry?> FindHookAnswerAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// An override entry for its own auditor's page: the override, its place in the chain (sequence, hash, previous hash)
    /// and the entry it was recorded against; null if there is no such override. One whose stored content no longer gives
    /// its hash, or cannot be read, throws <see cref="DecisionLogEntryUnreadableException"/>, as a screening's does.
    /// </summary>
    Task<LoggedOverrideEntry?> FindOverrideAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Re-runs a logged screening under the rule set it was decided with; null if there is no such screening.</summary>
    Task<ReplayResult?> ReplayAsync(Guid screeningId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-runs the screening at a place in the chain (the replay API names entries by sequence); null if the entry there
    /// is not a screening (an override, a CDS Hooks answer) or there is none.
    /// </summary>
    Task<ReplayResult?> ReplayAtSequenceAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when the log holds no entry at this place, though it holds one after it or its chain head says it was
    /// committed (QA141 F4): a gap, the entry deleted or moved behind the application's back; Verify names it.
    /// </summary>
    Task<bool> IsGapAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>Runs the period's screenings through a rule set (the current one by default) and lists changed verdicts.</summary>
    Task<ImpactReport> AnalyzeImpactAsync(DateTimeOffset? periodStart, DateTimeOffset? periodEnd, RuleSet? ruleSet = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the period's screenings through <paramref name="ruleSet"/> and compares each verdict with the one under
    /// <paramref name="baseline"/> (or with the logged verdict when it is null): the changed screenings, the from/to
    /// matrix and, for the changed ones only, the rules that newly fired or stopped firing. The entries named in
    /// <paramref name="knownBroken"/> (places in the chain a verification found broken, QA318 F2) are left out, counted
    /// and named (<see cref="ImpactReport.KnownBroken"/>): a set lookup per row, no entry re-hashed.
    /// </summary>
    Task<ImpactReport> AnalyzeImpactAsync(DateTimeOffset? periodStart, DateTimeOffset? periodEnd, RuleSet ruleSet, RuleSet? baseline, IReadOnlySet<long>? knownBroken = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of these ids name an entry of the decision log, and of which type (<see cref="DecisionLogEntryTypes.Screening"/>,
    /// <see cref="DecisionLogEntryTypes.HookAnswer"/> or <see cref="DecisionLogEntryTypes.Override"/>): the access log and
    /// the Verify page link an entry to the auditor's page of its type.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> EntryTypesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Access events about one subject (e.g. a screening id), oldest first.</summary>
    Task<IReadOnlyList<LoggedAccessEvent>> AccessHistoryAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// What verification finds about one entry of the decision log (any type), by the walk's own checks, made only where the
    /// entry takes part: its content against its stored hash, its link to the entry before it and the next entry's link to
    /// it, gaps next to it, and the chain head (QA P10: an altered entry's own page says so). Empty when it verifies or
    /// there is no such entry.
    /// </summary>
    Task<IReadOnlyList<ChainFinding>> VerifyEntryAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Verifies the access log's own chain.</summary>
    Task<ChainVerification> VerifyAccessLogAsync(CancellationToken cancellationToken = default);
}
