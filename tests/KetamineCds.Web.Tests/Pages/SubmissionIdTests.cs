using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The New-screening form's one-time submission id (QA11 F6): the same form sent twice, one after the other or both at
/// once, records one screening and shows it; an id that is not one is refused at the field; another user's is not shown.
/// </summary>
public sealed partial class SubmissionIdTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public SubmissionIdTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Get_NewForm_CarriesANewSubmissionIdEachTimeItIsRendered()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var first = SubmissionIdOf(await client.GetStringAsync("/Screenings/New"));
        var second = SubmissionIdOf(await client.GetStringAsync("/Screenings/New"));

        Assert.NotEqual(Guid.Empty, first);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("en-GB", "This form had already been submitted, so it was not saved again.")]
    [InlineData("zh-CN", "此表单此前已经提交，因此未再次保存。")]
    public async Task Post_SameFormSentTwice_RecordsOneScreeningAndShowsItWithANotice(string language, string notice)
    {
        var patient = "SUB-TWICE-" + language;
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);

        using var first = await PostAsync(client, "/Screenings/New", form);
        using var again = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await ScreeningsOfAsync(patient));

        // The result page the repeat lands on says that nothing was recorded again, once.
        using var result = new HttpRequestMessage(HttpMethod.Get, again.Headers.Location);
        result.Headers.TryAddWithoutValidation("Accept-Language", language);
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(result)).Content.ReadAsStringAsync());
        Assert.Contains("id=\"already-submitted\"", html, StringComparison.Ordinal);
        Assert.Contains(notice, html, StringComparison.Ordinal);
        var later = await client.GetStringAsync(again.Headers.Location);
        Assert.DoesNotContain("id=\"already-submitted\"", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FirstSending_ShowsTheResultWithoutTheNotice()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", "SUB-ONCE");

        using var first = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.DoesNotContain("id=\"already-submitted\"", await client.GetStringAsync(first.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameFormSentTwiceAtOnce_RecordsOneScreeningAndBothShowIt()
    {
        const string patient = "SUB-AT-ONCE";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);

        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(client, "/Screenings/New", form)));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        Assert.Single(posts.Select(p => p.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await ScreeningsOfAsync(patient));
        foreach (var post in posts)
        {
            post.Dispose();
        }
    }

    [Fact]
    public async Task Post_CorrectionSentTwice_ShowsTheCorrectionRecordedNotAlreadyCorrected()
    {
        const string patient = "SUB-CORRECTION";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var original = await OpenedFormAsync(client, "/Screenings/New", patient);
        using var recorded = await PostAsync(client, "/Screenings/New", original);
        var earlier = recorded.Headers.Location!.OriginalString["/Screenings/".Length..];
        var path = "/Screenings/New?corrects=" + earlier;
        var correction = await OpenedFormAsync(client, path, patient);
        correction["corrects"] = earlier;
        correction["correctionReason"] = "Trials were 4, not 3.";
        correction["Input.FailedAdequateTrials"] = "4";

        using var first = await PostAsync(client, path, correction);
        using var again = await PostAsync(client, path, correction);

        // Without the id, the repeat was refused as a second correction of the entry its first sending corrected.
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(2, await ScreeningsOfAsync(patient));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("6f1c2a3b-0d4e-4f50-8a6b-7c8d9e0f1a2")]
    public async Task Post_SubmissionIdNotOneTheFormMakes_Answers400WithTheMessageAndRecordsNothing(string posted)
    {
        var patient = "SUB-BAD-" + posted.Length;
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);
        form["submissionId"] = posted;

        using var response = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("its submission id is not one the app makes", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#record-screening\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"" + patient + "\"", html, StringComparison.Ordinal); // the answers stay
        Assert.NotEqual(Guid.Empty, SubmissionIdOf(html)); // and a good id, so that they can be sent again
        Assert.Equal(0, await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Post_SubmissionIdNotOneTheFormMakes_AlsoShowsTheAnswersProblemsAtOnce()
    {
        // helper-75's note: a bad id showed only its own message; the answers' problems came on the next sending.
        const string patient = "SUB-BAD-AND-AGE";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);
        form["submissionId"] = "abc";
        form["Input.AgeYears"] = "130";

        using var response = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("its submission id is not one the app makes", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#record-screening\"", html, StringComparison.Ordinal);
        Assert.Matches("href=\"#[^\"]*(?i:ageyears)[^\"]*\"", html); // the age's own problem, in the same summary
        Assert.Equal(0, await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Post_SubmissionIdNotOne_InChinese_SaysSoInChinese()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", "SUB-BAD-ZH");
        form["submissionId"] = "abc";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Screenings/New") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("其提交编号不是本应用生成的", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SubmissionIdAnotherUserRecorded_Answers409AndShowsNothingOfTheirs()
    {
        const string patient = "SUB-OTHER-USER";
        var submissionId = Guid.NewGuid();
        var theirs = await RecordAsAnotherUserAsync("SUB-THEIRS", submissionId);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);
        form["submissionId"] = submissionId.ToString();

        using var response = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"submitted-by-another\"", html, StringComparison.Ordinal);
        Assert.Contains("This form was already submitted by another user", html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SUB-THEIRS", html, StringComparison.Ordinal);
        Assert.NotEqual(submissionId, SubmissionIdOf(html));
        Assert.Equal(0, await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Post_FormWithoutSubmissionId_IsRecordedAsBefore()
    {
        // A form rendered before the id existed (open in a tab during an upgrade) is still recorded.
        const string patient = "SUB-NONE";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);
        form.Remove("submissionId");

        using var response = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await ScreeningsOfAsync(patient));
    }

    /// <summary>The valid form for <paramref name="patient"/> with the anti-forgery token and submission id of one rendering of <paramref name="path"/>.</summary>
    private static async Task<Dictionary<string, string>> OpenedFormAsync(HttpClient client, string path, string patient)
    {
        var html = await client.GetStringAsync(path);
        var form = PageTests.ValidForm(patient);
        form["__RequestVerificationToken"] = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        form["submissionId"] = SubmissionIdOf(html).ToString();
        return form;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> form) =>
        await client.PostAsync(path, new FormUrlEncodedContent(form));

    private static Guid SubmissionIdOf(string html) =>
        Guid.Parse(SubmissionIdInput().Match(html).Groups[1].Value);

    [GeneratedRegex("<input type=\"hidden\" name=\"submissionId\" value=\"([^\"]*)\"")]
    private static partial Regex SubmissionIdInput();

    /// <summary>How many screenings of the patient the log holds, from the API's list.</summary>
    private async Task<int> ScreeningsOfAsync(string patient)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings?patientReference={patient}"));
        return list.RootElement.GetProperty("items").GetArrayLength();
    }

    /// <summary>Records a screening with the submission id as another psychiatrist would have.</summary>
    private async Task<Guid> RecordAsAnotherUserAsync(string patient, Guid submissionId)
    {
        return await LoggedDirectly.RecordAsync(
            _factory, LoggedDirectly.RequiredAnswers(patient, ageYears: 50), new Actor("another-user", "colleague@clinic.example", "Psychiatrist"), "corr-other",
            submissionId: submissionId);
    }
}
