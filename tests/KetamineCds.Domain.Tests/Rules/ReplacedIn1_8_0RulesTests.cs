using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The completeness rules rule set 1.8.0 replaced (docs/clinical-review.md, section 16: every pathway also waits for the
/// suicide-risk assessment after a positive PHQ-9 item 9 beside "no suicidality"), declared once for the releases 1.1.0 to
/// 1.7.0 that all have them: each release's class inherits the theory and runs it with its own rule set.
/// </summary>
public abstract class ReplacedIn1_8_0RulesTests : ReplacedIn1_9_0SinceRuleSet1_1_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    [Theory]
    [Fires("REC-001"), Edge("REC-001")]
    [Fires("REC-002"), Edge("REC-002")]
    [Fires("REC-003"), Edge("REC-003")]
    [Fires("REC-004"), Edge("REC-004")]
    [Fires("REC-005"), Edge("REC-005")]
    [Fires("REC-006"), Edge("REC-006")]
    [InlineData("REC-001", Pathway.EsketamineTrd)]
    [InlineData("REC-002", Pathway.EsketamineSuicidalIdeation)]
    [InlineData("REC-003", Pathway.KetamineOffLabelTrd)]
    [InlineData("REC-004", Pathway.BipolarAdjunct)]
    [InlineData("REC-005", Pathway.PalliativeRapidActing)]
    [InlineData("REC-006", Pathway.InvestigationalPtsdOcd)]
    public void Evaluate_CompletenessRuleThatRuleSet1_8_0Replaced_FiresAndNotAtItsEdge(string ruleId, Pathway pathway)
    {
        var recorded = IndicatedFor(pathway).WithSafetyItemsRecordedAbsent();
        var f = AssertFires(ruleId, recorded with { SubstanceUse = null });
        Assert.Equal([new Evidence("substanceUse", WireNames.NotRecorded)], f.Because);
        AssertDoesNotFire(ruleId, recorded);

        // Before 1.8.0, "no suicidality" beside a positive item 9 left nothing waiting.
        AssertDoesNotFire(ruleId, recorded with { Phq9Total = 12, Phq9Item9 = 2, SuicideRiskAssessedAfterItem9 = null });
    }
}
