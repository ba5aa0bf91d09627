using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.3.0 stays replayable, so the rules 1.4.0 replaced keep their tests, evaluated with 1.3.0 explicitly: its
/// CV-002 fired beside CV-003 at or above 180/110 mmHg, and its SUI-013 beside SUI-009, which 1.4.0 corrected
/// (docs/clinical-review.md, section 11).
/// </summary>
public class RuleSet1_3_0RulesTests : ReplacedIn1_5_0RulesTests
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

    [Fact, Fires("SUI-013"), Fires("SUI-009")]
    public void Evaluate_PlanWithNoSafetyNet_FiresSui013BesideSui009()
    {
        // What 1.4.0 corrected: SUI-013's "or record why not" beside SUI-009's "same-day evaluation first".
        var h = Suicidal(Suicidality.ActiveIdeationWithPlan) with { SafetyPlanInPlace = false, LethalMeansCounselled = false, FollowUpArranged = false };
        AssertFires("SUI-013", h);
        AssertFires("SUI-009", h);
    }

    [Fact, Edge("SUI-013")]
    public void Evaluate_ActiveIdeationWithTheWholeSafetyNet_DoesNotFireSui013() =>
        AssertDoesNotFire("SUI-013", Suicidal(Suicidality.ActiveIdeation));

    [Theory]
    [Fires("KET-002"), Edge("KET-002")]
    [Fires("PAL-001"), Edge("PAL-001")]
    [InlineData("KET-002")]
    [InlineData("PAL-001")]
    public void Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplaced1_16_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge));
}
