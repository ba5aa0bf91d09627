using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA157 F7: a free text's limit (the clinician note's 2,000 characters, an override's explanation's 2,000, a correction's
/// reason's 500) is counted in one unit, Unicode code points (<see cref="FreeText.Length"/>, as the contract's "chars" and
/// JSON Schema's maxLength read): the browser's maxlength counted UTF-16 units (an emoji or a CJK Extension B character
/// two) and stopped such a text short of its limit, and the form's post sends each line break as CR LF, which the server
/// counted as two characters where the text area showed one, refusing a text the browser let through.
/// </summary>
public sealed class FreeTextLengthTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public FreeTextLengthTests(KetamineCdsFactory factory) => _factory = factory;

    /// <summary>
    /// <paramref name="characters"/> characters as a reader counts them, in lines joined as a browser posts a text area
    /// (CR LF, each one character in the text area): an emoji and a CJK Extension B character (each two UTF-16 units) on
    /// every line, so that the text is far more than <paramref name="characters"/> UTF-16 units.
    /// </summary>
    private static string Posted(int characters)
    {
        var text = new StringBuilder();
        var count = 0;
        while (count < characters)
        {
            if (count > 0 && count % 20 == 0)
            {
                text.Append("\r\n");
            }
            else
            {
                text.Append((count % 20) switch { 1 => "😀", 2 => "𠀀", _ => "x" });
            }

            count++;
        }

        return text.ToString();
    }

    /// <summary>The text area's value before the post: its line breaks are LF.</summary>
    private static string AsTheTextAreaHeldIt(string posted) => posted.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Posted_HoldsTheCharactersItSays_InFarMoreUtf16Units()
    {
        var posted = Posted(2000);

        Assert.Equal(2000, FreeText.Length(AsTheTextAreaHeldIt(posted)));
        Assert.True(AsTheTextAreaHeldIt(posted).Length > 2100);
        Assert.Contains("\r\n", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntakeForm_ANoteOf2000CharactersWithEmojiAndLineBreaks_IsRecordedAsTheTextAreaHeldIt()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm("MRN-NOTE-2000");
        form["Input.ClinicianNote"] = Posted(2000);

        using var post = await client.PostFormAsync("/Screenings/New", "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var stored = await api.GetFromJsonAsync<JsonElement>("/api/v1" + post.Headers.Location!.OriginalString.ToLowerInvariant());
        Assert.Equal(AsTheTextAreaHeldIt(Posted(2000)), stored.GetProperty("input").GetProperty("clinicianNote").GetString());
    }

    [Fact]
    public async Task IntakeForm_ANoteOf2001Characters_IsRefusedAtItsFieldAsTheApiRefusesIt_TheTextKept()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm("MRN-NOTE-2001");
        form["Input.ClinicianNote"] = Posted(2001);

        using var post = await client.PostFormAsync("/Screenings/New", "/Screenings/New", form);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Clinician's note may have at most 2,000 characters.", html, StringComparison.Ordinal);
        Assert.Contains("😀𠀀xxx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverrideForm_AnExplanationOf2000CharactersWithEmojiAndLineBreaks_IsRecorded()
    {
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-EXPLANATION-2000");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var post = await client.PostFormAsync($"/Screenings/{id}", $"/Screenings/{id}?handler=Override", new Dictionary<string, string>
        {
            ["Override.Decision"] = "DoNotProceed",
            ["Override.Reason"] = "PatientPreference",
            ["Override.Explanation"] = Posted(2000),
        });

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
    }

    [Fact]
    public async Task TextAreas_HaveNoMaxlength_WhichABrowserCountsInUtf16Units()
    {
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-NO-MAXLENGTH");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var pages = new[] { "/Screenings/New", $"/Screenings/New?corrects={id}", $"/Screenings/{id}" };

        var textAreas = new List<string>();
        foreach (var page in pages)
        {
            textAreas.AddRange(Regex.Matches(await client.GetStringAsync(page), "<textarea[^>]*>").Select(m => m.Value));
        }

        Assert.Contains(textAreas, t => t.Contains("name=\"Input.ClinicianNote\"", StringComparison.Ordinal));
        Assert.Contains(textAreas, t => t.Contains("name=\"correctionReason\"", StringComparison.Ordinal));
        Assert.Contains(textAreas, t => t.Contains("name=\"Override.Explanation\"", StringComparison.Ordinal));
        Assert.All(textAreas, t => Assert.DoesNotContain("maxlength", t, StringComparison.Ordinal));
    }

    /// <summary>
    /// Without maxlength, the count under each of the three boxes (Pages/Shared/_CharCount, filled by site.js) is what tells
    /// the clinician, before sending, that a text is too long: it names its box and the box's limit, and its words are in
    /// the page's language, {0} left for the script to fill with the characters held.
    /// </summary>
    [Theory]
    [InlineData("en-US", "{0} of 2,000 characters", "{0} of 500 characters")]
    [InlineData("zh-Hans", "已输入 {0} 个字符（最多 2,000 个）", "已输入 {0} 个字符（最多 500 个）")]
    public async Task TextAreas_EachHaveACountOfTheirLimit_InThePagesLanguage(string language, string text2000, string text500)
    {
        var id = await _factory.RecordScreeningThroughApiAsync("MRN-CHAR-COUNT");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        string CountOf(string html, string box)
        {
            var textArea = Regex.Match(html, "<textarea[^>]*\\bid=\"" + Regex.Escape(box) + "\"[^>]*>");
            Assert.True(textArea.Success, $"no text area {box}");
            var count = Regex.Match(html, "<p class=\"hint char-count\" id=\"" + Regex.Escape(box) + "-count\"[^>]*>");
            Assert.True(count.Success, $"no count for {box}");
            Assert.Contains($"data-char-count-for=\"{box}\"", count.Value, StringComparison.Ordinal);
            Assert.Contains(" hidden", count.Value, StringComparison.Ordinal);
            return WebUtility.HtmlDecode(count.Value);
        }

        var note = CountOf(await client.GetStringAsync("/Screenings/New"), "clinicianNote");
        var reason = CountOf(await client.GetStringAsync($"/Screenings/New?corrects={id}"), "correctionReason");
        var explanation = CountOf(await client.GetStringAsync($"/Screenings/{id}"), "override-explanation");

        Assert.Contains("data-max-chars=\"2000\"", note, StringComparison.Ordinal);
        Assert.Contains($"data-text=\"{text2000}\"", note, StringComparison.Ordinal);
        Assert.Contains("data-max-chars=\"500\"", reason, StringComparison.Ordinal);
        Assert.Contains($"data-text=\"{text500}\"", reason, StringComparison.Ordinal);
        Assert.Contains("data-max-chars=\"2000\"", explanation, StringComparison.Ordinal);
        Assert.Contains($"data-text=\"{text2000}\"", explanation, StringComparison.Ordinal);
    }
}
