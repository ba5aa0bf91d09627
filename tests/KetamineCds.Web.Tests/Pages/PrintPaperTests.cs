using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The paper the one-page rationale is laid out for (QA: the heaviest histories left some five lines blank at the foot of
/// an A4 sheet, the print being fitted to US Letter's height): the clinic's (<c>Clinic:PaperSize</c>: either, the default,
/// A4 or Letter, in any case) unless the print page's toolbar chooses another for one print. Laid out for one paper, the
/// print asks the browser for its page size (print-a4.css, print-letter.css); for either, it asks none. The sheets
/// themselves are measured in Chromium (OnePagePrintBrowserTests).
/// </summary>
public sealed class PrintPaperTests
{
    private static KetamineCdsFactory Clinic(string? paper) => paper is null
        ? new KetamineCdsFactory()
        : new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Clinic:PaperSize"] = paper } };

    private static async Task<(HttpClient Client, Guid Id)> ScreeningAsync(KetamineCdsFactory factory)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-PRINT-PAPER"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist), id);
    }

    private static string? PageSizeStylesheet(string html) =>
        Regex.Match(html, "<link rel=\"stylesheet\" href=\"([^\"]*)\" id=\"page-size\">") is { Success: true } m ? m.Groups[1].Value : null;

    private static IReadOnlyList<string> Marked(string html) =>
        [.. Regex.Matches(html, "<a [^>]*data-paper=\"([a-z0-9]+)\" aria-current=\"true\"").Select(m => m.Groups[1].Value)];

    [Theory]
    [InlineData(null, null, null, "either")]
    [InlineData("A4", null, "/css/print-a4.css", "a4")]
    [InlineData("a4", null, "/css/print-a4.css", "a4")]
    [InlineData("Letter", null, "/css/print-letter.css", "letter")]
    [InlineData("either", null, null, "either")]
    // The toolbar's choice for one print, over the clinic's paper; an unknown one leaves the clinic's.
    [InlineData(null, "a4", "/css/print-a4.css", "a4")]
    [InlineData("A4", "letter", "/css/print-letter.css", "letter")]
    [InlineData("Letter", "either", null, "either")]
    [InlineData("A4", "folio", "/css/print-a4.css", "a4")]
    public async Task Print_IsLaidOutForTheChosenPaperElseTheClinics_AsksTheBrowserForItsPageSize(string? clinicPaper, string? chosen, string? stylesheet, string marked)
    {
        using var factory = Clinic(clinicPaper);
        var (client, id) = await ScreeningAsync(factory);

        var html = await client.GetStringAsync($"/Screenings/{id}/Print" + (chosen is null ? "" : $"?paper={chosen}"));

        Assert.Equal(stylesheet, PageSizeStylesheet(html));
        Assert.Equal([marked], Marked(html));
        foreach (var paper in new[] { "either", "a4", "letter" })
        {
            Assert.Contains($"href=\"/Screenings/{id}/Print?paper={paper}\" data-paper=\"{paper}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("A3")]
    [InlineData("1")]
    [InlineData("")]
    public void Start_ClinicPaperSizeNotKnown_RefusesToStartNamingTheSetting(string paper)
    {
        using var factory = Clinic(paper);

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Clinic:PaperSize must be either, A4 or Letter", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PagePoints_AreTheHeightInsideTheMargins_EitherIsLettersTheShorter()
    {
        // 297 mm and 279.4 mm less print.css's 15 mm of top and bottom margins.
        Assert.Equal(799.4, PrintPaper.A4.PagePoints(), 1);
        Assert.Equal(749.5, PrintPaper.Letter.PagePoints(), 1);
        Assert.Equal(PrintPaper.Letter.PagePoints(), PrintPaper.Either.PagePoints());
    }
}
