namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>One checkpoint (or unreadable file) and what it says about the log.</summary>
/// <param name="Checkpoint">The checkpoint, or null if the file could not be read as one.</param>
/// <param name="FileName">The file's name (the first, if the same checkpoint was found in several places).</param>
/// <param name="Sources">Where it was found: the app's folder, a configured copy, an upload.</param>
/// <param name="Verdict">Whether it holds.</param>
/// <param name="Reason">Why, in words an auditor can act on.</param>
/// <param name="EntryId">The entry the checkpoint signed, if it no longer holds.</param>
/// <param name="ReasonArguments">
/// The values in <paramref name="Reason"/> other than its times (entry numbers, an entry id, a key id), in order, so that a
/// page can word the reason in its own language; empty when the reason has none. A file that is not a readable checkpoint
/// carries what is wrong with it in <see cref="FileProblem"/> instead.
/// </param>
/// <param name="ReasonTimes">
/// The instants <paramref name="Reason"/> names (UTC in its words), in order, so that a page can show them in the clinic's
/// time rather than read them back from the words; empty when the reason names none.
/// </param>
public sealed record CheckpointStatus(SignedCheckpoint? Checkpoint, string FileName, IReadOnlyList<string> Sources, CheckpointVerdict Verdict, string Reason, Guid? EntryId, IReadOnlyList<string>? ReasonArguments = null, IReadOnlyList<DateTimeOffset>? ReasonTimes = null)
{
    /// <summary>The values in <see cref="Reason"/> other than its times, in order.</summary>
    public IReadOnlyList<string> Arguments => ReasonArguments ?? [];

    /// <summary>The instants in <see cref="Reason"/>, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Times => ReasonTimes ?? [];

    /// <summary>
    /// What is wrong with a file that is not a readable checkpoint of the decision log (<see cref="CheckpointVerdict.Malformed"/>),
    /// as a kind and the value it names, so that a page words it in its own language (helper 291: "unknown format …" was
    /// English on the Chinese page); null for every other verdict. <see cref="Reason"/> words it in English.
    /// </summary>
    public CheckpointFileProblem? FileProblem { get; init; }

    /// <summary>The checkpoint no longer holds, or is not a checkpoint the app can trust.</summary>
    public bool Fails => Verdict is not (CheckpointVerdict.Holds or CheckpointVerdict.NotChecked);
}
