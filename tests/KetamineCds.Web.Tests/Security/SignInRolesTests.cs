using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// QA318: sign-ins, failed sign-ins and lockouts were recorded with the Role column blank, where every other event names
/// the role. Each is recorded with every role of the account it names (<see cref="AccessAuditing.AccountRoles"/>), and
/// blank only for an email no account has; nothing of what was typed but the email is kept.
/// </summary>
public sealed class SignInRolesTests : IClassFixture<KetamineCdsFactory>
{
    private const string WrongPassword = "Wrong!Passw0rd9";

    private readonly KetamineCdsFactory _factory;

    public SignInRolesTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("page", KetamineCdsFactory.Staff, KetamineCdsFactory.Password, "sign-in", "ClinicStaff")]
    [InlineData("api", KetamineCdsFactory.Auditor, KetamineCdsFactory.Password, "sign-in", "Auditor")]
    [InlineData("page", KetamineCdsFactory.Psychiatrist, WrongPassword, "sign-in-failed", "Psychiatrist")]
    [InlineData("api", KetamineCdsFactory.Staff, WrongPassword, "sign-in-failed", "ClinicStaff")]
    [InlineData("page", "nobody@demo.local", WrongPassword, "sign-in-failed", null)]
    [InlineData("api", "nobody@demo.local", KetamineCdsFactory.Password, "sign-in-failed", null)]
    public async Task PasswordSignIn_RecordsTheAccountsRoles_BlankForAnEmailNoAccountHas(string channel, string email, string password, string kind, string? role)
    {
        var (client, reference) = Referenced(_factory.CreateRawClient());

        using var response = channel == "api"
            ? await client.PostAsJsonAsync("/api/auth/login", new { email, password })
            : await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Input.Email", email), new("Input.Password", password)]);

        var recorded = Assert.Single(await EventsAsync(reference));
        Assert.Equal((kind, email, role, channel), (recorded.Kind, recorded.UserEmail, recorded.Role, recorded.Detail));
        Assert.DoesNotContain(password, string.Join(" ", recorded.UserEmail, recorded.Role, recorded.Subject, recorded.Detail), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page", KetamineCdsFactory.Staff, "ClinicStaff")]
    [InlineData("api", KetamineCdsFactory.Auditor, "Auditor")]
    public async Task SignOut_RecordsTheAccountsRoles(string channel, string email, string role)
    {
        HttpResponseMessage response;
        string reference;
        if (channel == "api")
        {
            (var client, reference) = Referenced(await _factory.CreateApiClientAsync(email));
            response = await client.PostAsync("/api/auth/logout", null);
        }
        else
        {
            (var client, reference) = Referenced(await _factory.CreatePageClientAsync(email));
            response = await client.PostFormAsync("/Rules", "/Account/Logout", []);
        }

        using (response)
        {
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, response.StatusCode.ToString());
        }

        var recorded = Assert.Single(await EventsAsync(reference));
        Assert.Equal(("sign-out", email, role), (recorded.Kind, recorded.UserEmail, recorded.Role));
    }

    [Fact]
    public async Task ApiRefresh_RecordsTheAccountsRoles()
    {
        var client = _factory.CreateRawClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = KetamineCdsFactory.Password });
        var refreshToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        var reference = "roles-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh") { Content = JsonContent.Create(new { refreshToken }) };
        request.Headers.Add("X-Correlation-Id", reference);

        using var refreshed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var recorded = Assert.Single(await EventsAsync(reference));
        Assert.Equal(("sign-in", KetamineCdsFactory.Staff, "ClinicStaff", "api refresh"), (recorded.Kind, recorded.UserEmail, recorded.Role, recorded.Detail));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_RecordsTheAccountsRoles()
    {
        var (client, reference) = Referenced(await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor));

        using var response = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = WrongPassword, newPassword = "Another!Passw0rd22" });

        var recorded = Assert.Single(await EventsAsync(reference), e => e.Kind == "sign-in-failed");
        Assert.Equal((KetamineCdsFactory.Auditor, "Auditor", "change password (api): wrong current password"), (recorded.UserEmail, recorded.Role, recorded.Detail));
    }

    [Fact]
    public async Task SecondStep_WrongAndRightCode_RecordTheAccountsRoles()
    {
        using var factory = new KetamineCdsFactory();
        var (key, _, _) = await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var (client, reference) = Referenced(await CodeStepTests.PastThePasswordAsync(factory, KetamineCdsFactory.Psychiatrist));
        var wrong = ((int.Parse(TestTotp.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        (await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", wrong)])).Dispose();
        (await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", TestTotp.CodeInSteps(key, 1))])).Dispose();

        await using var scope = factory.Services.CreateAsyncScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.AsNoTracking()
            .Where(e => e.CorrelationId == reference).OrderBy(e => e.Sequence).Select(e => new { e.Kind, e.Role, e.Detail }).ToListAsync();
        Assert.Equal(
            [new { Kind = "sign-in-failed", Role = (string?)"Psychiatrist", Detail = (string?)"page, authenticator code" }, new { Kind = "sign-in", Role = (string?)"Psychiatrist", Detail = (string?)"page, authenticator code" }],
            recorded);
    }

    [Theory]
    [InlineData("en", "Psychiatrist, Auditor", "<span class=\"role-name\">Psychiatrist,</span> <span class=\"role-name\">Auditor</span>")]
    [InlineData("zh-CN", "精神科医生、审计员", "<span class=\"role-name\">精神科医生、</span><wbr /><span class=\"role-name\">审计员</span>")]
    public async Task SignIn_AccountWithTwoRoles_RecordsBoth_AndTheAccessLogNamesEachInWords(string language, string shown, string markup)
    {
        const string email = "two-roles@demo.local";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Two roles" };
                Assert.True((await users.CreateAsync(user, KetamineCdsFactory.Password)).Succeeded);
                // Added in the other order than Roles.All's: the log lists them in the app's order.
                Assert.True((await users.AddToRolesAsync(user, [Roles.Auditor, Roles.Psychiatrist])).Succeeded);
            }
        }

        var (client, reference) = Referenced(_factory.CreateRawClient());
        using (var signIn = await client.PostAsJsonAsync("/api/auth/login", new { email, password = KetamineCdsFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        Assert.Equal("Psychiatrist, Auditor", Assert.Single(await EventsAsync(reference)).Role);
        var auditor = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        using var page = await Localization.CultureSelectionTests.GetAsync(auditor, $"/Audit/Access?who={email}&kind=sign-in", language);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Each role whole, the cell wrapping between them (helper 326: the cell was nowrap, and the pair widened the table).
        var cell = System.Text.RegularExpressions.Regex.Match(html, "<td class=\"access-role\">(.*?)</td>").Groups[1].Value;
        Assert.Equal(markup, cell);
        Assert.Equal(shown, System.Text.RegularExpressions.Regex.Replace(cell, "<[^>]+>", ""));
        Assert.DoesNotContain($"<td class=\"audit-tight\">{shown}</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auditor,Psychiatrist", "Psychiatrist, Auditor")]
    [InlineData("ClinicStaff", "ClinicStaff")]
    [InlineData("Retired,Admin", "Admin, Retired")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void AccountRoles_EveryRoleInTheAppsOrder_NullForNoAccount(string? roles, string? expected) =>
        Assert.Equal(expected, AccessAuditing.AccountRoles(roles?.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    private static (HttpClient Client, string Reference) Referenced(HttpClient client)
    {
        var reference = "roles-" + Guid.NewGuid().ToString("N");
        client.DefaultRequestHeaders.Remove("X-Correlation-Id");
        client.DefaultRequestHeaders.Add("X-Correlation-Id", reference);
        return (client, reference);
    }

    private async Task<List<AccessLogEntry>> EventsAsync(string reference)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.AsNoTracking()
            .Where(e => e.CorrelationId == reference).OrderBy(e => e.Sequence).ToListAsync();
    }
}
