using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class PainRulesTests : RuleTestBase
{
    [Fact, Fires("PAIN-001")]
    public void Evaluate_NeuropathicPainWithDepression_FiresPain001() => AssertFires("PAIN-001", Trd() with { ChronicNeuropathicPain = true });

    [Fact, Edge("PAIN-001")]
    public void Evaluate_NeuropathicPainWithoutCurrentEpisode_DoesNotFirePain001() =>
        AssertDoesNotFire("PAIN-001", Trd() with { ChronicNeuropathicPain = true, CurrentDepressiveEpisode = false });

    [Fact, Fires("PAIN-002")]
    public void Evaluate_OpioidInducedHyperalgesia_FiresPain002() => AssertFires("PAIN-002", Trd() with { OnOpioids = true, OpioidInducedHyperalgesia = true });

    [Fact, Edge("PAIN-002")]
    public void Evaluate_OnOpioidsWithoutHyperalgesia_DoesNotFirePain002() =>
        AssertDoesNotFire("PAIN-002", Trd() with { OnOpioids = true, OpioidInducedHyperalgesia = false });
}
