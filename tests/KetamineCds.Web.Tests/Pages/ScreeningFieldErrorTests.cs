using System.Net;
using System.Text.RegularExpressions;
using static KetamineCds.Web.Tests.Infrastructure.ControlTags;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The screening pages' fields outside the intake form's questions get the red bar (<c>field--error</c>) beside them while
/// they are refused, and only then, as the account and administration forms' fields do (FieldErrorTagHelper's
/// <c>field-errors-of</c>): the search box of Find screenings, the result page's three override questions, and the
/// correction's reason and section.
/// </summary>
public sealed class ScreeningFieldErrorTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public ScreeningFieldErrorTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task FindScreenings_ReferenceRefused_TheSearchFieldHasTheRedBar()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var refused = await client.GetStringAsync("/Screenings?patientReference=" + Uri.EscapeDataString("MRN 1/2"));
        var found = await client.GetStringAsync("/Screenings?patientReference=MRN-RED-BAR-NONE");

        Assert.Equal("field field--error", FieldClass(refused, "patientReference"));
        Assert.Contains("id=\"patientReference-error\"", refused, StringComparison.Ordinal);
        Assert.Equal("field", FieldClass(found, "patientReference"));
        Assert.Equal("field", FieldClass(await client.GetStringAsync("/Screenings"), "patientReference"));
    }

    [Fact]
    public async Task FindScreenings_ReferenceRefused_TheBoxIsInvalid_OnlyThen()
    {
        // Before: the refused box said nothing of its state (no aria-invalid) and the page came back with the focus at its
        // top, the message below unheard until the clinician found the box again (helper 335). The focus now goes to the
        // error summary, whose link leads to the box, as on every form (helper 337: site.js took it from an autofocus on load).
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var refused = Regex.Match(await client.GetStringAsync("/Screenings?patientReference=" + Uri.EscapeDataString("MRN 1/2")), "<input [^>]*id=\"patientReference\"[^>]*>").Value;
        var found = Regex.Match(await client.GetStringAsync("/Screenings?patientReference=MRN-INVALID-NONE"), "<input [^>]*id=\"patientReference\"[^>]*>").Value;

        Assert.Contains("aria-describedby=\"patientReference-error\" aria-invalid=\"true\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("autofocus", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", found, StringComparison.Ordinal);
        Assert.DoesNotContain("autofocus", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_OverrideWithOnlyADecision_TheReasonAndExplanationHaveTheRedBar_TheDecisionNot()
    {
        var (client, id) = await _factory.RecordedScreeningWithPageClientAsync("MRN-RED-BAR-OVR", null);
        Assert.Equal("field radios", DecisionClass(await client.GetStringAsync($"/Screenings/{id}")));

        var html = await PostAsync(client, $"/Screenings/{id}?handler=Override", $"/Screenings/{id}", new() { ["Override.Decision"] = "Proceed" });

        Assert.Equal("field radios", DecisionClass(html));
        Assert.Equal("field field--error", FieldClass(html, "override-reason"));
        Assert.Equal("field field--error", FieldClass(html, "override-explanation"));
    }

    [Fact]
    public async Task ResultPage_OverrideSentEmpty_TheDecisionHasTheRedBar()
    {
        var (client, id) = await _factory.RecordedScreeningWithPageClientAsync("MRN-RED-BAR-OVR-EMPTY", null);

        var html = await PostAsync(client, $"/Screenings/{id}?handler=Override", $"/Screenings/{id}", []);

        Assert.Equal("field radios field--error", DecisionClass(html));
        Assert.Equal("field field--error", FieldClass(html, "override-reason"));
    }

    [Fact]
    public async Task CorrectionForm_NoReason_TheReasonHasTheRedBar_TheSectionNot()
    {
        var (client, id) = await RecordThroughFormAsync("MRN-RED-BAR-COR");
        var form = PageTests.ValidForm("MRN-RED-BAR-COR");
        form["Input.FailedAdequateTrials"] = "3";
        form["corrects"] = id.ToString();
        form["correctionReason"] = "";

        var html = await PostAsync(client, $"/Screenings/New?corrects={id}", $"/Screenings/New?corrects={id}", form);

        Assert.Equal("field field--error", FieldClass(html, "correctionReason"));
        Assert.Equal("section", CorrectionSectionClass(html));
        Assert.Equal("field", FieldClass(await client.GetStringAsync($"/Screenings/New?corrects={id}"), "correctionReason"));
    }

    [Fact]
    public async Task CorrectionForm_NothingChanged_TheCorrectionSectionHasTheRedBar_TheReasonNot()
    {
        var (client, id) = await RecordThroughFormAsync("MRN-RED-BAR-SAME");
        var form = PageTests.ValidForm("MRN-RED-BAR-SAME");
        form["corrects"] = id.ToString();
        form["correctionReason"] = "Checked again.";

        var html = await PostAsync(client, $"/Screenings/New?corrects={id}", $"/Screenings/New?corrects={id}", form);

        Assert.Equal("section field--error", CorrectionSectionClass(html));
        Assert.Contains("id=\"corrects-error\"", html, StringComparison.Ordinal);
        Assert.Equal("field", FieldClass(html, "correctionReason"));
    }

    private async Task<(HttpClient Client, Guid Id)> RecordThroughFormAsync(string reference)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm(reference);
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");
        using var post = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return (client, Guid.Parse(post.Headers.Location!.OriginalString["/Screenings/".Length..]));
    }

    /// <summary>Posts the form (with the page's anti-forgery token) and returns the page answered, which must not be a redirect.</summary>
    private static async Task<string> PostAsync(HttpClient client, string path, string formPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, formPage);
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found), "the form was recorded");
        return html;
    }

    /// <summary>The class of the override's "Your decision" group, its words collapsed to single spaces.</summary>
    private static string DecisionClass(string html) => ClassOf(html, "<fieldset\\b([^>]*)>\\s*<legend>Your decision ");

    /// <summary>The class of the correction form's Correction section, its words collapsed to single spaces.</summary>
    private static string CorrectionSectionClass(string html) => ClassOf(html, "<fieldset\\b([^>]*\\bid=\"correction\"[^>]*)>");

    private static string ClassOf(string html, string pattern)
    {
        var match = Regex.Match(html, pattern);
        Assert.True(match.Success, $"nothing matches {pattern}");
        return string.Join(' ', (Attribute(match.Groups[1].Value, "class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
