using System.Net;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// A NUL (<c>%00</c>, pasted with a code) in the second factor's code boxes: the sign-in's code step (the authenticator
/// code and the recovery code) and turning the second factor on. As on the other forms (FormControlCharacterTests,
/// FormNulGuard), a message at the box, in the reader's language, and nothing checked: no attempt counted or recorded,
/// the second factor not turned on. It was the site-wide 400 "the form may have expired", the step's form lost.
/// </summary>
public sealed class CodeFormControlCharacterTests
{
    private const string English = "The code holds a control character (often pasted with it). Remove it, or type the code again.";

    private const string Chinese = "验证码包含控制字符（常随粘贴带入）。请删除它，或重新输入验证码。";

    [Theory]
    [InlineData(null, "Code", "", "code", English)]
    [InlineData("zh-CN", "Code", "", "code", Chinese)]
    [InlineData(null, "RecoveryCode", "?handler=Recovery", "recovery-code", English)]
    [InlineData("zh-CN", "RecoveryCode", "?handler=Recovery", "recovery-code", Chinese)]
    public async Task SignInCodeStep_NulInACode_IsAMessageAtItsBox_NothingCheckedOrRecorded(string? language, string field, string handler, string box, string message)
    {
        using var factory = new KetamineCdsFactory();
        await AccountHygieneTests.EnrolAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist));
        var client = await CodeStepTests.PastThePasswordAsync(factory, KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var eventsBefore = await CountAccessEventsAsync(factory);

        using var post = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode" + handler, [new(field, "123\0456")]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains($"<a href=\"#{box}\">{message}</a>", html, StringComparison.Ordinal);
        Assert.EndsWith(message, FieldMessages.Of(html, field), StringComparison.Ordinal);
        Assert.Equal(eventsBefore, await CountAccessEventsAsync(factory));
        Assert.Equal(0, (await FindAsync(factory, KetamineCdsFactory.Psychiatrist)).AccessFailedCount);
    }

    [Theory]
    [InlineData(null, English)]
    [InlineData("zh-CN", Chinese)]
    public async Task TurningTheSecondFactorOn_NulInTheCode_IsAMessageUnderIt_TypedKept_NotTurnedOn(string? language, string message)
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var post = await client.PostFormAsync("/Account/TwoFactor/Enable", "/Account/TwoFactor/Enable", [new("Code", "123\0456")]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.EndsWith(message, FieldMessages.Of(html, "Code"), StringComparison.Ordinal);
        Assert.Contains("value=\"123\u0001456\"", html, StringComparison.Ordinal); // kept as typed, the NUL read as another control character
        Assert.False((await FindAsync(factory, KetamineCdsFactory.Psychiatrist)).TwoFactorEnabled);
    }

    private static async Task<ApplicationUser> FindAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private static async Task<int> CountAccessEventsAsync(KetamineCdsFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync();
    }
}
