using System.Globalization;
using System.Text;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Fits a value from outside (an attempted email, a query-string filter, a header) to a column of the append-only
/// access log before it is hashed and stored, so that no value can fail the write or bloat the log for ever.
/// What is kept: every printable character, including spaces and markup such as <c>&lt;script&gt;</c> (it is evidence
/// of the attempt, and every page HTML-encodes it). What is replaced, each by U+FFFD: control characters (C0, C1,
/// CR, LF, TAB), Unicode format characters (the bidirectional overrides and isolates U+202A-U+202E and
/// U+2066-U+2069, zero-width characters), line and paragraph separators, and lone surrogates. A value longer than
/// its column is cut to the column's length, ending in "…" (never splitting a surrogate pair).
/// </summary>
public static class LogText
{
    /// <summary>The replacement for a character that is not kept.</summary>
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
        // costs no more than a short one.
        var limit = Math.Min(value.Length, maxLength + 1);
        var sb = new StringBuilder(limit);
        for (var i = 0; i < limit; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(value, i);
                if (category == UnicodeCategory.Format)
                {
                    sb.Append(Replacement);
                }
                else
                {
                    sb.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            sb.Append(IsKept(c) ? c : Replacement);
        }

        if (sb.Length <= maxLength && limit == value.Length)
        {
            return sb.ToString();
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(sb[cut - 1]))
        {
            cut--;
        }

        return sb.ToString(0, cut) + Ellipsis;
    }

    /// <summary>A required value: null becomes the empty string.</summary>
    public static string FitRequired(string? value, int maxLength) => Fit(value ?? "", maxLength)!;

    private static bool IsKept(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}
