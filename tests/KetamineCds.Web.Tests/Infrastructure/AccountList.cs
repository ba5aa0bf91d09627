using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>The administrator's list of accounts (<c>/Admin/Users</c>) as its tests read it.</summary>
public static partial class AccountList
{
    /// <summary>
    /// The list with each address's wrap points taken out (the email cell wraps before its <c>@</c> and its dots in a
    /// 1024 px window: <c>staff&lt;wbr /&gt;@demo&lt;wbr /&gt;.local</c>), so that a row reads
    /// <c>&lt;td class="user-email"&gt;staff@demo.local&lt;/td&gt;</c>.
    /// </summary>
    public static string WithWholeEmails(string html) =>
        EmailCell().Replace(html, m => m.Value.Replace("<wbr />", "", StringComparison.Ordinal));

    [GeneratedRegex(@"(?<=<td class=""user-email"">)[^<]*(?:<wbr />[^<]*)*(?=</td>)")]
    private static partial Regex EmailCell();
}
