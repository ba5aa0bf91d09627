using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Html;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The print's line of findings that act on the patient now (QA272 F1, in the verdict box), after its heading: in words
/// where the page has room for them (QA299), else by id. The page's estimate counts the line by id (<see cref="ByIdsText"/>,
/// <see cref="CountedOn"/>); <see cref="ChooseWords"/> decides once the rest of the page is counted, and <see cref="Html"/>
/// is written then (<see cref="DeferredHtml"/>).
/// </summary>
public sealed class PrintedActNow
{
    private readonly HtmlContentBuilder words = new();
    private readonly HtmlContentBuilder ids = new();

    /// <summary>The line for <paramref name="findings"/> (<see cref="Display.ActOnThePatientNow"/>) under <paramref name="heading"/>.</summary>
    public PrintedActNow(IReadOnlyList<Finding> findings, string heading, ClinicalText clinical)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(clinical);
        Findings = [.. findings.Where(f => Display.NamedInWords(f.Kind)), .. findings.Where(f => !Display.NamedInWords(f.Kind))];
        Heading = heading;
        ByIdsText = PrintedPage.TextOf(heading + ClinicalText.SentenceGap + string.Join(clinical.ListSeparator, Findings.Select(f => f.RuleId)));
        WordsExtraPoints = PrintedPage.PointsOf(PrintBlock.Line, heading)
            + Findings.Sum(f => PrintedPage.PointsOf(PrintBlock.Line, f.RuleId + clinical.Colon + clinical.FindingSummary(f)))
            - PrintedPage.PointsOf(PrintBlock.Line, ByIdsText);

        foreach (var fd in Findings)
        {
            words.AppendHtml("<span class=\"p-still-act-item\"><span class=\"p-rule\">").Append(fd.RuleId).AppendHtml("</span>").Append(clinical.Colon);
            Display.KeepIdsWhole(words, clinical.FindingSummary(fd)).AppendHtml("</span>");
        }

        // By id, each id followed by its words hidden from sight (print.css, .visually-hidden), inside the id's span so that
        // they add no break opportunity to the printed line: a screen reader reads them (helper 312).
        ids.Append(ClinicalText.SentenceGap);
        for (var i = 0; i < Findings.Count; i++)
        {
            if (i > 0)
            {
                ids.Append(clinical.ListSeparator);
            }

            ids.AppendHtml("<span class=\"p-rule\">").Append(Findings[i].RuleId).AppendHtml("<span class=\"visually-hidden\">")
                .Append(clinical.Colon + clinical.FindingSummary(Findings[i])).AppendHtml("</span></span>");
        }

        Html = new DeferredHtml(() => InWords ? words : ids);
    }

    /// <summary>
    /// The line for <paramref name="findings"/> under <paramref name="heading"/>, counted by id on <paramref name="page"/>
    /// where the print writes it (a line of its own in the verdict box): call it there, in the order of the page's blocks.
    /// </summary>
    public static PrintedActNow CountedOn(PrintedPage page, IReadOnlyList<Finding> findings, string heading, ClinicalText clinical)
    {
        ArgumentNullException.ThrowIfNull(page);
        var line = new PrintedActNow(findings, heading, clinical);
        page.Add(PrintBlock.Line, line.ByIdsText);
        return line;
    }

    /// <summary>The findings in the line's order: contraindications and cautions (<see cref="Display.NamedInWords"/>) first, then the rest.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The line's heading.</summary>
    public string Heading { get; }

    /// <summary>The text the line prints by id, heading included: what the page's estimate counts until the words are chosen.</summary>
    public string ByIdsText { get; }

    /// <summary>The points the line takes in words more than by id.</summary>
    public double WordsExtraPoints { get; }

    /// <summary>Whether the line is printed in words (<see cref="ChooseWords"/>).</summary>
    public bool InWords { get; private set; }

    /// <summary>The line after its heading, in words or by id as chosen when it is written.</summary>
    public IHtmlContent Html { get; }

    /// <summary>
    /// Chooses the words if the words take more room than the ids, the note (<paramref name="note"/>, null or empty for none)
    /// fits whole in the lines <paramref name="page"/> gives it, and the words still fit with that note and the footer
    /// (<paramref name="foot"/>, its text); then adds their extra points to <paramref name="page"/>. Call it once the rest of
    /// the page above the note is counted.
    /// </summary>
    public bool ChooseWords(PrintedPage page, string? note, string foot)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(foot);
        if (!InWords && WordsExtraPoints > 0 && NoteLinesWhole(page, note, foot) is { } noteLines && page.Fits(WordsExtraPoints, noteLines, foot))
        {
            InWords = true;
            page.AddPoints(WordsExtraPoints);
        }

        return InWords;
    }

    /// <summary>
    /// The fewest lines, from <see cref="PrintedNote.MinLines"/>, that print <paramref name="note"/> whole within the lines
    /// <paramref name="page"/> gives it (<see cref="PrintedPage.NoteLines"/>); 0 for no note; null if it does not fit whole.
    /// </summary>
    public static int? NoteLinesWhole(PrintedPage page, string? note, string foot)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrEmpty(note))
        {
            return 0;
        }

        var room = page.NoteLines(foot);
        return Enumerable.Range(PrintedNote.MinLines, room - PrintedNote.MinLines + 1).Cast<int?>().FirstOrDefault(n => PrintedNote.Of(note, n!.Value).CharactersLeft == 0);
    }
}
