using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>Two appends sent at once, where the database decides which is stored: the helpers both such tests share.</summary>
internal static class TwoAtOnce
{
    /// <summary>
    /// Makes two app instances each finish their batch's prepare step before either locks the chain head and stores, so
    /// that neither finds the other's entry in its own look-up (two clinicians pressing at one moment).
    /// </summary>
    public static void PrepareTogether(EfDecisionLog one, EfDecisionLog two)
    {
        var bothPrepared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var prepared = 0;
        Task Prepared()
        {
            if (Interlocked.Increment(ref prepared) == 2)
            {
                bothPrepared.SetResult();
            }

            return bothPrepared.Task;
        }

        one.Appender.PreparedForTests = Prepared;
        two.Appender.PreparedForTests = Prepared;
    }

    /// <summary>The append's entry, or the refusal of type <typeparamref name="TRefusal"/> it ended with.</summary>
    public static async Task<(LoggedScreening? Stored, TRefusal? Refused)> Outcome<TRefusal>(Task<LoggedScreening> append)
        where TRefusal : Exception
    {
        try
        {
            return (await append, null);
        }
        catch (TRefusal e)
        {
            return (null, e);
        }
    }
}
