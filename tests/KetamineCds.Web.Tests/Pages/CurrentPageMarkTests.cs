using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The site header's menu says which page is shown (aria-current, WCAG 2.4.8): "page" on the link to the page itself,
/// "true" on the link of the section the page is in, on no link elsewhere; in both languages.
/// </summary>
public sealed class CurrentPageMarkTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings/New", "/Screenings/New", "page", "en")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings/New", "/Screenings/New", "page", "zh-CN")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Screenings", "/Screenings", "page", "en")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Rules", "/Rules", "page", "zh-CN")]
    [InlineData(KetamineCdsFactory.Psychiatrist, "/Principles", "/Principles", "page", "en")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit", "/Audit", "page", "en")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit", "/Audit", "page", "zh-CN")]
    [InlineData(KetamineCdsFactory.Auditor, "/Audit/Access", "/Audit", "true", "en")]
    [InlineData(KetamineCdsFactory.Auditor, "/Rules/Diff", "/Rules", "true", "zh-CN")]
    [InlineData(KetamineCdsFactory.Admin, "/Admin/Users", "/Admin/Users", "page", "en")]
    public async Task HeaderMenu_OnAPage_MarksItsLinkAndNoOther(string email, string path, string marked, string current, string language)
    {
        var client = await factory.CreatePageClientAsync(email);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        var links = MenuLinks(await response.Content.ReadAsStringAsync());

        Assert.Contains(links, l => l.Href == marked);
        Assert.All(links, l => Assert.Equal(l.Href == marked ? current : null, l.Current));
    }

    [Fact]
    public async Task HeaderMenu_OnTheStartPage_MarksNoLink()
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var links = MenuLinks(await client.GetStringAsync("/"));

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Null(l.Current));
    }

    /// <summary>The header menu's links: each one's address and its aria-current, if any.</summary>
    private static List<(string Href, string? Current)> MenuLinks(string html)
    {
        var nav = Regex.Match(html, "<ul class=\"nav\">(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(nav.Success, "no header menu");
        return [.. Regex.Matches(nav.Groups[1].Value, "<a href=\"([^\"]+)\"(?: aria-current=\"([^\"]+)\")?>")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null))];
    }
}
