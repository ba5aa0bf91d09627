namespace KetamineCds.Fhir;

/// <summary>
/// The words that name ketamine or esketamine in a chart's free text or a coding's display, for records no confirmed code
/// identifies: a draft order sent with text only (order-sign), an allergy record (named for checking, never read as an
/// answer). "ketamine" covers esketamine and 氯胺酮 covers 艾司氯胺酮; the brands Spravato, Ketalar and Vesierra.
/// </summary>
public static class KetamineNames
{
    private static readonly string[] Words = ["ketamine", "spravato", "ketalar", "vesierra", "氯胺酮"];

    /// <summary>Whether <paramref name="text"/> names ketamine or esketamine (any letter case).</summary>
    public static bool In(string? text) =>
        text is not null && Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
