namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>One checkpoint file as read: where it came from, its name and its text.</summary>
/// <param name="Source">The app's checkpoint folder, a configured copy's folder, or "uploaded".</param>
/// <param name="Name">The file name (inside a zip: the entry's name).</param>
/// <param name="Text">The file's content.</param>
public sealed record CheckpointFile(string Source, string Name, string Text);
