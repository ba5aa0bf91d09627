using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>
/// The room the one-page print leaves the clinician's note (PrintedPage): all 12 lines after a short history, fewer after a
/// heavy one, never fewer than PrintedNote.MinLines.
/// </summary>
public sealed class PrintedPageTests
{
    private const string Foot = "KetamineCds supports, and never replaces, the clinician's judgement. This rationale records the rule set's output for the history shown; the treating clinician decides. Clinician signature: Date:";

    private static string Text(int characters) => string.Concat(Enumerable.Repeat("Caution REMS-001 monitored. ", (characters / 28) + 1))[..characters];

    [Fact]
    public void NoteLines_AfterAShortHistory_AreAllTwelve()
    {
        var page = new PrintedPage();
        page.Add(PrintBlock.Header, Text(300));
        page.Add(PrintBlock.Verdict, Text(120));
        page.Add(PrintBlock.Heading, "Pathways");
        for (var i = 0; i < 3; i++)
        {
            page.Add(PrintBlock.Row, Text(80));
        }

        page.Add(PrintBlock.Heading, "Findings");
        for (var i = 0; i < 8; i++)
        {
            page.Add(PrintBlock.Column, Text(200));
        }

        page.Add(PrintBlock.Answers, Text(700));

        Assert.Equal(PrintedNote.MaxLines, page.NoteLines(Foot));
    }

    [Fact]
    public void NoteLines_AfterAHeavyHistory_AreTheLinesLeft_NeverFewerThanTheMinimum()
    {
        var page = new PrintedPage();
        page.Add(PrintBlock.Header, Text(320));
        page.Add(PrintBlock.Verdict, Text(120));
        page.Add(PrintBlock.NotRecordedHead, "Not recorded (a blank answer is never read as \"no\")");
        page.Add(PrintBlock.NotRecordedItems, Text(500));
        page.Add(PrintBlock.Heading, "Pathways");
        for (var i = 0; i < 5; i++)
        {
            page.Add(PrintBlock.Row, Text(90));
        }

        page.Add(PrintBlock.Heading, "Findings");
        var lines = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            page.Add(PrintBlock.Column, Text(220));
            lines.Add(page.NoteLines(Foot));
        }

        // Each finding takes room from the note until only the minimum is left; the note never grows as findings are added.
        Assert.Equal(PrintedNote.MaxLines, lines[0]);
        Assert.Equal(PrintedNote.MinLines, lines[^1]);
        Assert.True(lines.Zip(lines.Skip(1)).All(pair => pair.Second <= pair.First), string.Join(", ", lines));
        Assert.Contains(lines, l => l is > PrintedNote.MinLines and < PrintedNote.MaxLines);
    }

    [Fact]
    public void NoteLines_AfterAHeavyHistory_OnA4_AreTheLinesItsTallerSheetLeaves_OnEitherPaperLetters()
    {
        // QA: fitted to US Letter's height whatever the paper, an A4 sheet of the heaviest histories left some five lines blank.
        var pages = new[] { new PrintedPage(PrintPaper.A4), new PrintedPage(PrintPaper.Letter), new PrintedPage(PrintPaper.Either), new PrintedPage() };
        foreach (var page in pages)
        {
            page.Add(PrintBlock.Header, Text(320));
            page.Add(PrintBlock.Verdict, Text(120));
            page.Add(PrintBlock.Heading, "Findings");
        }

        var compared = 0;
        for (var i = 0; i < 60; i++)
        {
            foreach (var page in pages)
            {
                page.Add(PrintBlock.Column, Text(220));
            }

            var (a4, letter) = (pages[0].NoteLines(Foot), pages[1].NoteLines(Foot));
            Assert.Equal(letter, pages[2].NoteLines(Foot));
            Assert.Equal(letter, pages[3].NoteLines(Foot));
            if (letter is > PrintedNote.MinLines and < PrintedNote.MaxLines - 6)
            {
                // A4's 50pt more inside the margins (282 mm against 264.4 mm) are five lines of 8.8pt more for the note.
                Assert.InRange(a4, letter + 5, letter + 6);
                compared++;
            }
        }

        Assert.True(compared > 0);
    }

    [Fact]
    public void Add_ItemsOfTheTwoColumnFlow_TakeHalfTheirLines()
    {
        var across = new PrintedPage();
        var columns = new PrintedPage();
        for (var i = 0; i < 20; i++)
        {
            across.Add(PrintBlock.Line, Text(60));
            columns.Add(PrintBlock.Column, Text(60));
        }

        // Twenty one-line items: twenty lines across the page, ten in each column and one for balancing them.
        Assert.Equal(20 * (PrintedPage.LinePoints + 1), across.UsedPoints, 3);
        Assert.Equal((10 * 7.5 * PrintedPage.LineHeight) + PrintedPage.LinePoints, columns.UsedPoints, 3);
    }

    [Fact]
    public void Add_ItemsOfTheTwoColumnFlow_AreNeverSplit_TheTallerColumnHoldsWholeItems()
    {
        // Helper 291: an item is never split between the columns (print.css). One item (a checklist of one) takes all its
        // lines in one column, not half of them; two one-line items beside a long one go in the other column, and the long
        // one's column is the taller: not half of all three, as when an item's lines could go on in the next column.
        var line = 7.5 * PrintedPage.LineHeight;
        var single = new PrintedPage();
        single.Add(PrintBlock.Column, Text(60));
        var longItem = new PrintedPage();
        longItem.Add(PrintBlock.Column, Text(400));
        var tall = longItem.UsedPoints - PrintedPage.LinePoints;
        var columns = new PrintedPage();
        columns.Add(PrintBlock.Column, Text(60));
        columns.Add(PrintBlock.Column, Text(60));
        columns.Add(PrintBlock.Column, Text(400));

        Assert.Equal(line + PrintedPage.LinePoints, single.UsedPoints, 3);
        Assert.True(tall > 2 * line, $"{tall}pt");
        Assert.Equal(tall + PrintedPage.LinePoints, columns.UsedPoints, 3);
        Assert.True(columns.UsedPoints > ((2 * line) + tall) / 2 + PrintedPage.LinePoints);
    }

    [Fact]
    public void Add_RunOn_ContinuesTheBlockBeforeOnItsLastLine()
    {
        var page = new PrintedPage();
        page.Add(PrintBlock.Line, Text(40));
        var one = page.UsedPoints;
        page.Add(PrintBlock.RunOn, Text(40));

        Assert.Equal(one, page.UsedPoints, 3);
        page.Add(PrintBlock.RunOn, Text(100));
        Assert.Equal(one + PrintedPage.LinePoints, page.UsedPoints, 3);
    }

    [Fact]
    public void TextOf_DropsTagsReadsReferencesAndCollapsesSpace()
    {
        Assert.Equal("Caution REMS-001 \"no\" 患者 ☐ x", PrintedPage.TextOf("<li>\n  <strong class=\"p-kind\">Caution</strong> <span>REMS-001</span>  &quot;no&quot; &#x60A3;&#x8005; &#9744;&nbsp;x\n</li>").Replace('\u00A0', ' '));
    }
}
