using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>The administrator's list of accounts (<c>/Admin/Users</c>) as its tests read it.</summary>
public static partial class AccountList
{
    /// <summary>
    /// The list with each address's wrap points taken out (the email cell wraps before its <c>@</c> and its dots in a
    /// 1024 px window, each piece kept whole in a <c>span</c>), so that a row reads
    /// <c>&lt;td class="user-email"&gt;staff@demo.local&lt;/td&gt;</c>.
    /// </summary>
    public static string WithWholeEmails(string html) =>
        EmailCell().Replace(html, m => Tag().Replace(m.Value, ""));

    [GeneratedRegex(@"(?<=<td class=""user-email"">)(?:<span class=""email-piece"">[^<]*</span>(?:<wbr />)?)*(?=</td>)")]
    private static partial Regex EmailCell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
