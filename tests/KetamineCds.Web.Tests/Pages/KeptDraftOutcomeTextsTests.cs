using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Web.Forms;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The screening form's notices over answers it gives back (<c>#draft-restored-…</c> after a send, <c>#draft-restored</c>
/// for answers typed and not sent) and the sign-in page's notes for answers kept (<c>#language-draft-kept-…</c>,
/// <c>#language-draft-kept</c>) say what became of the answers in the same words, from one table
/// (<see cref="KeptDraftOutcomes"/>), each after its own page's sentence: they had two near-copies of the six reasons
/// (helper 317) and of the answers not sent (helper 323).
/// </summary>
public sealed class KeptDraftOutcomeTextsTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public KeptDraftOutcomeTextsTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("en-GB", "Your answers were kept in this tab, and put back. ", "The answers on the screening form are kept in this tab: when you sign in with the same account within 2 hours, the form opens with them again. ")]
    [InlineData("zh-CN", "您的回答已保留在此标签页中，并已放回表单。", "该筛查表单中的回答已保留在此标签页中：如果您在 2 小时内用同一账户登录，表单打开时会重新填入这些回答。")]
    public async Task FormAndSignInPage_EachOutcome_SayWhatBecameOfTheSendInTheSameWords(string language, string formLead, string signInLead)
    {
        var form = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(
            await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist), "/Screenings/New", language)).Content.ReadAsStringAsync());
        var signIn = await SignInPageAfterARefusedSwitchAsync(language);

        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in KeptDraftOutcomes.All.Prepend(KeptDraftOutcomes.Unsent))
        {
            // Answers typed and not sent have the notice and the note without a suffix, for drafts.js to show alike.
            var notice = Regex.Match(form, outcome == KeptDraftOutcomes.Unsent
                ? "<p class=\"notice\" id=\"draft-restored\" role=\"status\" hidden>([^<]*)</p>"
                : $"<p class=\"notice\" id=\"draft-restored-{outcome}\" role=\"status\" hidden>([^<]*)</p>");
            var note = Regex.Match(signIn, outcome == KeptDraftOutcomes.Unsent
                ? "<p id=\"language-draft-kept\" data-draft-kept-at=\"/Screenings/New\" hidden>([^<]*)</p>"
                : $"<p id=\"language-draft-kept-{outcome}\" data-draft-kept-outcome=\"{outcome}\" hidden>([^<]*)</p>");
            Assert.True(notice.Success, $"the form has no notice for {outcome}");
            Assert.True(note.Success, $"the sign-in page has no note for {outcome}");
            Assert.StartsWith(formLead, notice.Groups[1].Value, StringComparison.Ordinal);
            Assert.StartsWith(signInLead, note.Groups[1].Value, StringComparison.Ordinal);
            var why = notice.Groups[1].Value[formLead.Length..];
            Assert.Equal(why, note.Groups[1].Value[signInLead.Length..]);
            Assert.True(said.Add(why), $"{outcome} says what another outcome says: {why}");
        }

        // One notice and one note per outcome and for answers not sent, no other.
        Assert.Equal(KeptDraftOutcomes.All.Count + 1, Regex.Count(form, "id=\"draft-restored"));
        Assert.Equal(KeptDraftOutcomes.All.Count + 1, Regex.Count(signIn, "id=\"language-draft-kept"));
    }

    [Fact]
    public void Why_AnOutcomeNotInTheTable_IsRefusedNamingTheTable()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => KeptDraftOutcomes.Why("lost", new PassThroughLocalizer()));

        Assert.Contains("KeptDraftOutcomes.All", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The sign-in page a language switch from the screening form leads to when the session had ended (no token).</summary>
    private async Task<string> SignInPageAfterARefusedSwitchAsync(string language)
    {
        var client = _factory.CreateRawClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsync(LanguageEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-Hans",
            ["returnUrl"] = "/Screenings/New",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
    }

    /// <summary>A localizer that gives back each key as its text.</summary>
    private sealed class PassThroughLocalizer : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
