using System.Net;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// Which language a request gets (contract "Language"): the language cookie first, then Accept-Language, with
/// <c>zh-CN</c>, <c>zh-SG</c> and <c>zh</c> read as Simplified Chinese; English otherwise. Content-Language says which.
/// </summary>
public sealed class CultureSelectionTests : IClassFixture<KetamineCdsFactory>
{
    private const string CultureCookie = ".AspNetCore.Culture";

    private readonly KetamineCdsFactory _factory;

    public CultureSelectionTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-Hans-CN", "zh-Hans")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans")]
    [InlineData("zh-TW", "en")]
    [InlineData("zh-Hant", "en")]
    [InlineData("zh-TW,zh-CN;q=0.5", "zh-Hans")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData(null, "en")]
    // q=0 is "not acceptable" (RFC 9110, section 12.4.2): never the language answered (helper 330: these were Chinese).
    [InlineData("zh-CN;q=0", "en")]
    [InlineData("*, zh;q=0", "en")]
    [InlineData("zh-Hans;q=0, en;q=0.1", "en")]
    [InlineData("en;q=0, zh-CN;q=0.2", "zh-Hans")]
    // The most preferred languages are tried, wherever they stand in the header (the first five as written were).
    [InlineData("fr;q=0.9, de;q=0.9, it;q=0.9, es;q=0.9, pt;q=0.9, zh-CN", "zh-Hans")]
    public async Task Get_PageWithAcceptLanguage_AnswersInTheMappedLanguage(string? acceptLanguage, string expected)
    {
        var response = await GetAsync(_factory.CreateRawClient(), "/Account/Login", acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
    }

    [Theory]
    [InlineData("c=en|uic=zh-Hans", "en-US", "zh-Hans")]
    [InlineData("c=en|uic=en", "zh-CN", "en")]
    [InlineData("c=zh-CN|uic=zh-CN", "en-US", "zh-Hans")]
    public async Task Get_CookieAndAcceptLanguageDisagree_CookieWins(string cookie, string acceptLanguage, string expected)
    {
        var response = await GetAsync(_factory.CreateRawClient(), "/Account/Login", acceptLanguage, cookie);

        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task Get_CookieNamesAnUnsupportedLanguage_FallsBackToAcceptLanguage()
    {
        var response = await GetAsync(_factory.CreateRawClient(), "/Account/Login", "zh-CN", "c=fr|uic=fr");

        Assert.Equal(["zh-Hans"], response.Content.Headers.ContentLanguage);
    }

    [Theory]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("en-US", "en")]
    public async Task Get_ApiWithAcceptLanguage_CarriesContentLanguage(string acceptLanguage, string expected)
    {
        var response = await GetAsync(await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff), "/api/v1/ruleset", acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task Get_ApiUnauthenticated_StillCarriesContentLanguage()
    {
        var response = await GetAsync(_factory.CreateRawClient(), "/api/v1/ruleset", "zh-SG");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["zh-Hans"], response.Content.Headers.ContentLanguage);
    }

    [Theory]
    [InlineData("zh", "zh-Hans")]
    [InlineData("ZH-cn", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans")]
    [InlineData("zh-MY", "zh-Hans")]
    [InlineData("zh-Hans-HK", "zh-Hans")]
    [InlineData("zh-TW", "zh-TW")]
    [InlineData("zh-HK", "zh-HK")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    [InlineData("en-GB", "en")]
    [InlineData("de", "de")]
    public void Map_LanguageTag_GivesTheSupportedCultureOrTheTagUnchanged(string tag, string expected)
    {
        Assert.Equal(expected, Cultures.Map(tag));
    }

    /// <summary>A GET with the given Accept-Language and, if any, the culture cookie's value.</summary>
    internal static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptLanguage, string? cultureCookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        if (cultureCookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"{CultureCookie}={Uri.EscapeDataString(cultureCookie)}");
        }

        return await client.SendAsync(request);
    }
}
