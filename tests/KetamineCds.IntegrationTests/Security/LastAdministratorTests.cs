using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.IntegrationTests.Fixtures;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.IntegrationTests.Security;

/// <summary>
/// The last active administrator on PostgreSQL (QA169 F6): two demotions of the only two administrators at the same
/// moment leave one administrator, through the app's login role (the advisory lock it takes).
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class LastAdministratorTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Roles_TheOnlyTwoAdministratorsDemotedAtTheSameMomentOnPostgres_OneIsRefusedAndAnAdministratorRemains()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync("web");
        using var app = new PostgresApp(fixture.Cluster, database);
        string adminId, auditorId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            adminId = (await users.FindByEmailAsync("admin@demo.local"))!.Id;
            var auditor = (await users.FindByEmailAsync("auditor@demo.local"))!;
            auditorId = auditor.Id;
            Assert.True((await users.AddToRoleAsync(auditor, Roles.Admin)).Succeeded);
        }

        var admin = await SignInAsync(app, "admin@demo.local");
        var tokens = new[] { await TokenAsync(admin, $"/Admin/Users/Edit/{adminId}"), await TokenAsync(admin, $"/Admin/Users/Edit/{auditorId}") };
        var guard = app.Services.GetRequiredService<LastAdministratorGuard>();
        guard.CheckedForTests = () => Task.Delay(TimeSpan.FromSeconds(1));

        var posts = await Task.WhenAll(new[] { adminId, auditorId }.Select((id, i) => admin.PostAsync($"/Admin/Users/Edit/{id}?handler=Roles", new FormUrlEncodedContent(
        [
            new("SelectedRoles", Roles.Auditor),
            new("ConfirmOwnAccount", "true"), // the administrator's own demotion, confirmed (QA169 F5); ignored for the other
            new("__RequestVerificationToken", tokens[i]),
        ]))));
        guard.CheckedForTests = null;

        Assert.Single(posts, p => p.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(posts, p => p.StatusCode == HttpStatusCode.OK);
        Assert.Contains("This is the last active administrator; give another account the Admin role first.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string path) =>
        Regex.Match(await client.GetStringAsync(path), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<HttpClient> SignInAsync(PostgresApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Demo!Passw0rd1",
            ["__RequestVerificationToken"] = await TokenAsync(client, "/Account/Login"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
