namespace KetamineCds.Web.Screenings;

/// <summary>
/// The paper the one-page rationale is laid out for (<c>Clinic:PaperSize</c>, or the print page's own choice): its
/// height inside print.css's margins, which <see cref="PrintedPage"/> fits the print into, and the page size print.css
/// asks the browser for.
/// </summary>
/// <remarks>
/// <see cref="Either"/>, the default, fits a sheet of either paper: US Letter's height (279.4 mm) and A4's width
/// (210 mm), the smaller of each, and no page size asked for, so the browser prints on the paper its print dialog
/// chooses. On A4 that leaves up to 17.6 mm, five lines of the note, blank at the foot of the heaviest histories'
/// page (A4's narrower line takes some back: 40.6pt, four and a half lines, under the heaviest English history); a clinic that prints on A4 only sets <see cref="A4"/> and the print uses the whole sheet. The width is A4's for
/// every paper (PrintedNote.LineUnits): US Letter's line is 3% longer, which the estimate leaves to spare.
/// </remarks>
public enum PrintPaper
{
    /// <summary>A4 or US Letter, whichever the print dialog chooses: the page of either, the smaller in each dimension.</summary>
    Either,

    /// <summary>A4 (210 × 297 mm), asked of the browser (@page size).</summary>
    A4,

    /// <summary>US Letter (8.5 × 11 in), asked of the browser (@page size).</summary>
    Letter,
}

/// <summary>What each <see cref="PrintPaper"/> is on the print, and how it is named in settings and in the print page's address.</summary>
public static class PrintPapers
{
    /// <summary>The top and bottom margins of the printed page (print.css, @page: 7 mm and 8 mm).</summary>
    public const double MarginsMillimetres = 15;

    /// <summary>The names a setting or the print page's <c>paper</c> parameter takes, in any case: <c>either</c>, <c>A4</c>, <c>Letter</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetNames<PrintPaper>()];

    /// <summary>The paper <paramref name="name"/> names (any case), or null when it names none.</summary>
    public static PrintPaper? Find(string? name) =>
        name is not null && Enum.TryParse<PrintPaper>(name, ignoreCase: true, out var paper) && Enum.IsDefined(paper) && !int.TryParse(name, out _)
            ? paper
            : null;

    /// <summary>The height inside the page's margins, in points: what the print is fitted into.</summary>
    public static double PagePoints(this PrintPaper paper) => Points(paper switch
    {
        PrintPaper.A4 => 297,
        // Either: US Letter's height, the shorter.
        _ => 279.4,
    } - MarginsMillimetres);

    /// <summary>The stylesheet that asks the browser for the paper's page size (wwwroot/css), or null for <see cref="PrintPaper.Either"/>.</summary>
    public static string? PageSizeStylesheet(this PrintPaper paper) => paper switch
    {
        PrintPaper.A4 => "~/css/print-a4.css",
        PrintPaper.Letter => "~/css/print-letter.css",
        _ => null,
    };

    /// <summary>The value of the print page's <c>paper</c> parameter that chooses the paper.</summary>
    public static string Parameter(this PrintPaper paper) => paper.ToString().ToLowerInvariant();

    private static double Points(double millimetres) => millimetres / 25.4 * 72;
}
