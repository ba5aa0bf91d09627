using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Security;

/// <summary>
/// Refuses a password that is, or is built on, one of the 10,000 most common passwords (<c>common-passwords.txt</c>,
/// embedded in the assembly; its header says where it comes from). Identity runs every password validator wherever a
/// password is set: an administrator creating or resetting an account, a user changing their own, the bootstrap
/// administrator and the demo accounts. A password is compared after the decorations people add to a common
/// password to get past composition rules: letter case, digits and symbols before or after it, and the usual
/// look-alike substitutions (<c>P@ssw0rd</c>). So <c>Password123!</c>, <c>!!Summer2024</c> and <c>L3tmein!!2025</c>
/// are refused; a long passphrase that merely contains a common word is not.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<PageText> localizer) : IPasswordValidator<ApplicationUser>
{
    /// <summary>The error code; the pages put any error whose code names a password under the password field.</summary>
    public const string ErrorCode = "PasswordTooCommon";

    public const string Message = "This is one of the most common passwords, or one with only digits, symbols or look-alike letters added. Choose another: a few unrelated words are strong and easy to remember.";

    /// <summary>A common password this short is ignored when it is only the core of a longer password ("ab" + digits).</summary>
    private const int ShortestCommonCore = 4;

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>Look-alike characters and the letters they stand for (1 is tried as both i and l).</summary>
    private static readonly (char From, char To)[] Substitutions =
        [('0', 'o'), ('1', 'i'), ('3', 'e'), ('4', 'a'), ('5', 's'), ('7', 't'), ('8', 'b'), ('9', 'g'), ('@', 'a'), ('$', 's'), ('!', 'i'), ('+', 't'), ('|', 'l')];

    /// <summary>How many passwords the list holds (for tests and the docs).</summary>
    public static int Count => List.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(string.IsNullOrEmpty(password) || !IsCommon(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = localizer["This is one of the most common passwords, or one with only digits, symbols or look-alike letters added. Choose another: a few unrelated words are strong and easy to remember."] }));

    /// <summary>True when the password, or its core after the usual decorations are taken off, is on the list.</summary>
    public static bool IsCommon(string password)
    {
        var list = List.Value;
        var lower = password.Trim().ToLower(CultureInfo.InvariantCulture);
        foreach (var form in Forms(lower))
        {
            if (list.Contains(form.Text) && (form.Whole || form.Text.Length >= ShortestCommonCore))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The password and its cores: without symbols at the ends ("trustno1!!" is "trustno1"), without digits and
    /// symbols at the ends ("summer2024!" is "summer"), each also with look-alikes read as letters. Only the password
    /// itself (and its look-alike reading) is "whole"; a core must be long enough to count.
    /// </summary>
    private static IEnumerable<(string Text, bool Whole)> Forms(string lower)
    {
        var bases = new[] { (lower, true), (Strip(lower, letterOrDigit: true), false), (Strip(lower, letterOrDigit: false), false) };
        foreach (var (text, whole) in bases)
        {
            if (text.Length == 0)
            {
                continue;
            }

            yield return (text, whole);
            foreach (var one in new[] { 'i', 'l' })
            {
                var plain = Unsubstitute(text, one);
                yield return (plain, whole);
                yield return (Strip(plain, letterOrDigit: false), false);
            }
        }
    }

    /// <summary>
    /// Takes decorations off both ends: symbols and spaces ("!!trustno1." becomes "trustno1"), and with
    /// <paramref name="letterOrDigit"/> false digits too ("!!summer2024." becomes "summer").
    /// </summary>
    private static string Strip(string text, bool letterOrDigit)
    {
        bool IsDecoration(char c) => letterOrDigit ? !char.IsLetterOrDigit(c) : !char.IsLetter(c);
        var start = 0;
        var end = text.Length;
        while (start < end && IsDecoration(text[start]))
        {
            start++;
        }

        while (end > start && IsDecoration(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>
    /// Replaces look-alike characters inside the word by the letters they stand for, leaving those at the ends (the
    /// decorations) alone: "p@ssw0rd!" becomes "password!".
    /// </summary>
    private static string Unsubstitute(string text, char forOne)
    {
        var first = 0;
        while (first < text.Length && !char.IsLetter(text[first]))
        {
            first++;
        }

        var last = text.Length - 1;
        while (last >= first && !char.IsLetter(text[last]))
        {
            last--;
        }

        var builder = new StringBuilder(text);
        for (var i = first; i <= last; i++)
        {
            foreach (var (from, to) in Substitutions)
            {
                if (builder[i] == from)
                {
                    builder[i] = from == '1' ? forOne : to;
                    break;
                }
            }
        }

        return builder.ToString();
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("KetamineCds.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
