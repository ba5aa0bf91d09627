using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// Helper 229's bad-input walk of the API: a body that is not one JSON object is answered, on sign-in, refresh and the
/// password change, as the screening API answers it: a 400 whose one error, under <c>$</c>, says what is wrong and where,
/// in the request's language, never "enter the email address" as if the fields had been left out, nor a bare "Bad
/// Request". A field the password change or a correction cannot read (not a string, given twice) is named, and nothing is
/// checked or recorded.
/// </summary>
public sealed class UnreadableBodyTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("/api/auth/login", "{\"email\": \"a@b\"", "The body is not valid JSON (line 1, byte 16).")]
    [InlineData("/api/auth/login", "not json", "The body is not valid JSON (line 1, byte 2).")]
    [InlineData("/api/auth/login", "", "The body is not valid JSON (line 1, byte 1).")]
    [InlineData("/api/auth/login", "[1, 2]", "The body must be one JSON object with the fields email, password.")]
    [InlineData("/api/auth/login", "\"psychiatrist@demo.local\"", "The body must be one JSON object with the fields email, password.")]
    [InlineData("/api/auth/login", "null", "The body must be one JSON object with the fields email, password.")]
    [InlineData("/api/auth/refresh", "{\"refreshToken\": \"a", "The body is not valid JSON (line 1, byte 20).")]
    [InlineData("/api/auth/refresh", "[\"token\"]", "The body must be one JSON object with the fields refreshToken.")]
    public async Task SignIn_BodyNotOneJsonObject_Is400WithOnlyTheBodysProblem(string path, string body, string expected)
    {
        using var response = await factory.CreateRawClient().PostAsync(path, Json(body));

        var problem = await ProblemAsync(response);
        var title = path.EndsWith("login", StringComparison.Ordinal)
            ? "The sign-in request could not be read: its body is not one JSON object. No sign-in was attempted."
            : "The refresh request could not be read: its body is not one JSON object. Nothing was refreshed.";
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(["$"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(expected, problem["errors"]!["$"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_BrokenBodyInChinese_SaysSoInChinese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = Json("{\"email\": \"a@b\"") };
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");

        using var response = await factory.CreateRawClient().SendAsync(request);

        var problem = await ProblemAsync(response);
        Assert.Equal("无法读取登录请求：其正文不是一个 JSON 对象。未尝试登录。", problem["title"]!.GetValue<string>());
        Assert.Equal(["$"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("请求正文不是有效的 JSON（第 1 行，第 16 字节）。", problem["errors"]!["$"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_NotAnObjectInChinese_ListsTheFieldsWithTheChineseSeparator()
    {
        // Helper 336: the field names are JSON property names and stay as they are; Chinese joins them with "、", not the
        // English ", " (the English is pinned above: "… with the fields currentPassword, newPassword.").
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = Json("[]") };
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");

        using var response = await factory.CreateRawClient().SendAsync(request);

        var problem = await ProblemAsync(response);
        Assert.Equal(["$"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("请求正文必须是一个含有字段 email、password 的 JSON 对象。", problem["errors"]!["$"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"currentPassword\": \"a\"", "$", "The body is not valid JSON (line 1, byte 24).")]
    [InlineData("[]", "$", "The body must be one JSON object with the fields currentPassword, newPassword.")]
    [InlineData("{\"currentPassword\": 5, \"newPassword\": \"Another long passphrase 9\"}", "currentPassword", "currentPassword must be a string.")]
    [InlineData("{\"currentPassword\": \"x\", \"currentPassword\": \"y\", \"newPassword\": \"Another long passphrase 9\"}", "currentPassword", "currentPassword is given more than once.")]
    public async Task ChangePassword_BodyItCannotRead_Is400NamingWhere_AndChecksNoPassword(string body, string key, string expected)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        using var response = await client.PostAsync("/api/auth/password", Json(body));

        var problem = await ProblemAsync(response);
        Assert.Equal(expected, problem["errors"]![key]![0]!.GetValue<string>());
        if (key == "$")
        {
            Assert.Equal(["$"], problem["errors"]!.AsObject().Select(e => e.Key));
            Assert.Equal("The password change could not be read: its body is not one JSON object. The password has not been changed.", problem["title"]!.GetValue<string>());
        }

        // Which password was meant is unknown: none was checked, so none counts towards the lockout.
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal(0, await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(KetamineCdsFactory.Staff))!));
    }

    [Theory]
    [InlineData("{\"correctionReason\": \"Age mistyped.\", \"correctionReason\": \"Age entered in months.\"}", "correctionReason is given more than once.")]
    [InlineData("{\"correctionReason\": 46}", "correctionReason must be a string.")]
    public async Task Correction_ReasonItCannotRead_Is400NamingIt_AndRecordsNothing(string reason, string expected)
    {
        var client = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var reference = "MRN-U229-" + Guid.NewGuid().ToString("N")[..8];
        using var first = await client.PostAsync("/api/v1/screenings", Json(SampleRequests.Trd(reference).ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var corrected = SampleRequests.Trd(reference).With("ageYears", 46).ToJsonString();
        var body = corrected[..^1] + "," + reason[1..];
        var before = await factory.DecisionLogEntryCountAsync();

        using var response = await client.PostAsync($"/api/v1/screenings/{id}/corrections", Json(body));

        var problem = await ProblemAsync(response);
        Assert.Equal([expected], problem["errors"]!["correctionReason"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(before, await factory.DecisionLogEntryCountAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }
}
