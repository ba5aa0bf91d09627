using System.Net;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// What a block of the one-page rationale is, for <see cref="PrintedPage"/>: its type size, how much of the line it
/// runs in, and the fixed room print.css gives it (margins, borders, padding, a heading's taller line).
/// </summary>
public enum PrintBlock
{
    /// <summary>The header: the title (12pt) and the facts flowing after it (8pt) across the page.</summary>
    Header,

    /// <summary>A boxed block across the page (the answers disagree, the later screenings), 8pt.</summary>
    Box,

    /// <summary>The verdict's heading (11pt) and its explanation run in after it, inside the verdict's 2 to 3pt border.</summary>
    Verdict,

    /// <summary>A block of 8pt text that starts a line of its own (a paragraph, an item on a line of its own).</summary>
    Line,

    /// <summary>Text that runs on after the block before it, on its last line (an inline heading's first group).</summary>
    RunOn,

    /// <summary>The "Not recorded" box's heading (9pt) inside its dashed border.</summary>
    NotRecordedHead,

    /// <summary>A group of "Not recorded" items, each kept whole on its line (nowrap): a line loses more at its end.</summary>
    NotRecordedItems,

    /// <summary>A section heading (9pt, its rule and margins) across the page.</summary>
    Heading,

    /// <summary>A row of the pathways table, one line unless its name is long.</summary>
    Row,

    /// <summary>A row of the pathways table whose many rule ids wrap in half the width.</summary>
    RowWrapped,

    /// <summary>A heading in the two-column flow (the requirements checklist's).</summary>
    ColumnHeading,

    /// <summary>An item of the two-column flow of findings and checklist (7.5pt, half the width).</summary>
    Column,

    /// <summary>The answers recorded and not recorded, run in after their label (7.5pt).</summary>
    Answers,

    /// <summary>The disclaimer and the signature lines at the right of its last line.</summary>
    Foot,
}

/// <summary>
/// The room the one-page rationale leaves its clinician's note, estimated on the server from what the page prints above
/// it: each block of the print (Print.cshtml, <c>&lt;print-block kind="..."&gt;</c>, <see cref="PrintBlockTagHelper"/>)
/// adds the lines its text takes, in <see cref="PrintedNote"/>'s units, at its type size and in its width, and the fixed
/// room print.css gives it; the findings and the checklist, in two balanced columns whose items are never split between
/// them (print.css), count the taller column's lines, the items divided between the columns as evenly as whole items
/// allow, and one more. The note gets the lines left on the page, never more than <see cref="PrintedNote.MaxLines"/> nor fewer
/// than <see cref="PrintedNote.MinLines"/>. A short history leaves the note its 12 lines; a heavy one (a recent attempt
/// with preparatory acts, active alcohol and ketamine use, opioids, a benzodiazepine at 40 mg and other CNS depressants)
/// leaves it the minimum in the English UI; the Chinese one, whose findings take fewer lines, leaves it all 12 since the
/// leading is <see cref="LineHeight"/> (it left 10 at 1.1, where 12 ran the disclaimer and the signature onto a second page).
/// </summary>
/// <remarks>
/// Estimated for the paper the print is laid out for (<see cref="PrintPaper"/>: <c>Clinic:PaperSize</c> or the print
/// page's choice): the height inside the margins of A4 (297 mm less the 15 mm of margins, 799pt) or of US Letter
/// (279.4 mm less the margins, 749pt), and for either paper the smaller of each, Letter's height; the line length is
/// A4's for every paper (192 mm inside the margins; PrintedNote.LineUnits). Estimated for Letter's height, an A4 sheet
/// left some 50pt, five lines of the note, blank at the foot of the heaviest histories (QA). An estimate is never a
/// layout: word wrap, the nowrap rule ids and labels, and the CJK face's Latin letters make it err, so each block's
/// lines are rounded up and <see cref="SafetyPoints"/> are kept back. Measured in Chromium on Letter against the suite's
/// longest histories and a short one (OnePagePrintBrowserTests), English and Chinese: the estimate of what precedes the
/// note ran 23 to 38pt (three or four lines) above the layout, never below it; so a heavy history's note may get a few
/// lines fewer than would fit, rather than one that pushes the signature off the page.
/// </remarks>
public sealed partial class PrintedPage
{
    /// <summary>The height inside the margins of the paper the print is laid out for (<see cref="PrintPapers.PagePoints"/>).</summary>
    public double PagePoints { get; }

