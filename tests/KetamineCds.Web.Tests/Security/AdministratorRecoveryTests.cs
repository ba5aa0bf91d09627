using System.Net;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// QA302 F5 and F12: the only administrator who lost both the authenticator and the recovery codes is recovered by the
/// database owner with docs/security.md's procedure (the account locked as an administrator's lock locks it, so that the
/// bootstrap settings make a new administrator), and the bootstrap password left in the configuration is warned about
/// at every start once an administrator exists, never written to the log.
/// </summary>
public sealed class AdministratorRecoveryTests : IDisposable
{
    private const string FirstAdmin = "it@clinic.example";
    private const string FirstPassword = "Clinic bootstrap first 9";
    private const string RecoveryAdmin = "it-recovery@clinic.example";
    private const string RecoveryPassword = "Recovery bootstrap second 4";

    /// <summary>docs/security.md's SQLite statement, for the account <see cref="FirstAdmin"/>.</summary>
    private const string LockSqlite =
        "UPDATE \"AspNetUsers\" SET \"LockoutEnabled\" = 1, \"LockoutEnd\" = '9999-12-31 23:59:59.9999999+00:00', "
        + "\"SecurityStamp\" = upper(hex(randomblob(16))) WHERE \"NormalizedEmail\" = upper('it@clinic.example');";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ketaminecds-recovery-{Guid.NewGuid():N}.db");
    private readonly string _checkpoints = Path.Combine(Path.GetTempPath(), $"ketaminecds-recovery-cp-{Guid.NewGuid():N}");

    [Fact]
    public async Task OnlyAdministratorLostTheSecondFactor_DocumentedLockAndBootstrap_MakeANewAdministratorAndKeepTheOld()
    {
        string? stampBefore;
        using (var first = new StartFactory(_databasePath, _checkpoints, ("Bootstrap:AdminEmail", FirstAdmin), ("Bootstrap:AdminPassword", FirstPassword)))
        {
            first.CreateClient();
            stampBefore = (await FindAsync(first, FirstAdmin))!.SecurityStamp;
        }

        // The database owner, the app stopped: the statement the documentation gives.
        Assert.Contains(LockSqlite, File.ReadAllText(Path.Combine(TestRepository.Root(), "docs", "security.md")), StringComparison.Ordinal);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_databasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = LockSqlite;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var recovered = new StartFactory(_databasePath, _checkpoints, ("Bootstrap:AdminEmail", RecoveryAdmin), ("Bootstrap:AdminPassword", RecoveryPassword));
        var client = recovered.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        // The old administrator is kept, locked as an administrator's lock (it does not count as usable), its sessions ended.
        var old = (await FindAsync(recovered, FirstAdmin))!;
        Assert.True(EditModel.IsAdministratorLock(old.LockoutEnd));
        Assert.NotEqual(stampBefore, old.SecurityStamp);
        // The new one is made from the bootstrap settings, and must replace the configured password first.
        var created = (await FindAsync(recovered, RecoveryAdmin))!;
        Assert.True(created.MustChangePassword);
        await using (var scope = recovered.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().IsInRoleAsync(created, Roles.Admin));
        }

        Assert.Contains(recovered.Logs, l => l.Message.StartsWith($"Bootstrap administrator {RecoveryAdmin} created", StringComparison.Ordinal));
        using var signIn = await PageSignInAsync(client, RecoveryAdmin, RecoveryPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var home = await client.GetAsync(signIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var lockedOut = await PageSignInAsync(recovered.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") }), FirstAdmin, FirstPassword);
        Assert.Equal(HttpStatusCode.OK, lockedOut.StatusCode); // the sign-in page again, with the lock's message
    }

    [Fact]
    public async Task BootstrapPasswordLeftInTheConfiguration_IsWarnedAboutOnceAnAdministratorExistsAndNeverLogged()
    {
        IReadOnlyList<LogRecord> firstStart;
        using (var first = new StartFactory(_databasePath, _checkpoints, ("Bootstrap:AdminEmail", FirstAdmin), ("Bootstrap:AdminPassword", FirstPassword)))
        {
            first.CreateClient();
            firstStart = first.Logs;
        }

        using var second = new StartFactory(_databasePath, _checkpoints, ("Bootstrap:AdminEmail", FirstAdmin), ("Bootstrap:AdminPassword", FirstPassword));
        second.CreateClient();
        using var removed = new StartFactory(_databasePath, _checkpoints, ("Bootstrap:AdminEmail", ""), ("Bootstrap:AdminPassword", ""));
        removed.CreateClient();

        // The first start creates the administrator: nothing to remove yet.
        Assert.DoesNotContain(firstStart, l => l.Message.StartsWith("Bootstrap:AdminPassword is still set", StringComparison.Ordinal));
        var warning = Assert.Single(second.Logs, l => l.Message.StartsWith("Bootstrap:AdminPassword is still set", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"a usable administrator exists ({FirstAdmin})", warning.Message, StringComparison.Ordinal);
        Assert.Contains("KETAMINECDS_ADMIN_PASSWORD", warning.Message, StringComparison.Ordinal);
        Assert.All(firstStart.Concat(second.Logs), l => Assert.DoesNotContain(FirstPassword, l.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(removed.Logs, l => l.Message.StartsWith("Bootstrap:AdminPassword is still set", StringComparison.Ordinal));
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

    private static async Task<ApplicationUser?> FindAsync(WebApplicationFactory<Program> factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
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

    /// <summary>The app in Production over a given SQLite file, keeping what it logs; it leaves the file alone.</summary>
    private sealed class StartFactory(string databasePath, string checkpoints, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        private readonly CapturingLoggerProvider _logs = new();

        public IReadOnlyList<LogRecord> Logs => _logs.Records;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={databasePath}");
            builder.UseSetting("Audit:CheckpointDirectory", checkpoints);
            builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("AllowedHosts", "clinic.example");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(TestPasswordHashing.Use);
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
    }
}
