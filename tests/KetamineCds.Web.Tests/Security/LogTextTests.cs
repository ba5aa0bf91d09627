using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Tests.Security;

/// <summary>What the access log keeps of a value from outside (escaped where it is not printable, QA P11), and how a long one is cut.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("psychiatrist@clinic.example", "psychiatrist@clinic.example")]
    [InlineData("a\r\nb\tc\0d", @"a\r\nb\tc\u0000d")]
    [InlineData("\u202Eabc\u2066x\u2069\u200B", @"\u202Eabc\u2066x\u2069\u200B")]
    [InlineData("line\u2028para\u2029", @"line\u2028para\u2029")]
    [InlineData(@"typed \n, not a newline", @"typed \\n, not a newline")]
    [InlineData("patient\u0001\u009F", @"patient\u0001\u009F")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("Müller 😀 日本", "Müller 😀 日本")]
    public void Fit_Value_KeepsPrintableTextAndEscapesTheRest(string value, string expected)
    {
        Assert.Equal(expected, LogText.Fit(value, 256));
    }

    [Fact]
    public void Fit_LoneSurrogates_AreEscaped()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate.
        var value = "lone " + '\uD800' + " high " + '\uDC00';

        Assert.Equal(@"lone \uD800 high \uDC00", LogText.Fit(value, 256));
    }

    [Fact]
    public void Fit_CutFallsInsideAnEscape_DoesNotSplitIt()
    {
        // "aaaaaa" then \u0001 (6 characters escaped): cut before the escape, never "aaaaaa\u0" and the ellipsis.
        var fitted = LogText.Fit("aaaaaa\u0001bbbb", 10)!;

        Assert.Equal("aaaaaa\u2026", fitted);
    }

    [Fact]
    public void Fit_EscapedValue_NeverHoldsALineBreakOrAControlCharacter()
    {
        var fitted = LogText.Fit("a\r\nb\u0085c\u2028d\u001Be", 256)!;

        Assert.DoesNotMatch(@"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]", fitted);
        Assert.Equal(@"a\r\nb\u0085c\u2028d\u001Be", fitted);
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
