using System.Net;
using System.Net.Http.Json;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Pages.Admin.Users;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// QA9 G1: a database that was run in Development holds the demo accounts with the published password. Started
/// outside Development, they are locked at start-up like an administrator's lock, the locks are in the access log, a
/// warning names them at every start, and the clinic's bootstrap administrator is created since no usable
/// administrator exists (docs/security.md, "Demo accounts outside Development").
/// </summary>
public sealed class DemoAccountLockTests : IDisposable
{
    private const string BootstrapEmail = "it@clinic.example";
    private const string BootstrapPassword = "Clinic bootstrap first 9";

    private static readonly string[] DemoEmails = [KetamineCdsFactory.Psychiatrist, KetamineCdsFactory.Staff, KetamineCdsFactory.Auditor, KetamineCdsFactory.Admin];

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ketaminecds-demolock-{Guid.NewGuid():N}.db");
    private readonly string _checkpoints = Path.Combine(Path.GetTempPath(), $"ketaminecds-demolock-cp-{Guid.NewGuid():N}");

    [Fact]
    public async Task Production_OverDatabaseSeededInDevelopment_LocksTheDemoAccountsAndCreatesTheBootstrapAdministrator()
    {
        Dictionary<string, string?> stampsInDevelopment;
        using (var development = new StartFactory("Development", _databasePath, _checkpoints))
        {
            development.CreateClient();
            stampsInDevelopment = await StampsAsync(development);
        }

        Assert.Equal(DemoEmails.Order(StringComparer.Ordinal), stampsInDevelopment.Keys.Order(StringComparer.Ordinal));

        using var production = new StartFactory("Production", _databasePath, _checkpoints,
            ("Bootstrap:AdminEmail", BootstrapEmail), ("Bootstrap:AdminPassword", BootstrapPassword));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        // Sign-in refused, by the API and the page, for every demo account.
        foreach (var email in DemoEmails)
        {
            using var api = await client.PostAsJsonAsync("/api/auth/login", new { email, password = KetamineCdsFactory.Password });
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        var page = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });
        using var pageSignIn = await PageSignInAsync(page, KetamineCdsFactory.Psychiatrist, KetamineCdsFactory.Password);
        Assert.Equal(HttpStatusCode.OK, pageSignIn.StatusCode);

