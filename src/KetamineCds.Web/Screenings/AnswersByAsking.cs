using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A screening's answers split by whether its history asks the question (<see cref="Display.AnswersAsked"/>): the
/// questions asked, recorded or not, in the contract's order; the answers recorded to a question not asked; and whether a
/// question not asked was left blank (and so is left out of the list). <paramref name="RuleSetVersion"/> is the rule set the
/// entry was decided under: a question added after it (<see cref="AddedAfterEntry"/>) was never asked of the entry.
/// </summary>
public sealed record AnswersByAsking(
    IReadOnlyList<(FieldDefinition Field, string Value, bool Recorded)> Asked,
    IReadOnlyList<(FieldDefinition Field, string Value, bool Recorded)> AnsweredUnasked,
    bool UnaskedLeftOut,
    string? RuleSetVersion = null)
{
    /// <summary>
    /// The questions asked and not recorded, in the contract's order: those the result page shows as "Not recorded" among
    /// the answers, and the audit page lists as not recorded in the entry (QA318), beside its input as submitted, where a
    /// blank is a <c>null</c> or a yes/no left out. An answer with a default left blank (the jurisdiction) is among them; a
    /// question added after the entry's rule set is not (<see cref="NotAskedThen"/>).
    /// </summary>
    public IReadOnlyList<FieldDefinition> NotRecorded => [.. Asked.Where(a => !a.Recorded && a.Field.WasAskedUnder(RuleSetVersion)).Select(a => a.Field)];

    /// <summary>
    /// The questions blank because a later rule set added them (<see cref="AddedAfterEntry"/>), in the contract's order:
    /// the entry's release never asked them, so they are shown as not asked then, never as "Not recorded".
    /// </summary>
    public IReadOnlyList<FieldDefinition> NotAskedThen => [.. Asked.Where(a => IsNotAskedThen(a.Field, a.Recorded)).Select(a => a.Field)];

    /// <summary>Whether this answer is blank because the entry's rule set predates the question (<see cref="AddedAfterEntry.Applies"/>).</summary>
    public bool IsNotAskedThen(FieldDefinition field, bool recorded) => AddedAfterEntry.Applies(field, recorded, RuleSetVersion);
}
