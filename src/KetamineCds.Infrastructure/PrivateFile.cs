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
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
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
}