        // The demo administrator cannot reach the enrolment of a second factor (before: sign-in, then "set up an
        // authenticator app", i.e. anyone knowing the published password became administrator).
        var demoAdmin = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });
        using var adminSignIn = await PageSignInAsync(demoAdmin, KetamineCdsFactory.Admin, KetamineCdsFactory.Password);
        Assert.Equal(HttpStatusCode.OK, adminSignIn.StatusCode);
        using var enrol = await demoAdmin.GetAsync("/Account/TwoFactor/Enable");
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.StartsWith("/Account/Login", enrol.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Locked as an administrator locks (no end), with a new security stamp (sessions and API tokens end).
        var stampsInProduction = await StampsAsync(production);
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            foreach (var email in DemoEmails)
            {
                var user = (await users.FindByEmailAsync(email))!;
                Assert.True(EditModel.IsAdministratorLock(user.LockoutEnd), email);
                Assert.NotEqual(stampsInDevelopment[email], stampsInProduction[email]);
            }

            // The clinic's own administrator is created: a locked demo administrator does not count.
            var bootstrap = await users.FindByEmailAsync(BootstrapEmail);
            Assert.NotNull(bootstrap);
            Assert.True(await users.IsInRoleAsync(bootstrap, Roles.Admin));
            Assert.True(bootstrap.MustChangePassword);
        }

        using var bootstrapSignIn = await PageSignInAsync(production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") }), BootstrapEmail, BootstrapPassword);
        Assert.Equal(HttpStatusCode.Redirect, bootstrapSignIn.StatusCode);

        // One access-log event per lock, as an administrator's lock is recorded.
        var locks = await LockEventsAsync(production);
        Assert.Equal(DemoEmails.Order(StringComparer.Ordinal), locks.Select(e => e.Detail!.Split(';')[0]["locked ".Length..]).Order(StringComparer.Ordinal));
        Assert.All(locks, e =>
        {
            Assert.Equal(DemoAccountLock.Actor, e.UserEmail);
            Assert.StartsWith("user:", e.Subject, StringComparison.Ordinal);
            Assert.EndsWith("; reason: " + DemoAccountLock.Reason, e.Detail, StringComparison.Ordinal);
        });

        var warning = Assert.Single(production.Logs, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Demo accounts exist in this database outside Development", StringComparison.Ordinal));
        Assert.All(DemoEmails, email => Assert.Contains(email, warning.Message, StringComparison.Ordinal));
        Assert.Contains(DemoAccountLock.DeleteSql, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_SecondStart_WarnsAgainAndChangesNothingMore()
    {
        using (var development = new StartFactory("Development", _databasePath, _checkpoints))
        {
            development.CreateClient();
        }

        Dictionary<string, string?> stampsBefore;
        int eventsBefore;
        using (var first = new StartFactory("Production", _databasePath, _checkpoints, ("Bootstrap:AdminEmail", BootstrapEmail), ("Bootstrap:AdminPassword", BootstrapPassword)))
        {
            first.CreateClient();
            stampsBefore = await StampsAsync(first);
            eventsBefore = await AccessEventCountAsync(first);
        }

        using var second = new StartFactory("Production", _databasePath, _checkpoints, ("Bootstrap:AdminEmail", "other.admin@clinic.example"), ("Bootstrap:AdminPassword", BootstrapPassword));
        second.CreateClient();

        Assert.Equal(stampsBefore, await StampsAsync(second));
        Assert.Equal(eventsBefore, await AccessEventCountAsync(second));
        var warning = Assert.Single(second.Logs, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Demo accounts exist in this database outside Development", StringComparison.Ordinal));
        Assert.All(DemoEmails, email => Assert.Contains(email, warning.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs, l => l.Message.Contains("locked now", StringComparison.Ordinal));

        // The configured bootstrap administrator is ignored, and the log says so, naming the administrator there is.
        var ignored = Assert.Single(second.Logs, l => l.Message.StartsWith("Bootstrap:AdminEmail other.admin@clinic.example is ignored", StringComparison.Ordinal));
        Assert.Contains(BootstrapEmail, ignored.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KetamineCdsFactory.Admin, ignored.Message, StringComparison.Ordinal);
        await using var scope = second.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("other.admin@clinic.example"));
    }

    [Fact]
    public async Task Production_DemoAccountsEnabledOnPurpose_KeepsThoseWithTheirOwnPasswordAndLocksThoseWithThePublishedOneAndSaysSoOnTheirPage()
    {
        using (var development = new StartFactory("Development", _databasePath, _checkpoints))
        {
            development.CreateClient();
            await using var scope = development.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.DeleteAsync((await users.FindByEmailAsync(KetamineCdsFactory.Staff))!);
            await users.DeleteAsync((await users.FindByEmailAsync(KetamineCdsFactory.Admin))!);
        }

        const string own = "Another!Demo-Passw0rd";
        using var production = new StartFactory("Production", _databasePath, _checkpoints,
            ("DemoAccounts:Enabled", "true"), ("DemoAccounts:Password", own), ("Accounts:SecondFactorRequiredRoles", ""));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        // Seeded now with the configured password: kept. Seeded in Development with the published one: locked.
        using var staffLogin = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = own });
        using var psychiatristLogin = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password });
        Assert.Equal(HttpStatusCode.OK, staffLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, psychiatristLogin.StatusCode);
        Assert.Equal(2, (await LockEventsAsync(production)).Count);

        // The administrator's page says what the lock is, in English and Chinese.
        var admin = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });
        using var adminSignIn = await PageSignInAsync(admin, KetamineCdsFactory.Admin, own);
        Assert.Equal(HttpStatusCode.Redirect, adminSignIn.StatusCode);
        string psychiatristId, staffId;
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            psychiatristId = (await users.FindByEmailAsync(KetamineCdsFactory.Psychiatrist))!.Id;
            staffId = (await users.FindByEmailAsync(KetamineCdsFactory.Staff))!.Id;
        }

        var locked = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{psychiatristId}"));
        var kept = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{staffId}"));
        Assert.Contains("Demo account, locked at every start", locked, StringComparison.Ordinal);
        Assert.Contains("docs/security.md, \"Demo accounts outside Development\"", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo account, locked at every start", kept, StringComparison.Ordinal);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{psychiatristId}"));
        Assert.Contains("演示账户，每次启动时锁定", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo account, locked at every start", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_BootstrapAdministratorAtTheDemoDomain_RefusesToStart()
    {
        using var production = new StartFactory("Production", _databasePath, _checkpoints, ("Bootstrap:AdminEmail", "Admin@Demo.Local"), ("Bootstrap:AdminPassword", BootstrapPassword));

        var error = Assert.Throws<InvalidOperationException>(() => production.CreateClient());

        Assert.Contains("Bootstrap:AdminEmail is a demo address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_BootstrapNamesAnExistingAccountWithNoRole_StartsButDoesNotMakeItTheAdministratorAndSaysWhatToDo()
    {
        // QA10c O1: an account whose roles were all removed was made the administrator as it was, with its own password
        // (not the configured one) and no forced change, so whoever held it became the administrator.
        const string holderPassword = "Former holder own 58";
        using (var development = new StartFactory("Development", _databasePath, _checkpoints))
        {
            development.CreateClient();
            await using var scope = development.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var existing = new ApplicationUser { UserName = BootstrapEmail, Email = BootstrapEmail, EmailConfirmed = true, DisplayName = "Former clinician" };
            Assert.True((await users.CreateAsync(existing, holderPassword)).Succeeded);
        }

        // The demo administrator is locked at start-up, so no usable administrator exists and the bootstrap applies.
        using var production = new StartFactory("Production", _databasePath, _checkpoints,
            ("Bootstrap:AdminEmail", BootstrapEmail), ("Bootstrap:AdminPassword", BootstrapPassword));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        await using (var scope = production.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByEmailAsync(BootstrapEmail))!;
            Assert.Empty(await users.GetRolesAsync(account));
            Assert.False(account.MustChangePassword);
            Assert.True(await users.CheckPasswordAsync(account, holderPassword));
            Assert.False(await users.CheckPasswordAsync(account, BootstrapPassword));
        }

        // Neither the holder's password nor the configured one reaches the administrator's pages.
        foreach (var password in new[] { holderPassword, BootstrapPassword })
        {
            var page = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });
            using var signIn = await PageSignInAsync(page, BootstrapEmail, password);
            using var users = await page.GetAsync("/Admin/Users");
            Assert.NotEqual(HttpStatusCode.OK, users.StatusCode);
        }

        var error = Assert.Single(production.Logs, l => l.Message.StartsWith($"Bootstrap:AdminEmail {BootstrapEmail} names an existing account that is not an administrator", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("set Bootstrap:AdminEmail to an address that has no account yet and restart", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(production.Logs, l => l.Message.StartsWith("Bootstrap administrator", StringComparison.Ordinal));
        using var health = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Production_BootstrapAccountLeftWithoutItsRole_IsFinishedAtTheNextStart()
    {
        // A start that stopped between creating the bootstrap account and giving it the role leaves an account with no
        // role, the configured password (never changed) and the forced change: only the configuration's holder can sign in
        // to it, so the next start makes it the administrator rather than refusing the clinic its only way in.
        using (var development = new StartFactory("Development", _databasePath, _checkpoints))
        {
            development.CreateClient();
            await using var scope = development.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var halfMade = new ApplicationUser { UserName = BootstrapEmail, Email = BootstrapEmail, EmailConfirmed = true, DisplayName = "Administrator", MustChangePassword = true };
            Assert.True((await users.CreateAsync(halfMade, BootstrapPassword)).Succeeded);
        }

        using var production = new StartFactory("Production", _databasePath, _checkpoints,
            ("Bootstrap:AdminEmail", BootstrapEmail), ("Bootstrap:AdminPassword", BootstrapPassword));
        production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        await using (var scope = production.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByEmailAsync(BootstrapEmail))!;
            Assert.Equal([Roles.Admin], await users.GetRolesAsync(account));
            Assert.True(account.MustChangePassword);
        }

        Assert.Contains(production.Logs, l => l.Message.StartsWith($"Bootstrap administrator {BootstrapEmail} created", StringComparison.Ordinal));
        Assert.DoesNotContain(production.Logs, l => l.Message.StartsWith($"Bootstrap:AdminEmail {BootstrapEmail} names an existing account", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("admin@demo.local", true)]
    [InlineData("Nurse@DEMO.LOCAL", true)]
    [InlineData("admin@demo.local.clinic.example", false)]
    [InlineData("demo.local@clinic.example", false)]
    [InlineData(null, false)]
    public void IsDemoAddress_OnlyTheDemoDomain(string? email, bool expected) =>
        Assert.Equal(expected, DemoAccountLock.IsDemoAddress(email));

    [Fact]
    public void Start_LogsTheMigrationsItAppliedAndThenThatTheSchemaIsUpToDate()
    {
        // QA96 F8: an upgrade's migrations left no line in the log (EF logs at Warning only).
        IReadOnlyList<LogRecord> first;
        using (var factory = new StartFactory("Development", _databasePath, _checkpoints))
        {
            factory.CreateClient();
            first = factory.Logs;
        }

        using var again = new StartFactory("Development", _databasePath, _checkpoints);
        again.CreateClient();

        var applied = Assert.Single(first, l => l.Message.StartsWith("Database migrations applied at start", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, applied.Level);
        Assert.Contains("_InitialCreate", applied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(first, l => l.Message.StartsWith("The database schema is up to date", StringComparison.Ordinal));
        Assert.Single(again.Logs, l => l.Level == LogLevel.Information && l.Message == "The database schema is up to date: no migration to apply.");
        Assert.DoesNotContain(again.Logs, l => l.Message.StartsWith("Database migrations applied", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }

        if (Directory.Exists(_checkpoints))
        {
            Directory.Delete(_checkpoints, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> PageSignInAsync(HttpClient client, string email, string password)
    {
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<Dictionary<string, string?>> StampsAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@demo.local")).ToDictionaryAsync(u => u.Email!, u => u.SecurityStamp);
    }

    private static async Task<List<KetamineCds.Infrastructure.DecisionLog.AccessLogEntry>> LockEventsAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        return await db.AccessEvents.AsNoTracking().Where(e => e.Kind == "user-administration" && e.UserEmail == DemoAccountLock.Actor && e.Detail!.StartsWith("locked ")).ToListAsync(); // the app also records the accounts it makes at start-up (AccountCreations)
    }

    private static async Task<int> AccessEventCountAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync();
    }

    /// <summary>The app over a given SQLite file in a given environment, keeping what it logs; it leaves the file alone.</summary>
    private sealed class StartFactory(string environment, string databasePath, string checkpoints, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        private readonly CapturingLoggerProvider _logs = new();

        public IReadOnlyList<LogRecord> Logs => _logs.Records;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={databasePath}");
            builder.UseSetting("Audit:CheckpointDirectory", checkpoints);
            builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
            if (environment != "Development")
            {
                builder.UseSetting("https_port", "443");
                builder.UseSetting("AllowedHosts", "clinic.example");
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
    }
}
