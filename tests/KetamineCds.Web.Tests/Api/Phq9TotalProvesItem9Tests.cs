using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// QA201: a PHQ-9 total of 25 to 27 proves item 9 positive (the other eight items score at most 24 together), so item 9
/// not recorded beside it is never read as 0. A full TRD history with suicidality "none", a total of 27 and no item 9 read
/// "eligible"; with item 9 = 3 SUI-008 made every pathway wait for the suicide-risk assessment. Item 9 is now required
/// when the total is 25 to 27 (the catalogue's RequiredWhen): the API refuses the request on phq9Item9, nothing stored;
/// a lower total leaves item 9 optional, as before.
/// </summary>
public sealed class Phq9TotalProvesItem9Tests : IClassFixture<KetamineCdsFactory>
{
    private const string English = "A PHQ-9 total of 25 or more means item 9 is at least 1 (the other eight items score at most 24 together): record item 9.";
    private const string Chinese = "PHQ-9 总分达到 25 分或以上，说明第 9 项至少为 1 分（其余八项合计最多 24 分）：请记录第 9 项。";

    private readonly KetamineCdsFactory _factory;

    public Phq9TotalProvesItem9Tests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(27)]
    [InlineData(26)]
    [InlineData(25)]
    public async Task Create_TotalOf25OrMore_WithoutItem9_Is400OnItem9_SayingWhy_AndNothingIsStored(int total)
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var reference = $"MRN-QA201-{total}-NR";
        var request = SampleRequests.Trd(reference).With("phq9Total", total);
        request.Remove("phq9Item9");

        var response = await client.PostAsJsonAsync("/api/v1/screenings", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["phq9Item9"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(English, Assert.Single(errors.GetProperty("phq9Item9").EnumerateArray()).GetString());
        Assert.Equal(0, await CountAsync(reference));
    }

    [Theory]
    [InlineData(27, 3)]
    [InlineData(25, 1)]
    [InlineData(24, null)]
    [InlineData(10, null)]
    public async Task Create_Item9GivenBesideAHighTotal_OrATotalBelow25WithoutIt_IsAccepted(int total, int? item9)
    {
        var client = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd($"MRN-QA201-{total}-{item9?.ToString(CultureInfo.InvariantCulture) ?? "NR"}").With("phq9Total", total);
        request.Remove("phq9Item9");
        if (item9 is { } given)
        {
            request = request.With("phq9Item9", given).With("suicideRiskAssessedAfterItem9", true);
        }

        var response = await client.PostAsJsonAsync("/api/v1/screenings", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public void Validator_TotalOf27WithoutItem9_SaysWhyInChinese()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            var request = new ScreeningRequest();
            request[Fields.Phq9Total] = 27;

            var errors = new ScreeningRequestValidator().Validate(request).Errors.Where(e => e.PropertyName == Fields.Phq9Item9.Property);

            Assert.Equal(Chinese, Assert.Single(errors).ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(null, English, "(required)")]
    [InlineData("zh-CN", Chinese, "（必填）")]
    public async Task NewScreening_TotalOf27WithoutItem9_TheFormMarksItem9RequiredAndSaysWhyUnderIt(string? language, string message, string mark)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var fields = new Dictionary<string, string> { ["Input.Phq9Total"] = "27" };
        fields["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");
        using var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var error = Regex.Match(html, "<p class=\"field-error\" id=\"phq9Item9-error\">.*?</p>", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        Assert.True(error.Success, "no error under item 9");
        Assert.EndsWith($"{message}</p>", error.Value, StringComparison.Ordinal);
        var label = Regex.Match(html, "<label for=\"phq9Item9\">.*?</label>", RegexOptions.Singleline, TimeSpan.FromSeconds(1)).Value;
        Assert.Contains("data-required-when=\"Input.Phq9Total:25-27\"", label, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", label, StringComparison.Ordinal);
        Assert.Contains($">{mark}</span></label>", label, StringComparison.Ordinal);
    }

    private async Task<int> CountAsync(string patientReference)
    {
        var reader = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var list = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/screenings?patientReference={Uri.EscapeDataString(patientReference)}");
        return list.GetProperty("items").GetArrayLength();
    }
}
