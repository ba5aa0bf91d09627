using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rules rule set 1.12.0 reworded because their texts used "shown" for what the history records (QA157 F5;
/// docs/clinical-review.md, section 20), as the releases before it have them: TRD-002, the same from 1.0.0 to 1.11.0, is
/// declared here once and every release's class inherits it. SUI-001 as 1.8.0 to 1.11.0 have it and EU-005 (from 1.9.0)
/// are tested through <see cref="AssertRuleReplacedIn1_12_0Since1_8_0"/> in the classes of those releases only. It derives
/// from <see cref="ReplacedIn1_13_0RulesTests"/>, the chain's root since 1.13.0.
/// </summary>
public abstract class ReplacedIn1_12_0RulesTests : ReplacedIn1_13_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    [Fact, Fires("TRD-002"), Edge("TRD-002")]
    public void Evaluate_TrdWithOneMechanism_FiresTrd002WithItsReleasedSummaryAndNotWithTwo()
    {
        var f = AssertFires("TRD-002", Trd() with { DistinctMechanisms = 1 });
        Assert.EndsWith("is not shown.", f.Summary, StringComparison.Ordinal);
        AssertDoesNotFire("TRD-002", Trd() with { DistinctMechanisms = 2 });
    }

    /// <summary>
    /// SUI-001 as 1.8.0 to 1.11.0 have it, or EU-005 as 1.9.0 to 1.11.0 have it: fires, with the released text that says
    /// "show", and not at its edge. Called from a test declared in a class of those releases only.
    /// </summary>
    protected void AssertRuleReplacedIn1_12_0Since1_8_0(string ruleId, string test)
    {
        var (fires, edge, inSummary) = ruleId switch
        {
            "SUI-001" => (
                Adult().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = null },
                Adult().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = true },
                true),
            "EU-005" => (
                Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri, Phq9Total = 9, Phq9Item9 = 0 },
                Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri, Phq9Total = 10, Phq9Item9 = 0 },
                false),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a rule 1.12.0 reworded that 1.8.0 to 1.11.0 have"),
        };
        var f = AssertFires(ruleId, fires, test);
        Assert.Matches(@"\bshows?\b", inSummary ? f.Summary : f.Detail);
        AssertDoesNotFire(ruleId, edge, test);
    }
}
