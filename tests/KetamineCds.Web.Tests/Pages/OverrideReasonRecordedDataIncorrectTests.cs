using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA137 F4: the override reason "Recorded data incorrect" leaves the wrong answers, and the verdict decided from them,
/// in force. Beside the reason the form says that a wrong answer is put right with "Correct an answer", and links this
/// screening's correction form; the reason is still accepted (a correction cannot put every record right).
/// </summary>
public sealed class OverrideReasonRecordedDataIncorrectTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public OverrideReasonRecordedDataIncorrectTests(KetamineCdsFactory factory) => _factory = factory;

    private static string ReasonHint(string html) =>
        Regex.Match(html, "<p class=\"hint\" id=\"override-reason-hint\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;

    [Theory]
    [InlineData("en-GB", "Correct an answer", "\"Recorded data incorrect\"", "leaves the wrong answers")]
    [InlineData("zh-CN", "更正回答", "“记录的数据有误”", "错误的回答")]
    public async Task ResultPage_OverrideForm_SaysBesideTheReasonThatAWrongAnswerIsCorrectedAndLinksTheCorrection(string language, string correct, string reason, string leaves)
    {
        var (client, id) = await _factory.RecordedScreeningWithPageClientAsync("MRN-F4-HINT-" + language, language);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Screenings/{id}"));

        var hint = ReasonHint(html);
        Assert.Contains($"<a href=\"/Screenings/New?corrects={id}\" id=\"override-correct-answer\">{correct}</a>", hint, StringComparison.Ordinal);
        Assert.Contains(reason, hint, StringComparison.Ordinal);
        Assert.Contains(leaves, hint, StringComparison.Ordinal);
        // Read with the reason's drop-down, before it is chosen (no script needed).
        Assert.Matches("<select class=\"input\" id=\"override-reason\" name=\"Override.Reason\" aria-describedby=\"override-reason-hint\"", html);
        Assert.DoesNotContain("Not known", hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Explain the override in your own words.")]
    [InlineData("zh-CN", "请用您自己的话说明此决定。")]
    public async Task OverridePost_RecordedDataIncorrectWithoutExplanation_ComesBackWithTheHintTiedToTheReason(string? language, string message)
    {
        var (client, id) = await _factory.RecordedScreeningWithPageClientAsync("MRN-F4-BACK-" + (language ?? "en"), language);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");

        var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "Proceed",
            ["Override.Reason"] = "RecordedDataIncorrect",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Screenings/New?corrects={id}\" id=\"override-correct-answer\"", ReasonHint(html), StringComparison.Ordinal);
        Assert.Contains("<option value=\"RecordedDataIncorrect\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverridePost_RecordedDataIncorrectWithExplanation_IsStillRecorded()
    {
        // Kept on purpose (docs/web.md): "do not proceed, the recorded data is wrong" is a decision a clinician may need to
        // record where a correction cannot put the record right (the chart the answers came from is wrong and the right
        // answer is not yet known; a screening whose stored answers disagree, which cannot be corrected).
        var (client, id) = await _factory.RecordedScreeningWithPageClientAsync("MRN-F4-KEPT", null);
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, $"/Screenings/{id}");

        var post = await client.PostAsync($"/Screenings/{id}?handler=Override", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Override.Decision"] = "DoNotProceed",
            ["Override.Reason"] = "RecordedDataIncorrect",
            ["Override.Explanation"] = "The chart's blood pressure is another patient's; not proceeding until it is measured again.",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var screening = await _factory.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id);
        var recorded = Assert.Single(screening!.Overrides);
        Assert.Equal(OverrideReason.RecordedDataIncorrect, recorded.Reason);
    }
}
