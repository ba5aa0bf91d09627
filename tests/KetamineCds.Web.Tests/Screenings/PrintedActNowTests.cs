using System.Text.Encodings.Web;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Html;
using UiCulture = KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>
/// The print's line of findings that act on the patient now (PrintedActNow, QA299): contraindications and cautions first,
/// by id until the page is found to have room for every finding in words, the note whole and the footer included.
/// </summary>
public sealed class PrintedActNowTests
{
    private const string Heading = "Act now:";
    private const string Foot = "KetamineCds supports, and never replaces, the clinician's judgement. This rationale records the rule set's output for the history shown; the treating clinician decides. Clinician signature: Date:";

    /// <summary>A line of the note: <see cref="PrintedNote"/> fits 140 narrow characters in a line.</summary>
    private const int NoteLineCharacters = 140;

    private static Finding Of(string ruleId, FindingKind kind, string summary = "Go.") =>
        new(ruleId, kind, Severity.High, ["P-TEST"], [], summary, "detail", []);

    private static string Written(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>A page with <paramref name="left"/> points left for the line's words beside the footer and no note.</summary>
    private static PrintedPage PageLeaving(double left)
    {
        var page = new PrintedPage();
        page.AddPoints(page.PagePoints - PrintedPage.SafetyPoints - PrintedPage.PointsOf(PrintBlock.Foot, Foot) - left);
        return page;
    }

    [Fact]
    public void Findings_ContraindicationsAndCautionsFirst_EachGroupInTheScreeningsOrder()
    {
        using var culture = new UiCulture("en-GB");
        var line = new PrintedActNow(
            [Of("REQ-001", FindingKind.Requirement), Of("CAU-001", FindingKind.Caution), Of("INF-001", FindingKind.Information), Of("CON-001", FindingKind.Contraindication), Of("REQ-002", FindingKind.Requirement)],
            Heading,
            ClinicalText.Shared);

        Assert.Equal(["CAU-001", "CON-001", "REQ-001", "INF-001", "REQ-002"], line.Findings.Select(f => f.RuleId));
        Assert.Equal("Act now: CAU-001, CON-001, REQ-001, INF-001, REQ-002", line.ByIdsText);
    }

    [Fact]
    public void ByIdsText_InChinese_IdsSetCloseAfterTheHeading()
    {
        using var culture = new UiCulture("zh-Hans");
        var line = new PrintedActNow([Of("REQ-001", FindingKind.Requirement), Of("CAU-001", FindingKind.Caution)], "现在行动：", ClinicalText.Shared);

        Assert.Equal("现在行动：CAU-001、REQ-001", line.ByIdsText);
    }

    [Fact]
    public void CountedOn_CountsTheLineByIdOnThePage_AsALineOfItsOwnAfterTheBlocksBefore()
    {
        using var culture = new UiCulture("en-GB");
        var page = new PrintedPage();
        page.Add(PrintBlock.Verdict, "Overall: Not eligible now");
        var before = page.UsedPoints;

        var line = PrintedActNow.CountedOn(page, [Of("REQ-001", FindingKind.Requirement), Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);

        Assert.Equal("Act now: CAU-001, REQ-001", line.ByIdsText);
        Assert.False(line.InWords);
        Assert.Equal(before + PrintedPage.PointsOf(PrintBlock.Line, line.ByIdsText), page.UsedPoints, 6);
    }

    [Fact]
    public void Html_UntilWordsAreChosen_EveryFindingByIdItsWordsHiddenFromSight()
    {
        using var culture = new UiCulture("en-GB");
        var line = new PrintedActNow([Of("REQ-001", FindingKind.Requirement, "Use C-SSRS."), Of("CAU-001", FindingKind.Caution, "Watch.")], Heading, ClinicalText.Shared);

        Assert.False(line.InWords);
        Assert.Equal(
            " <span class=\"p-rule\">CAU-001<span class=\"visually-hidden\">: Watch.</span></span>, "
            + "<span class=\"p-rule\">REQ-001<span class=\"visually-hidden\">: Use C-SSRS.</span></span>",
            Written(line.Html));
    }

    [Fact]
    public void Html_OnceWordsAreChosen_EveryFindingInWordsRequirementsToo_IdentifiersKeptWhole()
    {
        using var culture = new UiCulture("en-GB");
        var line = new PrintedActNow([Of("REQ-001", FindingKind.Requirement, "Use C-SSRS."), Of("CAU-001", FindingKind.Caution, "Watch.")], Heading, ClinicalText.Shared);
        var html = line.Html; // as the view holds it: written once the page is counted (DeferredHtml)

        Assert.True(line.ChooseWords(new PrintedPage(), null, Foot));
        Assert.Equal(
            "<span class=\"p-still-act-item\"><span class=\"p-rule\">CAU-001</span>: Watch.</span>"
            + "<span class=\"p-still-act-item\"><span class=\"p-rule\">REQ-001</span>: Use <span class=\"id-whole\">C-SSRS</span>.</span>",
            Written(html));
        Assert.DoesNotContain("visually-hidden", Written(html), StringComparison.Ordinal);
    }

    [Fact]
    public void WordsExtraPoints_EachFindingInWordsTakesALineOfItsOwn_ByIdTheyShareTheHeadingsLines()
    {
        using var culture = new UiCulture("en-GB");
        var one = new PrintedActNow([Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);
        var twenty = new PrintedActNow([.. Enumerable.Range(1, 20).Select(i => Of($"CAU-{i:000}", FindingKind.Caution))], Heading, ClinicalText.Shared);

        // In words: the heading's line and the finding's (a line and 1pt each); by id, one line: a line and 1pt more.
        Assert.Equal(PrintedPage.LinePoints + 1, one.WordsExtraPoints, 6);
        // Twenty ids (187 characters with the heading) take two lines after the heading; in words, the heading and twenty lines.
        Assert.Equal((19 * PrintedPage.LinePoints) + 20, twenty.WordsExtraPoints, 6);
    }

    [Fact]
    public void ChooseWords_NoFindings_TheWordsTakeNoRoomMore_StaysById()
    {
        var line = new PrintedActNow([], Heading, ClinicalText.Shared);
        var page = new PrintedPage();

        Assert.Equal(0, line.WordsExtraPoints, 6);
        Assert.False(line.ChooseWords(page, null, Foot));
        Assert.Equal(0, page.UsedPoints, 6);
    }

    [Fact]
    public void ChooseWords_AtTheEdgeOfThePage_WordsOnlyWhereTheirExtraPointsFit()
    {
        using var culture = new UiCulture("en-GB");
        var fits = new PrintedActNow([Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);
        var over = new PrintedActNow([Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);
        var roomy = PageLeaving(fits.WordsExtraPoints + 0.01);
        var tight = PageLeaving(over.WordsExtraPoints - 0.01);
        var usedBefore = (roomy.UsedPoints, tight.UsedPoints);

        Assert.True(fits.ChooseWords(roomy, null, Foot));
        Assert.False(over.ChooseWords(tight, null, Foot));

        // Chosen, the words' extra points are counted on the page, once however often it is asked; not chosen, nothing is.
        Assert.True(fits.ChooseWords(roomy, null, Foot));
        Assert.Equal(usedBefore.Item1 + fits.WordsExtraPoints, roomy.UsedPoints, 6);
        Assert.Equal(usedBefore.Item2, tight.UsedPoints, 6);
        Assert.True(fits.InWords);
        Assert.False(over.InWords);
    }

    [Fact]
    public void ChooseWords_TheNotesLinesCount_AWordsLineThatFitsWithoutTheNoteStaysByIdBesideIt()
    {
        using var culture = new UiCulture("en-GB");
        var withoutNote = new PrintedActNow([Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);
        var withNote = new PrintedActNow([Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);

        Assert.True(withoutNote.ChooseWords(PageLeaving(withoutNote.WordsExtraPoints + 0.01), "", Foot));
        Assert.False(withNote.ChooseWords(PageLeaving(withNote.WordsExtraPoints + 0.01), "Seen with her mother.", Foot));
    }

    [Fact]
    public void ChooseWords_ANoteTheRoomLeftCannotHoldWhole_StaysByIdOnAnEmptyPage()
    {
        using var culture = new UiCulture("en-GB");
        var whole = new PrintedActNow([Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);
        var cut = new PrintedActNow([Of("CAU-001", FindingKind.Caution)], Heading, ClinicalText.Shared);

        Assert.True(whole.ChooseWords(new PrintedPage(), new string('a', PrintedNote.MaxLines * NoteLineCharacters), Foot));
        Assert.False(cut.ChooseWords(new PrintedPage(), new string('a', (PrintedNote.MaxLines * NoteLineCharacters) + 1), Foot));
    }

    [Fact]
    public void NoteLinesWhole_TheFewestLinesThatHoldTheNote_NoneWithoutANote()
    {
        var page = new PrintedPage();

        Assert.Equal(0, PrintedActNow.NoteLinesWhole(page, null, Foot));
        Assert.Equal(0, PrintedActNow.NoteLinesWhole(page, "", Foot));
        Assert.Equal(PrintedNote.MinLines, PrintedActNow.NoteLinesWhole(page, "Seen.", Foot));
        Assert.Equal(PrintedNote.MinLines, PrintedActNow.NoteLinesWhole(page, new string('a', PrintedNote.MinLines * NoteLineCharacters), Foot));
        Assert.Equal(5, PrintedActNow.NoteLinesWhole(page, new string('a', 5 * NoteLineCharacters), Foot));
        Assert.Equal(6, PrintedActNow.NoteLinesWhole(page, new string('a', (5 * NoteLineCharacters) + 1), Foot));
    }

    [Fact]
    public void NoteLinesWhole_AFullerPage_NullOnceTheNoteNeedsMoreLinesThanItLeaves()
    {
        var page = PageLeaving(0);
        page.AddPoints(-8 * PrintedPage.LinePoints);
        var room = page.NoteLines(Foot);
        Assert.InRange(room, PrintedNote.MinLines + 1, PrintedNote.MaxLines - 1);

        Assert.Equal(room, PrintedActNow.NoteLinesWhole(page, new string('a', room * NoteLineCharacters), Foot));
        Assert.Null(PrintedActNow.NoteLinesWhole(page, new string('a', (room * NoteLineCharacters) + 1), Foot));
    }
}
