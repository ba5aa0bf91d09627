namespace KetamineCds.Domain.Principles;

/// <summary>
/// A point where the source document and the label and literature disagree (<c>label-and-literature.md</c>, section 8,
/// D1 to D9), in this project's own words, with the safer reading the rules encode. Rule texts cite these ids
/// ("discrepancy D7"); the in-app Rules page lists them under those anchors.
/// </summary>
/// <param name="Id">The fact base's id, <c>D1</c> to <c>D9</c>.</param>
/// <param name="Subject">What the disagreement is about, in a few words.</param>
/// <param name="Disagreement">What the source document says and what the label or literature says, briefly.</param>
/// <param name="Reading">The reading the app encodes (where they disagree, the safer one).</param>
/// <param name="RuleIds">The rules of the current rule set that encode that reading.</param>
public sealed record Discrepancy(string Id, string Subject, string Disagreement, string Reading, IReadOnlyList<string> RuleIds);
