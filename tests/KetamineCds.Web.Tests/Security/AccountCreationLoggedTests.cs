using System.Net;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// Every path that makes an account records its creation in the access log as the administrator's Create page does
/// ("created user EMAIL with role ROLE", subject <c>user:ID</c>), so that the account's events under its first email start
/// at its creation (<c>EfAccessAudit.EmailsHeldAsync</c>), not at the log's start: the demo accounts seeded at start-up and
/// the first administrator made from <c>Bootstrap:AdminEmail</c>. An account whose creation the log does not hold (made
/// before this was recorded) is said to be so on the pages that list its events.
/// </summary>
public sealed class AccountCreationLoggedTests
{
    [Fact]
    public async Task DemoAccountsSeededAtStartUp_EachHasItsCreationInTheAccessLog()
    {
        using var factory = new KetamineCdsFactory();
        factory.CreateClient();

        foreach (var (email, role, _) in DemoAccounts.All)
        {
            var id = await factory.UserIdAsync(email);
            var created = Assert.Single(await CreationEventsAsync(factory, id));
            Assert.Equal($"created user {email} with role {role}", created.Detail);
            Assert.Equal(DemoAccountLock.Actor, created.UserEmail);
        }
    }

    [Fact]
    public async Task DemoAccountsSeededAgainAtALaterStart_AreNotRecordedAgain()
    {
        using var factory = new KetamineCdsFactory();
        factory.CreateClient();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await DemoAccounts.SeedAsync(scope.ServiceProvider, withDemoAccounts: true);
        }

        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);
        Assert.Single(await CreationEventsAsync(factory, id));
    }

    [Fact]
    public async Task BootstrapAdministrator_HasItsCreationInTheAccessLog()
    {
        using var factory = new KetamineCdsFactory();
        factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // No usable administrator: the demo one is locked for good, so the configured one is made.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var demoAdmin = (await users.FindByEmailAsync(KetamineCdsFactory.Admin))!;
            Assert.True((await users.SetLockoutEndDateAsync(demoAdmin, DateTimeOffset.MaxValue)).Succeeded);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bootstrap:AdminEmail"] = "first.admin@clinic.example",
                ["Bootstrap:AdminPassword"] = "Clinic!Admin-Passw0rd",
            }).Build();
            await DemoAccounts.EnsureBootstrapAdminAsync(scope.ServiceProvider, configuration);
        }

        var id = await factory.UserIdAsync("first.admin@clinic.example");
        var created = Assert.Single(await CreationEventsAsync(factory, id));
        Assert.Equal("created user first.admin@clinic.example with role Admin", created.Detail);
        Assert.Equal(DemoAccountLock.Actor, created.UserEmail);
    }

    [Theory]
    [InlineData("en", "The access log does not hold this account's creation")]
    [InlineData("zh-CN", "访问日志中没有此账户的创建记录")]
    public async Task AccountWhoseCreationIsNotLogged_ItsEventsAndItsPageSaySo(string language, string said)
    {
        // An account made before creations were recorded: its first email's events are listed from the log's start, and
        // the administrator is told so rather than led to read them all as this account's.
        using var factory = new KetamineCdsFactory();
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var old = new ApplicationUser { UserName = "older@clinic.example", Email = "older@clinic.example", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(old, "Older!Passw0rd-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(old, Roles.ClinicStaff)).Succeeded);
            id = old.Id;
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var events = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Events/{id}"));
        var edit = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));

        Assert.Contains("id=\"creation-not-logged\"", events, StringComparison.Ordinal);
        Assert.Contains(said, events, StringComparison.Ordinal);
        Assert.Contains("id=\"creation-not-logged\"", edit, StringComparison.Ordinal);
        Assert.Contains(said, edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountWhoseCreationIsLogged_ItsPagesSayNothingOfIt()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        var events = await admin.GetStringAsync($"/Admin/Users/Events/{id}");
        var edit = await admin.GetStringAsync($"/Admin/Users/Edit/{id}");

        Assert.DoesNotContain("creation-not-logged", events, StringComparison.Ordinal);
        Assert.DoesNotContain("creation-not-logged", edit, StringComparison.Ordinal);
    }

    private static async Task<List<AccessLogEntry>> CreationEventsAsync(KetamineCdsFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        return await db.AccessEvents.AsNoTracking()
            .Where(e => e.Kind == "user-administration" && e.Subject == "user:" + id && e.Detail!.StartsWith("created user "))
            .ToListAsync();
    }
}
