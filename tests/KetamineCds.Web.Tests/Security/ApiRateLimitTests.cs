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

    private sealed class ApiLimitFactory(int perMinute) : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:ApiPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
