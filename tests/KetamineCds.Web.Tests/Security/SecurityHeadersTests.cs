using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Web.Security;

namespace KetamineCds.Web.Tests.Security;

/// <summary>Every response carries the security headers, and no page needs 'unsafe-inline' to work.</summary>
public sealed partial class SecurityHeadersTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Screenings/New")]
    [InlineData("/api/v1/ruleset")]
    [InlineData("/api/v1/screenings/00000000-0000-0000-0000-000000000000")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health/live")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task AnyResponse_Anonymous_CarriesSecurityHeaders(string path)
    {
        var client = factory.CreateRawClient();

        using var response = await client.GetAsync(path);

        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Screenings/New")]
    [InlineData("/Rules")]
    [InlineData("/Principles")]
    public async Task Page_SignedIn_CarriesSecurityHeadersAndNoStore(string path)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings/New")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Rules")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Principles")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit")]
    [InlineData(KetamineCdsFactory.Admin, "/Admin/Users")]
    [InlineData(KetamineCdsFactory.Admin, "/Admin/Users/Create")]
    public async Task Page_Html_HasNoInlineScriptStyleOrHandler(string email, string path)
    {
        var client = await factory.CreatePageClientAsync(email);

        var html = await client.GetStringAsync(path);

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(StyleBlock(), html);
        Assert.DoesNotMatch(StyleAttribute(), html);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("\\son[a-z]+\\s*=\\s*[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
