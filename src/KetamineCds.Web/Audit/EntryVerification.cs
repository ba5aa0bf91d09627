using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Audit;

/// <summary>
/// What verification finds about an entry shown on its own auditor's page (QA P10), and about the override entries shown
/// with it: the verification's own findings (<see cref="IDecisionLogAudit.VerifyEntryAsync"/>), never a second check.
/// </summary>
/// <param name="Findings">The entry's findings first, then its overrides', without repeats; empty when all verify.</param>
/// <param name="OwnFails">The entry itself has a finding (else only an override recorded against it does).</param>
public sealed record EntryVerification(IReadOnlyList<ChainFinding> Findings, bool OwnFails)
{
    public static EntryVerification None { get; } = new([], false);

    /// <summary>Verifies the entry and each of <paramref name="overrides"/> (entries of their own, shown on its page).</summary>
    public static async Task<EntryVerification> ForAsync(IDecisionLogAudit audit, Guid id, IEnumerable<Guid> overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(overrides);
        var own = await audit.VerifyEntryAsync(id, cancellationToken);
        var all = new List<ChainFinding>(own);
        foreach (var overrideId in overrides.Where(o => o != id).Distinct())
        {
            // A link that joins an override to the entry before it is found from both sides: listed once.
            all.AddRange((await audit.VerifyEntryAsync(overrideId, cancellationToken)).Where(f => !all.Contains(f)));
        }

        return new EntryVerification(all, own.Count > 0);
    }

    /// <summary>
    /// For a page whose entry (or an override shown with it) cannot be read: which way <paramref name="unreadable"/>'s
    /// entry fails, said first; <see cref="None"/> when the log cannot be read at all, where the unreadable notice stands
    /// on its own. Nothing of the entry is shown, so no view is recorded.
    /// </summary>
    public static async Task<EntryVerification> ForUnreadableAsync(IDecisionLogAudit audit, Guid id, DecisionLogEntryUnreadableException unreadable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        try
        {
            return await ForAsync(audit, id, [unreadable.EntryId], cancellationToken);
        }
        catch (DecisionLogUnavailableException)
        {
            return None;
        }
    }
}
