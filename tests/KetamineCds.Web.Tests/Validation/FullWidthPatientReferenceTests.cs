using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Tests.Pages;

namespace KetamineCds.Web.Tests.Validation;

/// <summary>
/// QA184 (minor): a patient reference typed in full-width letters and digits (ＭＲＮ００４２, what a Chinese input method
/// types in its full-width mode) got only "may have 1 to 64 letters, digits ...", which it seems to have. The contract
/// (screening-v1: 1-64 characters of <c>A-Z a-z 0-9 . _ -</c>) governs what is stored, and a reference read one way in one
/// place and another elsewhere would split a patient's screenings in two, so it is refused, never rewritten: everywhere a
/// reference is read (the form, the API's create and list, Find screenings, the audit filter) with a message at the field
/// that says why and what to do (switch the input method to half-width), in English and Chinese; nothing is stored.
/// </summary>
public sealed class FullWidthPatientReferenceTests : IClassFixture<KetamineCdsFactory>
{
    private const string FullWidth = "ＭＲＮ００４２";
    private const string English = "The patient reference has full-width characters (typed in an input method's full-width mode), which are not accepted: switch the input method to half-width and type it again.";
    private const string Chinese = "患者编号中有全角字符（输入法全角模式下输入的字母、数字或符号），不予接受：请将输入法切换为半角后重新输入。";

    private readonly KetamineCdsFactory _factory;

    public FullWidthPatientReferenceTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(FullWidth)]
    [InlineData("MRN－0042")] // a full-width hyphen-minus in an otherwise half-width reference
    [InlineData("ｍｒｎ＿１．２")]
    [InlineData("MRN\u30000042")] // the ideographic space the same input method types
    public void CheckPatientReference_FullWidthCharacters_SaysSoAndHowToTypeIt(string reference)
    {
        var message = new ScreeningRequestValidator().CheckPatientReference(reference);

        Assert.NotNull(message);
        Assert.StartsWith(English, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MRN 0042")]
    [InlineData("张三")]
    public void CheckPatientReference_OtherCharacters_KeepTheGeneralMessage(string reference)
    {
        Assert.Equal(ScreeningRequestValidator.PatientReferenceMessage, new ScreeningRequestValidator().CheckPatientReference(reference));
        Assert.DoesNotContain("full-width", ScreeningRequestValidator.PatientReferenceMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, English)]
    [InlineData("zh-CN", Chinese)]
    public async Task Api_CreateWithAFullWidthReference_Is400NamingTheField_AndStoresNothing(string? language, string message)
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        await client.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN0042"));
        var before = await CountAsync(client, "MRN0042");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/screenings")
        {
            Content = new StringContent(SampleRequests.Trd(FullWidth).ToJsonString(), Encoding.UTF8, "application/json"),
        };

        var messages = await RefusedAtPatientReferenceAsync(client, request, language);

        Assert.StartsWith(message, Assert.Single(messages.EnumerateArray()).GetString(), StringComparison.Ordinal);
        // Nothing stored: not under the reference the letters stand for either.
        Assert.Equal(before, await CountAsync(client, "MRN0042"));
    }

    /// <summary>Sends <paramref name="request"/> in <paramref name="language"/>: a 400 whose only field is patientReference; its messages.</summary>
    private static async Task<JsonElement> RefusedAtPatientReferenceAsync(HttpClient client, HttpRequestMessage request, string? language)
    {
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["patientReference"], errors.EnumerateObject().Select(e => e.Name));
        return errors.GetProperty("patientReference").Clone();
    }

    /// <summary>The message at the patient reference's box on a page, with the box kept as typed.</summary>
    private static void AssertAtThePatientReferenceAsTyped(string html, string message)
    {
        var error = Regex.Match(html, "<p class=\"field-error\" id=\"patientReference-error\">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(error.Success, "no message at the patient reference");
        Assert.Contains(message, error.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("value=\"" + FullWidth + "\"", html, StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(HttpClient client, string reference) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/screenings?patientReference=" + reference)).GetProperty("items").GetArrayLength();

    [Theory]
    [InlineData(null, English)]
    [InlineData("zh-CN", Chinese)]
    public async Task Api_ListWithAFullWidthReference_Is400NamingTheField(string? language, string message)
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/screenings?patientReference=" + Uri.EscapeDataString(FullWidth));

        var messages = await RefusedAtPatientReferenceAsync(client, request, language);

        Assert.StartsWith(message, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", English)]
    [InlineData("zh-CN", Chinese)]
    public async Task FindScreenings_AFullWidthReference_IsRefusedAtTheSearchBoxWithWhy(string language, string message)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Screenings?patientReference=" + Uri.EscapeDataString(FullWidth)));

        AssertAtThePatientReferenceAsTyped(html, message); // kept as typed, to be typed again
    }

    [Theory]
    [InlineData("en", English)]
    [InlineData("zh-CN", Chinese)]
    public async Task NewScreeningForm_AFullWidthReference_IsRefusedAtTheFieldWithWhy_AndTheFormComesBackAsTyped(string language, string message)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = PageTests.ValidForm(FullWidth);
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        using var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertAtThePatientReferenceAsTyped(html, message); // the form is shown again: nothing recorded
    }

    [Theory]
    [InlineData("en", English)]
    [InlineData("zh-CN", Chinese)]
    public async Task AuditList_AFullWidthPatientFilter_Is400WithWhyAtTheField(string language, string message)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var response = await client.GetAsync("/Audit?patient=" + Uri.EscapeDataString(FullWidth));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"filter-patient-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }
}
