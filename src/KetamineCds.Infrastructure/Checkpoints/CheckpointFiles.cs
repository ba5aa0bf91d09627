using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// Checkpoint files on disk: written to <c>Audit:CheckpointDirectory</c> (never the database), each atomically (a
/// temporary file flushed to disk, then renamed), and read back from there and from the configured copies.
/// </summary>
public sealed class CheckpointFiles(CheckpointSettings settings)
{
    /// <summary>Files larger than this are not checkpoints and are not read whole.</summary>
    public const int MaxFileBytes = 16 * 1024;

    /// <summary>The source name of the app's own folder.</summary>
    public const string AppFolderSource = "checkpoint folder";

    /// <summary>The source of a file read from an uploaded zip is this followed by the zip's name ("uploaded kept.zip").</summary>
    public const string UploadedZipSourcePrefix = "uploaded ";

    public string Directory => settings.Directory;

    /// <summary>Writes a checkpoint as a new file and returns its path.</summary>
    public string Write(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        System.IO.Directory.CreateDirectory(settings.Directory);
        var path = Path.Combine(settings.Directory, checkpoint.FileName);
        var temp = Path.Combine(settings.Directory, "." + checkpoint.FileName + "." + Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(Encoding.UTF8.GetBytes(checkpoint.ToJson() + "\n"));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: false);
        return path;
    }

    /// <summary>The highest sequence among the app folder's checkpoint file names (0 if none), without reading them.</summary>
    public long LatestSequence()
    {
        if (!System.IO.Directory.Exists(settings.Directory))
        {
            return 0;
        }

        long latest = 0;
        foreach (var path in System.IO.Directory.EnumerateFiles(settings.Directory, "checkpoint-*.json"))
        {
            var parts = Path.GetFileNameWithoutExtension(path).Split('-');
            if (parts.Length == 4 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                latest = Math.Max(latest, sequence);
            }
        }

        return latest;
    }

    /// <summary>
    /// Every <c>.json</c> file in the app's folder and in each configured copy, and what could not be read: copies that
    /// cannot be reached, and checkpoints left in the folder every database once shared, which are no longer read.
    /// </summary>
    public (IReadOnlyList<CheckpointFile> Files, IReadOnlyList<CheckpointFolderProblem> Problems) ReadAll()
    {
        var files = new List<CheckpointFile>();
        var problems = new List<CheckpointFolderProblem>();
        Read(settings.Directory, AppFolderSource, files, problems, missingIsProblem: false);
        foreach (var copy in settings.ExternalCopies)
        {
            Read(copy, copy, files, problems, missingIsProblem: true);
        }

        if (settings.FormerSharedDirectory is { } former && CountJson(former) is > 0 and var left)
        {
            problems.Add(new CheckpointFolderProblem(CheckpointFolderProblemKind.FormerSharedFolder, former, left, settings.Directory));
        }

        return (files, problems);
    }

