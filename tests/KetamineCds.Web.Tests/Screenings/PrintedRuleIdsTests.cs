using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>
/// A row of the print's pathways table keeps up to six rule ids on one line beside the pathway's name and wraps more, in
/// half the width, counted so on the page (QA8 F14; the rendered row: IncompleteResultTests).
/// </summary>
public sealed class PrintedRuleIdsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    public void Row_SixIdsOrFewer_StayOnOneLine_NoClass(int count)
    {
        Assert.False(PrintedRuleIds.Wrap(count));
        Assert.Null(PrintedRuleIds.CssClass(count));
        Assert.Equal(PrintBlock.Row, PrintedRuleIds.Row(count));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(15)]
    public void Row_MoreThanSixIds_WrapInHalfTheWidth_CountedAsAWrappedRow(int count)
    {
        Assert.True(PrintedRuleIds.Wrap(count));
        Assert.Equal("p-rules--wrap", PrintedRuleIds.CssClass(count));
        Assert.Equal(PrintBlock.RowWrapped, PrintedRuleIds.Row(count));
    }

    [Fact]
    public void Row_Wrapped_TakesMoreLinesThanOnOneLine_ForTheSameIds()
    {
        var ids = string.Join(", ", Enumerable.Range(1, 15).Select(i => $"CON-{i:000}"));

        Assert.True(PrintedPage.PointsOf(PrintedRuleIds.Row(15), ids) > PrintedPage.PointsOf(PrintBlock.Row, ids));
    }

    [Fact]
    public void Html_EachIdInARuleSpan_BetweenThemTheSeparator()
    {
        Assert.Equal(
            "<span class=\"p-rule\">REC-001</span>, <span class=\"p-rule\">CON-012</span>",
            PrintedRuleIds.Html(["REC-001", "CON-012"], ", ").ToString());
        Assert.Equal("<span class=\"p-rule\">REC-001</span>", PrintedRuleIds.Html(["REC-001"], ", ").ToString());
        Assert.Equal("", PrintedRuleIds.Html([], ", ").ToString());
    }

    [Fact]
    public void Html_IdsAndSeparator_AreHtmlEncoded()
    {
        // The Chinese list separator is written as a character reference, as Razor writes text (HtmlEncoder.Default).
        Assert.Equal(
            "<span class=\"p-rule\">A&lt;B&amp;C</span>&#x3001;<span class=\"p-rule\">&quot;D&quot;</span>",
            PrintedRuleIds.Html(["A<B&C", "\"D\""], "\u3001").ToString());
    }
}
