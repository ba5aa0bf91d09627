using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory over a real SQLite database in a temp file, in the Development environment so that the
/// contract's demo accounts exist. Optionally replaces the decision log (a seam we own) with a test double.
/// </summary>
public class KetamineCdsFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo!Passw0rd1";
    public const string Psychiatrist = "psychiatrist@demo.local";
    public const string Staff = "staff@demo.local";
    public const string Auditor = "auditor@demo.local";
    public const string Admin = "admin@demo.local";

    /// <summary>The clinician's words of the override <see cref="RecordOverrideThroughPageAsync"/> records.</summary>
    public const string OverrideExplanation = "Reviewed with the patient.";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ketaminecds-web-{Guid.NewGuid():N}.db");

    /// <summary>The app's SQLite file, for tests that change the database behind the app's back.</summary>
    public string DatabasePath => _databasePath;

    /// <summary>This app's own checkpoint folder: checkpoints of another test's database would not hold against this one.</summary>
    public string CheckpointDirectory { get; } = Path.Combine(Path.GetTempPath(), $"ketaminecds-web-checkpoints-{Guid.NewGuid():N}");

    /// <summary>A decision log to use instead of the app's, or null for the real one.</summary>
    public IDecisionLog? DecisionLogOverride { get; init; }

    /// <summary>The hosting environment; Development (where the demo accounts exist) unless a test says otherwise.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>An access audit to use instead of the app's, or null for the real one.</summary>
    public IAccessAudit? AccessAuditOverride { get; init; }

    /// <summary>The auditor's view of the log (search, replay, impact) to use instead of the app's, or null for the real one.</summary>
    public IDecisionLogAudit? DecisionLogAuditOverride { get; init; }

    /// <summary>
    /// True to hash passwords with the app's own iteration count instead of the test hosts' (<see cref="TestPasswordHashing"/>),
    /// for a test that measures the cost of a sign-in.
    /// </summary>
    public bool AppsOwnPasswordHashing { get; init; }

    /// <summary>More configuration settings (key, value), applied after the factory's own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={_databasePath}");
        builder.UseSetting("Audit:CheckpointDirectory", CheckpointDirectory);
        // Tests sign in many times a minute from one address; the sign-in limit has its own test.
        builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (!AppsOwnPasswordHashing)
            {
                TestPasswordHashing.Use(services);
            }

            if (DecisionLogOverride is not null)
            {
                services.RemoveAll<IDecisionLog>();
                services.AddSingleton(DecisionLogOverride);
            }

            if (AccessAuditOverride is not null)
            {
                services.RemoveAll<IAccessAudit>();
                services.AddSingleton(AccessAuditOverride);
            }

            if (DecisionLogAuditOverride is not null)
            {
                services.RemoveAll<IDecisionLogAudit>();
                services.AddSingleton(DecisionLogAuditOverride);
            }
        });
    }

    /// <summary>How many entries the decision log holds now.</summary>
    public async Task<int> DecisionLogEntryCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>().DecisionLogEntries.CountAsync();
    }

    /// <summary>A client that does not follow redirects, so tests see 302s and their targets.</summary>
    public HttpClient CreateRawClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client carrying a bearer token for the given demo account.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string email)
    {
        var client = CreateRawClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A client signed in with the cookie through the sign-in page.</summary>
    public async Task<HttpClient> CreatePageClientAsync(string email)
    {
        var client = CreateRawClient();
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>
    /// Records a screening of <paramref name="patientReference"/> through the API as the demo psychiatrist (the TRD sample,
    /// <see cref="SampleRequests.Trd"/>) and returns its id; asserts the 201. <paramref name="psychiatrist"/>: a signed-in
    /// API client to reuse, or null to sign in for this one (the arrange step of the audit page tests).
    /// </summary>
    public Task<Guid> RecordScreeningThroughApiAsync(string patientReference, HttpClient? psychiatrist = null) =>
        RecordScreeningThroughApiAsync(SampleRequests.Trd(patientReference), psychiatrist);

    /// <summary>
    /// Records a screening of this request body through the API as the demo psychiatrist and returns its id; asserts the
    /// 201. <paramref name="psychiatrist"/>: a signed-in API client to reuse, or null to sign in for this one.
    /// </summary>
    public async Task<Guid> RecordScreeningThroughApiAsync(JsonObject request, HttpClient? psychiatrist = null)
    {
        psychiatrist ??= await CreateApiClientAsync(Psychiatrist);
        using var created = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Records a screening of <paramref name="patientReference"/> through the API and returns it with a page client of the
    /// demo psychiatrist that asks for <paramref name="language"/> (Accept-Language; null for the default), to open its pages.
    /// </summary>
    public async Task<(HttpClient Client, Guid Id)> RecordedScreeningWithPageClientAsync(string patientReference, string? language)
    {
        var id = await RecordScreeningThroughApiAsync(patientReference);
        var client = await CreatePageClientAsync(Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return (client, id);
    }

    /// <summary>
    /// Records an override of a screening through its page's form, as the demo psychiatrist: proceed, "benefit outweighs
    /// risk after review", explained as "Reviewed with the patient." (the arrange step of the tests that look at an
    /// override in the audit workspace, or alter it). Throws when the page does not record it (no redirect to the result).
    /// </summary>
    public async Task RecordOverrideThroughPageAsync(Guid screeningId)
    {
        var psychiatrist = await CreatePageClientAsync(Psychiatrist);
        var token = await AntiforgeryTokenAsync(psychiatrist, "/Screenings/New");
        using var response = await psychiatrist.PostAsync($"/Screenings/{screeningId}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["Override.Reason"] = "BenefitOutweighsRiskAfterReview",
            ["Override.Explanation"] = OverrideExplanation,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The override of {screeningId} was not recorded: {response.StatusCode}");
        }
    }

    /// <summary>
    /// Runs SQL on the app's SQLite file behind the app's back, as someone who can write the database would (the arrange
    /// step of the tests that alter, delete or rehash entries); returns the number of rows it changed.
    /// </summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads the anti-forgery token from a page's form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!match.Success)
        {
            throw new InvalidOperationException($"No anti-forgery token on {path}.");
        }

        return match.Groups[1].Value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(CheckpointDirectory))
            {
                Directory.Delete(CheckpointDirectory, recursive: true);
            }

            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_databasePath + suffix);
                }
                catch (IOException)
                {
                    // A leftover temp file is harmless.
                }
            }
        }
    }
}
