using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// Writes a checkpoint every <c>Audit:CheckpointInterval</c> when the decision log's head has moved since the newest
/// one. Before signing it verifies from the newest checkpoint that holds, and the whole log (every entry's content
/// re-hashed) at its first signing after start and then at most once every <c>Audit:FullVerificationInterval</c> (a
/// day by default): the quicker check cannot see an entry before that checkpoint edited without re-hashing (QA10c S2).
/// Runs on the injected <see cref="TimeProvider"/>, so tests can advance time. A database outage or a full disk is
/// logged and tried again at the next tick; a log that no longer verifies is logged as an error and not signed, and
/// after a full check that failed every tick checks in full until one passes; so does the tick after the quicker check
/// refused (QA141 F1: it cannot always say which entry; the full check names it), so a quicker check that keeps failing
/// is not run, and recorded in the access log, at every tick (session 65). A full
/// check that failed is not walked again while nothing has changed since (helper-147): no entry appended, none deleted or
/// put back, the head and the checkpoint folder's files as they were (<see cref="DecisionLogCheckpoints.StateAsync"/>),
/// and less than <c>Audit:FullVerificationInterval</c> since that check; each such tick refuses again with that check's
/// reason, saying it was not walked again. Every tick ends in one message: a checkpoint written, a refusal, a failure to
/// read or write, or (at Debug) nothing to sign.
/// </summary>
public sealed partial class CheckpointWriter(DecisionLogCheckpoints checkpoints, CheckpointSettings settings, TimeProvider clock, ILogger<CheckpointWriter> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>When the whole log last verified before a signing; null until the first full check after start passes.</summary>
    private DateTimeOffset? _lastFullCheck;

    /// <summary>
    /// The last full check that refused, when it ran and the log's state just before it; null after one that did not
    /// refuse. While the state stays the same the next ticks refuse with its verification instead of walking again.
    /// </summary>
    private (LogState State, DateTimeOffset At, LogVerification Verification)? _lastFailedFullCheck;

    /// <summary>
    /// Starts the interval at start-up itself: ExecuteAsync runs on the thread pool (since .NET 10), so a timer made
    /// there would start whenever that thread got to it, and the first interval would drift by as much.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (checkpoints.Enabled)
        {
            _timer = new PeriodicTimer(settings.Interval, clock);
            LogEnabled(logger, checkpoints.KeyId!, settings.Directory, settings.Interval, settings.FullVerificationInterval);
            if (settings.DirectoryDerived && !settings.CreateKeyIfMissing)
            {
                // Outside Development the folder is meant to be chosen: on another volume than the database's.
                LogDerivedFolder(logger, settings.Directory);
            }
        }
        else
        {
            LogDisabled(logger, checkpoints.DisabledReason!);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// One tick: a checkpoint if the head moved, after a full verification when one is due (none passed since start, or
    /// the last passed <see cref="CheckpointSettings.FullVerificationInterval"/> ago or more), else a verification from
    /// the newest checkpoint. Never throws but on shutdown.
    /// </summary>
    public async Task WriteOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            var full = _lastFullCheck is not { } last || now - last >= settings.FullVerificationInterval;
            LogState? before = null;
            if (full)
            {
                before = await checkpoints.StateAsync(cancellationToken);
                if (_lastFailedFullCheck is { } failed && failed.State == before && now - failed.At < settings.FullVerificationInterval)
                {
                    // Nothing appended or put back since the full check that refused: walking all of it again would find
                    // the same. Refused again, with its reason, as loudly (helper-147).
                    foreach (var missing in failed.Verification.MissingCheckpointFiles)
                    {
                        LogFileMissing(logger, missing.File!, missing.Sequence ?? 0, settings.Directory);
                    }

                    LogRefused(
                        logger,
                        $"{RefusalReason(failed.Verification)} (nothing was appended since the full check at {failed.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC that found it, so the log was not walked again)",
                        CheckName(VerificationMode.Full));
                    return;
                }
            }

            _lastFailedFullCheck = null;
            var created = await checkpoints.WriteIfHeadMovedAsync(full ? VerificationMode.Full : VerificationMode.FromCheckpoint, cancellationToken);
            if (created is { Verification: { Signable: true, Mode: VerificationMode.Full } passed })
            {
                // Only a full check that passed postpones the next: after one that failed, every tick checks in full.
                _lastFullCheck = now;
                LogFullCheckPassed(logger, passed.Chain.Checked, settings.FullVerificationInterval);
            }

            foreach (var missing in created?.Verification.MissingCheckpointFiles ?? [])
            {
                LogFileMissing(logger, missing.File!, missing.Sequence ?? 0, settings.Directory);
            }

            if (created is null)
            {
                LogNothingToSign(logger);
            }
            else if (created.Checkpoint is { } checkpoint)
            {
                LogWritten(logger, checkpoint.Sequence, checkpoint.FileName);
            }
            else
            {
                var v = created.Verification;
                if (v.Chain.Findings is [{ Kind: ChainFinding.CountBeforeCheckpoint } count, ..] && v.FailedCheckpoint is null)
                {
                    // QA141 F1: the check from the checkpoint cannot say where; the next tick checks all of it, and names it.
                    _lastFullCheck = null;
                    LogRefused(logger, $"the log no longer holds exactly entries 1 to {count.To}, which checkpoint {count.File} vouches for: an entry there was deleted, inserted or moved (the next check, of all of it, names it)", CheckName(v.Mode));
                }
                else
                {
                    if (v.Mode == VerificationMode.Full && before is not null)
                    {
                        _lastFailedFullCheck = (before, now, v);
                    }
                    else if (v.Mode == VerificationMode.FromCheckpoint)
                    {
                        // The next tick checks all of it: it names the first broken entry, and while nothing changes the
                        // ticks after it are not walked again, so a damaged log is not verified (and recorded in the
                        // access log) anew every interval until the next full check is due.
                        _lastFullCheck = null;
                    }

                    LogRefused(logger, RefusalReason(v), CheckName(v.Mode));
                }
            }
        }
        catch (DecisionLogUnavailableException ex)
        {
            LogUnavailable(logger, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, settings.Directory, ex);
        }
    }

    /// <summary>Why a verification refuses: the lowest failing checkpoint's reason, else the chain's first broken entry.</summary>
    private static string RefusalReason(LogVerification v) => v.FailedCheckpoint?.Reason ?? $"the chain is broken at entry {v.Chain.FirstBrokenText}";

    /// <summary>The <c>Check</c> of a refusal, spelt as the verify API's <c>mode</c>: <c>full</c> or <c>from-checkpoint</c>.</summary>
    private static string CheckName(VerificationMode mode) => mode == VerificationMode.Full ? "full" : "from-checkpoint";

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed checkpoints on: key {KeyId}, folder {Directory}, every {Interval} when the log has grown; the whole log verified before signing at the first one and then at most every {FullInterval}")]
    private static partial void LogEnabled(ILogger logger, string keyId, string directory, TimeSpan interval, TimeSpan fullInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit:CheckpointDirectory is not set: checkpoints go to {Directory}, the database's own default folder. Set it to a folder on another volume than the database's (docs/security.md).")]
    private static partial void LogDerivedFolder(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signed checkpoints are off: {Reason}")]
    private static partial void LogDisabled(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision log checkpoint written at entry {Sequence}: {FileName}")]
    private static partial void LogWritten(ILogger logger, long sequence, string fileName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The decision log has not grown since the newest checkpoint; nothing to sign.")]
    private static partial void LogNothingToSign(ILogger logger);

    /// <summary>
    /// A refusal: the text up to the reason is the one monitoring has matched since checkpoints began
    /// (docs/operations.md, Log messages to watch); which check refused is the <c>Check</c> property, after the reason.
    /// </summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "The decision log does not verify; no checkpoint was signed. {Reason} (check: {Check})")]
    private static partial void LogRefused(ILogger logger, string reason, string check);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint file {FileName} (entry {Sequence}), recorded in the access log as written, is missing from {Directory}: put it back from a kept copy (docs/security.md)")]
    private static partial void LogFileMissing(ILogger logger, string fileName, long sequence, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Full verification of the decision log before signing: {Entries} entries re-hashed, intact; the next full check is due in {Interval}")]
    private static partial void LogFullCheckPassed(ILogger logger, long entries, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The decision log could not be read for a checkpoint; trying again at the next interval.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A checkpoint could not be written to {Directory}; trying again at the next interval.")]
    private static partial void LogNotWritten(ILogger logger, string directory, Exception exception);
}
