namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>A recorded <see cref="HookAnswerSubmission"/>.</summary>
public sealed record LoggedHookAnswer(Guid Id, long Sequence, DateTimeOffset RecordedAt);
