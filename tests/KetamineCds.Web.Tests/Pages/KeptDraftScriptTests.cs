using System.Globalization;
using KetamineCds.Web.Forms;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;
using UiCulture = KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>The pages name the draft's lifetime from <see cref="KeptDrafts.Lifetime"/>, in whole hours.</summary>
public sealed class KeptDraftScriptTests
{
    [Theory]
    [InlineData("en-GB", "within {0} hours,")]
    [InlineData("zh-Hans", "在 {0} 小时内")]
    public void KeptUntilSignIn_NamesTheLifetimeInWholeHours(string language, string said)
    {
        using var culture = new UiCulture(language);
        var hours = KeptDrafts.Lifetime.TotalHours;

        // "{0} hours": a whole number of hours, more than one (a lifetime of minutes or of one hour needs other words).
        Assert.Equal(Math.Floor(hours), hours);
        Assert.True(hours > 1);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, said, hours), KeptDraftOutcomes.KeptUntilSignIn(new StringLocalizer<PageText>(LocalizationSetup.SharedFactory)), StringComparison.Ordinal);
    }
}
