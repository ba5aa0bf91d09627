using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.CdsHooks;

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
    /// The clinician's decision against the recommendation in force on <paramref name="screening"/>, by the one rule the pages
    /// and the EHR's card share: its own last override (oldest first, the last in force); without one, the decision it
    /// carries (<see cref="DecisionCarriedAsync"/>: a correction's is the one recorded on the screening it corrects). Null
    /// when neither. Only the screening the decision could come from is read, with <paramref name="find"/> (by id).
    /// </summary>
    public static async Task<CarriedDecision?> DecisionInForceAsync(LoggedScreening screening, Func<Guid, Task<LoggedScreening?>> find)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(find);
        // An EHR's bare "overridden" states no decision (QA141 F3): only an override that states one is in force.
        if (DecisionInForce.LastStated(screening.Overrides) is { } own)
        {
            return new(own, screening, Corrected: false);
        }

        // The screening DecisionCarriedAsync reads the decision from: an answer to the EHR's source, a correction's corrected one.
        var from = screening is { Origin: not null, RescreenOf: { } source } ? source : screening.Corrects;
        return from is { } id ? await DecisionCarriedAsync(screening, await find(id), find) : null;
    }

    /// <summary>
    /// The decision against the recommendation recorded on the screening <paramref name="screening"/> came from, where it
    /// still bears on this one (QA132 F1, QA137 F1): for an answer to the EHR completed from a clinician's screening
    /// (<paramref name="earlier"/>, the one it re-screens), that screening's last override, as the EHR's card names it; for a
    /// correction without an override of its own, the last override of the screening it corrects, followed back through
    /// earlier corrections (a correction puts right the record of the same encounter, and the patient's "declined" still
    /// stands; it is not recorded again on the correction). Null for anything else: a clinician's own re-screen is a new
    /// decision and carries none. <paramref name="find"/> reads a screening by id (the log, or a list already read).
    /// </summary>
    public static async Task<CarriedDecision?> DecisionCarriedAsync(LoggedScreening screening, LoggedScreening? earlier, Func<Guid, Task<LoggedScreening?>> find)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(find);
        if (screening is { Origin: not null, RescreenOf: { } from })
        {
            return earlier is not null && earlier.Id == from && DecisionInForce.LastStated(earlier.Overrides) is { } stated ? new(stated, earlier, Corrected: false) : null;
        }

        if (screening.Corrects is not { } corrects || DecisionInForce.LastStated(screening.Overrides) is not null || earlier?.Id != corrects)
        {
            return null;
        }

        // A chain of corrections is short; the bound only keeps a tampered log from looping.
        var corrected = earlier;
        for (var hops = 0; corrected is not null && hops < 100; hops++)
        {
            if (DecisionInForce.LastStated(corrected.Overrides) is { } stated)
            {
                return new(stated, corrected, Corrected: true);
            }

            corrected = corrected.Corrects is { } next ? await find(next) : null;
        }

        return null;
    }

    /// <summary>
    /// The screening <paramref name="screening"/> re-screens or corrects; null if it re-screens and corrects none, or that
    /// entry cannot be read or found (its own page says why).
    /// </summary>
    public static async Task<LoggedScreening?> FindAsync(IDecisionLog log, LoggedScreening screening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(screening);
        return (screening.RescreenOf ?? screening.Corrects) is { } earlier ? await FindByIdAsync(log, earlier, cancellationToken) : null;
    }

    /// <summary>
    /// The later screenings that re-screen or correct <paramref name="screening"/>, and, for a re-screen, the correction in
    /// force of the screening it started from (QA128 F1), as the result page and the print both show them: the later
    /// screenings of the two come in one query, and <paramref name="earlier"/> (<see cref="FindAsync"/>'s, null when it
    /// could not be read) is not read again.
    /// </summary>
    public static async Task<(LaterScreenings Later, CorrectionInForce? EarlierCorrected)> LaterAndEarlierCorrectedAsync(IDecisionLog log, LoggedScreening screening, LoggedScreening? earlier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(screening);
        if (screening.RescreenOf is not { } rescreened)
        {
            return (await log.FindLaterScreeningsAsync(screening.Id, cancellationToken), null);
        }

        var later = await log.FindLaterScreeningsAsync([screening.Id, rescreened], cancellationToken);
        return (later[screening.Id], await CorrectionInForce.FindAsync(log, rescreened, earlier, later[rescreened], cancellationToken));
    }

    /// <summary>The screening with this id; null if there is none, or it cannot be read (its own page says why).</summary>
    public static async Task<LoggedScreening?> FindByIdAsync(IDecisionLog log, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            return await log.FindScreeningAsync(id, cancellationToken);
        }
        catch (DecisionLogEntryUnreadableException)
        {
            // The earlier entry cannot be read (its own page says so); this screening is still shown, naming it by id only.
            return null;
        }
    }
}
