using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>A correction's reason is counted in characters as a reader counts them (QA132 F9).</summary>
public sealed class CorrectionTests
{
    [Fact]
    public void ReasonProblem_500Emoji_IsNone_501IsTooLong()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", Correction.ReasonMaxLength));

        Assert.Null(new Correction(Guid.NewGuid(), emoji).ReasonProblem());
        Assert.NotNull(new Correction(Guid.NewGuid(), emoji + "\U0001F600").ReasonProblem());
        Assert.NotNull(new Correction(Guid.NewGuid(), new string('x', Correction.ReasonMaxLength + 1)).ReasonProblem());
    }
}
