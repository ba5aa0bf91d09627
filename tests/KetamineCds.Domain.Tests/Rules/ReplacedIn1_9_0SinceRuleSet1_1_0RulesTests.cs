using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// CV-005 as rule sets 1.1.0 (which added it) to 1.8.0 have it, a requirement, which 1.9.0 replaced with a caution
/// (docs/clinical-review.md, section 17; QA148 F3). With everything else recorded, the recorded history read plainly
/// eligible while the question left unanswered read "eligible with cautions" (SAF-001).
/// </summary>
public abstract class ReplacedIn1_9_0SinceRuleSet1_1_0RulesTests : ReplacedIn1_9_0RulesTests
{
    [Fact, Fires("CV-005"), Edge("CV-005")]
    public void Evaluate_HypertensiveEncephalopathyHistory_FiresCv005AsARequirementAndNotWhenRecordedNo()
    {
        var f = AssertFires("CV-005", Trd() with { HypertensiveEncephalopathyHistory = true });
        Assert.Equal(FindingKind.Requirement, f.Kind);
        AssertDoesNotFire("CV-005", Trd() with { HypertensiveEncephalopathyHistory = false });
    }
}
