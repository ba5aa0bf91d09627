using System.Text;
using KetamineCds.Web.Api;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// The one walk over a CDS Hooks body (<see cref="JsonBodyText.Problem(ReadOnlySpan{byte}, int, out string?, out string?)"/>)
/// reports both a string that cannot be read and a property given twice, as the two walks it replaced did: the path
/// each is found at, and which wins when a body has both (the unreadable string, wherever it is).
/// </summary>
public sealed class JsonBodyTextTests
{
    private const string LoneSurrogate = "The body has a string that is not valid Unicode text (an unpaired surrogate) near byte ";

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "a")]
    [InlineData("""{"context":{"patientId":"x","patientId":"y"}}""", "context.patientId")]
    [InlineData("""{"a":[{"x":1},{"x":1,"x":2}]}""", "a[1].x")]
    [InlineData("""{"a":[1,2,{"y":[3,{"z":1,"z":1}]}]}""", "a[2].y[1].z")]
    [InlineData("""[{"a":1},{"a":1}]""", null)]
    [InlineData("""{"a":{"b":1},"c":{"b":1}}""", null)]
    [InlineData("""{"\u0061":1,"a":2}""", "a")]
    public void Problem_PropertyGivenTwiceInOneObject_NamesItsPath(string body, string? repeated)
    {
        Assert.Null(JsonBodyText.Problem(Encoding.UTF8.GetBytes(body), 128, out var path, out var found));
        Assert.Null(path);
        Assert.Equal(repeated, found);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2,"s":"\ud800"}""", "s")]
    [InlineData("""{"s":"\ud800","a":1,"a":2}""", "s")]
    [InlineData("""{"a":1,"a":2,"\ud800":1}""", "(the body) (a property name)")]
    public void Problem_AnUnreadableStringAndARepeatedProperty_TheUnreadableStringWinsWhereverItIs(string body, string where)
    {
        var problem = JsonBodyText.Problem(Encoding.UTF8.GetBytes(body), 128, out var path, out var repeated);

        Assert.StartsWith(LoneSurrogate, problem, StringComparison.Ordinal);
        Assert.Equal(where, path);
        Assert.Null(repeated);
    }

    [Fact]
    public void Problem_BodyThatStopsBeingJsonAfterARepeatedProperty_StillNamesTheProperty()
    {
        // The reader reports the rest when the body is parsed; the repeated property found before it is named first.
        Assert.Null(JsonBodyText.Problem("""{"a":1,"a":2,"""u8, 128, out _, out var repeated));
        Assert.Equal("a", repeated);
        Assert.Null(JsonBodyText.Problem("""{"a":1,"""u8, 128, out _, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Problem_BytesThatAreNotUtf8_SaySoAndNameNoProperty()
    {
        byte[] body = [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        Assert.Equal("The body is not valid UTF-8 text.", JsonBodyText.Problem(body, 128, out var path, out var repeated));
        Assert.Null(path);
        Assert.Null(repeated);
    }
}
