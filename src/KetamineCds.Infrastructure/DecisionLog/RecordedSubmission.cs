namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The entry a submission id was recorded with (<see cref="ScreeningSubmission.SubmissionId"/>): which screening, and
/// whose, so that the same form sent again shows that screening to the person who sent it, and to nobody else.
/// </summary>
/// <param name="SubmissionId">The submission id.</param>
/// <param name="ScreeningId">The screening recorded with it.</param>
/// <param name="ActorUserId">Who recorded it.</param>
public sealed record RecordedSubmission(Guid SubmissionId, Guid ScreeningId, string ActorUserId)
{
    /// <summary>True when <paramref name="userId"/> recorded it.</summary>
    public bool RecordedBy(string userId) => string.Equals(ActorUserId, userId, StringComparison.Ordinal);
}
