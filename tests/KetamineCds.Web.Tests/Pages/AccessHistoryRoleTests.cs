using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// An entry's access history (_AccessHistory, here on the screening's audit page) names each role whole, as the access
/// log does (_Roles): a role in a <c>role-name</c> span that never wraps inside (a narrow column broke a Chinese role's
/// name between its characters), a sign-in's several roles wrapping only between them, and none recorded said so. Its
/// Who cell wraps an email before its @ first, as the access log's does (_Email).
/// </summary>
public sealed partial class AccessHistoryRoleTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public AccessHistoryRoleTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("en", "<span class=\"role-name\">Psychiatrist,</span> <span class=\"role-name\">Auditor</span>", "<span class=\"role-name\">Clinic staff</span>", "No role recorded")]
    [InlineData("zh-CN", "<span class=\"role-name\">精神科医生、</span><wbr /><span class=\"role-name\">审计员</span>", "<span class=\"role-name\">诊所工作人员</span>", "未记录角色")]
    public async Task ScreeningPage_AccessHistory_KeepsEachRoleWhole_WrapsOnlyBetweenRoles_AndSaysWhenNoneWasRecorded(string language, string twoRoles, string staff, string noRole)
    {
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-HISTORY-ROLES-" + language);
        var audit = _factory.Services.GetRequiredService<IAccessAudit>();
        await audit.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "two.roles@clinic.example", "Psychiatrist, Auditor", id.ToString(), "page", "history-roles-1"));
        await audit.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "staff.member@clinic.example", "ClinicStaff", id.ToString(), "page", "history-roles-2"));
        await audit.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "no.role@clinic.example", null, id.ToString(), "page", "history-roles-3"));
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        using var page = await CultureSelectionTests.GetAsync(auditor, $"/Audit/Screening/{id}", language);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cells = Rows(html);
        Assert.Equal(twoRoles, cells["two.roles@clinic.example"]);
        Assert.Equal(staff, cells["staff.member@clinic.example"]);
        Assert.Equal($"<span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">{noRole}</span>", cells["no.role@clinic.example"]);
    }

    [Fact]
    public async Task ScreeningPage_AccessHistory_WrapsAnEmailBeforeItsAtAsTheAccessLogDoes()
    {
        // The Who cell was plain text: a long address broke anywhere in a narrow column, as the access log's once did.
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-HISTORY-EMAIL");
        var audit = _factory.Services.GetRequiredService<IAccessAudit>();
        await audit.RecordAsync(new AccessEvent(AccessEventKind.ViewScreening, "first.last@ward-seven.clinic.example", "Psychiatrist", id.ToString(), "page", "history-email-1"));
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var html = await auditor.GetStringAsync($"/Audit/Screening/{id}");

        Assert.Contains(
            "<td class=\"access-who\">first.last<wbr /><span class=\"email-domain\">@ward-seven<wbr />.clinic<wbr />.example</span></td><td class=\"access-role\">",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<td>first.last@ward-seven.clinic.example</td>", html, StringComparison.Ordinal);
    }

    /// <summary>The access history's Role cell of each row, by the email in its Who cell (the page's only such rows).</summary>
    private static Dictionary<string, string> Rows(string html) =>
        HistoryRow().Matches(html).ToDictionary(m => Tag().Replace(m.Groups["who"].Value, ""), m => m.Groups["role"].Value, StringComparer.Ordinal);

    [GeneratedRegex("<tr><td>[^<]*</td><td class=\"access-who\">(?<who>.*?)</td><td class=\"access-role\">(?<role>.*?)</td><td data-kind=")]
    private static partial Regex HistoryRow();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
