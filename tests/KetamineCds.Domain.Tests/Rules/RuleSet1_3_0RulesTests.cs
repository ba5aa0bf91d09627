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
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("SUI-002"), Edge("SUI-002")]
    [Fires("SUI-008"), Edge("SUI-008")]
    [Fires("REC-002"), Edge("REC-002")]
    [Fires("REMS-001"), Edge("REMS-001")]
    [Fires("REMS-002"), Edge("REMS-002")]
    [Fires("REMS-003"), Edge("REMS-003")]
    [Fires("REMS-004"), Edge("REMS-004")]
    [Fires("BIO-001"), Edge("BIO-001")]
    [Fires("CV-004"), Edge("CV-004")]
    [Fires("HEP-003"), Edge("HEP-003")]
    [Fires("MED-005"), Edge("MED-005")]
    [Fires("SAF-001"), Edge("SAF-001")]
    [Fires("SUB-003"), Edge("SUB-003")]
    [Fires("NAL-001"), Edge("NAL-001")]
    [Fires("COG-001"), Edge("COG-001")]
    [Fires("BIP-004"), Edge("BIP-004")]
    [Fires("SCR-001"), Edge("SCR-001")]
    [Fires("URO-001"), Edge("URO-001")]
    [InlineData("SUI-001")]
    [InlineData("SUI-002")]
    [InlineData("SUI-008")]
    [InlineData("REC-002")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    [InlineData("BIO-001")]
    [InlineData("CV-004")]
    [InlineData("HEP-003")]
    [InlineData("MED-005")]
    [InlineData("SAF-001")]
    [InlineData("SUB-003")]
    [InlineData("NAL-001")]
    [InlineData("COG-001")]
    [InlineData("BIP-004")]
    [InlineData("SCR-001")]
    [InlineData("URO-001")]
    public void Evaluate_RuleThatRuleSet1_5_0Replaced_FiresAndNotAtItsEdge(string ruleId)
    {
        // Rule set 1.5.0 (docs/clinical-review.md, section 13) replaced these; 1.3.0 keeps them as they were. For the rules
        // that read the suicidal-ideation indication, the edge is the audit's C2 history: not indicated here.
        var (fires, edge) = ReplacedIn1_5_0.For(ruleId);
        AssertFires(ruleId, fires);
        AssertDoesNotFire(ruleId, edge);
    }
}
