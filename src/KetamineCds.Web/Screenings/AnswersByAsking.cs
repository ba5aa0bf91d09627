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
    bool UnaskedLeftOut);
