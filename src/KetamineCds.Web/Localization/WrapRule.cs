namespace KetamineCds.Web.Localization;

/// <summary>
/// Where a long string (an email, an id, a key, a field's name) may wrap in a narrow column, as data: the page joins its
/// pieces with <c>&lt;wbr&gt;</c> (or keeps each on one line), so that it wraps at a sensible point and never inside a word.
/// Joined again, the pieces are the string.
/// </summary>
public sealed record WrapRule
{
    /// <summary>Whether the string may wrap between two characters (the one before, the one after).</summary>
    public required Func<char, char, bool> Between { get; init; }

    /// <summary>No wrap point leaves a piece shorter than this before it (a head such as <c>P-</c> stays with the word after it).</summary>
    public int ShortestPiece { get; init; } = 1;

    /// <summary>A string no longer than this is one piece; 0: any string is cut.</summary>
    public int WholeUpTo { get; init; }

    /// <summary>At most this many pieces, the rest of the string kept with the last; 0: no limit.</summary>
    public int MostPieces { get; init; }

    /// <summary>Each piece then cut in groups of this many characters; 0: not.</summary>
    public int Groups { get; init; }

    /// <summary>
    /// The string before the last of this character is one piece, cut before it, and only the rest may wrap by
    /// <see cref="Between"/>; a string without it, or starting with it, is one piece. Null: the whole string may wrap.
    /// </summary>
    public char? WrapsFromLast { get; init; }

    /// <summary>Wrap after any of <paramref name="marks"/>.</summary>
    public static Func<char, char, bool> After(string marks) => (before, _) => marks.Contains(before, StringComparison.Ordinal);

    /// <summary>Wrap before any of <paramref name="marks"/>.</summary>
    public static Func<char, char, bool> Before(string marks) => (_, after) => marks.Contains(after, StringComparison.Ordinal);

    /// <summary>Wrap before a capital that follows a small letter or a digit: between the words of a camelCase name.</summary>
    public static readonly Func<char, char, bool> BetweenWords = (before, after) =>
        char.IsAsciiLetterUpper(after) && (char.IsAsciiLetterLower(before) || char.IsAsciiDigit(before));

    /// <summary><paramref name="text"/> in the pieces this rule may wrap it between.</summary>
    public IReadOnlyList<string> Pieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= WholeUpTo)
        {
            return [text];
        }

        var pieces = new List<string>();
        var start = 0;
        if (WrapsFromLast is { } mark)
        {
            start = text.LastIndexOf(mark);
            if (start <= 0)
            {
                return [text];
            }

            pieces.Add(text[..start]);
        }

        for (var i = start + 1; i < text.Length && (MostPieces == 0 || pieces.Count < MostPieces - 1); i++)
        {
            if (i - start >= ShortestPiece && Between(text[i - 1], text[i]))
            {
                pieces.Add(text[start..i]);
                start = i;
            }
        }

        pieces.Add(text[start..]);
        return Groups == 0 ? pieces : [.. pieces.SelectMany(InGroups)];
    }

    /// <summary>
    /// <paramref name="text"/> cut around each match of <paramref name="pattern"/> (an identifier, an email in a sentence),
    /// each piece flagged when it is a match, so that the page can treat that piece by its own rule. Joined again, the
    /// pieces are the text.
    /// </summary>
    public static IEnumerable<(string Text, bool Match)> Around(string text, System.Text.RegularExpressions.Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pattern);
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in pattern.Matches(text))
        {
            if (match.Index > at)
            {
                yield return (text[at..match.Index], false);
            }

            yield return (match.Value, true);
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            yield return (text[at..], false);
        }
    }

    private IEnumerable<string> InGroups(string piece)
    {
        for (var at = 0; at < piece.Length; at += Groups)
        {
            yield return piece.Substring(at, Math.Min(Groups, piece.Length - at));
        }
    }
}
