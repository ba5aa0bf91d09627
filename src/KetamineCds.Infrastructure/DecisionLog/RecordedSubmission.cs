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
}
