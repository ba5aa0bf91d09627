using System.Globalization;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Tests.Localization;

/// <summary>The password policy's messages (Identity's and the app's own validators) in the request's language.</summary>
public sealed class IdentityMessagesInChineseTests
{
    private static readonly StringLocalizer<PageText> Localizer = new(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = LocalizationSetup.ResourcesPath }), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("zh-Hans", "电子邮箱“a@clinic.example”已被另一个账户使用。", "电子邮箱“a b@clinic.example”不能用于登录：只能包含不带重音符号的字母、数字以及 - . _ @ +。")]
    [InlineData("en", "Another account already uses the email address 'a@clinic.example'.", "The email address 'a b@clinic.example' cannot be used to sign in: it may contain only unaccented letters, digits and - . _ @ +.")]
    public void UserNameMessages_TheEmailIsTheUserName_SpeakOfTheEmailAddressInEachLanguage(string culture, string taken, string invalid)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var describer = new LocalizedIdentityErrorDescriber(Localizer, Options.Create(new Microsoft.AspNetCore.Identity.IdentityOptions()));

            Assert.Equal(taken, describer.DuplicateUserName("a@clinic.example").Description);
            Assert.Equal(taken, describer.DuplicateEmail("a@clinic.example").Description);
            Assert.Equal(invalid, describer.InvalidUserName("a b@clinic.example").Description);
            Assert.Equal("InvalidUserName", describer.InvalidUserName("a b@clinic.example").Code);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("zh-Hans", "密码至少需要 12 个字符。", "密码最多 128 个字符。")]
    [InlineData("en", "Passwords must be at least 12 characters.", "The password can be at most 128 characters long.")]
    public async Task PasswordMessages_InEachLanguage_AreInThatLanguage(string culture, string tooShort, string tooLong)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var describer = new LocalizedIdentityErrorDescriber(Localizer, Options.Create(new Microsoft.AspNetCore.Identity.IdentityOptions()));
            var longResult = await new MaximumLengthPasswordValidator(Localizer).ValidateAsync(null!, null!, new string('x', 129));

            Assert.Equal(tooShort, describer.PasswordTooShort(12).Description);
            Assert.Equal("PasswordTooShort", describer.PasswordTooShort(12).Code);
            Assert.Equal(tooLong, Assert.Single(longResult.Errors).Description);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
