using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>A verification finding (<see cref="ChainFinding"/>) in the page's language: what is wrong, and with which entries or which file.</summary>
public static class FindingTexts
{
    public static string Describe(ChainFinding finding, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(localizer);
        var s = N(finding.Sequence);
        var from = N(finding.From);
        var to = N(finding.To);
        var before = N(finding.From - 1);
        var previous = N(finding.Sequence - 1);
        var file = finding.File ?? "";
        LocalizedString text = finding.Kind switch
        {
            ChainFinding.Missing when finding.From == finding.To => localizer["Entry {0} is missing: {1} is followed by {2}.", from, before, s],
            ChainFinding.Missing => localizer["Entries {0} to {1} are missing: {2} is followed by {3}.", from, to, before, s],
            ChainFinding.ContentChanged => localizer["Entry {0}: its content no longer matches its hash (changed after it was recorded).", s],
            ChainFinding.LinkBroken => localizer["Entry {0}: its link to entry {1} no longer joins (entry {1} was changed and re-hashed, or entry {0} was moved or inserted).", s, previous],
            ChainFinding.Moved => localizer["The entry stored at {0} belongs at {1}: its hash holds there, and its link names the entry before that place. It was moved; its content was not changed.", s, from],
            ChainFinding.CountBeforeCheckpoint => localizer["Checkpoint {0} vouches for entries {1} to {2}, but the log no longer holds exactly those: an entry there was deleted, inserted or moved. This check did not re-hash them and cannot say which; check all of it to find it.", file, from, to],
            ChainFinding.OutOfOrder => localizer["Entry {0} comes after an entry with the same or a higher number.", s],
            ChainFinding.RemovedFromEnd => localizer["Entries {0} to {1} were removed from the end: the chain head says they were committed.", from, to],
            ChainFinding.BeyondHead => localizer["Entries {0} to {1} lie beyond the chain head: they did not come through the application.", from, to],
            ChainFinding.HeadDiffers => localizer["The chain head does not name entry {0} as it is: the head or the end of the log was altered.", s],
            ChainFinding.CheckpointDiffers => localizer["Checkpoint {0} no longer matches entry {1}: the change lies in entries {2} to {1} (after the highest checkpoint below it that holds).", file, to, from],
            ChainFinding.CheckpointLogEndsBefore => localizer["Checkpoint {0}: the log ends before entry {1}, which it signed; something in entries {2} to {1} was removed, or an older backup restored.", file, to, from],
            ChainFinding.CheckpointBadSignature => localizer["Checkpoint file {0}: its signature does not verify (the file was changed after it was signed). This is about the file, not a log entry.", file],
            ChainFinding.CheckpointUnknownKey => localizer["Checkpoint file {0}: signed by a key the application does not trust. This is about the file, not a log entry.", file],
            ChainFinding.CheckpointOtherLog => localizer["Checkpoint file {0}: signed for another log (see below).", file],
            ChainFinding.CheckpointFileMissing => localizer["Checkpoint file {0} is missing from the checkpoint folder: the access log records that it was written, vouching for entry {1} with hash {2}. It was deleted or moved; put it back from a kept copy.", file, s, finding.Hash ?? ""],
            _ => localizer["Checkpoint file {0}: not a readable checkpoint. This is about the file, not a log entry.", file],
        };
        return text.Value;
    }

    private static string N(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
