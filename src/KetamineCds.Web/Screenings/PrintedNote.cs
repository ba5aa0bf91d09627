using System.Text;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The clinician's note as the one-page rationale prints it: whole when it fits in the lines the rest of the print leaves
/// it (<see cref="PrintedPage.NoteLines"/>: <see cref="MaxLines"/> after a short history, fewer after a heavy one, never
/// fewer than <see cref="MinLines"/>), otherwise cut at a word or a punctuation mark, with the number of characters left
/// out, so that the print says it is cut and where the rest is (the record: the result page of the screening). The note
/// may hold up to 2,000 characters; 2,000 Chinese characters take more than twice the lines of 2,000 Latin letters in the
/// print's condensed face, and a long Chinese note pushed the disclaimer and the signature lines onto a second page (QA11
/// F2); so did a 2,000-character English note, whole in 14 lines, under a long history (a recent attempt on opioids with
/// active substance use), and then, cut to a fixed 12 lines, under a heavier one (that attempt with preparatory acts,
/// active alcohol and ketamine use, a benzodiazepine at 40 mg and other CNS depressants), where even 5 lines ran onto a
/// second US Letter page: hence the room left rather than a fixed count.
/// </summary>
/// <remarks>
/// The lines are estimated, not measured: a narrow character (Latin, digits, punctuation) is <see cref="Narrow"/> units,
/// a wide one (CJK, full-width forms, Hangul, kana) is <see cref="Wide"/>, a printed line holds <see cref="LineUnits"/>
/// (140 Latin characters or about 65 Chinese characters at 8pt), and a line break ends a line. Measured in Chromium on
/// the narrower page, A4 (192 mm inside the margins; US Letter's line is 3% longer), in either UI: a line of ordinary
/// English prose, wrapped at words, holds 147 characters on average in the English UI and 145 in the Chinese one (138 to
/// 157 a line), a line of Chinese 68; the estimate keeps 3 to 5% for word-wrap loss and the label the note runs in after ("Clinician's note:", some 20 characters of
/// the first line). So a 2,000-character English note is cut after about 1,680 characters, a Chinese one after about
/// 780, and the print says how many characters are left out and that the note is whole in the record.
/// </remarks>
public static class PrintedNote
{
    /// <summary>The most lines the note takes on the print: all it gets after a short history.</summary>
    public const int MaxLines = 12;

    /// <summary>
    /// The fewest lines the note takes on the print, however little room the rest of the page leaves it
    /// (<see cref="PrintedPage.NoteLines"/>): its start, then the line that says it continues in the record.
    /// </summary>
    public const int MinLines = 2;

    internal const int Narrow = 7;
    internal const int Wide = 15;
    internal const int LineUnits = 980;

    /// <summary>
    /// The room an override's explanation (up to 2,000 characters, any number of overrides) or a correction's reason (up to
    /// 500) takes on the print: half a line, 70 Latin characters or about 32 Chinese characters, after the line that says who
    /// decided what and when. The longest realistic histories leave the print a few lines, so these texts are cut as the
    /// note is, with the count of what is left out and where it is (QA119 F1).
    /// </summary>
    public const int ShortTextUnits = LineUnits / 2;

    /// <summary>The note as printed in <see cref="MaxLines"/> (cut, with an ellipsis, when it runs over) and how many characters are not printed.</summary>
    public static (string Printed, int CharactersLeft) Of(string note) => Of(note, MaxLines);

    /// <summary>
    /// The note as printed in <paramref name="lines"/> lines, the room the rest of the print leaves it
    /// (<see cref="PrintedPage.NoteLines"/>), cut as <see cref="Of(string)"/> cuts it.
    /// </summary>
    public static (string Printed, int CharactersLeft) Of(string note, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lines, MinLines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines, MaxLines);
        return Within(note, lines * LineUnits);
    }

    /// <summary>The units a text takes on one unbroken line: <see cref="Narrow"/> for each narrow character, <see cref="Wide"/> for each wide one.</summary>
    public static int Units(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            units += IsWide(rune) ? Wide : Narrow;
        }

        return units;
    }

    /// <summary>
    /// A clinician's text as printed in at most <paramref name="units"/> (<see cref="ShortTextUnits"/> for an override's
    /// explanation or a correction's reason), cut as the note is, and how many characters are not printed.
    /// </summary>
    public static (string Printed, int CharactersLeft) Within(string note, int units)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        var budget = units;
        var used = 0;
        var line = 0;
        var lastBreak = -1;
        var index = 0;
        foreach (var rune in note.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                // A line break ends the line: the rest of it is blank on paper.
                used += LineUnits - line;
                line = 0;
            }
            else
            {
                var width = IsWide(rune) ? Wide : Narrow;
                if (line + width > LineUnits)
                {
                    line = 0;
                }

                used += width;
                line += width;
            }

            if (used > budget)
            {
                // Cut after the last space or punctuation within the last line, else here; never inside a character.
                var cut = lastBreak > 0 && index - lastBreak <= 60 ? lastBreak : index;
                var printed = note[..cut].TrimEnd();
                return (printed + "…", CountCharacters(note[printed.Length..].TrimStart()));
            }

            index += rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune) || IsBreakAfter(rune))
            {
                lastBreak = index;
            }
        }

        return (note, 0);
    }

    /// <summary>
    /// Labels (of answers, say) as printed in at most <paramref name="units"/>, whole: the first that fit, joined by
    /// <paramref name="separator"/> (the first alone, cut as the note is, when even it does not), and how many are left out.
    /// A list is never cut inside a label ("Systolic…").
    /// </summary>
    public static (string Printed, int LabelsLeft) Labels(IReadOnlyList<string> labels, string separator, int units)
    {
        ArgumentNullException.ThrowIfNull(labels);
        for (var count = labels.Count; count > 1; count--)
        {
            var joined = string.Join(separator, labels.Take(count));
            if (Within(joined, units).CharactersLeft == 0)
            {
                return (joined, labels.Count - count);
            }
        }

        return labels.Count == 0 ? ("", 0) : (Within(labels[0], units).Printed, labels.Count - 1);
    }

    /// <summary>Characters as a reader counts them (a character outside the BMP is one, not two).</summary>
    private static int CountCharacters(string text) => text.EnumerateRunes().Count();

    private static bool IsBreakAfter(Rune rune) => rune.Value is ',' or '.' or ';' or ':' or '!' or '?' or ')' or '，' or '。' or '；' or '：' or '、' or '！' or '？' or '）';

    /// <summary>East Asian wide and full-width characters (Unicode's East_Asian_Width W and F, in outline).</summary>
    private static bool IsWide(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x115F => true,
        >= 0x2E80 and <= 0x303E => true,
        >= 0x3041 and <= 0x33FF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xA000 and <= 0xA4CF => true,
        >= 0xAC00 and <= 0xD7A3 => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0xFE30 and <= 0xFE4F => true,
        >= 0xFF00 and <= 0xFF60 => true,
        >= 0xFFE0 and <= 0xFFE6 => true,
        >= 0x1F300 and <= 0x1F64F => true,
        >= 0x20000 and <= 0x3FFFD => true,
        _ => false,
    };
}
