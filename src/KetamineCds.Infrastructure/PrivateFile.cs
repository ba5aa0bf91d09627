namespace KetamineCds.Infrastructure;

/// <summary>Key files the app creates for itself (Development): readable by the app's account only, written whole or not at all.</summary>
public static class PrivateFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless the file exists, through a temporary file
    /// (owner read and write only) renamed into place, so that a reader never sees half a key and two instances
    /// starting at once (parallel test hosts) keep the first one's file.
    /// </summary>
    public static void CreateOnce(string path, ReadOnlySpan<byte> content)
    {
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }

    /// <summary>Owner read and write only (600): what docs/security.md asks of the keys and the database file.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A folder of the owner's only (700): <see cref="OwnerOnly"/>, and the owner's right to enter it.</summary>
    public const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>
    /// The permissions <paramref name="mode"/> gives other accounts than the owner's (its group's, everyone's): every
    /// permission beyond <see cref="OwnerOnlyFolder"/>; none for a file or folder kept as docs/security.md asks. The
    /// set-user-id, set-group-id and sticky bits give no account access, and are not counted.
    /// </summary>
    public static UnixFileMode OpenToOthers(UnixFileMode mode) =>
        mode & ~(OwnerOnlyFolder | UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit);

    /// <summary>
    /// Creates <paramref name="path"/> (and any folder above it that is missing) readable by the app's account only (700),
    /// unless it exists: an existing folder keeps its mode (QA302 F10: App_Data was made with the default 755).
    /// </summary>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnlyFolder);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> empty, readable by its owner only (600), unless it exists; an existing file is left
    /// as it is. SQLite takes an empty file for an empty database, and gives its -wal and -shm files the database file's
    /// mode, so the embedded database is made private from its first byte (QA302 F10: it was made with the default 644).
    /// </summary>
    public static void CreateEmptyOnce(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var stream = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance made it a moment before: its file stands.
        }
    }
}
