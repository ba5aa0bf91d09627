namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// The start-up check of <c>Audit:CheckpointDirectory</c> when checkpoints are signed (QA96 F4): the folder is created
/// when its parent allows it and a file is written and removed there, so that a folder the app's account cannot write
/// stops the start with one message naming the setting, as a missing key does, instead of failing at every interval.
/// </summary>
public static class CheckpointFolder
{
    /// <summary>Creates <paramref name="directory"/> if missing and checks that a file can be written in it.</summary>
    /// <param name="directory">The checkpoint folder.</param>
    /// <param name="derived">The setting is not set and the folder is the database's default one (the message says so).</param>
    /// <exception cref="InvalidOperationException">The folder cannot be created or written: the message names the setting, the path and why.</exception>
    public static void EnsureWritable(string directory, bool derived = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var subject = derived
            ? $"Audit:CheckpointDirectory is not set, so checkpoints go to the database's default folder '{directory}'"
            : $"Audit:CheckpointDirectory is '{directory}'";
        if (File.Exists(directory))
        {
            throw new InvalidOperationException(
                $"{subject}, but that is a file, not a folder. Set Audit:CheckpointDirectory to a folder the app's account can write.");
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(directory));
            throw new InvalidOperationException(
                $"{subject}, but that folder does not exist and cannot be created: its parent folder '{parent}' is not accessible to (or not writable by) the app's account, or a part of the path is not a folder ({ex.Message}). "
                + "Create the folder and give it to the app's account (README, production step 3: install -d -o <account> -m 700 <folder>), or set Audit:CheckpointDirectory to a folder it can write.",
                ex);
        }

        var probe = Path.Combine(directory, ".write-check-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.WriteByte(0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{subject}, but the app's account cannot write there ({ex.Message}): no checkpoint could be signed. "
                + "Give the folder to the app's account (README, production step 3: install -d -o <account> -m 700 <folder>), or set Audit:CheckpointDirectory to a folder it can write.",
                ex);
        }
    }
}
