namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// One row of the decision log: a screening or an override. Rows are only ever inserted (the database rejects
/// UPDATE and DELETE); each carries the hash of its canonical form chained to the previous row's hash.
/// </summary>
public sealed class DecisionLogEntry
{
    /// <summary>Position in the chain, 1, 2, 3 ... assigned under the chain-head lock; the primary key.</summary>
    public long Sequence { get; set; }

    public Guid Id { get; set; }

    /// <summary><see cref="DecisionLogEntryTypes"/>.</summary>
    public string EntryType { get; set; } = DecisionLogEntryTypes.Screening;

    /// <summary>UTC, truncated to microseconds so that both databases hold exactly what was hashed.</summary>
    public DateTime RecordedAt { get; set; }

    public string ActorUserId { get; set; } = "";

    public string ActorEmail { get; set; } = "";

    public string ActorRole { get; set; } = "";

    public string CorrelationId { get; set; } = "";

    /// <summary>The patient the entry is about (copied onto overrides so the auditor's filters find them).</summary>
    public string PatientReference { get; set; } = "";

    /// <summary>The overall verdict's contract spelling; screenings only.</summary>
    public string? Overall { get; set; }

    public string? RuleSetVersion { get; set; }

    public string? RuleSetDigest { get; set; }

    /// <summary>Screening: the input exactly as submitted. Override: the override as contract JSON.</summary>
    public string InputJson { get; set; } = "";

    /// <summary>Screening: the parsed history the engine evaluated, as contract JSON (what replay and impact analysis read).</summary>
    public string? HistoryJson { get; set; }

    /// <summary>Screening: the whole assessment as contract JSON, exactly as shown.</summary>
    public string? AssessmentJson { get; set; }

    /// <summary>
    /// Override: the screening it overrides. Screening with a <see cref="CorrectionReason"/>: the screening it
    /// corrects. Screening without one: the earlier screening it re-screens (its form was prefilled from that one).
    /// </summary>
    public Guid? RelatesToId { get; set; }

    /// <summary>Why a correction was made; null for entries that correct nothing.</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>
    /// The CDS Hooks call the entry answered (<see cref="HookOrigin.ToJson"/>), or null. Hashed only when present, so
    /// entries written before the column existed keep their hashes.
    /// </summary>
    public string? HookOriginJson { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>The kinds of decision-log entries.</summary>
public static class DecisionLogEntryTypes
{
    public const string Screening = "screening";
    public const string Override = "override";

    /// <summary>A CDS Hooks answer without a screening: the EHR's data lacked required items (InputJson lists them).</summary>
    public const string HookAnswer = "hook-answer";
}

/// <summary>One access event row: append-only and hash-chained like the decision log.</summary>
public sealed class AccessLogEntry
{
    public long Sequence { get; set; }

    public Guid Id { get; set; }

    /// <summary>The <see cref="AccessEventKind"/> in kebab case, e.g. <c>view-screening</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public string UserEmail { get; set; } = "";

    public string? Role { get; set; }

    public string? Subject { get; set; }

    public string? Detail { get; set; }

    public string CorrelationId { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>
/// The head of one hash chain: the last sequence, hash and id. Locked (SELECT ... FOR UPDATE) inside every append
/// so that several app instances writing to one PostgreSQL assign sequences one at a time; it also lets
/// verification notice entries removed from, or forged onto, the end of the chain.
/// </summary>
public sealed class LogChainHead
{
    public const string Decisions = "decisions";
    public const string Access = "access";

    public string Chain { get; set; } = "";

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = "";

    public Guid? LastId { get; set; }
}
