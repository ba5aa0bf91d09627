using System.Net;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>
/// <c>POST /Language</c>, the pages' language switch: it needs the page's anti-forgery token, remembers the choice in
/// the culture cookie, and sends the browser back to a local page only.
/// </summary>
public sealed class LanguageEndpointTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public LanguageEndpointTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Post_ChineseWithToken_SetsCookieRedirectsBackAndLaterPagesAreChinese()
    {
        var client = _factory.CreateRawClient();
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");

        var response = await client.PostAsync(LanguageEndpoint.Path, Form(token, "zh-Hans", "/Account/Login?returnUrl=%2F"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?returnUrl=%2F", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("uic%3Dzh-Hans", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await CultureSelectionTests.GetAsync(client, "/Account/Login", "en-US");
        Assert.Equal(["zh-Hans"], page.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task Post_EnglishAfterChinese_SwitchesBack()
    {
        var client = _factory.CreateRawClient();
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        await client.PostAsync(LanguageEndpoint.Path, Form(token, "zh-CN", "/"));

        await client.PostAsync(LanguageEndpoint.Path, Form(token, "en", "/"));

        var page = await CultureSelectionTests.GetAsync(client, "/Account/Login", "zh-CN");
        Assert.Equal(["en"], page.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryTokenSignedOut_RedirectsToSignInWithANoticeAndSetsNoCookie()
    {
        // QA8 F22: the session ended in another tab; the switch leads to the sign-in page (never a bare JSON page),
        // which then leads back to the page the clinician was on.
        var client = _factory.CreateRawClient();

        var response = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-Hans",
            ["returnUrl"] = "/Screenings/New?from=1",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FScreenings%2FNew%3Ffrom%3D1&languageNotChanged=true", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));

        var signIn = await client.GetAsync(response.Headers.Location);
        var html = await signIn.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("id=\"language-not-changed\"", html, StringComparison.Ordinal);
        Assert.Contains("The language was not changed: sign in again", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "The answers on the screening form are kept in this tab: when you sign in with the same account within 2 hours, the form opens with them again. They were typed and not sent, so nothing has been saved yet (signing out clears them). Check them, then send the form.")]
    [InlineData("zh-CN", "该筛查表单中的回答已保留在此标签页中：如果您在 2 小时内用同一账户登录，表单打开时会重新填入这些回答。这些回答已填写但尚未提交，因此目前尚未保存任何内容（退出登录会清除这些回答）。请核对后再提交表单。")]
    public async Task Post_WithoutAntiforgeryTokenSignedOut_SignInPageSaysTheAnswersComeBackOnlyWhereTheTabKeptThem(string? language, string kept)
    {
        // A language switch refused signed out keeps a screening form's unsent answers in the tab (drafts.js) and gives them
        // back to the same account only, within 2 hours: the notice says so, in the words the other kept-answer texts use
        // (KeptDraftOutcomes: the sign-in page's notes for answers kept from a send, the form's notice, _KeptDraftOnSignIn). Helper 273: only drafts.js knows whether this tab kept any (nothing was typed, scripts off),
        // so the server writes the sentence hidden, naming the page switched from, for drafts.js to show; the paragraph
        // shown by itself says nothing of answers kept.
        var client = _factory.CreateRawClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var response = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-Hans",
            ["returnUrl"] = "/Screenings/New?from=7",
        }));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));

        var notice = System.Text.RegularExpressions.Regex.Match(html, "<div [^>]*id=\"language-not-changed\">.*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("<p id=\"language-draft-kept\" data-draft-kept-at=\"/Screenings/New?from=7\" hidden>" + kept + "</p>", notice, StringComparison.Ordinal);
        // Helper 312: answers kept from a send (the form sent back "NOT saved", or saying they may have been stored) have a
        // note of their own for each outcome, saying why, as the form will: each hidden too, for drafts.js to show the one.
        var keptNotes = System.Text.RegularExpressions.Regex.Matches(notice, "<p [^>]*>[^<]*(kept in this tab|保留在此标签页中)[^<]*</p>");
        Assert.Equal(7, keptNotes.Count);
        Assert.All(keptNotes, note => Assert.Matches("^<p [^>]* hidden>", note.Value));
        foreach (var outcome in new[] { "sent", "refused", "not-signed-in", "too-large", "database-unavailable", "database-refused" })
        {
            Assert.Contains($"<p id=\"language-draft-kept-{outcome}\" data-draft-kept-outcome=\"{outcome}\" hidden>", notice, StringComparison.Ordinal);
        }

        Assert.Contains(language is null ? "They were sent, but the screening was not saved: the database refused to store it" : "这些回答已提交，但该筛查未保存：数据库拒绝存储此筛查", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryTokenSignedOut_FromAPageThatKeepsNoAnswers_SaysNothingOfKeptAnswers()
    {
        // Only a screening form's answers are kept (KeptDrafts): switched from another page, nothing is there to show.
        var client = _factory.CreateRawClient();

        var response = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-Hans",
            ["returnUrl"] = "/Rules",
        }));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));

        var notice = System.Text.RegularExpressions.Regex.Match(html, "<div [^>]*id=\"language-not-changed\">.*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("Sign in again to go back to the page, then choose the language again.</p>", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("language-draft-kept", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("kept in this tab", notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The language was not changed")]
    [InlineData("zh-Hans", "语言未更改")]
    public async Task Post_WithoutAntiforgeryTokenSignedIn_ReturnsToThePageWhichSaysOnceTheLanguageWasNotChanged(string language, string notice)
    {
        // QA113 F5: the page comes back in the language it had, and says that the switch was not taken.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = language == "en" ? "zh-Hans" : "en",
            ["returnUrl"] = "/Rules",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Rules", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));

        var page = await client.GetAsync(response.Headers.Location);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal([language], page.Content.Headers.ContentLanguage);
        Assert.Contains("id=\"language-not-changed\"", html, StringComparison.Ordinal);
        Assert.Contains(notice, html, StringComparison.Ordinal);

        // Once: the next page does not say it again.
        Assert.DoesNotContain("id=\"language-not-changed\"", await client.GetStringAsync("/Rules"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryTokenFromTheSignInPage_ReturnsToIt()
    {
        var client = _factory.CreateRawClient();

        var response = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-Hans",
            ["returnUrl"] = "/Account/Login?ReturnUrl=%2F",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2F", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Post_ReturnUrlNotLocal_RedirectsHome(string returnUrl)
    {
        var client = _factory.CreateRawClient();
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");

        var response = await client.PostAsync(LanguageEndpoint.Path, Form(token, "zh-Hans", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_UnsupportedLanguage_Returns400WithAFieldMessage()
    {
        var client = _factory.CreateRawClient();
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");

        var response = await client.PostAsync(LanguageEndpoint.Path, Form(token, "fr", "/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"culture\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Screenings/New?from=1", "/Screenings/New?from=1")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/a\nb", "/")]
    public void LocalReturnUrl_Candidate_IsKeptOnlyWhenLocal(string? candidate, string expected)
    {
        Assert.Equal(expected, LanguageEndpoint.LocalReturnUrl(candidate));
    }

    private static FormUrlEncodedContent Form(string token, string culture, string returnUrl) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["culture"] = culture,
        ["returnUrl"] = returnUrl,
    });
}
