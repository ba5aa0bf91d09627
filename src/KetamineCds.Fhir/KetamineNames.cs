using System.Globalization;
using System.Text;

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

    /// <summary>
    /// The words, matched in any letter case and without accents. "ketamin" is the stem the name shares in the European
    /// languages a chart outside the US may be written in (QA132 F3): ketamine (English, Dutch, and French kétamine once
    /// its accent is set aside), Ketamin (German, the Nordic languages), ketamina (Spanish, Italian, Polish), ketaminum
    /// (the Latin of the international nonproprietary name), esketamine and esketamin; "cetamina" is the Portuguese.
    /// Not the shorter "cetamin", which acetaminophen contains.
    /// </summary>
    private static readonly string[] Words = ["ketamin", "cetamina", "spravato", "ketalar", "vesierra", "氯胺酮"];

    /// <summary>Whether <paramref name="text"/> names ketamine or esketamine (any letter case, with or without accents).</summary>
    public static bool In(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var plain = WithoutAccents(text);
        return Words.Any(w => plain.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text with its combining marks left out (kétamine: ketamine).</summary>
    private static string WithoutAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>Whether a coding is RxNorm (<see cref="RxNormSystem"/>) with one of <see cref="RxNormCodes"/>.</summary>
    public static bool IsRxNormCode(string? system, string? code) =>
        string.Equals(system, RxNormSystem, StringComparison.Ordinal) && code is not null && RxNormCodes.Contains(code.Trim());
}
