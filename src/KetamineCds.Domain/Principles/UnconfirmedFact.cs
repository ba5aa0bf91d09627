namespace KetamineCds.Domain.Principles;

/// <summary>
/// A fact one or more rules rely on that no source read confirms: tagged [K] in <c>label-and-literature.md</c>, or not
/// recorded there at all. None is encoded as certain; each is to be verified before release (docs/rules.md, "To verify";
/// the in-app Rules page; a mark on each finding that rests on it).
/// </summary>
/// <param name="Number">Its number in the "To verify" list, never reused (reviews and the Rules page's anchors cite it).</param>
/// <param name="Fact">The unconfirmed fact, in plain words.</param>
/// <param name="InBrief">The fact in a few words, for the mark on a finding (the result page and the print).</param>
/// <param name="From">Where in the fact base it is recorded, or that it is not.</param>
/// <param name="Status">Tagged [K] in the fact base, or not recorded there.</param>
/// <param name="RuleIds">The rules of the current rule set that rely on it.</param>
public sealed record UnconfirmedFact(int Number, string Fact, string InBrief, string From, UnconfirmedFactStatus Status, IReadOnlyList<string> RuleIds);
