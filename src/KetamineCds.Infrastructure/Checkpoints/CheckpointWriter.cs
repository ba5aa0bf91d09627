using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// Writes a checkpoint every <c>Audit:CheckpointInterval</c> when the decision log's head has moved since the newest
/// one. Runs on the injected <see cref="TimeProvider"/>, so tests can advance time. A database outage or a full disk
/// is logged and tried again at the next tick; a log that no longer verifies is logged as an error and not signed.
/// </summary>
public sealed partial class CheckpointWriter(DecisionLogCheckpoints checkpoints, CheckpointSettings settings, TimeProvider clock, ILogger<CheckpointWriter> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>
    /// Starts the interval at start-up itself: ExecuteAsync runs on the thread pool (since .NET 10), so a timer made
    /// there would start whenever that thread got to it, and the first interval would drift by as much.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (checkpoints.Enabled)
        {
            _timer = new PeriodicTimer(settings.Interval, clock);
            LogEnabled(logger, checkpoints.KeyId!, settings.Directory, settings.Interval);
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

    /// <summary>One tick: a checkpoint if the head moved. Never throws but on shutdown.</summary>
    public async Task WriteOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await checkpoints.WriteIfHeadMovedAsync(cancellationToken);
            if (created?.Checkpoint is { } checkpoint)
            {
                LogWritten(logger, checkpoint.Sequence, checkpoint.FileName);
            }
            else if (created is { Verification: var v })
            {
                LogRefused(logger, v.FailedCheckpoint?.Reason ?? $"the chain is broken at entry {v.Chain.FirstBrokenText}");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed checkpoints on: key {KeyId}, folder {Directory}, every {Interval} when the log has grown")]
    private static partial void LogEnabled(ILogger logger, string keyId, string directory, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit:CheckpointDirectory is not set: checkpoints go to {Directory}, the database's own default folder. Set it to a folder on another volume than the database's (docs/security.md).")]
    private static partial void LogDerivedFolder(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signed checkpoints are off: {Reason}")]
    private static partial void LogDisabled(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision log checkpoint written at entry {Sequence}: {FileName}")]
    private static partial void LogWritten(ILogger logger, long sequence, string fileName);

    [LoggerMessage(Level = LogLevel.Error, Message = "The decision log does not verify; no checkpoint was signed. {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The decision log could not be read for a checkpoint; trying again at the next interval.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A checkpoint could not be written to {Directory}; trying again at the next interval.")]
    private static partial void LogNotWritten(ILogger logger, string directory, Exception exception);
}
