using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// <c>POST /api/auth/login</c> with a body it cannot use answers a field-level 400 in the request's language; well-formed
/// credentials that are wrong keep the one uniform 401.
/// </summary>
public sealed class AuthApiTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("{}", "application/json", "email,password")]
    [InlineData("{\"email\":\"\",\"password\":\"\"}", "application/json", "email,password")]
    [InlineData("{\"email\":\"   \",\"password\":null}", "application/json", "email,password")]
    [InlineData("{\"password\":\"Demo!Passw0rd1\"}", "application/json", "email")]
    [InlineData("{\"email\":\"psychiatrist@demo.local\"}", "application/json", "password")]
    [InlineData("{\"EMAIL\":\"psychiatrist@demo.local\",\"Password\":\"\"}", "application/json", "password")]
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

    private static async Task<string> ProblemTextAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("title").GetString() + " " + problem.RootElement.GetProperty("detail").GetString();
    }
}
