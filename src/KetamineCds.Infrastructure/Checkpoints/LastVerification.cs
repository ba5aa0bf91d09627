namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>One verification as the access log records it (kind <c>verify</c>).</summary>
/// <param name="Record">What it recorded; null when the record was altered so that it no longer reads as one.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who ran it (an auditor's email, or <see cref="DecisionLogCheckpoints.WriterActor"/>).</param>
/// <param name="EventSequence">The access event's place in the access log.</param>
/// <param name="Altered">The event's content no longer gives the hash it was recorded with: what it says cannot be trusted.</param>
public sealed record RecordedVerification(VerificationRecord? Record, DateTimeOffset At, string By, long EventSequence, bool Altered);

/// <summary>
/// What the lists say about the decision log's verification (QA284 F3): a filtered list shows entries only as stored, so
/// an entry altered in the database is left out of it without a word; only a full verification finds it, and walking the
/// log is too costly per page. Read from the access log's verification records and the chain head: a few index reads.
/// </summary>
/// <param name="LastFull">The newest verification that re-hashed every entry, or null when the log never was verified in full.</param>
/// <param name="LaterFailed">The newest verification of any kind, when it is newer than <paramref name="LastFull"/> and did not verify the decision log (or its record was altered).</param>
/// <param name="HeadSequence">The decision log's chain head now: the last entry committed.</param>
public sealed record LastVerification(RecordedVerification? LastFull, RecordedVerification? LaterFailed, long HeadSequence)
{
    /// <summary>The entry the last full verification reached, when its record says and can be trusted.</summary>
    private long? Reached => LastFull is { Altered: false, Record.ReachedSequence: { } reached } ? reached : null;

    /// <summary>How many entries the log has committed since the last full verification reached its end; null when unknown.</summary>
    public long? AddedSince => Reached is { } reached && HeadSequence >= reached ? HeadSequence - reached : null;

    /// <summary>
    /// The chain head is now before the entry the last full verification reached: entries it verified were removed (or an
    /// older backup put back) since. Only a verification says which.
    /// </summary>
    public bool HeadBehind => Reached is { } reached && HeadSequence < reached;

    /// <summary>The last full verification did not verify the decision log, or its record cannot be trusted.</summary>
    public bool LastFullFailed => LastFull is { } full && (full.Altered || full.Record is not { DecisionLogIntact: true });

    /// <summary>Anything the lists must say in red: <see cref="LastFullFailed"/>, <see cref="LaterFailed"/>, <see cref="HeadBehind"/>.</summary>
    public bool FoundProblems => LastFullFailed || LaterFailed is not null || HeadBehind;

    /// <summary>
    /// The entries (their places in the chain) that the last full verification, or a later check that failed, named as the
    /// first that did not verify, where its record can be trusted and says (QA318 F2): a record keeps only the first, so
    /// entries after it may be broken too. What the impact analysis leaves out without re-hashing anything.
    /// </summary>
    public IReadOnlySet<long> KnownBroken =>
        new[] { LastFull, LaterFailed }
            .Select(v => v is { Altered: false, Record: { DecisionLogIntact: false, FirstBrokenSequence: { } first } } ? first : (long?)null)
            .OfType<long>()
            .ToHashSet();
}
