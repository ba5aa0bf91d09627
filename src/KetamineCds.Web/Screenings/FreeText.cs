namespace KetamineCds.Web.Screenings;

/// <summary>
/// What free text a clinician writes (the note, a correction's reason) may hold (QA8 F6): no control characters (a
/// pasted NUL, an escape), other than the line breaks and tabs of a text of several lines, and none of the invisible
/// marks that reorder the text shown after them (the bidirectional embeddings and overrides U+202A-U+202E and isolates
/// U+2066-U+2069): a reason shown to an auditor must read as it was written. Such text is refused with a message on
/// its field, never stored and never stripped unseen.
/// </summary>
public static class FreeText
{
    /// <summary>
    /// The length of <paramref name="text"/> in characters as a reader counts them and as JSON Schema's <c>maxLength</c>
    /// does (QA132 F9): Unicode code points, so that an emoji or a CJK character outside the Basic Multilingual Plane is
    /// one character, not the two UTF-16 units <see cref="string.Length"/> counts. A lone surrogate counts as one.
    /// </summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    /// <summary>True when <paramref name="text"/> holds a character that is refused (see the class).</summary>
    public static bool HasHiddenCharacters(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            var refused = c switch
            {
                '\t' or '\n' or '\r' => !multiLine,
                >= '\u202A' and <= '\u202E' => true,
                >= '\u2066' and <= '\u2069' => true,
                _ => char.IsControl(c),
            };
            if (refused)
            {
                return true;
            }
        }

        return false;
    }
}
