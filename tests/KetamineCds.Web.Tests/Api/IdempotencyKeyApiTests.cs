using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// POST /api/v1/screenings and its corrections with an Idempotency-Key (QA11 F6, QA158): a repeat answers as the first
/// did and records nothing.
/// </summary>
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

    [Fact]
    public async Task Create_SameKeyWithAnotherBodyInChinese_Answers422InChinese()
    {
        // QA191: the 422's title and detail were English whatever the request's language (the contract: bad input is
        // answered in English and in Chinese). The key, the screening and its path stay as they are.
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(api, "MRN-IDEM-ZH-A", key);
        var recorded = first.Headers.Location!.OriginalString[(first.Headers.Location.OriginalString.LastIndexOf('/') + 1)..];

        using var reused = await PostAsync(api, "MRN-IDEM-ZH-B", key, "zh-CN");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        using var problem = JsonDocument.Parse(await reused.Content.ReadAsStringAsync());
        Assert.Equal("此 Idempotency-Key 已用于另一个不同的请求。", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            $"Idempotency-Key {key} 已根据另一个不同的请求正文记录了筛查 {recorded}（/api/v1/screenings/{recorded}），因此该筛查不是本请求的结果。本请求未记录任何内容：如要将其记录为一次单独的筛查，请使用新的键发送。",
            problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, await ScreeningsOfAsync("MRN-IDEM-ZH-B"));
    }

    [Fact]
    public async Task Create_KeyAnotherUserRecordedInChinese_Answers409And422InChinese()
    {
        const string patient = "MRN-IDEM-ZH-MINE";
        var key = Guid.NewGuid();
        await RecordAsAnotherUserAsync(patient, key);
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var same = await PostAsync(client, patient, key.ToString(), "zh-CN");
        using var other = await PostAsync(client, "MRN-IDEM-ZH-OTHER", key.ToString(), "zh-CN");

        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        using var conflict = JsonDocument.Parse(await same.Content.ReadAsStringAsync());
        Assert.Equal("此 Idempotency-Key 已被另一位用户使用。", conflict.RootElement.GetProperty("title").GetString());
        Assert.Equal("未记录任何内容，也不显示另一位用户的筛查。请使用新的键发送此筛查。", conflict.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        using var reused = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
        Assert.Equal(
            $"Idempotency-Key {key} 已被另一位用户用于另一个不同的请求正文。未记录任何内容，也不显示另一位用户的筛查。请使用新的键发送此筛查。",
            reused.RootElement.GetProperty("detail").GetString());
    }

    /// <summary>POSTs a correction of <paramref name="screening"/> (age 46, the reason given) with the key, if any.</summary>
    private static async Task<HttpResponseMessage> CorrectAsync(HttpClient client, string screening, string patient, string? key, string reason = "Age was mistyped.", int age = 46)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/screenings/{screening}/corrections")
        {
            Content = JsonContent.Create(SampleRequests.Trd(patient).With("ageYears", age).With("correctionReason", reason)),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Records a screening of <paramref name="patient"/> (no key) and returns its id.</summary>
    private static async Task<string> RecordedScreeningAsync(HttpClient client, string patient)
    {
        using var first = await PostAsync(client, patient, null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var location = first.Headers.Location!.OriginalString;
        return location[(location.LastIndexOf('/') + 1)..];
    }

    [Fact]
    public async Task Correct_SameKeySentAgain_Answers201WithTheSameCorrectionAndRecordsOnce()
    {
        // QA158: a correction retried after a timeout was refused "already corrected" by itself (or, had it reached the
        // log first, recorded twice): the integrator could not tell that the first had been recorded.
        const string patient = "MRN-IDEM-CORRECT-TWICE";
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var screening = await RecordedScreeningAsync(client, patient);
        var key = Guid.NewGuid().ToString();

        using var first = await CorrectAsync(client, screening, patient, key);
        using var again = await CorrectAsync(client, screening, patient, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(2, await ScreeningsOfAsync(patient)); // the screening and one correction
    }

    [Fact]
    public async Task Correct_SameKeySentFourTimesAtOnce_RecordsOnceAndEveryAnswerNamesIt()
    {
        const string patient = "MRN-IDEM-CORRECT-AT-ONCE";
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var screening = await RecordedScreeningAsync(client, patient);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CorrectAsync(client, screening, patient, key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(2, await ScreeningsOfAsync(patient));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("answers")]
    [InlineData("screening")]
    [InlineData("route")]
    public async Task Correct_SameKeyWithAnotherRequest_Answers422AndRecordsNothing(string changed)
    {
        // The same key with another body (the answers or the reason), to another screening's corrections, or a screening's
        // key sent to a correction: another request, never answered with the first one's result (QA157 F8).
        var patient = "MRN-IDEM-CORRECT-REUSED-" + changed.ToUpperInvariant();
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var screening = await RecordedScreeningAsync(client, patient);
        var key = Guid.NewGuid().ToString();
        string recorded;
        if (changed == "route")
        {
            using var plain = await PostAsync(client, patient, key);
            recorded = plain.Headers.Location!.OriginalString;
        }
        else
        {
            using var first = await CorrectAsync(client, screening, patient, key);
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            recorded = first.Headers.Location!.OriginalString;
        }

        var before = await ScreeningsOfAsync(patient);
        using var reused = changed switch
        {
            "reason" => await CorrectAsync(client, screening, patient, key, reason: "The age was typed wrong."),
            "answers" => await CorrectAsync(client, screening, patient, key, age: 47),
            "screening" => await CorrectAsync(client, await RecordedScreeningAsync(client, patient), patient, key),
            _ => await CorrectAsync(client, screening, patient, key),
        };

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Null(reused.Headers.Location);
        var text = await reused.Content.ReadAsStringAsync();
        Assert.Contains(key, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(recorded[(recorded.LastIndexOf('/') + 1)..], text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before + (changed == "screening" ? 1 : 0), await ScreeningsOfAsync(patient));
    }

    [Fact]
    public async Task Correct_KeyAnotherUserRecorded_Answers409AndShowsNothingOfTheirs()
    {
        const string patient = "MRN-IDEM-CORRECT-THEIRS";
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var screening = await RecordedScreeningAsync(client, patient);
        var key = Guid.NewGuid();
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        var request = ScreeningJsonReader.ReadStored(SampleRequests.Trd(patient).With("ageYears", 46).ToJsonString());
        var history = request.ToHistory();
        var theirs = await log.RecordCorrectionAsync(Guid.Parse(screening), "Age was mistyped.", new ScreeningSubmission(
            history, request.ToContractJson(), ScreeningEngine.Evaluate(history, RuleSetCatalog.Current), new Actor("another-user", "colleague@clinic.example", "Psychiatrist"), "corr-other")
        { SubmissionId = key });

        using var response = await CorrectAsync(client, screening, patient, key.ToString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("used by another user", text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.Headers.Location);
        Assert.Equal(2, await ScreeningsOfAsync(patient)); // the screening and their correction
    }

    [Theory]
    [InlineData("abc", "The Idempotency-Key header must be one UUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "The Idempotency-Key header must be one UUID")]
    public async Task Correct_KeyNotAUuid_Answers400UnderTheHeadersNameAndRecordsNothing(string key, string message)
    {
        var patient = "MRN-IDEM-CORRECT-BAD-" + key.Length;
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var screening = await RecordedScreeningAsync(client, patient);

        using var response = await CorrectAsync(client, screening, patient, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(message, body.RootElement.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await ScreeningsOfAsync(patient));
    }

    [Theory]
    [InlineData("/api/v1/screenings")]
    [InlineData("/api/v1/screenings/{id}/corrections")]
    public async Task OpenApi_BothRecordingRoutes_DescribeTheIdempotencyKeyAndTheir409And422(string path)
    {
        using var http = _factory.CreateClient();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var post = document["paths"]![path]!["post"]!;

        var header = Assert.Single(post["parameters"]!.AsArray(), p => (string?)p!["name"] == "Idempotency-Key")!;
        Assert.Equal("header", (string?)header["in"]);
        Assert.Contains("answers 422", (string?)header["description"], StringComparison.Ordinal);
        Assert.NotNull(post["responses"]!["409"]);
        Assert.NotNull(post["responses"]!["422"]);
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
