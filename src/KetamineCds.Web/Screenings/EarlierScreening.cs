using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>The earlier screening a re-screen started from, as the result and the print name it.</summary>
public static class EarlierScreening
{
    /// <summary>When the screening <paramref name="screening"/> re-screens was recorded; null if it re-screens none.</summary>
    public static async Task<DateTimeOffset?> RecordedAtAsync(IDecisionLog log, LoggedScreening screening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(screening);
        return screening.RescreenOf is { } earlier ? (await log.FindScreeningAsync(earlier, cancellationToken))?.RecordedAt : null;
    }
}