    /// <summary>
    /// The folders inside the app's checkpoint folder that hold checkpoint files: set aside there by an administrator
    /// (checkpoints of another log, docs/security.md), never read as this log's, but never silently gone either.
    /// </summary>
    public IReadOnlyList<SetAsideFolder> SetAside()
    {
        if (!System.IO.Directory.Exists(settings.Directory))
        {
            return [];
        }

        try
        {
            return System.IO.Directory.EnumerateDirectories(settings.Directory)
                .Select(d => new SetAsideFolder(Path.GetFileName(d), CountJson(d)))
                .Where(f => f.Files > 0)
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The names of the checkpoint files set aside in folders inside the app's folder (<see cref="SetAside"/>).</summary>
    public IReadOnlySet<string> SetAsideFileNames()
    {
        try
        {
            return System.IO.Directory.Exists(settings.Directory)
                ? System.IO.Directory.EnumerateDirectories(settings.Directory)
                    .SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.json", SearchOption.AllDirectories))
                    .Select(Path.GetFileName)
                    .OfType<string>()
                    .ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private static int CountJson(string folder)
    {
        try
        {
            return System.IO.Directory.Exists(folder) ? System.IO.Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Count() : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The app folder's checkpoints as they are on disk, for an auditor to keep.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> ReadOwnRaw()
    {
        if (!System.IO.Directory.Exists(settings.Directory))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(settings.Directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();
    }

    /// <summary>
    /// Reads uploaded checkpoint files: each a checkpoint's JSON, or a zip (such as the download) holding them, and
    /// returns the newest <paramref name="newest"/> of all they hold, by file name (the app names each file by the entry
    /// it signed, then the time: <see cref="SignedCheckpoint.FileName"/>, so these are the newest checkpoints), with how
    /// many older ones were left unread (QA284 F1: the app's own download of more than 200 checkpoints was refused
    /// whole). Only those returned are inflated, each no larger than a checkpoint can be (a larger entry is returned
    /// unread, "too large"): a zip's other entries are counted from its directory, never read, so a crafted zip
    /// cannot make the app inflate more than <paramref name="newest"/> × <see cref="MaxFileBytes"/> bytes. The uploads
    /// themselves are bounded by the request size (<c>Hardening.MaxRequestBodyBytes</c>). A zip is one named .zip or one
    /// that starts as a zip does, whatever its name. A file that cannot be read as a checkpoint's text says why
    /// (<see cref="CheckpointFile.Problem"/>): too large (with its size), not text, a .zip that is not a zip, a zip that
    /// cannot be opened, a file the zip could not unpack, a zip inside the zip (named, not opened: one level of zips is read,
    /// so the bound above holds); text that is not JSON is the parser's to say. The zip's other files (its README, the
    /// public key) are not checkpoints and are not listed.
    /// </summary>
    public static UploadedCheckpoints ReadUploads(IEnumerable<(string Name, Stream Content)> uploads, int newest)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newest);
        var zips = new List<ZipArchive>();
        try
        {
            var found = new List<(string SortName, Func<CheckpointFile> Read)>();
            foreach (var (name, content) in uploads)
            {
                ArgumentNullException.ThrowIfNull(content);
                var buffer = new MemoryStream();
                content.CopyTo(buffer);
                buffer.Position = 0;
                // A zip is known by its name or by its first bytes, whatever its name (helper 304: the download saved as
                // "kept-copy" or "kept.bin" was "not readable as text").
                var zipContent = StartsAsAZip(buffer);
                if (zipContent || name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    ZipArchive zip;
                    try
                    {
                        zip = new ZipArchive(buffer, ZipArchiveMode.Read);
                    }
                    catch (InvalidDataException)
                    {
                        // A zip's first bytes and no zip to be read: damaged (cut short, say); a .zip without them: not a zip.
                        var problem = new CheckpointFileProblem(zipContent ? CheckpointFileProblemKind.DamagedZip : CheckpointFileProblemKind.NotAZip);
                        found.Add((name, () => CheckpointFile.Unread("uploaded", name, problem)));
                        continue;
                    }

                    zips.Add(zip);
                    foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add((Path.GetFileName(entry.FullName), () => ReadEntry(UploadedZipSourcePrefix + name, entry)));
                    }

                    // A zip inside the zip (kept downloads zipped together) is named, not opened: its checkpoints would
                    // otherwise be left out without a word.
                    foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
                    {
                        var source = UploadedZipSourcePrefix + name;
                        found.Add((Path.GetFileName(entry.FullName), () => CheckpointFile.Unread(source, entry.FullName, new CheckpointFileProblem(CheckpointFileProblemKind.ZipInZip))));
                    }

                    continue;
                }

                var file = buffer.Length <= MaxFileBytes
                    ? FromBytes("uploaded", name, buffer.ToArray())
                    : CheckpointFile.Unread("uploaded", name, CheckpointFileProblem.TooLarge(buffer.Length));
                found.Add((name, () => file));
            }

            var read = found.OrderBy(f => f.SortName, StringComparer.Ordinal).TakeLast(newest).Select(f => f.Read()).ToList();
            return new UploadedCheckpoints(read, found.Count - read.Count);
        }
        finally
        {
            foreach (var zip in zips)
            {
                zip.Dispose();
            }
        }
    }

    /// <summary>
    /// Whether a file begins as a zip does: a local file header (<c>PK\x03\x04</c>), or the end record of an empty
    /// archive (<c>PK\x05\x06</c>). The stream is left at its start.
    /// </summary>
    private static bool StartsAsAZip(MemoryStream content)
    {
        var start = content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, 4));
        return start.SequenceEqual("PK\x03\x04"u8) || start.SequenceEqual("PK\x05\x06"u8);
    }

    private static CheckpointFile ReadEntry(string source, ZipArchiveEntry entry)
    {
        if (entry.Length > MaxFileBytes)
        {
            return CheckpointFile.Unread(source, entry.FullName, CheckpointFileProblem.TooLarge(entry.Length));
        }

        try
        {
            using var content = entry.Open();
            var buffer = new MemoryStream();
            content.CopyTo(buffer);
            return FromBytes(source, entry.FullName, buffer.ToArray());
        }
        catch (InvalidDataException)
        {
            return CheckpointFile.Unread(source, entry.FullName, new CheckpointFileProblem(CheckpointFileProblemKind.DamagedInZip));
        }
    }

    /// <summary>Strict UTF-8: a byte that is not UTF-8 is an error, never read as a replacement character.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A file of at most <see cref="MaxFileBytes"/> bytes as a checkpoint's text (a leading byte-order mark dropped, as
    /// <see cref="File.ReadAllText(string, Encoding)"/> drops it), or, when it is not text (not UTF-8, or holding a NUL
    /// byte: an image, a PDF), unread with <see cref="CheckpointFileProblemKind.NotText"/>.
    /// </summary>
    private static CheckpointFile FromBytes(string source, string name, byte[] bytes)
    {
        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return body.IndexOf((byte)0) < 0
                ? new CheckpointFile(source, name, StrictUtf8.GetString(body))
                : CheckpointFile.Unread(source, name, new CheckpointFileProblem(CheckpointFileProblemKind.NotText));
        }
        catch (DecoderFallbackException)
        {
            return CheckpointFile.Unread(source, name, new CheckpointFileProblem(CheckpointFileProblemKind.NotText));
        }
    }

    private static void Read(string folder, string source, List<CheckpointFile> files, List<CheckpointFolderProblem> problems, bool missingIsProblem)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            if (missingIsProblem)
            {
                problems.Add(new CheckpointFolderProblem(CheckpointFolderProblemKind.CopyUnreachable, folder));
            }

            return;
        }

        try
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(path);
                files.Add(info.Length <= MaxFileBytes
                    ? FromBytes(source, info.Name, File.ReadAllBytes(path))
                    : CheckpointFile.Unread(source, info.Name, CheckpointFileProblem.TooLarge(info.Length)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new CheckpointFolderProblem(CheckpointFolderProblemKind.Unreadable, folder, Detail: ex.Message));
        }
    }
}

/// <summary>What an upload held: the newest checkpoint files, read, and how many older ones were not read.</summary>
/// <param name="Files">The newest files of the upload, by file name (at most the number asked for).</param>
/// <param name="Older">How many older files the upload held besides them, not read.</param>
public sealed record UploadedCheckpoints(IReadOnlyList<CheckpointFile> Files, int Older)
{
    /// <summary>Every file the upload held, read or not.</summary>
    public int Total => Files.Count + Older;
}
