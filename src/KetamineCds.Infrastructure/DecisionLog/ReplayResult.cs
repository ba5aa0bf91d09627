using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Whether a logged screening, or a CDS Hooks answer that ran no screening (<see cref="EntryType"/>), reproduces under the
/// rule set it was decided with. For a hook answer the "assessment" compared is the verdict and the contraindications found
/// (<c>{"overall", "contraindications"}</c>), and the inputs are the ones stored with it (one copy).
/// </summary>
/// <param name="ScreeningId">The logged screening (or hook answer).</param>
/// <param name="Recorded">The rule set version and digest the log recorded.</param>
/// <param name="RuleSetFound">The recorded version is still in the catalogue.</param>
/// <param name="DigestMatches">The catalogue's rule set of that version has the recorded digest.</param>
/// <param name="Reproduced">
/// The recomputed assessment is identical, byte for byte, to the stored one, and the inputs replayed are the inputs shown
/// as submitted (<paramref name="InputsAgree"/> is not false).
/// </param>
/// <param name="StoredAssessmentJson">The assessment as logged.</param>
/// <param name="ReplayedAssessmentJson">The assessment recomputed now, or null if the rule set is gone.</param>
/// <param name="ReplayedOverall">The recomputed overall verdict.</param>
/// <param name="InputsAgree">
/// Whether the entry's input as submitted (what its page shows) and its stored history (what was replayed) hold the same
/// answers (<see cref="StoredInputs"/>); null when the entry holds only the input, which is then what was replayed.
/// False means the log's two copies of the inputs disagree: the replay cannot vouch for the inputs shown.
/// </param>
public sealed record ReplayResult(
    Guid ScreeningId, RuleSetIdentity Recorded, bool RuleSetFound, bool DigestMatches, bool Reproduced,
    string StoredAssessmentJson, string? ReplayedAssessmentJson, string? ReplayedOverall, bool? InputsAgree = null)
{
    /// <summary>The recomputed assessment is identical to the stored one (whatever the inputs shown say).</summary>
    public bool AssessmentMatches { get; init; }

    /// <summary>The entry's place in the chain (its number, as its page's heading names it); 0 when not known.</summary>
    public long Sequence { get; init; }

    /// <summary>The input as submitted, as stored (what the entry's page shows).</summary>
    public string InputJson { get; init; } = "";

    /// <summary>The inputs the replay read: the stored history, or the input itself where no history is stored.</summary>
    public string ReplayedInputJson { get; init; } = "";

    /// <summary>The stored inputs disagree with the inputs replayed: never "reproduced exactly".</summary>
    public bool InputsDisagree => InputsAgree == false;

    /// <summary>The entry's type: <see cref="DecisionLogEntryTypes.Screening"/> or <see cref="DecisionLogEntryTypes.HookAnswer"/>.</summary>
    public string EntryType { get; init; } = DecisionLogEntryTypes.Screening;

    /// <summary>
    /// False for a hook answer that kept no inputs (logged before they were kept, QA158 F2, or one that evaluated no rule):
    /// it cannot be replayed, and nothing was recomputed. Always true for a screening.
    /// </summary>
    public bool InputsKept { get; init; } = true;

    /// <summary>
    /// What names the entry replayed (its place in the chain, when, by whom, for which patient), from the same read as the
    /// replay, of an entry that still gives its hash.
    /// </summary>
    public required LoggedEntryHeader Header { get; init; }

    /// <summary>What the access log records of the replay (after "api; " for the API's).</summary>
    public string AccessDetail => !InputsKept ? "inputs not kept" : Reproduced ? "reproduced" : InputsDisagree ? "stored inputs disagree" : "did not reproduce";
}
