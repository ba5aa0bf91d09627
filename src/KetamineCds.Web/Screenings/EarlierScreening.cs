using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>The earlier screening a re-screen started from, or a correction corrects, as the result and the print name it.</summary>
public static class EarlierScreening
{
    /// <summary>
    /// When the screening <paramref name="screening"/> re-screens or corrects was recorded; null if it re-screens and
    /// corrects none, or that entry cannot be read.
    /// </summary>
    public static async Task<DateTimeOffset?> RecordedAtAsync(IDecisionLog log, LoggedScreening screening, CancellationToken cancellationToken) =>
        (await FindAsync(log, screening, cancellationToken))?.RecordedAt;

    /// <summary>
    /// For an answer to the EHR that was completed from a clinician's screening (<paramref name="earlier"/>, the one it
    /// re-screens), the decision against the recommendation in force there: its last override (QA132 F1). The EHR's card
    /// names it, and so do the answer's page, its print and the patient list. Null for any other screening: a
    /// clinician's own re-screen is a new decision and carries none.
    /// </summary>
    public static LoggedOverride? DecisionCarried(LoggedScreening screening, LoggedScreening? earlier)
    {
        ArgumentNullException.ThrowIfNull(screening);
        return screening is { Origin: not null, RescreenOf: { } from } && earlier is { Overrides.Count: > 0 } && earlier.Id == from
            ? earlier.Overrides[^1]
            : null;
    }

    /// <summary>
    /// The screening <paramref name="screening"/> re-screens or corrects; null if it re-screens and corrects none, or that
    /// entry cannot be read or found (its own page says why).
    /// </summary>
    public static async Task<LoggedScreening?> FindAsync(IDecisionLog log, LoggedScreening screening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(screening);
        if ((screening.RescreenOf ?? screening.Corrects) is not { } earlier)
        {
            return null;
        }

        try
        {
            return await log.FindScreeningAsync(earlier, cancellationToken);
        }
        catch (DecisionLogEntryUnreadableException)
        {
            // The earlier entry cannot be read (its own page says so); this screening is still shown, naming it by id only.
            return null;
        }
    }
}
