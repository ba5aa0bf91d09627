namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>A folder inside the checkpoint folder where an administrator set checkpoint files aside, and how many it holds.</summary>
/// <param name="Name">The folder's name (inside <c>Audit:CheckpointDirectory</c>).</param>
/// <param name="Files">How many <c>.json</c> files it holds.</param>
public sealed record SetAsideFolder(string Name, int Files);
