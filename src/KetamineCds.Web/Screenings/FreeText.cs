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
    /// one character, not the two UTF-16 units <see cref="string.Length"/> counts. A lone surrogate counts as one. The one
    /// definition of a free text's "characters" (the contract's "chars"): the note, an override's explanation and a
    /// correction's reason are counted with it, from the form and the API alike. Their text areas have no <c>maxlength</c>,
    /// which a browser counts in UTF-16 units: it stopped a note of 2,000 characters holding an emoji that the server
    /// accepts (QA157 F7); a longer text is refused by the server at its field, the text kept.
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

    /// <summary>
    /// A text area's posted value as the browser held it: a form submission sends each line break as CR LF (two
    /// characters) while the text area's value has LF (one), so that a note of 2,000 characters with line breaks was
    /// refused as too long (QA157 F7). CR LF is read as LF; nothing else is changed. Null stays null.
    /// </summary>
    public static string? FromTextArea(string? posted) => posted?.Replace("\r\n", "\n", StringComparison.Ordinal);

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
