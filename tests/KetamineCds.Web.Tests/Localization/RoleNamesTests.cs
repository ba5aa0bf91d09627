using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// Roles read as words, in the request's language, not as their identifiers: the signed-in role in the page header, the
/// demo accounts on the sign-in page. In Chinese the brackets around them are full-width (QA).
/// </summary>
public sealed class RoleNamesTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public RoleNamesTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, null, "(Psychiatrist)")]
    [InlineData(KetamineCdsFactory.Staff, null, "(Clinic staff)")]
    [InlineData(KetamineCdsFactory.Auditor, "zh-CN", "（审计员）")]
    [InlineData(KetamineCdsFactory.Staff, "zh-CN", "（诊所工作人员）")]
    public async Task Header_SignedIn_NamesTheRoleInTheRequestsLanguage(string email, string? language, string shown)
    {
        var client = await _factory.CreatePageClientAsync(email);

        using var page = await CultureSelectionTests.GetAsync(client, "/", language);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains($"<span class=\"role\">{shown}</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(ClinicStaff)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_SignedInWithoutARole_ShowsTheEmailWithoutEmptyBrackets()
    {
        // An account left with no role (one made before the users page refused that, or changed in the database): its
        // header read "staff@demo.local ()".
        using var factory = new KetamineCdsFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var staff = (await users.FindByEmailAsync(KetamineCdsFactory.Staff))!;
            Assert.True((await users.RemoveFromRolesAsync(staff, await users.GetRolesAsync(staff))).Succeeded);
        }

        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        using var page = await client.GetAsync("/Account/TwoFactor");
        var html = await page.Content.ReadAsStringAsync();

        // The header may break the address before its dots and its "@" (<wbr />, helper-179); the text is the whole email.
        Assert.Contains($">{KetamineCdsFactory.Staff}</span></span>", html.Replace("<wbr />", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"role\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "(Psychiatrist)", "(Clinic staff)", "(Administrator)")]
    [InlineData("zh-CN", "（精神科医生）", "（诊所工作人员）", "（管理员）")]
    public async Task SignInPage_DevelopmentDemoAccounts_NameEachRoleInWordsInThePagesLanguage(string? language, string psychiatrist, string staff, string admin)
    {
        using var page = await CultureSelectionTests.GetAsync(_factory.CreateRawClient(), "/Account/Login", language);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains($"<code>{KetamineCdsFactory.Psychiatrist}</code> {psychiatrist}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<code>{KetamineCdsFactory.Staff}</code> {staff}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<code>{KetamineCdsFactory.Admin}</code> {admin}</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(ClinicStaff)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(Admin)", html, StringComparison.Ordinal);
    }
}
