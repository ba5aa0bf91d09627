using System.Threading.Channels;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Reads rows from a streaming query in fixed-size batches through a bounded channel, so the database read of the
/// next batch overlaps the CPU work on the current one and memory stays bounded (a few batches at most).
/// </summary>
internal static class BatchPipeline
{
    public const int BatchSize = 512;
    private const int BatchesInFlight = 4;

    /// <summary>Streams <paramref name="source"/> in batches to <paramref name="consume"/>, which runs on the caller's flow, one batch at a time.</summary>
    public static async Task RunAsync<T>(IAsyncEnumerable<T> source, Func<T[], int, bool> consume, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<(T[] Items, int Count)>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new T[BatchSize];
                    var count = 0;
                    await foreach (var item in source.WithCancellation(stop.Token))
                    {
                        batch[count++] = item;
                        if (count == BatchSize)
                        {
                            await channel.Writer.WriteAsync((batch, count), stop.Token);
                            batch = new T[BatchSize];
                            count = 0;
                        }
                    }

                    if (count > 0)
                    {
                        await channel.Writer.WriteAsync((batch, count), stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.Complete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var (items, count) in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (!consume(items, count))
                {
                    break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped early (e.g. the first broken entry was found); the read is abandoned on purpose.
            }
        }
    }
}
