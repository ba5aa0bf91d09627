using System.Net;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
    public async Task Production_PlainHttpWithNoHttpsAddressKnown_RefusesPagesPlainlyNever500()
    {
        using var factory = new ProductionFactory(("https_port", ""));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://clinic.example") });

        using var page = await client.GetAsync("/Account/Login");
        using var post = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent([new("Input.AgeYears", "45")]));
        using var health = await client.GetAsync("/health/live");
        using var discovery = await client.GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Equal(Hardening.PlainHttpRefusedPage, text);
        Assert.StartsWith(Hardening.PlainHttpRefused, text, StringComparison.Ordinal);
        Assert.Contains("KetamineCds 仅通过 HTTPS 提供页面和 API", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // The CDS Hooks services are for an EHR's calls, like the API: refused too, in JSON rather than with the page's text.
        await AssertPlainHttpApiRefusedAsync(discovery);
    }

    [Theory]
    [InlineData("443")]
    [InlineData("")]
    public async Task Production_ApiOverPlainHttp_RefusedWithProblemDetailsBeforeCredentialsAreRead(string httpsPort)
    {
        using var factory = new ProductionFactory(
            ("https_port", httpsPort),
            ("Bootstrap:AdminEmail", "first.admin@clinic.example"),
            ("Bootstrap:AdminPassword", "Clinic!Admin-Passw0rd"));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://clinic.example") });

        // Refused, never redirected (with an HTTPS port known, a page would be): the password has already crossed the
        // network in the clear, and a client that followed would keep sending it so.
        using var login = await client.PostAsync("/api/auth/login", JsonContent("{\"email\":\"first.admin@clinic.example\",\"password\":\"Clinic!Admin-Passw0rd\"}"));
        using var ruleset = await client.GetAsync("/api/v1/ruleset");
        using var hook = await client.PostAsync("/cds-services/ketamine-order-sign", JsonContent("{}"));

        await AssertPlainHttpApiRefusedAsync(login);
        await AssertPlainHttpApiRefusedAsync(ruleset);
        await AssertPlainHttpApiRefusedAsync(hook);
    }

    [Fact]
    public async Task Production_ApiBehindTheTlsProxyWithForwardedHeaders_IsServed()
    {
        using var factory = new ProductionFactory(
            ("https_port", ""),
            ("ForwardedHeaders:Enabled", "true"),
            ("ForwardedHeaders:KnownProxies", "127.0.0.1"),
            ("Bootstrap:AdminEmail", "first.admin@clinic.example"),
            ("Bootstrap:AdminPassword", "Clinic!Admin-Passw0rd"))
        { RemoteAddress = IPAddress.Loopback };
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://clinic.example") });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var login = await client.PostAsync("/api/auth/login", JsonContent("{\"email\":\"first.admin@clinic.example\",\"password\":\"Clinic!Admin-Passw0rd\"}"));
        using var discovery = await client.GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("accessToken", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, discovery.StatusCode);
    }

    private static async Task AssertPlainHttpApiRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Hardening.PlainHttpRefused, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
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
    public async Task Production_ForgedHostHeader_IsRefusedBeforeAnyRedirect()
    {
        using var factory = new ProductionFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://evil.example") });

        using var page = await client.GetAsync("/Screenings/New");
        using var openApi = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Equal(HttpStatusCode.BadRequest, openApi.StatusCode);
    }

    [Fact]
    public async Task Production_HealthProbe_AnswersOverPlainHttpButOnlyToAnAllowedHost()
    {
        // QA302 F7: a monitor probing http://127.0.0.1:8080/health/ready sends Host: 127.0.0.1:8080, which AllowedHosts
        // refuses with a 400 (docs/operations.md, "Monitoring": send the published host name).
        using var factory = new ProductionFactory(("https_port", ""));
        var byAddress = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://127.0.0.1:8080") });
        var byName = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://127.0.0.1:8080") });
        byName.DefaultRequestHeaders.Host = "clinic.example";

        using var refused = await byAddress.GetAsync("/health/ready");
        using var live = await byName.GetAsync("/health/live");
        using var ready = await byName.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Production_EveryCookie_IsSecure()
    {
        using var factory = new ProductionFactory(("Bootstrap:AdminEmail", "first.admin@clinic.example"), ("Bootstrap:AdminPassword", "Clinic!Admin-Passw0rd"));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        using var form = await client.GetAsync("/Account/Login");
        using var signIn = await SignInTheFirstAdminAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var users = await client.GetAsync("/Admin/Users");

        var cookies = new[] { form, signIn, users }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("KetamineCds.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_DemoAccountsEnabledExplicitly_LoginPageStillShowsNoDemoHint()
    {
        using var factory = new ProductionFactory(("DemoAccounts:Enabled", "true"), ("DemoAccounts:Password", "Another!Demo-Passw0rd"));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://clinic.example") });

        var html = await client.GetStringAsync("/Account/Login");

        Assert.DoesNotContain("demo.local", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Password, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    public void Production_AllowedHostsNotSet_RefusesToStart(string allowedHosts)
    {
        using var factory = new ProductionFactory(("AllowedHosts", allowedHosts));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("AllowedHosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_NoAppSettingsInTheContentRoot_RefusesToStartNamingIt()
    {
        var root = Directory.CreateTempSubdirectory("ketaminecds-no-appsettings-").FullName;
        try
        {
            using var factory = new ProductionFactory { ContentRoot = root };

            var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

            Assert.Contains("appsettings.json", error.Message, StringComparison.Ordinal);
            Assert.Contains(root, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
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

    [Fact]
    public async Task Production_PagePostWithAStaleToken_GetsTheExplanatoryErrorPageNotABlank400()
    {
        // QA114 F6: the status page re-executes the POST, and the error page must not fail the same token check.
        using var factory = new ProductionFactory(("Bootstrap:AdminEmail", "first.admin@clinic.example"), ("Bootstrap:AdminPassword", "Clinic!Admin-Passw0rd"));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });
        using var signIn = await SignInTheFirstAdminAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Sign out from a tab whose form carries another token (here: one not issued to this session).
        using var logout = await RefusedForms.PostWithAWrongTokenAsync(client, "/Account/Logout");
        var body = await RefusedForms.AssertTheErrorPageForARefusedFormAsync(logout);
        Assert.Contains("The form may have expired or been sent twice.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    /// <summary>Signs in the bootstrap administrator the production factories are given, on the page.</summary>
    private static async Task<HttpResponseMessage> SignInTheFirstAdminAsync(HttpClient client)
    {
        var token = await KetamineCds.Web.Tests.Infrastructure.KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "first.admin@clinic.example",
            ["Input.Password"] = "Clinic!Admin-Passw0rd",
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Production_UnhandledErrorOnAPage_ShowsTheErrorPageWithoutStackTrace()
    {
        using var factory = new ProductionFactory { ThrowFromAccessAudit = true };
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });
        var token = await KetamineCds.Web.Tests.Infrastructure.KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");

        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@clinic.example",
            ["Input.Password"] = "Wrong!Passw0rd1",
            ["__RequestVerificationToken"] = token,
        }));

        await AssertNoStackTraceAsync(response, "text/html");
    }

    [Fact]
    public async Task Production_UnhandledErrorInTheApi_AnswersProblemDetailsWithoutStackTrace()
    {
        using var factory = new ProductionFactory { ThrowFromAccessAudit = true };
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        using var response = await client.PostAsync("/api/auth/login", JsonContent("{\"email\":\"someone@clinic.example\",\"password\":\"Wrong!Passw0rd1\"}"));

        await AssertNoStackTraceAsync(response, "application/problem+json");
    }

    [Theory]
    [InlineData("/Error", null, "Page not found")]
    [InlineData("/Error?status=500", null, "Page not found")]
    [InlineData("/error?status=400", null, "Page not found")]
    [InlineData("/Error", "zh-CN", "未找到页面")]
    public async Task Production_ErrorPageAskedForDirectly_Answers404NotTheErrorPage(string path, string? language, string title)
    {
        // Helper 337: /Error is only where the exception handler and the status-code pages re-execute a failed request; asked
        // for directly it answered 200 "Something went wrong" (or whatever ?status= said), an error page for no error.
        using var factory = new ProductionFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        using var response = await KetamineCds.Web.Tests.Localization.CultureSelectionTests.GetAsync(client, path, language);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain("The request could not be accepted", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Something went wrong")]
    [InlineData("zh-CN", "出现错误")]
    public async Task Production_UnhandledErrorOnAPage_StillShowsTheFriendly500Page(string? language, string title)
    {
        // The exception handler re-executes /Error: still its page, 500, in the request's language, without a stack trace.
        using var factory = new ProductionFactory { ThrowFromAccessAudit = true };
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });
        var token = await KetamineCds.Web.Tests.Infrastructure.KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "someone@clinic.example",
                ["Input.Password"] = "Wrong!Passw0rd1",
                ["__RequestVerificationToken"] = token,
            }),
        };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await client.SendAsync(request);

        await AssertNoStackTraceAsync(response, "text/html");
        Assert.Contains($"<h1>{title}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_StatusCodePage_StillShowsItsPage()
    {
        // A sign-out post without its form token: 400, re-executed to /Error?status=400, which still says so.
        using var factory = new ProductionFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://clinic.example") });

        using var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>The request could not be accepted</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertNoStackTraceAsync(HttpResponseMessage response, string mediaType)
    {
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

        /// <summary>Makes every access-audit write throw, to provoke an unhandled error on the sign-in paths.</summary>
        public bool ThrowFromAccessAudit { get; init; }

        /// <summary>The content root the app starts with, when set (otherwise the project's folder).</summary>
        public string? ContentRoot { get; init; }

        /// <summary>The client address the server sees (a TLS proxy's), when set.</summary>
        public IPAddress? RemoteAddress { get; init; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            if (ContentRoot is not null)
            {
                builder.UseContentRoot(ContentRoot);
            }

            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={_databasePath}");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("AllowedHosts", "clinic.example");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (RemoteAddress is { } address)
            {
                builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address)));
            }

            if (ThrowFromAccessAudit)
            {
                builder.ConfigureServices(services =>
                {
                    services.RemoveAll<IAccessAudit>();
                    services.AddSingleton<IAccessAudit, ThrowingAccessAudit>();
                });
            }
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

    /// <summary>An access audit whose every write fails with an unexpected error.</summary>
    private sealed class ThrowingAccessAudit : IAccessAudit
    {
        public Task RecordAsync(AccessEvent accessEvent, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("test failure marker");
    }

    /// <summary>Sets the connection's remote address before the app's own middleware, as a proxy's connection would have it.</summary>
    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
