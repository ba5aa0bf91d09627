using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static KetamineCds.Web.Tests.Infrastructure.ControlTags;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// The sign-in form (<c>/Account/Login</c>) sent with a box left empty: each empty box has its own message, under it and
/// tied to it (<c>aria-describedby</c>, <c>aria-invalid</c>), and the error summary links to it, as on every other form
/// (the code step: <see cref="CodeStepTests"/>). A wrong email or password still names neither box, so the page never
/// says which of the two was wrong, and an empty box is no failed attempt.
/// </summary>
public sealed class SignInFieldErrorTests
{
    [Theory]
    [InlineData("en", "Error: Enter your email.", "Error: Enter your password.")]
    [InlineData("zh-CN", "错误： 请输入电子邮箱。", "错误： 请输入密码。")]
    public async Task BothBoxesEmpty_EachHasItsOwnMessageTiedToIt_AndTheSummaryLinksToEach(string language, string emailMessage, string passwordMessage)
    {
        // The leftover: one "Enter your email and password." in the summary, linked to nothing, and neither box marked.
        using var factory = new KetamineCdsFactory();
        var html = await PostAsync(factory, language, "", "");

        AssertTiedTo(html, "email", emailMessage);
        AssertTiedTo(html, "password", passwordMessage);
        // The leftover: the message under each box, but no red bar beside the field as the screening form's fields have.
        Assert.Equal("field field--error", FieldClass(html, "email"));
        Assert.Equal("field field--error", FieldClass(html, "password"));
        Assert.Matches("id=\"error-summary\"[\\s\\S]*<a href=\"#email\">[^<]+</a>[\\s\\S]*<a href=\"#password\">[^<]+</a>", html);
        Assert.DoesNotContain("Enter your email and password.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyThePasswordEmpty_OnlyThePasswordBoxIsMarked_AndTheEmailIsKept()
    {
        using var factory = new KetamineCdsFactory();
        var html = await PostAsync(factory, "en", KetamineCdsFactory.Staff, "");

        AssertTiedTo(html, "password", "Error: Enter your password.");
        Assert.Equal("field field--error", FieldClass(html, "password"));
        Assert.Equal("field", FieldClass(html, "email"));
        var email = OpeningTag(html, "email");
        Assert.Null(Attribute(email, "aria-invalid"));
        Assert.Null(Attribute(email, "aria-describedby"));
        Assert.Equal(KetamineCdsFactory.Staff, Attribute(email, "value"));
        Assert.DoesNotContain("<a href=\"#email\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheEmailEmpty_OnlyTheEmailBoxIsMarked()
    {
        using var factory = new KetamineCdsFactory();
        var html = await PostAsync(factory, "en", " ", "anything");

        AssertTiedTo(html, "email", "Error: Enter your email.");
        Assert.Equal("field field--error", FieldClass(html, "email"));
        Assert.Equal("field", FieldClass(html, "password"));
        Assert.Null(Attribute(OpeningTag(html, "password"), "aria-invalid"));
        Assert.DoesNotContain("<a href=\"#password\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyPassword_IsNoFailedAttempt_TheAccountIsNotCloserToItsLock()
    {
        using var factory = new KetamineCdsFactory();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await PostAsync(factory, "en", KetamineCdsFactory.Staff, "");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(KetamineCdsFactory.Staff))!;
        Assert.Equal(0, user.AccessFailedCount);
        Assert.False(await users.IsLockedOutAsync(user));
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Staff, "Wrong!Passw0rd1")]
    [InlineData("nobody@demo.local", KetamineCdsFactory.Password)]
    public async Task WrongEmailOrPassword_NamesNeitherBox_TheSameAnswerForBoth(string email, string password)
    {
        // No account enumeration: a wrong password and an unknown account read the same, and neither box is marked.
        using var factory = new KetamineCdsFactory();
        var html = await PostAsync(factory, "en", email, password);

        Assert.Contains(PasswordSignIn.FailureMessage, html, StringComparison.Ordinal);
        foreach (var box in new[] { "email", "password" })
        {
            var tag = OpeningTag(html, box);
            Assert.Equal("field", FieldClass(html, box));
            Assert.Null(Attribute(tag, "aria-invalid"));
            Assert.Null(Attribute(tag, "aria-describedby"));
            Assert.DoesNotContain($"<a href=\"#{box}\">", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Enter your email.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter your password.", html, StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(KetamineCdsFactory factory, string language, string email, string password)
    {
        var client = factory.CreateRawClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var post = await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Input.Email", email), new("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
    }

    /// <summary>The box is marked invalid and described by a message that starts with <paramref name="message"/>.</summary>
    private static void AssertTiedTo(string html, string id, string message)
    {
        var box = OpeningTag(html, id);
        Assert.Equal("true", Attribute(box, "aria-invalid"));
        var describedBy = Attribute(box, "aria-describedby");
        Assert.NotNull(describedBy);
        Assert.StartsWith(message, Said(html, describedBy!.Split(' ')[^1]), StringComparison.Ordinal);
    }

    /// <summary>The text of the element with the id, tags left out, as a screen reader reads it.</summary>
    private static string Said(string html, string id)
    {
        var match = Regex.Match(html, "<(span|p|div)\\b[^>]*\\bid=\"" + Regex.Escape(id) + "\"[^>]*>(.*?)</\\1>\\s*<", RegexOptions.Singleline);
        Assert.True(match.Success, $"nothing has the id {id}");
        return Regex.Replace(match.Groups[2].Value, "<[^>]*>", string.Empty).Trim();
    }
}
