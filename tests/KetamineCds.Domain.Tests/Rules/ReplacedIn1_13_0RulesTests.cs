using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// The rules rule set 1.13.0 reworded because their texts said "no X recorded" for an answer recorded as none or no, or
/// "no X" for an answer not recorded (docs/clinical-review.md, section 21), as the releases before it have them. None of them
/// is in every release (1.0.0 has none of these definitions), so this class, at the root of the chain, declares no test: the
/// classes of the releases that have each rule call <see cref="AssertRuleReworded1_13_0"/> from a test that declares it.
/// REC-001 to REC-006 with the item-9 wording are 1.8.0's to 1.12.0's, SCR-002 1.6.0's to 1.12.0's, TRD-005 1.10.0's to
/// 1.12.0's, SUI-009 1.1.0's to 1.12.0's, and SUI-001 with this condition 1.12.0's only.
/// </summary>
public abstract class ReplacedIn1_13_0RulesTests : ReplacedIn1_14_0RulesTests
{
    /// <summary>The earlier release the derived class evaluates with.</summary>
    public abstract override RuleSet RuleSet { get; }

    /// <summary>
    /// The rule as the release before 1.13.0 has it: its released text says "no X recorded" (or "no X" for a blank), it
    /// fires, and it does not at its edge. Called from a test declared in a class of the releases that have that definition.
    /// </summary>
    protected void AssertRuleReworded1_13_0(string ruleId, string test)
    {
        // Suicidality recorded as none beside a positive PHQ-9 item 9, every other safety and care item recorded.
        static PatientHistory Item9(PatientHistory h) =>
            h.WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = null };
        var imminent = Suicidal(Suicidality.ActiveIdeationWithPlan).WithSafetyItemsRecordedAbsent() with
        {
            SafetyPlanInPlace = false,
            LethalMeansCounselled = false,
            FollowUpArranged = false,
        };
        var noEpisode = Adult() with { CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 };
        var (fires, edge, releasedText, releasedWords) = ruleId switch
        {
            "REC-001" or "REC-002" or "REC-003" or "REC-004" or "REC-005" or "REC-006" => (
                Item9(ruleId == "REC-002" ? Adult() : IndicatedFor(RecPathway(ruleId))),
                Item9(ruleId == "REC-002" ? Adult() : IndicatedFor(RecPathway(ruleId))) with { SuicideRiskAssessedAfterItem9 = true },
                RuleSet[ruleId].ConditionText, "or no suicidality is recorded beside a positive PHQ-9 item 9"),
            "SUI-001" => (
                Item9(Adult()),
                Item9(Adult()) with { SuicideRiskAssessedAfterItem9 = true },
                RuleSet[ruleId].ConditionText, "and no suicide-risk assessment since is recorded."),
            "SUI-009" => (
                imminent,
                imminent with { SafetyPlanInPlace = true },
                RuleSet[ruleId].ConditionText, "no safety plan, no lethal-means counselling and no follow-up arranged"),
            "SCR-002" => (
                noEpisode with { Phq9Total = 10 },
                noEpisode with { Phq9Total = 9 },
                RuleSet[ruleId].Summary, "although no current depressive episode is recorded:"),
            "TRD-005" => (
                noEpisode with { FailedAdequateTrials = 1 },
                noEpisode,
                RuleSet[ruleId].Summary, "but no current depressive episode is:"),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a rule 1.13.0 reworded"),
        };
        Assert.Contains(releasedWords, releasedText, StringComparison.Ordinal);
        AssertFires(ruleId, fires, test);
        AssertDoesNotFire(ruleId, edge, test);
    }

    private static Pathway RecPathway(string ruleId) => ruleId switch
    {
        "REC-001" => Pathway.EsketamineTrd,
        "REC-003" => Pathway.KetamineOffLabelTrd,
        "REC-004" => Pathway.BipolarAdjunct,
        "REC-005" => Pathway.PalliativeRapidActing,
        _ => Pathway.InvestigationalPtsdOcd,
    };
}