    /// <summary>Kept back for what the estimate misses: about a line (12pt with a leading of 1.1, which left an A4 sheet
    /// over four lines blank under the heaviest history's note once the leading was 1.08).</summary>
    public const double SafetyPoints = 9;

    /// <summary>The print's leading (print.css, body.print-page's line-height): a line is this many times its type size.</summary>
    public const double LineHeight = 1.08;

    /// <summary>A line of the print's 8pt body text.</summary>
    public const double LinePoints = 8 * LineHeight;

    /// <summary>The note's own room besides its lines: its section's top margin and the line that says it is cut (7.5pt, 1pt above).</summary>
    private const double NoteFramePoints = 2 + (7.5 * LineHeight) + 1;

    private readonly record struct Kind(double Size, double Width, double ExtraPoints, int ExtraUnits = 0, bool InColumn = false);

    private static Kind Of(PrintBlock block) => block switch
    {
        // The title's 12pt line, and the gaps of 12pt between the facts: about a fifth of a line.
        PrintBlock.Header => new(8, 1, (12 * LineHeight) - LinePoints, PrintedNote.LineUnits / 5),
        // Border, padding and margins.
        PrintBlock.Box => new(8, 0.96, 12),
        // The 11pt heading's taller first line, the 2 to 3pt border on both sides, padding and margins (print.css .p-verdict).
        PrintBlock.Verdict => new(8, 0.96, (11 * LineHeight) - LinePoints + 6 + 1.5 + 3.5),
        PrintBlock.Line => new(8, 0.96, 1),
        PrintBlock.RunOn => new(8, 0.96, 0),
        // Its dashed border and padding (4.5pt) and top margin (3pt), and the 9pt heading's taller line.
        PrintBlock.NotRecordedHead => new(9, 0.95, 7.5 + 1),
        PrintBlock.NotRecordedItems => new(8, 0.88, 3),
        // 9pt, its top and bottom margins (2pt, 1pt), its rule and padding.
        PrintBlock.Heading => new(9, 1, 5),
        PrintBlock.Row => new(8, 0.9, 1.2),
        PrintBlock.RowWrapped => new(8, 0.45, 1.2),
        PrintBlock.ColumnHeading => new(9, 0.49, 5, InColumn: true),
        // Half the width less the 10pt gap, less a wider wrap loss in a narrow column with nowrap ids and keys.
        PrintBlock.Column => new(7.5, 0.48, 0, InColumn: true),
        PrintBlock.Answers => new(7.5, 0.92, 2),
        // Its rule, padding and margin; the signature lines (72 mm and the gaps) as units on its last line.
        PrintBlock.Foot => new(8, 1, 5, (int)(PrintedNote.LineUnits * 0.45)),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "No such block."),
    };

    /// <summary>An estimate for a page of <paramref name="paper"/> (by default, a sheet of either A4 or US Letter).</summary>
    public PrintedPage(PrintPaper paper = PrintPaper.Either)
    {
        Paper = paper;
        PagePoints = paper.PagePoints();
    }

    /// <summary>The paper the print is laid out for.</summary>
    public PrintPaper Paper { get; }

    private readonly List<double> columnItems = [];
    private double points;
    private double columnHeading;
    private double open;
    private Kind openKind;
    private double openUnits;

    /// <summary>The points the blocks added so far take, the two columns balanced.</summary>
    public double UsedPoints => points + open + (columnItems.Count > 0 || columnHeading > 0 ? BalancedColumn() + LinePoints : 0);

    /// <summary>
    /// The print's estimate for this request (one per request, kept in its items), for the paper <see cref="Begin"/> chose
    /// (by default, a sheet of either A4 or US Letter).
    /// </summary>
    public static PrintedPage For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[typeof(PrintedPage)] is not PrintedPage page)
        {
            page = new PrintedPage();
            context.Items[typeof(PrintedPage)] = page;
        }

        return page;
    }

    /// <summary>Starts this request's estimate for a page of <paramref name="paper"/>, before any block is added.</summary>
    public static PrintedPage Begin(HttpContext context, PrintPaper paper)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = new PrintedPage(paper);
        context.Items[typeof(PrintedPage)] = page;
        return page;
    }

    /// <summary>Adds a block of the print, given the text it prints.</summary>
    public void Add(PrintBlock block, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kind = Of(block);
        var units = PrintedNote.Units(text) + kind.ExtraUnits;
        if (block == PrintBlock.RunOn && openKind.Size > 0)
        {
            // On the open block's last line, at its size: the lines it takes are counted again with the text added.
            openUnits += units * (openKind.Size == 0 ? 1 : 8 / openKind.Size);
            open = Height(openKind, openUnits);
            return;
        }

        points += open;
        open = 0;
        if (kind.InColumn)
        {
            // A heading in the flow is never the last line of a column (print.css, h2: break-after avoid): it goes with the
            // item after it.
            if (block == PrintBlock.ColumnHeading)
            {
                columnHeading += Height(kind, units);
            }
            else
            {
                columnItems.Add(columnHeading + Height(kind, units));
                columnHeading = 0;
            }

            openKind = default;
            openUnits = 0;
            return;
        }

        openKind = kind;
        openUnits = units;
        open = Height(kind, units);
    }

    /// <summary>
    /// The lines the note may take on the page after the blocks added so far, between <see cref="PrintedNote.MinLines"/> and
    /// <see cref="PrintedNote.MaxLines"/>; the footer (<see cref="PrintBlock.Foot"/>) is counted in by
    /// <paramref name="foot"/>, the text it prints.
    /// </summary>
    public int NoteLines(string foot)
    {
        ArgumentNullException.ThrowIfNull(foot);
        var left = PagePoints - SafetyPoints - UsedPoints - Height(Of(PrintBlock.Foot), PrintedNote.Units(foot) + Of(PrintBlock.Foot).ExtraUnits) - NoteFramePoints;
        return Math.Clamp((int)Math.Floor(left / LinePoints), PrintedNote.MinLines, PrintedNote.MaxLines);
    }

    /// <summary>The points a block of <paramref name="block"/> that prints <paramref name="text"/> takes on its own.</summary>
    public static double PointsOf(PrintBlock block, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kind = Of(block);
        return Height(kind, PrintedNote.Units(text) + kind.ExtraUnits);
    }

    /// <summary>
    /// Whether <paramref name="extra"/> points more fit on the page after the blocks added so far, a note of
    /// <paramref name="noteLines"/> lines (none: 0) and the footer, <paramref name="foot"/> its text (QA299: the verdict box's
    /// findings that act on the patient now, in words where the page has room for them).
    /// </summary>
    public bool Fits(double extra, int noteLines, string foot)
    {
        ArgumentNullException.ThrowIfNull(foot);
        var left = PagePoints - SafetyPoints - UsedPoints - PointsOf(PrintBlock.Foot, foot) - (noteLines > 0 ? NoteFramePoints + (noteLines * LinePoints) : 0);
        return extra <= left;
    }

    /// <summary>Adds <paramref name="extra"/> points that a block counted earlier takes more, once its form is chosen.</summary>
    public void AddPoints(double extra) => points += extra;

    /// <summary>
    /// The taller of the two columns of the flow: its items are never split between the columns (print.css, helper 291), so
    /// the first column holds the first items and the second the rest, divided where the taller of the two is the
    /// shortest. Up to half an item taller than half of them all, where an item's lines could go on in the next column.
    /// </summary>
    private double BalancedColumn()
    {
        var total = columnItems.Sum() + columnHeading;
        var best = total;
        var first = 0.0;
        foreach (var item in columnItems)
        {
            first += item;
            best = Math.Min(best, Math.Max(first, total - first));
        }

        return best;
    }

    /// <summary>The text an HTML fragment prints: its tags dropped, its character references read, its white space collapsed.</summary>
    public static string TextOf(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, "")), " ").Trim();
    }

    private static double Height(Kind kind, double units)
    {
        if (units <= 0)
        {
            return 0;
        }

        var perLine = PrintedNote.LineUnits * kind.Width * 8 / kind.Size;
        return (Math.Ceiling(units / perLine) * kind.Size * LineHeight) + kind.ExtraPoints;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
