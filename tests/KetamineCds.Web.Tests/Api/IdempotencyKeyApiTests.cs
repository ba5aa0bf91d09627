using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>POST /api/v1/screenings with an Idempotency-Key (QA11 F6): a repeat answers as the first did and records nothing.</summary>
public sealed class IdempotencyKeyApiTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public IdempotencyKeyApiTests(KetamineCdsFactory factory) => _factory = factory;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string patient, string? key, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/screenings") { Content = JsonContent.Create(SampleRequests.Trd(patient)) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Create_SameKeySentAgain_Answers201WithTheSameLocationAndBodyAndRecordsOnce()
    {
        const string patient = "MRN-IDEM-TWICE";
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, patient, key);
        using var again = await PostAsync(client, patient, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Create_SameKeySentFourTimesAtOnce_RecordsOnceAndEveryAnswerNamesIt()
    {
        const string patient = "MRN-IDEM-AT-ONCE";
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(client, patient, key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await ScreeningsOfAsync(patient));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Create_NoKey_RecordsEachRequestAsBefore()
    {
        const string patient = "MRN-IDEM-NONE";
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var first = await PostAsync(client, patient, null);
        using var again = await PostAsync(client, patient, null);

        Assert.NotEqual(first.Headers.Location, again.Headers.Location);
        Assert.Equal(2, await ScreeningsOfAsync(patient));
    }

    [Theory]
    [InlineData("abc", "en", "The Idempotency-Key header must be one UUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "en", "The Idempotency-Key header must be one UUID")]
    [InlineData("abc", "zh-CN", "Idempotency-Key 请求头必须是一个 UUID")]
    public async Task Create_KeyNotAUuid_Answers400UnderTheHeadersNameAndRecordsNothing(string key, string language, string message)
    {
        var patient = "MRN-IDEM-BAD-" + key.Length + "-" + language;
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await PostAsync(client, patient, key, language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(message, body.RootElement.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Create_KeyAnotherUserRecorded_Answers409AndShowsNothingOfTheirs()
    {
        const string patient = "MRN-IDEM-MINE";
        var key = Guid.NewGuid();
        var theirs = await RecordAsAnotherUserAsync(patient, key); // the same body as the one sent below
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await PostAsync(client, patient, key.ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("used by another user", text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.Headers.Location);
        Assert.Equal(1, await ScreeningsOfAsync(patient)); // theirs only
    }

    [Fact]
    public async Task Create_SameKeyWithAnotherBody_Answers422NamingTheKeyAndTheScreeningAndRecordsNothing()
    {
        // QA157 F8: a key reused with another payload (draft-ietf-httpapi-idempotency-key-header) answered with the first
        // screening, a screening of another patient, and the second was lost without a word.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(api, "MRN-IDEM-REUSED-A", key);
        var recorded = first.Headers.Location!.OriginalString[(first.Headers.Location.OriginalString.LastIndexOf('/') + 1)..];

        using var reused = await PostAsync(api, "MRN-IDEM-REUSED-B", key);
        using var same = await PostAsync(api, "MRN-IDEM-REUSED-A", key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Null(reused.Headers.Location);
        using var problem = JsonDocument.Parse(await reused.Content.ReadAsStringAsync());
        Assert.Equal(422, problem.RootElement.GetProperty("status").GetInt32());
        var text = problem.RootElement.GetProperty("title").GetString() + " " + problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains(key, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(recorded, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("different", text, StringComparison.Ordinal);
        Assert.Equal(0, await ScreeningsOfAsync("MRN-IDEM-REUSED-B"));
        Assert.Equal(HttpStatusCode.Created, same.StatusCode); // the same body again: as before, the screening recorded
        Assert.Equal(first.Headers.Location, same.Headers.Location);
        Assert.Equal(1, await ScreeningsOfAsync("MRN-IDEM-REUSED-A"));
    }

    [Fact]
    public async Task Create_KeyAnotherUserRecordedWithAnotherBody_Answers422AndShowsNothingOfTheirs()
    {
        const string patient = "MRN-IDEM-MINE-OTHER";
        var key = Guid.NewGuid();
        var theirs = await RecordAsAnotherUserAsync("MRN-IDEM-THEIRS-OTHER", key);
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await PostAsync(client, patient, key.ToString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(key.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(theirs.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.Headers.Location);
        Assert.Equal(0, await ScreeningsOfAsync(patient));
    }

    private async Task<int> ScreeningsOfAsync(string patient)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings?patientReference={patient}"));
        return list.RootElement.GetProperty("items").GetArrayLength();
    }

    /// <summary>Records the body <see cref="PostAsync"/> sends for <paramref name="patient"/> as another psychiatrist would have, with the key.</summary>
    private async Task<Guid> RecordAsAnotherUserAsync(string patient, Guid submissionId)
    {
        var request = ScreeningJsonReader.ReadStored(SampleRequests.Trd(patient).ToJsonString());
        var history = request.ToHistory();
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        var logged = await log.RecordScreeningAsync(new ScreeningSubmission(
            history, request.ToContractJson(), ScreeningEngine.Evaluate(history, RuleSetCatalog.Current), new Actor("another-user", "colleague@clinic.example", "Psychiatrist"), "corr-other")
        { SubmissionId = submissionId });
        return logged.Id;
    }
}
