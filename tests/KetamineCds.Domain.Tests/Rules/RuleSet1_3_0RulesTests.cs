using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.3.0 stays replayable, so the rule 1.4.0 replaced keeps its tests, evaluated with 1.3.0 explicitly: its
/// CV-002 fired beside CV-003 at or above 180/110 mmHg, which 1.4.0 corrected (docs/clinical-review.md, section 11).
/// </summary>
public class RuleSet1_3_0RulesTests : RuleTestBase
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_3_0;

    [Fact, Fires("CV-002"), Fires("CV-003")]
    public void Evaluate_BloodPressure184Over112_FiresCv002BesideCv003()
    {
        // What 1.4.0 corrected (docs/clinical-review.md, section 11): two instructions for one reading.
        var h = Trd() with { SystolicBp = 184, DiastolicBp = 112 };
        AssertBecause(AssertFires("CV-002", h), "systolicBp", "184");
        AssertFires("CV-003", h);
    }

    [Fact, Edge("CV-002")]
    public void Evaluate_BloodPressure140Over90_DoesNotFireCv002() => AssertDoesNotFire("CV-002", Trd() with { SystolicBp = 140, DiastolicBp = 90 });
}
