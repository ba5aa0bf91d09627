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
}
