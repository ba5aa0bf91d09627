namespace KetamineCds.Web.Audit;

/// <summary>
/// An entry's place in the decision log's chain as its audit page shows it (<c>Pages/Audit/_ChainPlace</c>): its sequence,
/// its stored hash and the previous entry's hash it links to, so that an auditor can match a printed page against a
/// checkpoint or an export (QA318 F7). One partial for the screening's, the EHR answer's and the override's pages.
/// </summary>
/// <param name="ElementId">The list's id on its page (<c>screening-chain</c>, <c>hook-answer-chain</c>, <c>override-chain</c>).</param>
/// <param name="Sequence">The entry's place in the chain.</param>
/// <param name="Hash">The entry's stored hash.</param>
/// <param name="PreviousHash">The stored hash of the entry before it, as this entry links to it.</param>
public sealed record ChainPlace(string ElementId, long Sequence, string Hash, string PreviousHash);
