using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Completeness;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// A new rule-set version that adds a contraindication makes the completeness rules REC-001 to REC-006 wait for it with
/// <see cref="PathwayCompleteness.WaitingForContraindicationsOf"/> (docs/contributing.md, "Release a rule-set version"),
/// declared as a difference from the version before: everything else of those rules, their words included, stays as the
/// newest release has them (QA307 F1). Shown on a hypothetical next version built here and never released: the current set
/// with <see cref="TestContraindication"/> added.
/// </summary>
public class NewContraindicationTests
{
    private static readonly string[] CompletenessRuleIds = ["REC-001", "REC-002", "REC-003", "REC-004", "REC-005", "REC-006"];

    /// <summary>
    /// For this test only, and no clinical statement: suicidal intent recorded. It reads a field whose absence can block
    /// (<see cref="NotRecordedMeans.CanBlock"/>) that the current contraindications read only where it decides imminent risk
    /// (SUI-009, through <see cref="Indications.ImminentSuicideRisk"/>): with active ideation with a plan the risk is imminent
    /// whatever the intent, and with the safety net in place SUI-009 does not hold, so for that history only this rule can keep
    /// the TRD pathways waiting for the intent, or block them once it is recorded.
    /// </summary>
    private sealed class TestContraindication : Rule
    {
        public override string Id => "TST-001";

        public override FindingKind Kind => FindingKind.Contraindication;

        public override Severity Severity => Severity.High;

        public override string ConditionText => "Suicidal intent is recorded (a test rule, never released).";

        public override Condition Condition { get; } = Criteria.True(Fields.SuicidalIntent);

        public override string Summary => "Test contraindication: never released.";

        public override string Detail => "Built by a test to show how a new version's completeness rules wait for a contraindication it adds.";
    }

    /// <summary>The hypothetical next version: the current set, TST-001 added, REC-001 to REC-006 built again to wait for it.</summary>
    private static RuleSet Hypothetical()
    {
        var withIt = RuleSetCatalog.Current.Next("99.0.0", add: [new TestContraindication()]);
        return withIt.Next("99.0.0", replace: [.. PathwayCompleteness.WaitingForContraindicationsOf(withIt)]);
    }

    /// <summary>
    /// TRD beside active ideation with a plan, the safety net in place, every other item whose absence matters recorded;
    /// suicidal intent not recorded. With imminent risk recorded the TRD pathways are open at best with cautions (the
    /// imminent-risk precautions), never plainly eligible: "eligible" below is that.
    /// </summary>
    private static PatientHistory TrdWithAPlanAndIntentBlank() =>
        (Suicidal(Suicidality.ActiveIdeationWithPlan) with { FailedAdequateTrials = 3, DistinctMechanisms = 2 }).WithEveryItemRecorded() with { SuicidalIntent = null };

    [Fact]
    public void Evaluate_TheNewContraindicationsFieldBlank_KeepsThePathwayIncompleteWhereTheCurrentSetLeavesItOpen()
    {
        var h = TrdWithAPlanAndIntentBlank();
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineTrd).Status);

        var a = ScreeningEngine.Evaluate(h, Hypothetical());
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.Incomplete, a.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.Equal([new Evidence("suicidalIntent", WireNames.NotRecorded)], a.Findings.Single(f => f.RuleId == "REC-001").Because);
        Assert.DoesNotContain(a.Findings, f => f.RuleId == "TST-001");
    }

    [Fact]
    public void Evaluate_TheNewContraindicationsFieldRecordedAbsent_IsEligibleAsInTheCurrentSet()
    {
        var h = TrdWithAPlanAndIntentBlank() with { SuicidalIntent = false };
        var a = ScreeningEngine.Evaluate(h, Hypothetical());
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(
            ScreeningEngine.Evaluate(h).Pathways.Select(p => (p.Pathway, p.Status, string.Join(',', p.RuleIds))),
            a.Pathways.Select(p => (p.Pathway, p.Status, string.Join(',', p.RuleIds))));
    }

    [Fact]
    public void Evaluate_TheNewContraindicationsFieldRecordedPresent_BlocksThePathwayAndNothingWaits()
    {
        // Substance use blank too: the current set keeps the pathway waiting for it, a recorded contraindication blocks whatever is blank.
        var h = TrdWithAPlanAndIntentBlank() with { SuicidalIntent = true, SubstanceUse = null };
        Assert.Equal(PathwayStatus.Incomplete, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineTrd).Status);

        var a = ScreeningEngine.Evaluate(h, Hypothetical());
        Assert.Equal(PathwayStatus.NotEligible, a.For(Pathway.EsketamineTrd).Status);
        Assert.Contains(a.Findings, f => f.RuleId == "TST-001");
        Assert.DoesNotContain(a.Findings, f => CompletenessRuleIds.Contains(f.RuleId));
    }

    [Fact]
    public void Diff_CurrentToTheHypotheticalVersion_ListsTheAddedRuleAndTheCompletenessRulesOnly()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.Current, Hypothetical());
        Assert.Equal(["TST-001"], diff.Added.Select(r => r.Id));
        Assert.Equal(CompletenessRuleIds, diff.Changed.Select(c => c.After.Id));
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.All(diff.Changed, c =>
        {
            var (before, after) = c;
            Assert.Equal((before.Kind, before.Severity, before.Summary, before.Detail), (after.Kind, after.Severity, after.Summary, after.Detail));
            Assert.Equal(before.Principles, after.Principles);
            Assert.Equal(before.Sources, after.Sources);
            Assert.StartsWith("Not recorded, or recorded as not done: ", after.Summary, StringComparison.Ordinal);
            Assert.Contains("SUI-009, TST-001, VAS-001, VAS-002, VAS-003 are undecided", after.ConditionText, StringComparison.Ordinal);
            Assert.Equal(before.ConditionText, after.ConditionText.Replace("TST-001, ", "", StringComparison.Ordinal));
        });
    }

    /// <summary>
    /// Built from a released set whose contraindications are those its completeness rules wait for, every rule comes back with
    /// its released definition, words included: the method changes what they wait for and nothing else, whichever release it
    /// starts from. And a release whose completeness rules do not wait for one of its contraindications (a version that adds
    /// one without building them again) fails here, naming the version.
    /// </summary>
    [Theory]
    [MemberData(nameof(ReleasesWithCompletenessRules))]
    public void WaitingForContraindicationsOf_AReleasedSet_GivesBackItsCompletenessRulesAsReleased(string version)
    {
        var released = RuleSetCatalog.Find(version)!;
        Assert.Equal(CompletenessRuleIds.Select(id => released[id].CanonicalDefinition()), RebuiltDefinitions(released));
    }

    [Fact]
    public void WaitingForContraindicationsOf_ASetThatAddsAContraindicationAlone_DoesNotGiveBackItsCompletenessRules()
    {
        var addedAlone = RuleSetCatalog.Current.Next("99.0.0", add: [new TestContraindication()]);
        Assert.All(
            CompletenessRuleIds.Zip(RebuiltDefinitions(addedAlone)),
            pair => Assert.NotEqual(addedAlone[pair.First].CanonicalDefinition(), pair.Second));
    }

    private static IEnumerable<string> RebuiltDefinitions(RuleSet ruleSet) =>
        PathwayCompleteness.WaitingForContraindicationsOf(ruleSet).Select(r => r.CanonicalDefinition());

    public static TheoryData<string> ReleasesWithCompletenessRules() => [.. RuleSetCatalog.All.Where(r => r.Find("REC-001") is not null).Select(r => r.Version)];
}
