using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KetamineCds.IntegrationTests.Security;

/// <summary>
/// On PostgreSQL, strangers' sign-ins with hostile emails (300 characters, CR/LF, right-to-left overrides, markup)
/// run beside honest reads whose access events land in the same log batches; every honest read succeeds, every
/// hostile sign-in is a plain 401, and the log holds the emails fitted to their column.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class HostileSignInTests(PostgresFixture fixture)
{
    private const string Password = "Demo!Passw0rd1";

    [Fact]
    public async Task HostileSignIns_BesideHonestReads_NeverFailAnHonestRead()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync("web");
        using var app = new PostgresApp(fixture.Cluster, database);
        var psychiatrist = await SignInAsync(app, "psychiatrist@demo.local");
        using var created = await psychiatrist.PostAsync("/api/v1/screenings", new StringContent(
            """{"patientReference":"MRN-PG-1","ageYears":45,"sexAtBirth":"male","primaryDiagnosis":"mdd","currentDepressiveEpisode":true,"failedAdequateTrials":3,"distinctMechanisms":2,"onOralAntidepressant":true,"psychosis":"none","suicidality":"none","systolicBp":128,"diastolicBp":82}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var stranger = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string[] hostile =
        [
            new string('a', 300) + "@clinic.example",
            "victim@clinic.example\r\nsign-in admin@clinic.example",
            "\u202Eelpmaxe.cinilc@nimda",
            "<script>alert(1)</script>" + new string('b', 280),
        ];

        var honest = new List<Task<HttpStatusCode>>();
        var attacks = new List<Task<HttpStatusCode>>();
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 8; i++)
            {
                var email = hostile[i % hostile.Length] + round;
                attacks.Add(Task.Run(async () =>
                {
                    using var response = await stranger.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong!Passw0rd1" });
                    return response.StatusCode;
                }));
                honest.Add(Task.Run(async () =>
                {
                    using var response = await psychiatrist.GetAsync(location);
                    return response.StatusCode;
                }));
            }

            await Task.WhenAll(honest.Concat(attacks));
        }

        Assert.All(await Task.WhenAll(honest), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(await Task.WhenAll(attacks), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        await using var connection = new NpgsqlConnection(fixture.Cluster.SuperuserConnectionString(database));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            """SELECT count(*), max(length("UserEmail")), count(*) FILTER (WHERE "UserEmail" ~ '[\r\n\u202E]') FROM "AccessEvents" WHERE "Kind" = 'sign-in-failed'""", connection);
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(40, reader.GetInt64(0));
        Assert.Equal(256, reader.GetInt32(1));
        Assert.Equal(0, reader.GetInt64(2));
    }

    [Fact]
    public async Task Sessions_OnPostgres_EndAtLogoutAndWhenTheAccountIsLocked()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync("web");
        using var app = new PostgresApp(fixture.Cluster, database);
        var loggingOut = await SignInAsync(app, "staff@demo.local");
        var other = await SignInAsync(app, "staff@demo.local");
        using (var ok = await loggingOut.GetAsync("/api/v1/ruleset"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var logout = await loggingOut.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var afterLogout = await loggingOut.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
        using var stillSignedIn = await other.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KetamineCds.Infrastructure.Identity.ApplicationUser>>();
            var staff = (await users.FindByEmailAsync("staff@demo.local"))!;
            await users.SetLockoutEndDateAsync(staff, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(staff);
        }

        using var afterLock = await other.GetAsync("/api/v1/ruleset");
        Assert.Equal(HttpStatusCode.Unauthorized, afterLock.StatusCode);
        await using var connection = new NpgsqlConnection(fixture.Cluster.SuperuserConnectionString(database));
        await connection.OpenAsync();
        await using var sessions = new NpgsqlCommand("SELECT count(*) FROM \"UserSessions\" s JOIN \"AspNetUsers\" u ON u.\"Id\" = s.\"UserId\" WHERE u.\"Email\" = 'staff@demo.local'", connection);
        Assert.Equal(0L, await sessions.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Refresh_OnPostgresAsTheAppRole_AReusedTokenEndsEverySessionOfItsSignIn()
    {
        // Rotation marks the replaced session (an UPDATE the app role must be allowed), and a reuse deletes the family.
        var database = await fixture.Cluster.CreateDatabaseAsync("web");
        using var app = new PostgresApp(fixture.Cluster, database);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "staff@demo.local", password = Password });
        var first = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["refreshToken"]!.GetValue<string>();
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!["refreshToken"]!.GetValue<string>();

        using var reused = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first });

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("RefreshTokenReused", JsonNode.Parse(await reused.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        using var next = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second });
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        await using var connection = new NpgsqlConnection(fixture.Cluster.SuperuserConnectionString(database));
        await connection.OpenAsync();
        await using var sessions = new NpgsqlCommand("SELECT count(*) FROM \"UserSessions\" s JOIN \"AspNetUsers\" u ON u.\"Id\" = s.\"UserId\" WHERE u.\"Email\" = 'staff@demo.local'", connection);
        Assert.Equal(0L, await sessions.ExecuteScalarAsync());
    }

    private static async Task<HttpClient> SignInAsync(PostgresApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>
/// The whole app (Development unless <see cref="EnvironmentName"/> says otherwise, so the demo accounts exist) on a fresh
/// PostgreSQL database, through the app's login role.
/// </summary>
internal sealed class PostgresApp(PostgresCluster cluster, string database) : WebApplicationFactory<Program>
{
    private const string AppRole = "ketaminecds_app";

    /// <summary>The hosting environment.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>More settings (key, value), applied after the factory's own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>A logger provider that also receives every record the app logs, or null.</summary>
    public ILoggerProvider? Logs { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "postgres");
        builder.UseSetting("Database:AppRole", AppRole);
        builder.UseSetting("ConnectionStrings:KetamineCds", cluster.ConnectionString(AppRole, database, "ketaminecds-web"));
        builder.UseSetting("ConnectionStrings:KetamineCdsMigrations", cluster.SuperuserConnectionString(database));
        builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
        builder.UseSetting("RateLimiting:ApiPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}
