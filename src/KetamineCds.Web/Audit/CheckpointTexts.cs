using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// A checkpoint's reason and where it was found, in the page's language. The words are the decision log's own
/// (<see cref="CheckpointStatus.Reason"/>, which the API and the export keep in English); a reason this does not know, or
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
            (CheckpointVerdict.Malformed, 1, 0) => localizer["Not a readable checkpoint: {0}.", a[0]],
            _ => null,
        };
        return text?.Value ?? status.Reason;
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
