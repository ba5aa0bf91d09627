using System.Globalization;
using System.Text;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Fits a value from outside (an attempted email, a query-string filter, a header) to a column of the append-only
/// access log before it is hashed and stored, so that no value can fail the write or bloat the log for ever.
/// What is kept: every printable character, including spaces and markup such as <c>&lt;script&gt;</c> (it is evidence
/// of the attempt, and every page HTML-encodes it). What is written escaped, so that an auditor reads what was typed
/// and no value can break a line of the log's exports (CSV, JSON Lines) or reorder the text around it (QA P11):
/// a backslash as <c>\\</c>, CR, LF and TAB as <c>\r</c>, <c>\n</c>, <c>\t</c>, and every other control character (C0,
/// C1), Unicode format character (the bidirectional overrides and isolates U+202A-U+202E and U+2066-U+2069, zero-width
/// characters), line and paragraph separator, private-use or unassigned character and lone surrogate as <c>\uXXXX</c>.
/// Values stored before this escaping hold U+FFFD in their place, and are kept as they are (their hashes cover them).
/// A value longer than its column is cut to the column's length, ending in "…" (never splitting an escape or a
/// surrogate pair).
/// </summary>
public static class LogText
{
    /// <summary>The replacement earlier versions stored for a character that was not kept (old entries still hold it).</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>The mark ending a cut value.</summary>
    public const char Ellipsis = '\u2026';

    /// <summary>The value made safe and at most <paramref name="maxLength"/> UTF-16 code units long; null stays null.</summary>
    public static string? Fit(string? value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (value is null)
        {
            return null;
        }

        // Look at no more than the column can hold (plus one, to know a cut is needed): a 300,000-character value
        // costs no more than a short one. Each piece (a character, a pair, an escape) is whole or left out.
        var sb = new StringBuilder(Math.Min(value.Length, maxLength) + 1);
        var cutAt = -1;
        for (var i = 0; i < value.Length; i++)
        {
            string piece;
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                piece = CharUnicodeInfo.GetUnicodeCategory(value, i) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                    ? Escape(c) + Escape(value[i + 1])
                    : value.Substring(i, 2);
                i++;
            }
            else
            {
                piece = c == '\\' ? "\\\\" : IsKept(c) ? c.ToString() : Escape(c);
            }

            if (sb.Length + piece.Length > maxLength - 1 && cutAt < 0)
            {
                // The last place a cut can end with room for the ellipsis.
                cutAt = sb.Length;
            }

            if (sb.Length + piece.Length > maxLength)
            {
                return sb.ToString(0, cutAt) + Ellipsis;
            }

            sb.Append(piece);
        }

        return sb.ToString();
    }

    /// <summary>A required value: null becomes the empty string.</summary>
    public static string FitRequired(string? value, int maxLength) => Fit(value ?? "", maxLength)!;

    /// <summary>How a character that is not kept is written: its usual escape, else <c>\uXXXX</c>.</summary>
    private static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };

    private static bool IsKept(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}
