using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// X-Forwarded-For is believed only from the configured proxy: a client talking to the app directly cannot pick a new
/// address per attempt to escape the sign-in rate limit, while clients behind the real proxy are told apart.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.1";
    private const string Direct = "203.0.113.5";

    [Fact]
    public async Task Login_DirectClientChangingXForwardedFor_IsStillRateLimited()
    {
        using var factory = new ProxyFactory();
        var client = factory.CreateRawClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await AttemptAsync(client, from: Direct, forwardedFor: $"198.51.100.{i + 1}"));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData(Proxy, null)]
    [InlineData(null, "10.0.0.0/24")]
    [InlineData("192.0.2.7, 10.0.0.1", null)]
    public async Task Login_ClientsBehindTheConfiguredProxy_AreLimitedEachByTheirOwnAddress(string? knownProxies, string? knownNetworks)
    {
        using var factory = new ProxyFactory(knownProxies, knownNetworks);
        var client = factory.CreateRawClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await AttemptAsync(client, from: Proxy, forwardedFor: $"198.51.100.{i + 1}"));
        }

        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await AttemptAsync(client, from: Proxy, forwardedFor: "198.51.100.200"));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 7).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Fact]
    public void Startup_ForwardedHeadersWithoutAnyKnownProxy_IsRefused()
    {
        using var factory = new ProxyFactory(knownProxies: null, knownNetworks: null);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("KnownProxies", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> AttemptAsync(HttpClient client, string from, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@clinic.example", password = "Wrong!Passw0rd1" }),
        };
        request.Headers.Add(TestRemoteAddress.Header, from);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private sealed class ProxyFactory(string? knownProxies = Proxy, string? knownNetworks = null) : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:Enabled", "true");
            if (knownProxies is not null)
            {
                builder.UseSetting("ForwardedHeaders:KnownProxies", knownProxies);
            }

            if (knownNetworks is not null)
            {
                builder.UseSetting("ForwardedHeaders:KnownNetworks", knownNetworks);
            }

            builder.UseSetting("RateLimiting:SignInPerMinute", "3");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestRemoteAddress>());
        }
    }

    /// <summary>The test server has no network peer: this sets the connection's address from a test header, first of all.</summary>
    private sealed class TestRemoteAddress : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
