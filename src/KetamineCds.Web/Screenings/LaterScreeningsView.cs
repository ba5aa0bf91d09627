using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>What the partial <c>_LaterScreenings</c> shows: the later entries, where their links go, and its styles.</summary>
/// <param name="Later">The later screenings of the entry shown.</param>
/// <param name="LinkPrefix">The address a later entry's id is appended to (the result page, or the auditor's page).</param>
/// <param name="Css">The box's classes.</param>
/// <param name="CorrectedCss">The classes added when the entry was corrected.</param>
public sealed record LaterScreeningsView(LaterScreenings Later, string LinkPrefix, string Css, string CorrectedCss)
{
    /// <summary>The most later screenings the print lists, the newest (the latest correction is named above the list in any case).</summary>
    public const int PrintedAtMost = 1;

    /// <summary>
    /// The most later screenings listed (null: all), and each correction's reason in at most
    /// <see cref="PrintedNote.ShortTextUnits"/>: on the print, where the list and its reasons (up to 500 characters each)
    /// ran on unbounded (QA119 F1). What is not listed is counted, and the box says where it is.
    /// </summary>
    public int? AtMost { get; init; }

    /// <summary>On the result page: links to the later results.</summary>
    public static LaterScreeningsView ForResult(LaterScreenings later) => new(later, "/Screenings/", "later-screenings", "later-screenings--corrected");

    /// <summary>On the print: in print.css's styles (a link prints as the id it shows).</summary>
    public static LaterScreeningsView ForPrint(LaterScreenings later) => new(later, "/Screenings/", "p-later", "p-later--corrected") { AtMost = PrintedAtMost };

    /// <summary>On the auditor's page: links to the later entries' audit pages.</summary>
    public static LaterScreeningsView ForAudit(LaterScreenings later) => new(later, "/Audit/Screening/", "later-screenings", "later-screenings--corrected");
}
