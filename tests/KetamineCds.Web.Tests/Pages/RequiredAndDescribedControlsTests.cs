using System.Net;
using System.Text.RegularExpressions;
using static KetamineCds.Web.Tests.Infrastructure.ControlTags;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Accessibility QA of the intake form and the result page's override form (helper-176, WCAG 2.2 AA 1.3.1, 3.3.1, 3.3.2),
/// what axe-core does not check: a required box, drop-down or group says "required" once, by its label's or legend's
/// "(required)" in its accessible name, with no <c>aria-required</c> beside it (helper-177: a screen reader said it twice,
/// and Chromium passes no aria-required on for a drop-down); the override form's three questions, all required,
/// said so only once refused; an error under a group of radios is read with each radio, as the override form's are; the
/// count under a free-text box is read with the box; the override form's error summary is a heading under its section's.
/// </summary>
public sealed class RequiredAndDescribedControlsTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public RequiredAndDescribedControlsTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("en-GB", "Your decision", "Reason", "Explanation", "(required)")]
    [InlineData("zh-CN", "您的决定", "理由", "说明", "（必填）")]
    public async Task ResultPage_OverrideForm_MarksEachOfItsRequiredQuestionsRequired(string language, string decision, string reason, string explanation, string required)
    {
        var (client, id) = await _factory.RecordedScreeningWithPageClientAsync("MRN-A11Y-REQ-" + language, language);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        Assert.Contains($"<legend>{decision} <span class=\"required\">{required}</span></legend>", html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"override-reason\">{reason} <span class=\"required\">{required}</span></label>", html, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"override-explanation\">{explanation} <span class=\"required\">{required}</span></label>", html, StringComparison.Ordinal);
        // Said once, by the label: no aria-required beside it.
        Assert.Null(Attribute(OpeningTag(html, "override-reason"), "aria-required"));
        Assert.Null(Attribute(OpeningTag(html, "override-explanation"), "aria-required"));
        // The count under the explanation ("0 of 2,000 characters") is read with the box.
        Assert.Equal("override-explanation-count", Attribute(OpeningTag(html, "override-explanation"), "aria-describedby"));
    }

    [Theory]
    [InlineData(null, "There are 3 problems to fix; nothing has been saved yet")]
    [InlineData("zh-CN", "有 3 个问题需要修正；尚未保存任何内容")]
    public async Task ResultPage_OverrideSentEmpty_ItsErrorSummaryIsAHeadingUnderTheOverridesSection_AndEachErrorIsTiedToItsControl(string? language, string heading)
    {
        var (client, id) = await _factory.RecordedScreeningWithPageClientAsync("MRN-A11Y-OVR-" + (language ?? "en"), language);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");

        using var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        // The override form sits in the "Clinician overrides" section (h2): its summary's heading is an h3 (1.3.1).
        Assert.Contains($"<h3 id=\"error-summary-title\">{heading}</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 id=\"error-summary-title\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#override-proceed\">", html, StringComparison.Ordinal);
        Assert.Equal("override-explanation-count override-explanation-error", Attribute(OpeningTag(html, "override-explanation"), "aria-describedby"));
        Assert.Equal("true", Attribute(OpeningTag(html, "override-explanation"), "aria-invalid"));
        Assert.Equal("override-reason-hint override-reason-error", Attribute(OpeningTag(html, "override-reason"), "aria-describedby"));
    }

    [Theory]
    [InlineData(null, "(required)")]
    [InlineData("zh-CN", "（必填）")]
    public async Task NewScreening_RequiredBoxesAndDropDowns_SayItByTheirLabelOnly_AndOptionalOnesNotAtAll(string? language, string mark)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings/New"));

        // "Required" once: the label's "(required)", read as part of the name, and no aria-required to say it again.
        foreach (var required in new[] { "patientReference", "ageYears", "primaryDiagnosis", "failedAdequateTrials", "psychosis", "suicidality" })
        {
            Assert.EndsWith($" <span class=\"required\">{mark}</span></label>", LabelOf(html, required), StringComparison.Ordinal);
            Assert.True(Attribute(OpeningTag(html, required), "aria-required") is null, $"{required} is aria-required as well");
        }

        // Optional, and the mood stabilizer, required only for a bipolar disorder (site.js shows its mark as the answers change).
        foreach (var optional in new[] { "sexAtBirth", "jurisdiction", "systolicBp", "hepaticImpairment", "clinicianNote", "moodStabilizer", "prognosisWeeks" })
        {
            Assert.True(Attribute(OpeningTag(html, optional), "aria-required") is null, $"{optional} is aria-required");
            Assert.DoesNotContain($"<span class=\"required\">{mark}</span>", LabelOf(html, optional), StringComparison.Ordinal);
        }

        // The count under the note is read with it, after its hint.
        Assert.Equal("clinicianNote-hint clinicianNote-count", Attribute(OpeningTag(html, "clinicianNote"), "aria-describedby"));
    }

    [Theory]
    [InlineData(null, "(required)")]
    [InlineData("zh-CN", "（必填）")]
    public async Task NewScreening_RequiredIsSaidOnce_TheSameWayForABoxADropDownAndAGroup(string? language, string required)
    {
        // The label's or legend's visible "(required)" is read with its control's name; nothing else says it again (a
        // screen reader said "Age in years (required), required" while the box was aria-required too). A group cannot be
        // aria-required, nor does Chromium pass aria-required on for a drop-down: the words shown are the one way for all.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings/New"));

        Assert.DoesNotContain("aria-required", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("class=\"required\"[^>]*aria-hidden", html);
        Assert.Matches($"<legend>[^<]+ <span class=\"required\">{Regex.Escape(required)}</span></legend>", LegendOf(html, "currentDepressiveEpisode-group"));
        Assert.EndsWith($" <span class=\"required\">{required}</span></label>", LabelOf(html, "primaryDiagnosis"), StringComparison.Ordinal);
        Assert.EndsWith($" <span class=\"required\">{required}</span></label>", LabelOf(html, "ageYears"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_BipolarSent_TheMoodStabilizersLabelSaysItIsRequired()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await PostNewAsync(client, new() { ["Input.PrimaryDiagnosis"] = "bipolar-i" });

        Assert.EndsWith("data-required-when=\"Input.PrimaryDiagnosis=bipolar-i,bipolar-ii\">(required)</span></label>", LabelOf(html, "moodStabilizer"), StringComparison.Ordinal);
        Assert.Null(Attribute(OpeningTag(html, "moodStabilizer"), "aria-required"));
    }

    [Fact]
    public async Task NewScreening_YesNoGroupInError_EachChoiceIsDescribedByTheError()
    {
        // The group (fieldset) carries the error in its description, which a screen reader moving into the group with Tab,
        // or arriving from the error summary's link on its first choice, may not read: each choice carries it too.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await PostNewAsync(client, new() { ["Input.AgeYears"] = "45" });

        foreach (var choice in new[] { "currentDepressiveEpisode-yes", "currentDepressiveEpisode-no" })
        {
            var tag = OpeningTag(html, choice);
            Assert.Equal("true", Attribute(tag, "aria-invalid"));
            Assert.Equal("currentDepressiveEpisode-error", Attribute(tag, "aria-describedby"));
        }

        Assert.Contains("<p class=\"field-error\" id=\"currentDepressiveEpisode-error\">", html, StringComparison.Ordinal);
        // A group not in error describes none of its choices.
        Assert.Null(Attribute(OpeningTag(html, "lifeLimitingIllness-yes"), "aria-describedby"));
    }

    private static string LabelOf(string html, string id)
    {
        var label = Regex.Match(html, $"<label for=\"{Regex.Escape(id)}\">.*?</label>", RegexOptions.Singleline);
        Assert.True(label.Success, $"no label for {id}");
        return label.Value;
    }

    private static string LegendOf(string html, string groupId)
    {
        var legend = Regex.Match(html, $"id=\"{Regex.Escape(groupId)}\"[^>]*>\\s*(<legend>.*?</legend>)", RegexOptions.Singleline);
        Assert.True(legend.Success, $"no legend for {groupId}");
        return legend.Groups[1].Value;
    }

    private static async Task<string> PostNewAsync(HttpClient client, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");
        using var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        return html;
    }
}
