namespace KetamineCds.Domain.Principles;

/// <summary>
/// A principle of the source document (<c>shared/clinical/principles.md</c>), stated in this project's own words.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>P-BIPOLAR</c>.</param>
/// <param name="Section">The source document's section (English gloss).</param>
/// <param name="Reference">The reference key the source document attaches.</param>
/// <param name="Statement">The principle, paraphrased.</param>
public sealed record Principle(string Id, string Section, string Reference, string Statement)
{
    /// <summary>
    /// Where the evidence qualifies the source's principle, how (with the source key that says so); shown with the
    /// principle wherever it is shown. Null where nothing qualifies it.
    /// </summary>
    public string? Caveat { get; init; }
}
