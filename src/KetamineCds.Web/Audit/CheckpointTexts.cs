using System.Globalization;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// A checkpoint's reason and where it was found, in the page's language. The words are the decision log's own
/// (<see cref="CheckpointStatus.Reason"/>, which the API and the export keep in English), what is wrong with a file that
/// is not a checkpoint too (<see cref="CheckpointStatus.FileProblem"/>, from its kind); a reason this does not know, or
/// one without its values, is shown as the log gives it. The times in a reason (UTC in the log's words) are shown in the
/// clinic's time, as every time on the pages is (<see cref="ClinicTime"/>), from the instants the status carries
/// (<see cref="CheckpointStatus.Times"/>), never read back from the words.
/// </summary>
public static class CheckpointTexts
{
    public static string Reason(CheckpointStatus status, IStringLocalizer localizer, ClinicTime clinicTime)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(clinicTime);
        var a = status.Arguments;
        var t = status.Times;
        LocalizedString? text = (status.Verdict, a.Count, t.Count) switch
        {
            (CheckpointVerdict.Holds, 0, 0) => localizer["Signed when the log was empty."],
            (CheckpointVerdict.Holds, 1, 0) => localizer["Entry {0} has the signed hash.", a[0]],
            (CheckpointVerdict.NotChecked, 0, 0) => localizer["Not checked: no checkpoint key is configured (Audit:CheckpointKeyPath)."],
            (CheckpointVerdict.NotChecked, 1, 0) => localizer["Not checked in this run: older than checkpoint {0}, which the check started from (a full check reads them all).", a[0]],
            (CheckpointVerdict.LogEndsBefore, 2, 0) => localizer["The log ends at entry {0}, before entry {1} that this checkpoint signed: entries were removed from the end, or an older backup was restored.", a[0], a[1]],
            (CheckpointVerdict.OtherLog, 2, 1) => localizer["Signed for another log: it signed entry {0} ({1}) on {2}, and this log is empty. The database was replaced or recreated since, or this log was emptied.", a[0], a[1], clinicTime.AtSeconds(t[0])],
            (CheckpointVerdict.OtherLog, 2, 2) => localizer["Signed for another log: it signed entry {0} ({1}) on {2}, before this log's first entry was recorded ({3}). The database was replaced or recreated since, or this log was replaced.", a[0], a[1], clinicTime.AtSeconds(t[0]), clinicTime.AtSeconds(t[1])],
            (CheckpointVerdict.EntryDiffers, 1, 0) => localizer["Entry {0} is not the entry this checkpoint signed: the log up to it was rewritten, or an older backup was restored and written on since.", a[0]],
            (CheckpointVerdict.BadSignature, 0, 0) => localizer["The signature does not verify: the file was changed after it was signed."],
            (CheckpointVerdict.UnknownKey, 1, 0) => localizer["Signed by key {0}…, which is neither the app's checkpoint key nor a trusted earlier one.", a[0]],
            (CheckpointVerdict.Malformed, _, _) when status.FileProblem is { } problem => localizer["Not a readable checkpoint: {0}.", Problem(problem, localizer)],
            _ => null,
        };
        return text?.Value ?? status.Reason;
    }

    /// <summary>
    /// What is wrong with a file that is not a readable checkpoint, in the page's language: in English the decision log's
    /// own words (<see cref="CheckpointFileProblem.English"/>), a clause that "Not a readable checkpoint: …" ends.
    /// </summary>
    public static string Problem(CheckpointFileProblem problem, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(localizer);
        var found = problem.Found ?? "";
        LocalizedString? text = problem.Kind switch
        {
            CheckpointFileProblemKind.NotJson => localizer["not a JSON checkpoint"],
            CheckpointFileProblemKind.TooLarge when problem.Bytes is { } bytes => localizer["the file is {0} bytes, larger than a checkpoint file can be (at most {1} bytes, {2} KB)", bytes.ToString("N0", CultureInfo.CurrentCulture), CheckpointFileProblem.MaxBytes.ToString("N0", CultureInfo.CurrentCulture), CheckpointFileProblem.MaxBytes / 1024],
            CheckpointFileProblemKind.NotText => localizer["not readable as text (a checkpoint is a UTF-8 JSON file)"],
            CheckpointFileProblemKind.NotAZip => localizer["named .zip, but not a zip file"],
            CheckpointFileProblemKind.DamagedInZip => localizer["it could not be unpacked from the zip (the zip is damaged)"],
            CheckpointFileProblemKind.DamagedZip => localizer["a zip file, but it could not be opened (the zip is damaged)"],
            CheckpointFileProblemKind.ZipInZip => localizer["a zip inside the uploaded zip, which is not opened (unzip the outer zip and upload this one by itself)"],
            CheckpointFileProblemKind.NoFormat => localizer["no format named (expected {0})", SignedCheckpoint.Format],
            CheckpointFileProblemKind.UnknownFormat => localizer["unknown format '{0}' (expected {1})", found, SignedCheckpoint.Format],
            CheckpointFileProblemKind.NoAlgorithm => localizer["no algorithm named (expected {0})", SignedCheckpoint.Algorithm],
            CheckpointFileProblemKind.UnknownAlgorithm => localizer["unknown algorithm '{0}' (expected {1})", found, SignedCheckpoint.Algorithm],
            CheckpointFileProblemKind.NoChain => localizer["no chain named"],
            CheckpointFileProblemKind.ChainNotAWord => localizer["the chain name is not a plain word"],
            CheckpointFileProblemKind.OtherChain => localizer["a checkpoint of the '{0}' chain, not of the decision log", found],
            CheckpointFileProblemKind.NegativeSequence => localizer["negative sequence"],
            CheckpointFileProblemKind.HeadHashNotHex => localizer["the head hash is not 64 lower-case hex digits"],
            CheckpointFileProblemKind.KeyIdNotHex => localizer["the key id is not 64 lower-case hex digits"],
            CheckpointFileProblemKind.TimeNotInFormat => localizer["the time is not yyyy-MM-ddTHH:mm:ss.ffffffZ"],
            CheckpointFileProblemKind.SignatureNotBase64 => localizer["the signature is not base64"],
            _ => null,
        };
        return text?.Value ?? problem.English;
    }

    /// <summary>
    /// A checkpoint folder that could not be read, or checkpoints left where they are no longer read, in the page's
    /// language: in English the API's words (<see cref="CheckpointFolderProblem.English"/>); the system's own reason for a
    /// folder it could not read stays as the system gives it.
    /// </summary>
    public static string FolderProblem(CheckpointFolderProblem problem, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(localizer);
        LocalizedString? text = problem.Kind switch
        {
            CheckpointFolderProblemKind.CopyUnreachable => localizer["The checkpoint copy folder '{0}' (Audit:ExternalCheckpointCopies) does not exist or cannot be reached.", problem.Folder],
            CheckpointFolderProblemKind.Unreadable => localizer["The checkpoint folder '{0}' could not be read: {1}", problem.Folder, problem.Detail ?? ""],
            CheckpointFolderProblemKind.FormerSharedFolder => localizer["'{0}' holds checkpoints ({1} files) from before each database had its own checkpoint folder; they are not read. An administrator moves those of this database into '{2}' and the others out of the way (docs/security.md, 'A checkpoint of another log').", problem.Folder, problem.Files, problem.AppFolder ?? ""],
            _ => null,
        };
        return text?.Value ?? problem.English;
    }

    /// <summary>
    /// Why signed checkpoints are off, in the page's language: the one reason the app gives
    /// (<see cref="CheckpointKeys.NoSigningKeyReason"/>) in its words; any other as the app gives it.
    /// </summary>
    public static string? Disabled(string? reason, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return reason == CheckpointKeys.NoSigningKeyReason
            ? localizer["No checkpoint signing key is configured (Audit:CheckpointKeyPath): the decision log is not anchored outside the database."]
            : reason;
    }

    /// <summary>Where a checkpoint was found: the app's folder or an upload in words, a configured copy by its path.</summary>
    public static string Source(string source, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return source switch
        {
            CheckpointFiles.AppFolderSource => localizer["the app's checkpoint folder"],
            "uploaded" => localizer["uploaded"],
            // A file of an uploaded zip: "uploaded kept.zip" (CheckpointFiles), in words in Chinese too (helper 241: it
            // read "uploaded kept.zip" on the Chinese page).
            _ when source.StartsWith(CheckpointFiles.UploadedZipSourcePrefix, StringComparison.Ordinal) => localizer["uploaded {0}", source[CheckpointFiles.UploadedZipSourcePrefix.Length..]],
            _ => source,
        };
    }
}
