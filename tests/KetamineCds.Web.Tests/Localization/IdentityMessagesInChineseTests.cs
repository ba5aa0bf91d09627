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
    [InlineData("zh-Hans", "密码至少需要 12 个字符。", "密码最多 128 个字符。")]
    [InlineData("en", "Passwords must be at least 12 characters.", "The password can be at most 128 characters long.")]
    public async Task PasswordMessages_InEachLanguage_AreInThatLanguage(string culture, string tooShort, string tooLong)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var describer = new LocalizedIdentityErrorDescriber(Localizer);
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
