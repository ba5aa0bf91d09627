using KetamineCds.ApiClient.Tests.Generated;
using KetamineCds.ApiClient.Tests.Generated.Models;
using KetamineCds.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace KetamineCds.ApiClient.Tests;

/// <summary>
/// The whole app in memory over SQLite in a temp file, in Development so that the demo accounts exist, and the
/// Kiota-generated client talking to it through the factory's in-memory HttpClient.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string Psychiatrist = "psychiatrist@demo.local";
    public const string Auditor = "auditor@demo.local";
    public const string Password = "Demo!Passw0rd1";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ketaminecds-apiclient-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={_databasePath}");
        builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
        builder.ConfigureServices(TestPasswordHashing.Use);
    }

    /// <summary>A generated client without credentials.</summary>
    public KetamineCdsClient CreateGeneratedClient(IAuthenticationProvider? authentication = null)
    {
        var http = CreateClient();
        var adapter = new HttpClientRequestAdapter(authentication ?? new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new KetamineCdsClient(adapter);
    }

    /// <summary>A generated client carrying the bearer token the generated login call returned for a demo account.</summary>
    public async Task<KetamineCdsClient> SignInAsync(string email)
    {
        var token = await CreateGeneratedClient().Api.Auth.Login.PostAsync(new LoginRequest { Email = email, Password = Password });
        Assert.NotNull(token);
        Assert.Equal("Bearer", token.TokenType);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        return CreateGeneratedClient(new BaseBearerTokenAuthenticationProvider(new StaticToken(token.AccessToken!)));
    }

    /// <summary>Records a clinician's decision against screening <paramref name="screeningId"/>'s recommendation, as the result page does.</summary>
    public Task RecordOverrideAsync(Guid screeningId, KetamineCds.Infrastructure.DecisionLog.OverrideDecision decision, string explanation) =>
        Services.GetRequiredService<KetamineCds.Infrastructure.DecisionLog.IDecisionLog>().RecordOverrideAsync(new KetamineCds.Infrastructure.DecisionLog.OverrideSubmission(
            screeningId, decision, KetamineCds.Infrastructure.DecisionLog.OverrideReason.PatientPreference, explanation,
            new KetamineCds.Infrastructure.DecisionLog.Actor("apiclient-tests", Psychiatrist, "Psychiatrist"), "apiclient-override"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var path in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // a file still held open is left to the temp folder's clean-up
            }
        }
    }

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
