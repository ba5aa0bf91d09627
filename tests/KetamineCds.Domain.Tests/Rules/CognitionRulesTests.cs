using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class CognitionRulesTests : RuleTestBase
{
    [Fact, Fires("COG-001")]
    public void Evaluate_CognitiveImpairment_FiresCog001() =>
        AssertBecause(AssertFires("COG-001", Trd() with { CognitiveImpairment = true }), "cognitiveImpairment", "true");

    [Fact, Edge("COG-001")]
    public void Evaluate_NoCognitiveImpairment_DoesNotFireCog001() => AssertDoesNotFire("COG-001", Trd() with { CognitiveImpairment = false });

    [Fact, Edge("COG-001")]
    public void Evaluate_CognitiveImpairmentNotRecorded_DoesNotFireCog001() => AssertDoesNotFire("COG-001", Trd() with { CognitiveImpairment = null });

    [Fact, Fires("COG-001")]
    public void Cog001_Texts_MarkTheAdviceAsTheAppsSuggestion()
    {
        // C4: "may need more help after each session" and "for some hours" are not in the fact base.
        var f = AssertFires("COG-001", Trd() with { CognitiveImpairment = true });
        Assert.DoesNotContain("may need more help", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("some hours", f.Summary, StringComparison.Ordinal);
        Assert.Contains("this app suggests", f.Detail, StringComparison.Ordinal);
    }
}
