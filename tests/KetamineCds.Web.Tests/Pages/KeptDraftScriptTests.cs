using System.Globalization;
using System.Text.RegularExpressions;
using KetamineCds.Web.Forms;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;
using UiCulture = KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// drafts.js and the pages agree on the outcome names ("sent", "refused") and the draft's lifetime from one place each
/// (<see cref="KeptDraftOutcomes"/>, <see cref="KeptDrafts.Lifetime"/>): the script reads them from its tag
/// (<see cref="KeptDrafts.Script"/>), and spells neither itself, so a rename or a new lifetime cannot split them (helper 323;
/// the outage page's tag: DatabaseUnavailableHandlerTests; what drafts.js does with them: KeptDraftOutcomeBrowserTests).
/// </summary>
public sealed partial class KeptDraftScriptTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public KeptDraftScriptTests(KetamineCdsFactory factory) => _factory = factory;

    [GeneratedRegex("<script src=\"/js/drafts\\.js\\?v=[^\"]+\"([^>]*)></script>")]
    private static partial Regex DraftsScript();

    private static string LifetimeMilliseconds => ((long)KeptDrafts.Lifetime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("/Screenings/New", true)]
    [InlineData("/Account/Login", false)]
    public async Task Layout_LoadsDraftsJs_WithTheServersOutcomeNamesAndLifetime(string path, bool signedIn)
    {
        var client = signedIn ? await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist) : _factory.CreateClient();

        var html = await client.GetStringAsync(path);

        var tags = DraftsScript().Matches(html);
        var tag = Assert.Single(tags);
        Assert.Equal($" data-outcome-sent=\"{KeptDraftOutcomes.Sent}\" data-outcome-refused=\"{KeptDraftOutcomes.Refused}\" data-lifetime-ms=\"{LifetimeMilliseconds}\"", tag.Groups[1].Value);
    }

    [Fact]
    public void DraftsJs_SpellsNoOutcomeNameNorLifetimeOfItsOwn()
    {
        var file = Path.GetFullPath(Path.Combine(Localization.TranslationResources.Folder, "..", "..", "wwwroot", "js", "drafts.js"));
        var code = string.Join("\n", File.ReadAllLines(file).Select(line => Regex.Replace(line, "//.*$", "")));

        Assert.Contains("data-outcome-sent", code, StringComparison.Ordinal);
        Assert.Contains("data-lifetime-ms", code, StringComparison.Ordinal);
        foreach (var spelt in new[] { $"\"{KeptDraftOutcomes.Sent}\"", $"'{KeptDraftOutcomes.Sent}'", $"\"{KeptDraftOutcomes.Refused}\"", $"'{KeptDraftOutcomes.Refused}'", $"draft-restored-{KeptDraftOutcomes.Sent}", $"draft-restored-{KeptDraftOutcomes.Refused}", "60 * 60", LifetimeMilliseconds })
        {
            Assert.DoesNotContain(spelt, code, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-GB", "within {0} hours,")]
    [InlineData("zh-Hans", "在 {0} 小时内")]
    public void KeptUntilSignIn_NamesTheLifetimeInWholeHours(string language, string said)
    {
        using var culture = new UiCulture(language);
        var hours = KeptDrafts.Lifetime.TotalHours;

        // "{0} hours": a whole number of hours, more than one (a lifetime of minutes or of one hour needs other words).
        Assert.Equal(Math.Floor(hours), hours);
        Assert.True(hours > 1);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, said, hours), KeptDraftOutcomes.KeptUntilSignIn(new StringLocalizer<PageText>(LocalizationSetup.SharedFactory)), StringComparison.Ordinal);
    }
}
