using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// <c>POST /api/auth/login</c> with a body it cannot use (a field missing, of the wrong type, or one it does not read) answers
/// a field-level 400 in the request's language and is no sign-in attempt; well-formed credentials that are wrong keep the one
/// uniform 401. Refresh and the password change read their bodies the same way.
/// </summary>
public sealed class AuthApiTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("{}", "application/json", "email,password")]
    [InlineData("{\"email\":\"\",\"password\":\"\"}", "application/json", "email,password")]
    [InlineData("{\"email\":\"   \",\"password\":null}", "application/json", "email,password")]
    [InlineData("{\"password\":\"Demo!Passw0rd1\"}", "application/json", "email")]
    [InlineData("{\"email\":\"psychiatrist@demo.local\"}", "application/json", "password")]
    [InlineData("{\"email\":5,\"password\":\"Demo!Passw0rd1\"}", "application/json", "email")]
    // A body that is not one JSON object ("", "not json", [1, 2]) has its one problem under "$": UnreadableBodyTests.
    // A body sent as anything but application/json (a form, text/plain) is a 415 since QA141 F5: ContentTypeTests.
    public async Task Login_EmailOrPasswordMissingOrNotAString_Is400WithErrorsUnderTheJsonFieldNames(string body, string contentType, string fields)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new(contentType);

        using var response = await factory.CreateRawClient().PostAsync("/api/auth/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("Sign-in needs an email address and a password.", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(fields.Split(','), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        if (fields.Contains("password", StringComparison.Ordinal))
        {
            Assert.Equal("Enter the password.", errors.GetProperty("password")[0].GetString());
        }
    }

    [Fact]
    public async Task Login_EmptyBodyInChinese_ErrorsAndTitleAreInChinese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await factory.CreateRawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("登录需要电子邮箱和密码。", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("请输入账户的电子邮箱。", problem.RootElement.GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal("请输入密码。", problem.RootElement.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Login_WellFormedButWrong_AnswersTheSame401ForAWrongPasswordAndAnUnknownEmail()
    {
        var client = factory.CreateRawClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Auditor, password = "not the password at all" });
        using var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@demo.local", password = KetamineCdsFactory.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(await ProblemTextAsync(wrongPassword), await ProblemTextAsync(unknownEmail));
    }

    [Fact]
    public async Task Login_ManyRequestsWithoutAPassword_DoNotCountTowardsTheLockout()
    {
        var client = factory.CreateRawClient();
        for (var i = 0; i < 6; i++)
        {
            using var empty = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = "" });
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = KetamineCdsFactory.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData("en", "No sign-in was attempted: some fields need attention.",
        "\"rememberMe\" is not a field of this request; it reads email, password, twoFactorCode, twoFactorRecoveryCode.")]
    [InlineData("zh-CN", "未尝试登录：部分字段需要处理。",
        "“rememberMe”不是此请求的字段；此请求只读取 email、password、twoFactorCode、twoFactorRecoveryCode。")]
    public async Task Login_UnknownField_Is400NamingTheFieldInTheRequestsLanguage(string language, string title, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password, rememberMe = true }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await factory.CreateRawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["rememberMe"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal([message], errors.GetProperty("rememberMe").EnumerateArray().Select(m => m.GetString()));
        Assert.False(problem.RootElement.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task Login_UnknownFieldBesideAMissingPassword_NamesBothUnderTheIncompleteTitle()
    {
        using var response = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, passwort = KetamineCdsFactory.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Sign-in needs an email address and a password.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(["password", "passwort"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Login_WrongPasswordsWithAnUnknownField_AreNoSignInAttemptsAndTheRightOneStillSignsIn()
    {
        // Six wrong passwords would lock the account (five failures): sent beside a field the endpoint does not read, none
        // is tried, as a body without a password is not. Then the known fields sign in as before.
        var client = factory.CreateRawClient();
        for (var i = 0; i < 6; i++)
        {
            using var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Auditor, password = "not the password at all", twoFactorCod = "123456" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Auditor, password = KetamineCdsFactory.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        using var tokens = JsonDocument.Parse(await right.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(tokens.RootElement.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Refresh_UnknownField_Is400NamingItAndTheRefreshTokenStillWorks()
    {
        var client = factory.CreateRawClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = KetamineCdsFactory.Password });
        using var signedIn = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var refreshToken = signedIn.RootElement.GetProperty("refreshToken").GetString();

        using var refused = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken, useCookies = false });
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Nothing was refreshed: some fields need attention.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            "\"useCookies\" is not a field of this request; it reads refreshToken.",
            problem.RootElement.GetProperty("errors").GetProperty("useCookies")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_UnknownField_Is400NamingItAndThePasswordIsNotChanged()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Admin);

        using var refused = await api.PostAsJsonAsync("/api/auth/password", new { currentPassword = KetamineCdsFactory.Password, newPassword = "An0ther!Passw0rd-Long", confirmPassword = "An0ther!Passw0rd-Long" });
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var signIn = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Admin, password = KetamineCdsFactory.Password });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The password was not changed: some fields need attention.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(["confirmPassword"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    // Helper 338: the sign-in bodies matched field names in any letter case ("EMAIL" was read as email), while the screening
    // API refuses a name not spelt as its contract spells it. Now both refuse it under the name sent, and the endpoint does
    // nothing: no sign-in attempt recorded, nothing counted towards the lockout.
    [Theory]
    [InlineData("en", "Sign-in needs an email address and a password.",
        "\"EMAIL\" is not a field of this request; it reads email, password, twoFactorCode, twoFactorRecoveryCode.")]
    [InlineData("zh-CN", "登录需要电子邮箱和密码。",
        "“EMAIL”不是此请求的字段；此请求只读取 email、password、twoFactorCode、twoFactorRecoveryCode。")]
    public async Task Login_FieldNamesInAnotherLetterCase_AreRefusedUnderTheNamesSent_AndNoSignInIsAttempted(string language, string title, string message)
    {
        var accessBefore = await AccessEventsAsync();
        foreach (var password in new[] { "not the password at all", KetamineCdsFactory.Password })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = new StringContent($$"""{"EMAIL":"{{KetamineCdsFactory.Auditor}}","Password":"{{password}}"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);

            using var response = await factory.CreateRawClient().SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
            var errors = problem.RootElement.GetProperty("errors");
            Assert.Equal(["EMAIL", "Password", "email", "password"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
            Assert.Equal([message], errors.GetProperty("EMAIL").EnumerateArray().Select(m => m.GetString()));
            Assert.False(problem.RootElement.TryGetProperty("accessToken", out _));
        }

        Assert.Equal(accessBefore, await AccessEventsAsync());
        Assert.Equal(0, await AccessFailedCountAsync(KetamineCdsFactory.Auditor));
    }

    [Fact]
    public async Task Screenings_FieldNameInAnotherLetterCase_IsRefusedUnderTheNameSent_AsTheSignInBodiesRefuseIt()
    {
        // The behaviour the sign-in bodies now match: the screening API reads its contract's names as spelt.
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var body = SampleRequests.Trd("MRN-HELPER338-CASE");
        body["AgeYears"] = body["ageYears"]!.DeepClone();
        body.Remove("ageYears");

        using var response = await psychiatrist.PostAsJsonAsync("/api/v1/screenings", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            "\"AgeYears\" is not a field of the screening contract.",
            problem.RootElement.GetProperty("errors").GetProperty("AgeYears")[0].GetString());
    }

    [Fact]
    public async Task Refresh_FieldNameInAnotherLetterCase_Is400UnderTheNameSentAndTheRefreshTokenStillWorks()
    {
        var client = factory.CreateRawClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = KetamineCdsFactory.Password });
        using var signedIn = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var refreshToken = signedIn.RootElement.GetProperty("refreshToken").GetString();

        // Raw JSON: PostAsJsonAsync would write an anonymous type's RefreshToken as refreshToken (camelCase).
        using var refused = await client.PostAsync("/api/auth/refresh", new StringContent($$"""{"RefreshToken":"{{refreshToken}}"}""", Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["RefreshToken", "refreshToken"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("\"RefreshToken\" is not a field of this request; it reads refreshToken.", errors.GetProperty("RefreshToken")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_FieldNamesInAnotherLetterCase_Are400UnderTheNamesSentAndThePasswordIsNotChanged()
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Admin);

        using var refused = await api.PostAsync(
            "/api/auth/password",
            new StringContent($$"""{"CurrentPassword":"{{KetamineCdsFactory.Password}}","NewPassword":"An0ther!Passw0rd-Long"}""", Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var signIn = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Admin, password = KetamineCdsFactory.Password });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The password was not changed: some fields need attention.", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("CurrentPassword", errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("NewPassword", errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(
            "\"NewPassword\" is not a field of this request; it reads currentPassword, newPassword.",
            errors.GetProperty("NewPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private async Task<int> AccessEventsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync();
    }

    private async Task<int> AccessFailedCountAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(email))!);
    }

    private static async Task<string> ProblemTextAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("title").GetString() + " " + problem.RootElement.GetProperty("detail").GetString();
    }
}
