using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>QA11 F2: the clinician's note on the one-page print, whole when it fits, otherwise cut with the count left out.</summary>
public sealed class PrintedNoteTests
{
    /// <summary>The note's maximum length (Fields.ClinicianNote).</summary>
    private const int MaxNote = 2000;

    private static string Repeat(string text, int length) => string.Concat(Enumerable.Repeat(text, (length / text.Length) + 1))[..length];

    [Fact]
    public void Of_EnglishNoteOfTheMaximumLength_IsCutAtAWordAndCountsEveryCharacterLeftOut()
    {
        // A printed line holds about 147 characters of English prose, not 180: a 2,000-character note whole takes 14 lines
        // and pushed the disclaimer and the signature onto a second page under a long history.
        var note = Repeat("Seen with her partner; two previous overdoses, safety plan written together. ", MaxNote);

        var (printed, left) = PrintedNote.Of(note);

        Assert.EndsWith("…", printed, StringComparison.Ordinal);
        var head = printed[..^1];
        Assert.StartsWith(head, note, StringComparison.Ordinal);
        Assert.True(note[head.Length] == ' ' || head[^1] is ',' or ';' or '.', $"Cut inside a word: \"{head[^10..]}\".");
        Assert.Equal(note[head.Length..].TrimStart().Length, left);
        Assert.InRange(head.Length, (PrintedNote.MaxLines * 140) - 60, PrintedNote.MaxLines * 140);
    }

    [Fact]
    public void Of_EnglishNoteThatFillsMaxLinesOf140Characters_IsPrintedWhole()
    {
        var note = Repeat("Seen with her partner; two previous overdoses, safety plan written together. ", PrintedNote.MaxLines * 140);

        Assert.Equal((note, 0), PrintedNote.Of(note));
        Assert.True(PrintedNote.Of(note + "x").CharactersLeft > 0);
    }

    [Fact]
    public void Of_ChineseNoteOfTheMaximumLength_IsCutAtAPunctuationMarkAndCountsEveryCharacterLeftOut()
    {
        var note = Repeat("患者由伴侣陪同就诊，既往两次药物过量。", MaxNote);

        var (printed, left) = PrintedNote.Of(note);

        Assert.EndsWith("…", printed, StringComparison.Ordinal);
        var head = printed[..^1];
        Assert.StartsWith(head, note, StringComparison.Ordinal);
        Assert.True(head[^1] is '，' or '。', $"Cut inside a clause: \"{head[^10..]}\".");
        Assert.Equal(note.Length - head.Length, left);

        // About 65 Chinese characters a line (68 measured on A4).
        Assert.InRange(head.Length, (PrintedNote.MaxLines * 65) - 60, PrintedNote.MaxLines * 66);
    }

    [Fact]
    public void Of_ManyShortLines_CountsEachLineBreakAsTheRestOfItsLine()
    {
        var note = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"Item {i}: reviewed."));

        var (printed, left) = PrintedNote.Of(note);

        Assert.Equal(PrintedNote.MaxLines, printed.Split('\n').Length);
        Assert.True(left > 0);
    }

    [Fact]
    public void Of_CharactersOutsideTheBasicPlane_AreNeverSplit()
    {
        var note = Repeat("𠀀𠀁𠀂，", 2002);

        var (printed, left) = PrintedNote.Of(note);

        Assert.False(char.IsHighSurrogate(printed[^2]), "A surrogate pair was cut.");
        Assert.True(left > 0);
        Assert.Equal(note[(printed.Length - 1)..].EnumerateRunes().Count(), left);
    }

    [Fact]
    public void Of_InTheLinesThePageLeaves_IsCutSooner_WithinMinAndMaxLines()
    {
        var note = Repeat("Seen with her partner; two previous overdoses, safety plan written together. ", MaxNote);

        var (fewest, leftFewest) = PrintedNote.Of(note, PrintedNote.MinLines);
        var (most, leftMost) = PrintedNote.Of(note, PrintedNote.MaxLines);

        Assert.Equal(PrintedNote.Of(note), (most, leftMost));
        Assert.InRange(fewest.Length - 1, (PrintedNote.MinLines * 140) - 60, PrintedNote.MinLines * 140);
        Assert.StartsWith(fewest[..^1], note, StringComparison.Ordinal);
        Assert.Equal(note[(fewest.Length - 1)..].TrimStart().Length, leftFewest);
        Assert.True(leftFewest > leftMost);
        Assert.Throws<ArgumentOutOfRangeException>(() => PrintedNote.Of(note, PrintedNote.MinLines - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrintedNote.Of(note, PrintedNote.MaxLines + 1));
    }

    [Fact]
    public void Units_CountNarrowAndWideCharacters()
    {
        Assert.Equal((3 * 7) + (2 * 15), PrintedNote.Units("a1.患者"));
        Assert.Equal(15, PrintedNote.Units("𠀀"));
    }

    [Fact]
    public void Labels_ThatFit_ArePrintedAllJoined()
    {
        var (printed, left) = PrintedNote.Labels(["Age", "Psychosis"], ", ", PrintedNote.ShortTextUnits);

        Assert.Equal("Age, Psychosis", printed);
        Assert.Equal(0, left);
        Assert.Equal(("", 0), PrintedNote.Labels([], ", ", PrintedNote.ShortTextUnits));
    }

    [Fact]
    public void Labels_ThatRunOver_AreCutBetweenLabelsNeverInsideOne_AndCounted()
    {
        // Half a line is 70 Latin characters: the third label would run over it.
        string[] labels = ["Age in years", "Failed adequate antidepressant trials", "Distinct mechanisms tried", "Systolic blood pressure", "Diastolic blood pressure"];

        var (printed, left) = PrintedNote.Labels(labels, ", ", PrintedNote.ShortTextUnits);

        Assert.Equal("Age in years, Failed adequate antidepressant trials", printed);
        Assert.Equal(3, left);
    }
}
