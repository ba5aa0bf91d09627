using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace KetamineCds.Web.Tests.Security;

/// <summary>API calls are rate-limited per signed-in user, with problem details and Retry-After.</summary>
public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task Api_MoreCallsThanTheBucketHolds_AnswersTooManyRequestsForThatUserOnly()
    {
        using var factory = new ApiLimitFactory(3);
        var staff = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        var auditor = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await staff.GetAsync("/api/v1/ruleset");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await staff.GetAsync("/api/v1/ruleset");
        using var other = await auditor.GetAsync("/api/v1/ruleset");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Api_TooManyRequests_IsAProblemWithATypeAndTheHeadersTheDocumentDeclares()
    {
        // Every other problem body has a type; the 429 had none (QA12 G6).
        using var factory = new ApiLimitFactory(1);
        var staff = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        using (var allowed = await staff.GetAsync("/api/v1/ruleset"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await staff.GetAsync("/api/v1/ruleset");
        using var body = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(limited.Headers.TryGetValues("X-Correlation-Id", out var correlation) && correlation.Single().Length > 0);
    }

    private sealed class ApiLimitFactory(int perMinute) : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:ApiPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
