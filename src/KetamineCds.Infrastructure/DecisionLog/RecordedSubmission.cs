namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The entry a submission id was recorded with (<see cref="ScreeningSubmission.SubmissionId"/>): which screening, whose,
/// and from which answers, so that the same form sent again shows that screening to the person who sent it, and to
/// nobody else, and that the id sent again with other answers (a duplicated tab, a client reusing its key) is told apart
/// from a repeat and records nothing (QA157 F8).
/// </summary>
/// <param name="SubmissionId">The submission id.</param>
/// <param name="ScreeningId">The screening recorded with it.</param>
/// <param name="ActorUserId">Who recorded it.</param>
/// <param name="InputJson">The input as submitted then (the entry's <c>InputJson</c>, the request's contract JSON).</param>
public sealed record RecordedSubmission(Guid SubmissionId, Guid ScreeningId, string ActorUserId, string InputJson)
{
    /// <summary>True when <paramref name="userId"/> recorded it.</summary>
    public bool RecordedBy(string userId) => string.Equals(ActorUserId, userId, StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="inputJson"/>, a request's contract JSON, holds the answers recorded with the id: the same
    /// request sent again. Compared answer by answer, not byte by byte (<see cref="StoredInputs.SameSubmitted"/>).
    /// </summary>
    public bool HoldsTheSameAnswersAs(string inputJson) => StoredInputs.SameSubmitted(InputJson, inputJson);

    /// <summary>The screening it corrects, when it was recorded as a correction (with a reason); null for any other screening.</summary>
    public Guid? Corrects { get; init; }

    /// <summary>The correction's reason as recorded (trimmed), or null when it is no correction.</summary>
    public string? CorrectionReason { get; init; }

    /// <summary>
    /// True when it was recorded as what <paramref name="corrects"/> and <paramref name="reason"/> (trimmed) ask for: a
    /// correction of that screening with that reason, or, both null, no correction. A correction's key sent again to another
    /// screening's corrections, with another reason, or to the screenings route (and a screening's key to a correction) is
    /// another request, not a repeat (QA157 F8, QA158).
    /// </summary>
    public bool IsTheSameCorrectionAs(Guid? corrects, string? reason) =>
        Corrects == corrects && string.Equals(CorrectionReason, corrects is null ? null : reason, StringComparison.Ordinal);
}
