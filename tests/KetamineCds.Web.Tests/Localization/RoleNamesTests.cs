namespace KetamineCds.Web.Tests.Localization;

/// <summary>The signed-in role in the page header reads as a word, in the request's language, not as its identifier.</summary>
public sealed class RoleNamesTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public RoleNamesTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, null, "(Psychiatrist)")]
    [InlineData(KetamineCdsFactory.Staff, null, "(Clinic staff)")]
    [InlineData(KetamineCdsFactory.Auditor, "zh-CN", "(审计员)")]
    [InlineData(KetamineCdsFactory.Staff, "zh-CN", "(诊所工作人员)")]
    public async Task Header_SignedIn_NamesTheRoleInTheRequestsLanguage(string email, string? language, string shown)
    {
        var client = await _factory.CreatePageClientAsync(email);

        using var page = await CultureSelectionTests.GetAsync(client, "/", language);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains($"<span class=\"role\">{shown}</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(ClinicStaff)", html, StringComparison.Ordinal);
    }
}
