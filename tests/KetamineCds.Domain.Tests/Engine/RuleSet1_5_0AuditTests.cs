using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// Rule set 1.5.0 beside 1.4.0 for the clinical audit QA10b's findings (docs/clinical-review.md, section 13): what changed,
/// and that nothing else did.
/// </summary>
public class RuleSet1_5_0AuditTests
{
    private static readonly RuleSet Before = RuleSetCatalog.V1_4_0;
    private static readonly RuleSet After = RuleSetCatalog.V1_5_0;

    private static readonly string[] ChangedIn1_5_0 =
        ["BIO-001", "BIP-004", "COG-001", "CV-004", "HEP-003", "MED-005", "NAL-001", "REC-002", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001", "SCR-001", "SUB-003", "SUI-001", "SUI-002", "SUI-008", "URO-001"];

    private static PatientHistory AbortedAttempt(bool? plan, bool? lethalMeans, bool? followUp) =>
        PassiveWithAbortedAttempt().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with
        {
            SafetyPlanInPlace = plan,
            LethalMeansCounselled = lethalMeans,
            FollowUpArranged = followUp,
        };

    [Fact]
    public void C2_AbortedAttemptWithTheSafetyNet_WasNotIndicatedAndIsNowTheSuicidalIdeationPathwayUnderSui011()
    {
        var h = AbortedAttempt(true, true, true);
        var before = ScreeningEngine.Evaluate(h, Before);
        Assert.Equal(Verdict.NotIndicated, before.Overall);
        Assert.Equal(PathwayStatus.NotApplicable, before.For(Pathway.EsketamineSuicidalIdeation).Status);

        var after = ScreeningEngine.Evaluate(h, After);
        Assert.Equal(Verdict.EligibleWithCautions, after.Overall);
        var pathway = after.For(Pathway.EsketamineSuicidalIdeation);
        Assert.Equal(PathwayStatus.EligibleWithCautions, pathway.Status);
        Assert.Equal(["SUI-001", "SUI-011"], pathway.RuleIds);
    }

    [Fact]
    public void C2_AbortedAttemptWithPartOfTheSafetyNet_IsGovernedBySui010AndSui011()
    {
        var after = ScreeningEngine.Evaluate(AbortedAttempt(true, false, true), After);
        var pathway = after.For(Pathway.EsketamineSuicidalIdeation);
        Assert.Equal(PathwayStatus.EligibleWithCautions, pathway.Status);
        Assert.Contains("SUI-010", pathway.RuleIds);
        Assert.Contains("SUI-011", pathway.RuleIds);
    }

    [Fact]
    public void C2_AbortedAttemptWithNoSafetyNet_ReadNotIndicatedBesideSui009AndIsNowNotEligibleNow()
    {
        var h = AbortedAttempt(false, false, false);
        var before = ScreeningEngine.Evaluate(h, Before);
        Assert.Equal(Verdict.NotIndicated, before.Overall);
        Assert.Contains(before.Findings, f => f.RuleId == "SUI-009");

        var after = ScreeningEngine.Evaluate(h, After);
        Assert.Equal(Verdict.NotEligibleNow, after.Overall);
        var pathway = after.For(Pathway.EsketamineSuicidalIdeation);
        Assert.Equal(PathwayStatus.NotEligible, pathway.Status);
        Assert.Contains("SUI-009", pathway.RuleIds);
    }

    [Fact]
    public void C2_NoRuleOf1_5_0_ReadsTheEarlierSuicidalIdeationIndication()
    {
        // Every rule that names the pathway's indication, directly or through "an esketamine pathway" or "any pathway",
        // agrees with SUI-001; 1.4.0 had such rules, so the check is not empty.
        static bool ReadsEarlier(Rule r) => r.Condition.Canonical.Contains(Indications.SuicidalMdd.Canonical, StringComparison.Ordinal);
        Assert.Contains(Before.Rules, ReadsEarlier);
        Assert.DoesNotContain(After.Rules, ReadsEarlier);
    }

    [Fact]
    public void C2_CompletenessRules_OnlyRec002ChangesAndItIsBuiltFrom1_5_0sIndication()
    {
        var rebuilt = Domain.Rules.Completeness.PathwayCompleteness.For(After, waitForRecentBehaviour: true);
        Assert.All(rebuilt, c => Assert.Equal(c.CanonicalDefinition(), After.Find(c.Id)!.CanonicalDefinition()));
        Assert.Equal(
            ["REC-001", "REC-003", "REC-004", "REC-005", "REC-006"],
            rebuilt.Where(c => c.CanonicalDefinition() == Before.Find(c.Id)!.CanonicalDefinition()).Select(c => c.Id));
        Assert.Contains(Indications.SuicidalMddWithRecentBehaviour.Canonical, After.Find("REC-002")!.Condition.Canonical, StringComparison.Ordinal);
        // B1 of the independent review: REC-002 also waits for recent behaviour where it decides the pathway or imminent risk.
        Assert.Contains("preparatory acts or an aborted or interrupted attempt are not recorded", After.Find("REC-002")!.ConditionText, StringComparison.Ordinal);
        Assert.DoesNotContain("preparatory acts", Before.Find("REC-002")!.ConditionText, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_1_4_0To1_5_0_AddsEu004AndChangesExactlyTheAuditsRules()
    {
        var diff = RuleSetDiff.Between(Before, After);
        Assert.Equal(["EU-004"], diff.Added.Select(r => r.Id));
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(ChangedIn1_5_0, diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        // Kinds and severities are 1.4.0's: only texts and the suicidal-ideation indication changed. EU-004, new, is a
        // high caution (B2).
        Assert.All(diff.Changed, c => Assert.Equal((c.Before.Kind, c.Before.Severity), (c.After.Kind, c.After.Severity)));
        Assert.Equal((FindingKind.Caution, Severity.High), (After.Find("EU-004")!.Kind, After.Find("EU-004")!.Severity));
    }

    [Fact]
    public void C1_EuSuicidalIdeationPathway_StatesTheEuWordingAndNamesThePsychiatristsJudgement()
    {
        var h = Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, SuicidalIntent = false };
        var before = ScreeningEngine.Evaluate(h, Before);
        Assert.DoesNotContain(before.Findings, f => f.Detail.Contains("psychiatric emergency", StringComparison.Ordinal));

        var after = ScreeningEngine.Evaluate(h, After);
        Assert.Contains(after.Findings, f => f.RuleId == "EU-004");
        var sui001 = after.Findings.Single(f => f.RuleId == "SUI-001");
        Assert.Contains("psychiatric emergency", sui001.Detail, StringComparison.Ordinal);
        Assert.Contains("SPRAVATO-SMPC-EU", sui001.Sources);
        // No precondition, but no longer "nothing calls for caution" beside the unasked criterion (B2): 1.4.0 said eligible.
        Assert.Equal(Verdict.Eligible, before.Overall);
        Assert.Equal(Verdict.EligibleWithCautions, after.Overall);
        Assert.Equal(PathwayStatus.EligibleWithCautions, after.For(Pathway.EsketamineSuicidalIdeation).Status);
    }
}
