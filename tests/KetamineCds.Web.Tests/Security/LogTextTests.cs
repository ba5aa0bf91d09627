using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Tests.Security;

/// <summary>What the access log keeps of a value from outside, and how a long one is cut.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("psychiatrist@clinic.example", "psychiatrist@clinic.example")]
    [InlineData("a\r\nb\tc\0d", "a\uFFFD\uFFFDb\uFFFDc\uFFFDd")]
    [InlineData("\u202Eabc\u2066x\u2069\u200B", "\uFFFDabc\uFFFDx\uFFFD\uFFFD")]
    [InlineData("line\u2028para\u2029", "line\uFFFDpara\uFFFD")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("Müller 😀 日本", "Müller 😀 日本")]
    public void Fit_Value_KeepsPrintableTextAndReplacesTheRest(string value, string expected)
    {
        Assert.Equal(expected, LogText.Fit(value, 256));
    }

    [Fact]
    public void Fit_LoneSurrogates_AreReplaced()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate.
        var value = "lone " + '\uD800' + " high " + '\uDC00';

        Assert.Equal("lone \uFFFD high \uFFFD", LogText.Fit(value, 256));
    }

    [Fact]
    public void Fit_LongerThanTheColumn_IsCutToTheColumnWithAnEllipsis()
    {
        var fitted = LogText.Fit(new string('a', 300_000), 256)!;

        Assert.Equal(256, fitted.Length);
        Assert.EndsWith("a\u2026", fitted, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_CutFallsInsideASurrogatePair_DoesNotSplitIt()
    {
        var fitted = LogText.Fit(new string('a', 8) + "😀😀", 10)!;

        Assert.Equal("aaaaaaaa\u2026", fitted);
        Assert.True(fitted.Length <= 10);
    }

    [Fact]
    public void Fit_ExactlyTheColumnsLength_IsKeptWhole()
    {
        Assert.Equal(new string('b', 256), LogText.Fit(new string('b', 256), 256));
        Assert.Null(LogText.Fit(null, 10));
    }
}
