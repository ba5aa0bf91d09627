using System.Net;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The print's requirements checklist heading stood over nothing when a screening had no requirement to tick (a history
/// whose diagnosis opens no pathway), which read as if the list had been cut off. It says "None.", as the result page
/// does for an empty kind of finding; a checklist with items is unchanged.
/// </summary>
public sealed class PrintEmptyChecklistTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public PrintEmptyChecklistTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("en", "Requirements checklist", "None.")]
    [InlineData("zh-CN", "要求清单", "无。")]
    public async Task Print_NoRequirementToTick_SaysNoneUnderTheChecklistHeading(string language, string heading, string none)
    {
        var request = PrintOverrideTests.Eligible("MRN-PRINT-NONE-" + language).With("primaryDiagnosis", "other").With("lifeLimitingIllness", false);
        var id = await _factory.RecordScreeningThroughApiAsync(request);

        var html = await PrintAsync(id, language);

        Assert.Matches($"<h2>{Regex.Escape(heading)}</h2>\\s*<p class=\"p-none\">{Regex.Escape(none)}</p>", html);
        Assert.DoesNotContain("<ul class=\"p-checklist\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_WithRequirements_ListsThemNotNone()
    {
        var id = await _factory.RecordScreeningThroughApiAsync(PrintOverrideTests.Eligible("MRN-PRINT-LIST"));

        var html = await PrintAsync(id, "en");

        Assert.Matches("<h2>Requirements checklist</h2>\\s*<ul class=\"p-checklist\">\\s*<li>", html);
        Assert.DoesNotContain("<p class=\"p-none\">", html, StringComparison.Ordinal);
    }

    private async Task<string> PrintAsync(Guid id, string language)
    {
        var staff = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        using var response = await Localization.CultureSelectionTests.GetAsync(staff, $"/Screenings/{id}/Print", language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
