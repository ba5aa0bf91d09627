using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static KetamineCds.Web.Tests.Infrastructure.ControlTags;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// The second step of signing in (<c>/Account/LoginWithCode</c>): the lock its wrong codes cause is told with the time
/// it ends, as Change password tells it, and each wrong code's message is tied to the box it was typed in, so a screen
/// reader on that box hears it.
/// </summary>
public sealed class CodeStepTests
{
    [Theory]
    [InlineData("en", "This account is locked until {0} UTC after too many failed attempts.")]
    [InlineData("zh-CN", "此账户因多次尝试失败已被锁定至 {0} UTC。")]
    public async Task WrongCodesUntilTheAccountLocks_SayWhenTheLockEnds_NotAFixedFifteenMinutes(string language, string expected)
    {
        // The leftover: the code step said "Try again in 15 minutes." whatever the lock's end, while Change password
        // says the time it ends.
        using var factory = new KetamineCdsFactory();
        var (key, _, _) = await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var client = await PastThePasswordAsync(factory, KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var html = "";
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            using var post = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", WrongCode(key))]);
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        }

        var user = await FindAsync(factory, KetamineCdsFactory.Psychiatrist);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, user.LockoutEnd!.Value.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), html, StringComparison.Ordinal);
        Assert.DoesNotContain("15 minutes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("15 分钟", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountLockedByAnAdministratorDuringTheStep_SaysSo_NotAnEndTime()
    {
        // An administrator's lock has no end (the largest date): "locked until 23:59" would be untrue.
        using var factory = new KetamineCdsFactory();
        var (key, _, _) = await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var client = await PastThePasswordAsync(factory, KetamineCdsFactory.Psychiatrist);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(KetamineCdsFactory.Psychiatrist))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded);
        }

        using var post = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", TestTotp.CodeInSteps(key, 1))]);

        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains("This account is locked by an administrator. Ask an administrator to unlock it.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("locked until", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Error: That code is not right.")]
    [InlineData("zh-CN", "错误： 验证码不正确")]
    public async Task WrongCode_ItsMessageIsTiedToTheCodeBox_AndTheSummaryLinksToIt(string language, string message)
    {
        using var factory = new KetamineCdsFactory();
        var (key, _, _) = await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var client = await PastThePasswordAsync(factory, KetamineCdsFactory.Psychiatrist);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var post = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", WrongCode(key))]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        var box = OpeningTag(html, "code");
        Assert.Equal("true", Attribute(box, "aria-invalid"));
        var describedBy = Attribute(box, "aria-describedby");
        Assert.NotNull(describedBy);
        Assert.StartsWith(message, Said(html, describedBy!.Split(' ')[^1]), StringComparison.Ordinal);
        Assert.Matches("id=\"error-summary\"[\\s\\S]*<a href=\"#code\">", html);
        // The red bar beside the code box's field, as on the sign-in form; not beside the recovery code's.
        Assert.Equal("field field--error", FieldClass(html, "code"));
        Assert.Equal("field", FieldClass(html, "recovery-code"));
        var recovery = OpeningTag(html, "recovery-code");
        Assert.Null(Attribute(recovery, "aria-invalid"));
        Assert.Equal("recovery-hint", Attribute(recovery, "aria-describedby"));
    }

    [Fact]
    public async Task WrongRecoveryCode_ItsMessageIsTiedToTheRecoveryCodeBox_AfterItsHint()
    {
        using var factory = new KetamineCdsFactory();
        await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var client = await PastThePasswordAsync(factory, KetamineCdsFactory.Psychiatrist);

        using var post = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode?handler=Recovery", [new("RecoveryCode", "XXXXX-XXXXX")]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        var box = OpeningTag(html, "recovery-code");
        Assert.Equal("true", Attribute(box, "aria-invalid"));
        var ids = Attribute(box, "aria-describedby")!.Split(' ');
        Assert.Equal("recovery-hint", ids[0]);
        Assert.Equal(2, ids.Length);
        Assert.StartsWith("Error: That recovery code is not right", Said(html, ids[1]), StringComparison.Ordinal);
        Assert.Matches("id=\"error-summary\"[\\s\\S]*<a href=\"#recovery-code\">", html);
        Assert.Null(Attribute(OpeningTag(html, "code"), "aria-invalid"));
        Assert.Equal("field field--error", FieldClass(html, "recovery-code"));
        Assert.Equal("field", FieldClass(html, "code"));
    }

    internal static async Task<HttpClient> PastThePasswordAsync(KetamineCdsFactory factory, string email)
    {
        var client = factory.CreateRawClient();
        using var password = await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Input.Email", email), new("Input.Password", KetamineCdsFactory.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWithCode", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    private static string WrongCode(string key) => ((int.Parse(TestTotp.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<ApplicationUser> FindAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>The text of the element with the id, tags left out, as a screen reader reads it.</summary>
    private static string Said(string html, string id)
    {
        var match = Regex.Match(html, "<(span|p|div)\\b[^>]*\\bid=\"" + Regex.Escape(id) + "\"[^>]*>(.*?)</\\1>\\s*<", RegexOptions.Singleline);
        Assert.True(match.Success, $"nothing has the id {id}");
        return Regex.Replace(match.Groups[2].Value, "<[^>]*>", string.Empty).Trim();
    }
}
