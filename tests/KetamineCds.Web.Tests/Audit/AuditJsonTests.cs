using KetamineCds.Web.Audit;

namespace KetamineCds.Web.Tests.Audit;

/// <summary>The audit pages' indented JSON (QA318 F4): free text in any script reads as typed.</summary>
public sealed class AuditJsonTests
{
    [Fact]
    public void Pretty_LeavesChineseTextAsItIs()
    {
        var pretty = AuditJson.Pretty("""{"clinicianNote":"\u4E2D\u6587\u5907\u6CE8","ageYears":40}""");

        Assert.Contains("\"clinicianNote\": \"中文备注\"", pretty, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", pretty, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "  \"ageYears\": 40", pretty, StringComparison.Ordinal);
    }

    [Fact]
    public void Pretty_KeepsMarkupAsTextForRazorToEncode()
    {
        // The page HTML-encodes what this returns: the JSON keeps the characters, and a quote inside a string stays escaped.
        var pretty = AuditJson.Pretty("""{"clinicianNote":"<b>\"x\" & y</b>"}""");

        Assert.Contains("\"<b>\\\"x\\\" & y</b>\"", pretty, StringComparison.Ordinal);
    }

    [Fact]
    public void Pretty_ReturnsTextThatIsNotJsonUnchanged()
    {
        Assert.Equal("not json {", AuditJson.Pretty("not json {"));
    }
}
