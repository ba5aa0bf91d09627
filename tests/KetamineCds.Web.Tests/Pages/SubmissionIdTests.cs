using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Post_SubmissionIdAnotherUserRecordedWithTheSameAnswers_Answers409AndShowsNothingOfTheirs()
    {
        const string patient = "SUB-OTHER-USER";
        var submissionId = Guid.NewGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);
        form["submissionId"] = submissionId.ToString();
        var theirs = await RecordAsAnotherUserAsync(form, submissionId);

        using var response = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"submitted-by-another\"", html, StringComparison.Ordinal);
        Assert.Contains("This form was already submitted by another user", html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(submissionId, SubmissionIdOf(html));
        Assert.Equal(1, await ScreeningsOfAsync(patient)); // theirs only
    }

    [Theory]
    [InlineData("en-GB", "This form was already used to record screening", "These answers were NOT saved", "submit again to save them as a new screening")]
    [InlineData("zh-CN", "此表单已用于记录筛查", "这些回答未保存", "将其保存为一次新的筛查")]
    public async Task Post_SubmissionIdRecordedWithOtherAnswers_RecordsNothingKeepsTheAnswersAndSaysSo(string language, string usedFor, string notSaved, string submitAgain)
    {
        // QA157 F8: two tabs with one form id (a duplicated tab), one for patient A, one for B. B showed A's result, and
        // B's answers were lost.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var tabA = await OpenedFormAsync(client, "/Screenings/New", "QA157-TABA-" + language);
        var tabB = PageTests.ValidForm("QA157-TABB-" + language);
        tabB["__RequestVerificationToken"] = tabA["__RequestVerificationToken"];
        tabB["submissionId"] = tabA["submissionId"];
        tabB["Input.AgeYears"] = "41";
        using var recordedA = await PostAsync(client, "/Screenings/New", tabA);
        var screeningA = recordedA.Headers.Location!.OriginalString["/Screenings/".Length..];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Screenings/New") { Content = new FormUrlEncodedContent(tabB) };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"submission-reused\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#submission-reused\"", html, StringComparison.Ordinal); // in the error summary
        Assert.Contains(usedFor, html, StringComparison.Ordinal);
        Assert.Contains(notSaved, html, StringComparison.Ordinal);
        Assert.Contains(submitAgain, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Screenings/" + screeningA + "\"", html, StringComparison.Ordinal); // the author's own screening, linked
        Assert.DoesNotContain("id=\"already-submitted\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"QA157-TABB-" + language + "\"", html, StringComparison.Ordinal); // B's answers stay
        Assert.Contains("value=\"41\"", html, StringComparison.Ordinal);
        Assert.Contains("Seen with partner.", html, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Parse(tabA["submissionId"]), SubmissionIdOf(html)); // under a new id
        Assert.Equal(0, await ScreeningsOfAsync("QA157-TABB-" + language));
        Assert.Equal(1, await ScreeningsOfAsync("QA157-TABA-" + language));

        // Submitting the form as it came back records B's answers as a screening of their own.
        tabB["submissionId"] = SubmissionIdOf(html).ToString();
        using var again = await PostAsync(client, "/Screenings/New", tabB);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.NotEqual(recordedA.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await ScreeningsOfAsync("QA157-TABB-" + language));
    }

    [Fact]
    public async Task Post_SubmissionIdAnotherUserRecordedWithOtherAnswers_SaysOnlyThatItWasUsed()
    {
        const string patient = "SUB-OTHER-USER-OTHER";
        var submissionId = Guid.NewGuid();
        var theirs = await RecordAsAnotherUserAsync("SUB-THEIRS", submissionId);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await OpenedFormAsync(client, "/Screenings/New", patient);
        form["submissionId"] = submissionId.ToString();

        using var response = await PostAsync(client, "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"submission-reused\"", html, StringComparison.Ordinal);
        Assert.Contains("These answers were NOT saved", html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SUB-THEIRS", html, StringComparison.Ordinal);
        Assert.Contains("value=\"" + patient + "\"", html, StringComparison.Ordinal);
        Assert.NotEqual(submissionId, SubmissionIdOf(html));
        Assert.Equal(0, await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Post_CorrectionFormSentAgainWithOtherAnswers_RecordsNothingAndSaysSo()
    {
        const string patient = "SUB-CORRECTION-REUSED";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var recorded = await PostAsync(client, "/Screenings/New", await OpenedFormAsync(client, "/Screenings/New", patient));
        var earlier = recorded.Headers.Location!.OriginalString["/Screenings/".Length..];
        var path = "/Screenings/New?corrects=" + earlier;
        var correction = await OpenedFormAsync(client, path, patient);
        correction["corrects"] = earlier;
        correction["correctionReason"] = "Trials were 4, not 2.";
        correction["Input.FailedAdequateTrials"] = "4";
        using var first = await PostAsync(client, path, correction);
        correction["Input.FailedAdequateTrials"] = "5";

        using var again = await PostAsync(client, path, correction);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("id=\"submission-reused\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"" + first.Headers.Location!.OriginalString + "\"", html, StringComparison.Ordinal);
        Assert.Equal(2, await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Post_RescreenFormSentAgainWithOtherAnswers_RecordsNothingAndSaysSo()
    {
        const string patient = "SUB-RESCREEN-REUSED";
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var recorded = await PostAsync(client, "/Screenings/New", await OpenedFormAsync(client, "/Screenings/New", patient));
        var path = "/Screenings/New?from=" + recorded.Headers.Location!.OriginalString["/Screenings/".Length..];
        var rescreen = await OpenedFormAsync(client, path, patient);
        using var first = await PostAsync(client, path, rescreen);
        using var same = await PostAsync(client, path, rescreen);
        rescreen["Input.Suicidality"] = "none";

        using var again = await PostAsync(client, path, rescreen);

        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode); // the same answers: the screening recorded, as before
        Assert.Equal(first.Headers.Location, same.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("id=\"submission-reused\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await ScreeningsOfAsync(patient));
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

    /// <summary>Records the answers of <paramref name="form"/> with the submission id as another psychiatrist would have, as the form stores them.</summary>
    private async Task<Guid> RecordAsAnotherUserAsync(Dictionary<string, string> form, Guid submissionId)
    {
        var (request, _) = ScreeningFormReader.Read(
            new FormCollection(form.ToDictionary(f => f.Key, f => new Microsoft.Extensions.Primitives.StringValues(f.Value), StringComparer.Ordinal)),
            new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary());
        var history = request.ToHistory();
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        var logged = await log.RecordScreeningAsync(new ScreeningSubmission(
            history, request.ToContractJson(), ScreeningEngine.Evaluate(history, RuleSetCatalog.Current), new Actor("another-user", "colleague@clinic.example", "Psychiatrist"), "corr-other")
        { SubmissionId = submissionId });
        return logged.Id;
    }

    /// <summary>Records a screening with the submission id as another psychiatrist would have.</summary>
    private async Task<Guid> RecordAsAnotherUserAsync(string patient, Guid submissionId)
    {
        return await LoggedDirectly.RecordAsync(
            _factory, LoggedDirectly.RequiredAnswers(patient, ageYears: 50), new Actor("another-user", "colleague@clinic.example", "Psychiatrist"), "corr-other",
            submissionId: submissionId);
    }
}
