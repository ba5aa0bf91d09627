using System.Net;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// QA114 F7: every cookie is SameSite=Strict (the session, anti-forgery, TempData and Identity's two-factor cookies),
/// but the language choice, which is Lax on purpose, as docs/security.md says; and the flows that use them still work.
/// </summary>
public sealed class CookieSameSiteTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public CookieSameSiteTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Cookies_ThroughSignInLanguageSwitchAndANotice_AreStrictButTheLanguageOne()
    {
        var client = _factory.CreateRawClient();
        var cookies = new List<string>();

        using var form = await client.GetAsync("/Account/Login");
        cookies.AddRange(SetCookies(form));
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        using var language = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/Account/Login",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        cookies.AddRange(SetCookies(language));

        using var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = KetamineCdsFactory.Psychiatrist,
            ["Input.Password"] = KetamineCdsFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies.AddRange(SetCookies(signIn));

        // A notice carried by TempData across a redirect: a language switch whose token no longer holds (QA113 F5).
        using var stale = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-Hans",
            ["returnUrl"] = "/Rules",
        }));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        cookies.AddRange(SetCookies(stale));
        using var rules = await client.GetAsync(stale.Headers.Location);
        Assert.Contains("id=\"language-not-changed\"", await rules.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("KetamineCds.Auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains(
            c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) ? "; samesite=lax" : "; samesite=strict",
            c,
            StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Identity.TwoFactorUserId")] // IdentityConstants.TwoFactorUserIdScheme
    [InlineData("Identity.TwoFactorRememberMe")]
    [InlineData("Identity.External")]
    public void IdentityCookie_BetweenThePasswordAndTheCode_IsStrict(string scheme)
    {
        var options = _factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);

        Assert.Equal(SameSiteMode.Strict, options.Cookie.SameSite);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
