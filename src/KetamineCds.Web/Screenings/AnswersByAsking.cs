using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A screening's answers split by whether its history asks the question (<see cref="Display.AnswersAsked"/>): the
/// questions asked, recorded or not, in the contract's order; the answers recorded to a question not asked; and whether a
/// question not asked was left blank (and so is left out of the list).
/// </summary>
public sealed record AnswersByAsking(
    IReadOnlyList<(FieldDefinition Field, string Value, bool Recorded)> Asked,
    IReadOnlyList<(FieldDefinition Field, string Value, bool Recorded)> AnsweredUnasked,
    bool UnaskedLeftOut)
{
    /// <summary>
    /// The questions asked and not recorded, in the contract's order: those the result page shows as "Not recorded" among
    /// the answers, and the audit page lists as not recorded in the entry (QA318), beside its input as submitted, where a
    /// blank is a <c>null</c> or a yes/no left out. An answer with a default left blank (the jurisdiction) is among them.
    /// </summary>
    public IReadOnlyList<FieldDefinition> NotRecorded => [.. Asked.Where(a => !a.Recorded).Select(a => a.Field)];
}
