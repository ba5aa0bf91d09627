using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// Every screening body the API gives carries the statement every page, print and CDS card carries (QA13 L3), in the
/// request's language, as presentation: the decision log's entry neither stores nor hashes it.
/// </summary>
public sealed class NoticeApiTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    private const string English = "KetamineCds supports, and never replaces, the clinician's judgement.";
    private const string Chinese = "KetamineCds 辅助而绝不取代临床医生的判断。";

    [Theory]
    [InlineData(null, English)]
    [InlineData("en-GB", English)]
    [InlineData("zh-CN", Chinese)]
    [InlineData("zh-Hans", Chinese)]
    public async Task CreateGetAndList_EveryScreeningBody_EndsWithTheNoticeInTheRequestsLanguage(string? language, string notice)
    {
        var patient = "MRN-NOTICE-" + (language ?? "none").ToUpperInvariant();
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var created = await client.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var createdBody = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        AssertNotice(createdBody.RootElement, notice);

        using var read = JsonDocument.Parse(await client.GetStringAsync(created.Headers.Location));
        AssertNotice(read.RootElement, notice);

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/screenings?patientReference=" + patient));
        var item = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        AssertNotice(item, notice);
        Assert.False(list.RootElement.TryGetProperty("notice", out _), "the list's items carry it, not the list");
    }

    [Fact]
    public async Task Create_TheStoredEntry_HoldsNoNotice()
    {
        // Presentation only: what the log stored (and hashed) is the assessment and the input, without the statement.
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var created = await client.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-NOTICE-STORED"));
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        AssertNotice(body.RootElement, Chinese);

        var stored = await factory.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(body.RootElement.GetProperty("id").GetGuid());

        Assert.NotNull(stored);
        foreach (var text in new[] { stored.AssessmentJson, stored.InputJson })
        {
            Assert.DoesNotContain("notice", text, StringComparison.Ordinal);
            Assert.DoesNotContain("never replaces", text, StringComparison.Ordinal);
            Assert.DoesNotContain("绝不取代", text, StringComparison.Ordinal);
        }
    }

    private static void AssertNotice(JsonElement screening, string notice)
    {
        Assert.Equal(notice, screening.GetProperty("notice").GetString());
        Assert.Equal("notice", screening.EnumerateObject().Last().Name);
    }
}
