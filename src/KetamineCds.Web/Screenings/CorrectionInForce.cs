using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A screening that was corrected, with the correction in force (the newest at the end of its corrections) and the answers
/// that correction changed (QA128 F1). A re-screen must not silently start again from answers the record says were
/// entered wrongly: <c>?from=</c> of a corrected screening starts from this correction, and a re-screen made from the
/// screening before it was corrected says so, naming the correction and what it changed.
/// </summary>
/// <param name="Corrected">The screening corrected.</param>
/// <param name="Correction">Its latest correction, the decision in force.</param>
/// <param name="Changed">
/// The answers that differ between the two, in the form's order (the clinician's note, never carried, is left out); empty
/// when either entry cannot be read.
/// </param>
public sealed record CorrectionInForce(Guid Corrected, Guid Correction, IReadOnlyList<FieldDefinition> Changed)
{
    /// <summary>How many corrections of corrections are followed; a longer chain is cut there (the recorder still refuses an entry already corrected).</summary>
    public const int MaxCorrectionChain = 100;

    /// <summary>The changed answers' labels, in the page's language.</summary>
    public IReadOnlyList<string> ChangedLabels => [.. Changed.Select(f => Display.Label(f.Name))];

    /// <summary>
    /// The newest correction at the end of <paramref name="id"/>'s corrections (a correction of a correction followed
    /// to the last), or null when it has none. One query per correction in the chain, never per listed row.
    /// </summary>
    public static Task<Guid?> LatestCorrectionAsync(IDecisionLog log, Guid id, CancellationToken cancellationToken) =>
        LatestCorrectionAsync(log, id, null, cancellationToken);

    /// <summary>
    /// As <see cref="LatestCorrectionAsync(IDecisionLog, Guid, CancellationToken)"/>, starting from <paramref name="later"/>,
    /// <paramref name="id"/>'s later screenings when the caller has read them already (null: read here).
    /// </summary>
    private static async Task<Guid?> LatestCorrectionAsync(IDecisionLog log, Guid id, LaterScreenings? later, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        Guid? latest = null;
        var current = id;
        for (var step = 0; step < MaxCorrectionChain; step++)
        {
            var laterOfCurrent = step == 0 && later is not null ? later : await log.FindLaterScreeningsAsync(current, cancellationToken);
            if (laterOfCurrent?.LatestCorrection is not { } newer)
            {
                break;
            }

            latest = current = newer.Id;
        }

        return latest;
    }

    /// <summary>The correction in force of <paramref name="id"/> and what it changed, or null when it was never corrected.</summary>
    public static async Task<CorrectionInForce?> FindAsync(IDecisionLog log, Guid id, CancellationToken cancellationToken)
    {
        if (await LatestCorrectionAsync(log, id, null, cancellationToken) is not { } latest)
        {
            return null;
        }

        LoggedScreening? corrected;
        try
        {
            corrected = await log.FindScreeningAsync(id, cancellationToken);
        }
        catch (DecisionLogEntryUnreadableException)
        {
            corrected = null;
        }

        return await InForceAsync(log, id, corrected, latest, cancellationToken);
    }

    /// <summary>
    /// As <see cref="FindAsync(IDecisionLog, Guid, CancellationToken)"/>, from what the page has read already, so that a page
    /// load reads each thing once: <paramref name="corrected"/>, the entry <paramref name="id"/> (null when it could not be
    /// read or found: then what the correction changed is not named, as when it is read here and cannot be), and
    /// <paramref name="later"/>, its later screenings. Only the corrections after the first and the one in force are read.
    /// </summary>
    public static Task<CorrectionInForce?> FindAsync(IDecisionLog log, Guid id, LoggedScreening? corrected, LaterScreenings later, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(later);
        return FindReadAsync(log, id, corrected, later, cancellationToken);
    }

    /// <summary>
    /// As <see cref="FindAsync(IDecisionLog, Guid, CancellationToken)"/>, with <paramref name="corrected"/>, the entry
    /// <paramref name="id"/> as the page has read it already (null when it could not be read or found), so that it is not
    /// read again (the re-screen form). Its later screenings are read here.
    /// </summary>
    public static Task<CorrectionInForce?> FindAsync(IDecisionLog log, Guid id, LoggedScreening? corrected, CancellationToken cancellationToken) =>
        FindReadAsync(log, id, corrected, null, cancellationToken);

    private static async Task<CorrectionInForce?> FindReadAsync(IDecisionLog log, Guid id, LoggedScreening? corrected, LaterScreenings? later, CancellationToken cancellationToken)
    {
        if (corrected is not null && corrected.Id != id)
        {
            throw new ArgumentException($"The entry given is {corrected.Id}, not {id}.", nameof(corrected));
        }

        return await LatestCorrectionAsync(log, id, later, cancellationToken) is { } latest
            ? await InForceAsync(log, id, corrected, latest, cancellationToken)
            : null;
    }

    private static async Task<CorrectionInForce> InForceAsync(IDecisionLog log, Guid id, LoggedScreening? corrected, Guid latest, CancellationToken cancellationToken)
    {
        IReadOnlyList<FieldDefinition> changed;
        try
        {
            var after = corrected is null ? null : await log.FindScreeningAsync(latest, cancellationToken);
            changed = corrected is null || after is null ? [] : ChangedFields(corrected.History, after.History);
        }
        catch (DecisionLogEntryUnreadableException)
        {
            // An altered entry is not read; the correction is still named, only what it changed is not.
            changed = [];
        }

        return new CorrectionInForce(id, latest, changed);
    }

    /// <summary>The answers that differ between two histories, in the form's order; the note (the catalogue's Note section, never read by the rules) is left out.</summary>
    public static IReadOnlyList<FieldDefinition> ChangedFields(PatientHistory before, PatientHistory after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. Fields.All.Where(f => f.Section != FieldSection.Note && !Same(Fields.ContractValueOf(before, f.Name), Fields.ContractValueOf(after, f.Name)))];
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (IEnumerable<string> x, IEnumerable<string> y) => x.Order(StringComparer.Ordinal).SequenceEqual(y.Order(StringComparer.Ordinal), StringComparer.Ordinal),
        _ => a.Equals(b),
    };
}
