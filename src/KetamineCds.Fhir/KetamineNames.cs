namespace KetamineCds.Fhir;

/// <summary>
/// The words that name ketamine or esketamine in a chart's free text or a coding's display, for records no confirmed code
/// identifies: a draft order sent with text only (order-sign), an allergy record (named for checking, never read as an
/// answer). "ketamine" covers esketamine and 氯胺酮 covers 艾司氯胺酮; the brands Spravato, Ketalar and Vesierra.
/// </summary>
public static class KetamineNames
{
    public const string RxNormSystem = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>
    /// RxNorm: 6130 ketamine (ingredient), 2201623 esketamine nasal spray (clinical drug form), 2201625 esketamine nasal
    /// spray [Spravato] (branded drug form): the codes the order-sign hook reads as ketamine
    /// (<c>KetamineCds.Web.CdsHooks.DraftOrders.RxNormCodes</c>, confirmed there on ndclist.com/rxnorm, RxNorm 2026-05
    /// release; a test keeps the two lists equal). An allergy coded with one of them is named for checking, never read
    /// as an answer (QA120 F6).
    /// </summary>
    public static readonly IReadOnlySet<string> RxNormCodes = new HashSet<string>(StringComparer.Ordinal) { "6130", "2201623", "2201625" };

    private static readonly string[] Words = ["ketamine", "spravato", "ketalar", "vesierra", "氯胺酮"];

    /// <summary>Whether <paramref name="text"/> names ketamine or esketamine (any letter case).</summary>
    public static bool In(string? text) =>
        text is not null && Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a coding is RxNorm (<see cref="RxNormSystem"/>) with one of <see cref="RxNormCodes"/>.</summary>
    public static bool IsRxNormCode(string? system, string? code) =>
        string.Equals(system, RxNormSystem, StringComparison.Ordinal) && code is not null && RxNormCodes.Contains(code.Trim());
}
