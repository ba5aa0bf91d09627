using System.Net;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>Outside Development: HTTPS and HSTS, no demo accounts, no demo password, no stack traces.</summary>
public sealed class ProductionHardeningTests
{
    [Fact]
    public async Task Production_HttpRequest_RedirectsToHttps()
    {
        using var factory = new ProductionFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://clinic.example") });

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task Production_HttpsRequest_CarriesHsts()
    {
        using var factory = new ProductionFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Production_LoginPage_DoesNotOfferDemoAccountsAndTheyDoNotExist()
    {
        using var factory = new ProductionFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://clinic.example") });

        var html = await client.GetStringAsync("/Account/Login");
        using var login = await client.PostAsync("/api/auth/login", JsonContent("{\"email\":\"psychiatrist@demo.local\",\"password\":\"Demo!Passw0rd1\"}"));

        Assert.DoesNotContain("demo.local", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public void Production_DemoPasswordConfigured_RefusesToStart()
    {
        using var factory = new ProductionFactory(("DemoAccounts:Enabled", "true"), ("DemoAccounts:Password", DemoAccounts.Password));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("demo password", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Production_DemoPasswordAnywhereInConfiguration_RefusesToStart()
    {
        using var factory = new ProductionFactory(("Bootstrap:AdminEmail", "admin@clinic.example"), ("Bootstrap:AdminPassword", DemoAccounts.Password));

        Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
    }

    [Theory]
    [InlineData("/__test/throw", "text/html")]
    [InlineData("/api/__test/throw", "application/problem+json")]
    public async Task Production_UnhandledError_ShowsNoStackTrace(string path, string mediaType)
    {
        using var factory = new ProductionFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("test failure marker", body, StringComparison.Ordinal);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private sealed class ProductionFactory(params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ketaminecds-prod-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={_databasePath}");
            builder.UseSetting("https_port", "443");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingEndpoints>());
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_databasePath + suffix);
            }
        }
    }

    /// <summary>Adds routes that throw, after the app's own pipeline, so the app's error handling wraps them.</summary>
    private sealed class ThrowingEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/__test/throw", branch => branch.Run(_ => throw new InvalidOperationException("test failure marker")));
            app.Map("/api/__test/throw", branch => branch.Run(_ => throw new InvalidOperationException("test failure marker")));
        };
    }
}
