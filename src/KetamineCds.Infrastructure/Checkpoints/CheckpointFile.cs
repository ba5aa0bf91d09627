namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>One checkpoint file as read: where it came from, its name and its text.</summary>
/// <param name="Source">The app's checkpoint folder, a configured copy's folder, or "uploaded".</param>
/// <param name="Name">The file name (inside a zip: the entry's name).</param>
/// <param name="Text">The file's content (empty when <paramref name="Problem"/> says why it was not read as text).</param>
/// <param name="Problem">
/// Why the file was not read as text, where that is known before its text is parsed: too large, not text, a .zip that is
/// not a zip, a file a zip could not unpack (helper 298: each was reported as "not a JSON checkpoint"); null otherwise.
/// </param>
public sealed record CheckpointFile(string Source, string Name, string Text, CheckpointFileProblem? Problem = null)
{
    /// <summary>A file that could not be read as a checkpoint's text, and why.</summary>
    public static CheckpointFile Unread(string source, string name, CheckpointFileProblem problem) => new(source, name, "", problem);
}
