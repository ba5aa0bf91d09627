using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA180/181: a feedback's <c>overrideReason</c> is an object (CDS Hooks 2.0: a Coding <c>reason</c> and a string
/// <c>userComment</c>). One of another shape (a string, an array, a <c>reason</c> that is not a Coding, a code or a
/// comment that is not a string) was silently ignored and the override recorded without the reason the EHR meant to
/// give. It is refused: 400 naming the item and the member, nothing recorded for the whole call (items before it too).
/// </summary>
public sealed class FeedbackOverrideReasonTests : IDisposable
{
    private const string PatientView = "/cds-services/ketamine-screening-patient-view";
    private const string Issuer = "https://ehr.feedback-override-reason.test";
    private const string Kid = "feedback-override-reason-key";

    private readonly TestCdsClient _client = new(Issuer, Kid);
    private readonly KetamineCdsFactory _factory;

    public FeedbackOverrideReasonTests() => _factory = new KetamineCdsFactory { Settings = _client.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _client.Dispose();
    }

    [Theory]
    [InlineData("\"patient-preference\"", "feedback[1].overrideReason must be an object")]
    [InlineData("[]", "feedback[1].overrideReason must be an object")]
    [InlineData("""{"reason":"patient-preference"}""", "feedback[1].overrideReason.reason must be a Coding")]
    [InlineData("""{"reason":{"code":7}}""", "feedback[1].overrideReason.reason.code must be a string")]
    [InlineData("""{"reason":{"code":"patient-preference"},"userComment":42}""", "feedback[1].overrideReason.userComment must be a string")]
    [InlineData("""{"userComment":["Discussed","with the patient"]}""", "feedback[1].overrideReason.userComment must be a string")]
    public async Task Feedback_AMalformedOverrideReason_Answers400NamingTheItemAndRecordsNothing(string overrideReason, string detail)
    {
        var cards = await CardsAsync();
        // The first item is a valid override of another card: it is not recorded either.
        var feedback = $$$"""
            {"feedback":[
              {"card":"{{{cards[0]}}}","outcome":"overridden","outcomeTimestamp":"{{{Now()}}}","overrideReason":{"reason":{"code":"patient-preference"},"userComment":"Discussed."}},
              {"card":"{{{cards[1]}}}","outcome":"overridden","outcomeTimestamp":"{{{Now()}}}","overrideReason":{{{overrideReason}}}}]}
            """;
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await _client.PostAsync(_factory, PatientView + "/feedback", feedback);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal("The request could not be read; nothing was recorded.", problem["title"]!.GetValue<string>());
        Assert.StartsWith(detail, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    [Theory]
    [InlineData("7", "feedback[1] must be an object.")]
    [InlineData("""{"outcome":"overridden","outcomeTimestamp":"{now}"}""", "feedback[1].card must be a non-empty string.")]
    [InlineData("""{"card":"{card}","outcomeTimestamp":"{now}"}""", "feedback[1].outcome must be a non-empty string.")]
    [InlineData("""{"card":"{card}","outcome":"ignored","outcomeTimestamp":"{now}"}""", "feedback[1].outcome must be accepted or overridden.")]
    [InlineData("""{"card":"{card}","outcome":"overridden","outcomeTimestamp":"yesterday"}""", "feedback[1].outcomeTimestamp must be the date and time the card was acted on")]
    [InlineData("""{"card":"{card}","outcome":"overridden","outcomeTimestamp":"9999-12-31T23:59:59Z"}""", "feedback[1].outcomeTimestamp must be when the card was acted on")]
    [InlineData("""{"card":"{card}","outcome":"overridden","outcomeTimestamp":"{now}","overrideReason":{"reason":{"code":"other\u0007"}}}""", "feedback[1].overrideReason.reason.code holds a control character")]
    [InlineData("""{"card":"{card}","outcome":"overridden","outcomeTimestamp":"{now}","overrideReason":{"userComment":"Surgeon \u202Ecleared"}}""", "feedback[1].overrideReason.userComment holds a control character")]
    public async Task Feedback_ASecondItemRefused_EveryMessageNamesTheItemAsTheOverrideReasonsDo(string item, string detail)
    {
        // The review: the older messages ("Each feedback item must be an object.", "feedback.outcome must be ...") did not
        // say which item, where the overrideReason's did (feedback[1].overrideReason ...). The same index, from 0.
        var cards = await CardsAsync();
        var feedback = $$$"""
            {"feedback":[
              {"card":"{{{cards[0]}}}","outcome":"accepted","outcomeTimestamp":"{{{Now()}}}"},
              {{{item.Replace("{card}", cards[1], StringComparison.Ordinal).Replace("{now}", Now(), StringComparison.Ordinal)}}}]}
            """;
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await _client.PostAsync(_factory, PatientView + "/feedback", feedback);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.StartsWith(detail, JsonNode.Parse(text)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"reason":null,"userComment":null}""")]
    [InlineData("""{"reason":{"system":"https://example.org/reasons","display":"Patient preference"}}""")]
    public async Task Feedback_AnOverrideReasonLeftOutOrEmpty_IsRecordedWithoutAReason(string overrideReason)
    {
        var cards = await CardsAsync();
        var feedback = $$$"""{"feedback":[{"card":"{{{cards[0]}}}","outcome":"overridden","outcomeTimestamp":"{{{Now()}}}","overrideReason":{{{overrideReason}}}}]}""";
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await _client.PostAsync(_factory, PatientView + "/feedback", feedback);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(before + 1, await _factory.DecisionLogEntryCountAsync());
    }

    private static string Now() => DateTimeOffset.UtcNow.AddSeconds(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The uuids of the cards of the aneurysm sample's answer (a critical card and at least one other).</summary>
    private async Task<List<string>> CardsAsync()
    {
        var call = File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json"));
        using var answered = await _client.PostAsync(_factory, PatientView, call);
        var answer = await answered.Content.ReadAsStringAsync();
        Assert.True(answered.StatusCode == HttpStatusCode.OK, answer);
        var cards = JsonNode.Parse(answer)!["cards"]!.AsArray().Select(c => c!["uuid"]!.GetValue<string>()).ToList();
        Assert.True(cards.Count >= 2, answer);
        return cards;
    }

}
