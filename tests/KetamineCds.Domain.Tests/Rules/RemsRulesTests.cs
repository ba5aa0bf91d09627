using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class RemsRulesTests : RuleTestBase
{
    [Theory, Fires("REMS-001"), Fires("REMS-002"), Fires("REMS-003"), Fires("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    public void Evaluate_TreatmentResistantDepression_FiresRemsRequirement(string ruleId) =>
        AssertFires(ruleId, Adult() with { FailedAdequateTrials = 2 });

    [Theory, Fires("REMS-001"), Fires("REMS-002"), Fires("REMS-003"), Fires("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    public void Evaluate_SuicidalMddWithOneFailedTrial_FiresRemsRequirement(string ruleId) =>
        AssertFires(ruleId, Suicidal(Suicidality.ActiveIdeation));

    [Theory, Fires("REMS-002"), Fires("REMS-003")]
    [InlineData("REMS-002", Pathway.BipolarAdjunct)]
    [InlineData("REMS-003", Pathway.BipolarAdjunct)]
    [InlineData("REMS-002", Pathway.PalliativeRapidActing)]
    [InlineData("REMS-003", Pathway.PalliativeRapidActing)]
    [InlineData("REMS-002", Pathway.InvestigationalPtsdOcd)]
    [InlineData("REMS-003", Pathway.InvestigationalPtsdOcd)]
    public void Evaluate_BipolarPalliativeOrInvestigationalPathway_FiresMonitoringAndNoDriving(string ruleId, Pathway pathway) =>
        Assert.Equal(FindingKind.Requirement, AssertFires(ruleId, IndicatedFor(pathway)).Kind);

    [Fact, Fires("REMS-002")]
    public void Evaluate_BipolarDepression_FiresRems002AskingForTwoHoursOfObservationAndPulseOximetry()
    {
        var f = AssertFires("REMS-002", BipolarDepression());
        Assert.Contains("2-hour observation", f.Detail, StringComparison.Ordinal);
        Assert.Contains("pulse oximetry", f.Detail, StringComparison.Ordinal);
    }

    // 1.24.0 (section 36): the condition in words said "an esketamine pathway applies"; it fires where TRD-001's or SUI-001's
    // indication holds, or else the suicidal-ideation pathway cannot yet be ruled out (SUI-016), and says so.
    [Theory, Fires("REMS-001"), Fires("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-004")]
    public void Evaluate_TreatmentResistantDepression_ConditionInWordsSaysAnEsketaminePathwayIsApplicable(string ruleId)
    {
        AssertFires(ruleId, Adult() with { FailedAdequateTrials = 2 });
        Assert.Equal(
            "An esketamine pathway is applicable (TRD-001: treatment-resistant depression; SUI-001: acute suicidal ideation or recent suicidal behaviour), or the suicidal-ideation pathway cannot yet be ruled out (SUI-016; also while the suicide-risk assessment after a positive PHQ-9 item 9 is recorded as not done).",
            RuleSet[ruleId].ConditionText);
        Assert.Contains("An esketamine pathway applies", RuleSetCatalog.V1_23_0[ruleId].ConditionText, StringComparison.Ordinal);
    }

    [Theory, Edge("REMS-001"), Edge("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-004")]
    public void Evaluate_BipolarDepression_DoesNotFireEsketamineOnlyRemsRequirement(string ruleId) =>
        AssertDoesNotFire(ruleId, BipolarDepression());

    [Theory, Edge("REMS-001"), Edge("REMS-002"), Edge("REMS-003"), Edge("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    public void Evaluate_OneFailedTrialAndPassiveIdeationWithoutRecentBehaviour_DoesNotFireRemsRequirement(string ruleId) =>
        AssertDoesNotFire(ruleId, Suicidal(Suicidality.PassiveIdeation) with { FailedAdequateTrials = 1, PreparatoryActsOrAbortedAttempt = false, LifeLimitingIllness = false });

    [Theory, Fires("REMS-001"), Fires("REMS-002"), Fires("REMS-003"), Fires("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    public void Evaluate_SuicidalPathwayNotYetRuledOut_FiresRemsRequirement(string ruleId)
    {
        // From 1.14.0 (QA184 F3): passive ideation with recent behaviour not recorded keeps the suicidal-ideation pathway
        // waiting (SUI-001, REC-002), and what it will require is listed while it waits.
        AssertFires(ruleId, SuicidalPathwayNotRuledOut());

        // Suicidality recorded as none beside a positive PHQ-9 item 9, no assessment since recorded (SUI-001 from 1.8.0).
        AssertFires(ruleId, Adult() with { Phq9Total = 12, Phq9Item9 = 1 });
    }

    [Theory, Fires("REMS-001"), Fires("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-004")]
    public void Evaluate_SuicidalPathwayNotYetRuledOutBesidePalliativePathway_FiresEsketamineOnlyRemsRequirement(string ruleId)
    {
        // 1.14.0: a palliative pathway does not need the esketamine REMS, but the esketamine suicidal-ideation pathway still
        // waits beside it, and what it will require is listed (the case the CI's property run found on 2026-12-03).
        var history = SuicidalPathwayNotRuledOut() with { LifeLimitingIllness = true, PrognosisWeeks = 8 };
        Assert.DoesNotContain(ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_13_0).Findings, f => f.RuleId == ruleId);
        AssertFires(ruleId, history);
    }

    [Theory]
    [InlineData("REMS-001")]
    [InlineData("REMS-004")]
    public void RemsRule_Text_IsTheUsRemsAppliedByThisClinicEverywhere(string remsRule)
    {
        // C1: the REMS is the US programme; outside the US the clinic applies it as the safer reading, never as the EU's rule.
        var rule = RuleSet.Find(remsRule)!;
        Assert.Contains("US REMS", rule.Summary + " " + rule.Detail, StringComparison.Ordinal);
        Assert.Contains("every jurisdiction", rule.Summary, StringComparison.Ordinal);
        Assert.Contains("safer reading", rule.Detail, StringComparison.Ordinal);
        Assert.Contains("records no", rule.Detail, StringComparison.Ordinal);
    }

    [Theory, Fires("REMS-001"), Fires("REMS-002"), Fires("REMS-003"), Fires("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    public void Evaluate_PassiveIdeationWithAbortedAttempt_FiresTheRemsRequirementsOfTheSuicidalIdeationPathway(string ruleId) =>
        AssertFires(ruleId, PassiveWithAbortedAttempt());

    [Theory, Fires("REMS-002"), Fires("REMS-003")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_FiresRemsRequirementForEveryPathway(string ruleId)
    {
        // From 1.16.0 (docs/clinical-review.md, section 26): MDD in an episode, one failed trial, the life-limiting illness
        // not recorded: the palliative pathway waits, and the monitoring and no-driving requirements are listed. Not in 1.15.0.
        var h = Adult();
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), AssertFires(ruleId, h).Because);
        Assert.DoesNotContain(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings, f => f.RuleId == ruleId);
    }

    [Theory, Edge("REMS-001"), Edge("REMS-004")]
    [InlineData("REMS-001")]
    [InlineData("REMS-004")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_DoesNotFireEsketamineOnlyRemsRequirement(string ruleId) =>
        // 1.16.0 leaves them: the palliative pathway is racemic ketamine (PAL-001, discrepancy D9), not esketamine.
        AssertDoesNotFire(ruleId, Adult());
}
