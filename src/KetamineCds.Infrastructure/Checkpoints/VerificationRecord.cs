using System.Globalization;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// What a verification records in the hash-chained access log (kind <c>verify</c>, subject <c>decision-log</c>), as its
/// detail: where it ran and what it found of the logs (QA141 F7), then what it checked of the decision log (QA284 F3), so
/// that the lists can say when the log was last verified in full and with what result without walking it again:
/// <c>audit workspace: intact; walk full; checked 1234; findings 0; reached 1234 HASH</c>, or
/// <c>full: decision log does not verify; walk full; checked 1234; findings 2; first 17 ID; reached 1234 HASH</c>.
/// <list type="bullet">
/// <item><c>walk full</c>, or <c>walk after N</c> for a check from the checkpoint at entry N (older entries not re-hashed);</item>
/// <item><c>checked</c>: the entries the walk read; <c>findings</c>: how many findings in all (the chain's, the checkpoints', missing checkpoint files);</item>
/// <item><c>first</c>: the first broken entry's place and id (<c>~</c> when its id cannot be read), only when there is one;</item>
/// <item><c>reached</c>: the last entry the walk read and its stored hash (0 and the genesis for an empty log): entries added since are those after it.</item>
/// </list>
/// A detail recorded before these facts existed (<c>audit workspace: intact</c>) reads with them unknown.
/// </summary>
/// <param name="Where">Where it ran: <c>audit workspace</c>, <c>audit workspace, from checkpoint</c>, <c>full</c>, <c>from checkpoint</c> (the API), <c>before signing a checkpoint</c>.</param>
/// <param name="DecisionLogIntact">The decision log verified (its chain, every checkpoint, no checkpoint file missing).</param>
/// <param name="AccessLogIntact">The access log's chain verified; null when it was not checked (before signing a checkpoint).</param>
/// <param name="Full">Every entry was re-hashed; null for a detail recorded before the walk was (its place says what was asked).</param>
/// <param name="Checked">How many entries the walk read, when recorded.</param>
/// <param name="Findings">How many findings, when recorded.</param>
/// <param name="FirstBrokenSequence">The first broken entry's place, when there is one and it was recorded.</param>
/// <param name="FirstBrokenId">That entry's id, when it can be read.</param>
/// <param name="ReachedSequence">The last entry the walk read, when recorded.</param>
/// <param name="ReachedHash">Its stored hash.</param>
public sealed record VerificationRecord(
    string Where,
    bool DecisionLogIntact,
    bool? AccessLogIntact,
    bool? Full,
    long? Checked = null,
    long? Findings = null,
    long? FirstBrokenSequence = null,
    Guid? FirstBrokenId = null,
    long? ReachedSequence = null,
    string? ReachedHash = null)
{
    /// <summary>Where the auditor's Verify page ran it (all of the log).</summary>
    public const string AuditWorkspace = "audit workspace";

    /// <summary>Where the auditor's Verify page ran it from the newest checkpoint.</summary>
    public const string AuditWorkspaceFromCheckpoint = "audit workspace, from checkpoint";

    /// <summary>Where <c>GET /api/v1/audit/verify</c> ran it (all of the log).</summary>
    public const string Api = "full";

    /// <summary>Where <c>GET /api/v1/audit/verify?from=checkpoint</c> ran it.</summary>
    public const string ApiFromCheckpoint = "from checkpoint";

    /// <summary>Where a signing ran it (<see cref="DecisionLogCheckpoints.CreateAsync(VerificationMode, CancellationToken)"/>: an auditor's, or the periodic writer's).</summary>
    public const string BeforeSigning = "before signing a checkpoint";

    /// <summary>The outcome when both logs verified.</summary>
    public const string BothIntact = "intact";

    /// <summary>The outcome when the decision log verified and the access log was not checked.</summary>
    public const string DecisionLogVerifies = "decision log verifies";

    public const string DecisionLogFails = "decision log does not verify";
    public const string AccessLogFails = "access log does not verify";
    public const string NeitherVerifies = "neither log verifies";

    /// <summary>What the detail of a verification that re-hashed every entry holds (<see cref="ToDetail"/>).</summary>
    public const string WalkedFull = "; walk full;";

    /// <summary>What every detail that records its walk holds; one recorded before the walk was has none.</summary>
    public const string WalkPrefix = "; walk ";

    /// <summary>The places whose walk was always in full, for details recorded before the walk was (<see cref="Full"/> null).</summary>
    private static readonly HashSet<string> FullPlaces = new([AuditWorkspace, Api, BeforeSigning], StringComparer.Ordinal);

    /// <summary>Every entry was re-hashed: recorded so, or (older details) asked so.</summary>
    public bool IsFull => Full ?? FullPlaces.Contains(Where);

    /// <summary>The outcome as recorded after the place.</summary>
    public string Outcome => (DecisionLogIntact, AccessLogIntact) switch
    {
        (true, null) => DecisionLogVerifies,
        (false, null) => DecisionLogFails,
        (true, true) => BothIntact,
        (false, true) => DecisionLogFails,
        (true, false) => AccessLogFails,
        (false, false) => NeitherVerifies,
    };

    /// <summary>What a verification found, to record: the decision log's (<paramref name="decisions"/>) and, when checked, the access log's.</summary>
    public static VerificationRecord Of(string where, LogVerification decisions, ChainVerification? access)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var broken = decisions.Intact ? null : decisions.FirstBrokenSequence;
        return new VerificationRecord(
            where,
            decisions.Intact,
            access?.Intact,
            decisions.Mode == VerificationMode.Full && decisions.StartedAfter == 0,
            decisions.Chain.Checked,
            decisions.FindingCount,
            broken,
            broken is null ? null : decisions.FirstBrokenId,
            decisions.ReachedSequence,
            decisions.ReachedHash)
        {
            StartedAfter = decisions.StartedAfter,
        };
    }

    /// <summary>The detail as recorded.</summary>
    public string ToDetail()
    {
        var detail = new System.Text.StringBuilder(Where).Append(": ").Append(Outcome);
        if (Full is { } full)
        {
            detail.Append("; walk ").Append(full ? "full" : "after " + N(StartedAfter));
        }

        if (Checked is { } checkedCount)
        {
            detail.Append("; checked ").Append(N(checkedCount));
        }

        if (Findings is { } findings)
        {
            detail.Append("; findings ").Append(N(findings));
        }

        if (FirstBrokenSequence is { } first)
        {
            detail.Append("; first ").Append(N(first)).Append(' ')
                .Append(FirstBrokenId is { } id && id != Guid.Empty ? id.ToString("D") : "~");
        }

        if (ReachedSequence is { } reached)
        {
            detail.Append("; reached ").Append(N(reached)).Append(' ').Append(ReachedHash ?? "~");
        }

        return detail.ToString();
    }

    /// <summary>For a check from a checkpoint, the entry it started after (<c>walk after N</c>); 0 otherwise.</summary>
    public long StartedAfter { get; init; }

    /// <summary>A verification as recorded (<see cref="ToDetail"/>, or the older <c>place: outcome</c>); null for any other detail.</summary>
    public static VerificationRecord? Parse(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return null;
        }

        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var where = detail[..colon];
        var parts = detail[(colon + 2)..].Split("; ");
        (bool Decisions, bool? Access)? outcome = parts[0] switch
        {
            BothIntact => (true, true),
            DecisionLogVerifies => (true, null),
            DecisionLogFails => (false, where == BeforeSigning ? null : true),
            AccessLogFails => (true, false),
            NeitherVerifies => (false, false),
            _ => null,
        };
        if (outcome is not { } found)
        {
            return null;
        }

        var record = new VerificationRecord(where, found.Decisions, found.Access, null);
        foreach (var part in parts.Skip(1))
        {
            var words = part.Split(' ');
            record = (words[0], words.Length) switch
            {
                ("walk", 2) when words[1] == "full" => record with { Full = true },
                ("walk", 3) when words[1] == "after" && Number(words[2]) is { } after => record with { Full = false, StartedAfter = after },
                ("checked", 2) when Number(words[1]) is { } count => record with { Checked = count },
                ("findings", 2) when Number(words[1]) is { } count => record with { Findings = count },
                ("first", 3) when Number(words[1]) is { } sequence => record with
                {
                    FirstBrokenSequence = sequence,
                    FirstBrokenId = Guid.TryParseExact(words[2], "D", out var id) ? id : null,
                },
                ("reached", 3) when Number(words[1]) is { } sequence => record with { ReachedSequence = sequence, ReachedHash = words[2] },
                _ => null,
            };
            if (record is null)
            {
                // Not a detail the app writes: not read as a verification.
                return null;
            }
        }

        return record;
    }

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
