namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>A checkpoint written, or refused because the log does not verify.</summary>
public sealed record CheckpointCreation(SignedCheckpoint? Checkpoint, LogVerification Verification);
