using FsCheck.Xunit;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// The engine answers from tables compiled per rule set and keeps findings between screenings; it must give exactly
/// the assessment the plain reference gives (<see cref="ReferenceEngine"/>), for fresh histories, for repeats, for
/// values outside the encoded ranges, for other rule sets, and from many threads.
/// </summary>
public class CompiledEngineTests
{
    private const int Runs = 2000;

    private static readonly string[] TenRuleIds = ["TRD-001", "SUI-001", "KET-001", "BIP-001", "PAL-001", "INV-001", "PSY-001", "VAS-001", "BIP-002", "CV-002"];

    private static readonly RuleSet TenRules = new("test-10", [.. TenRuleIds.Select(id => RuleSetCatalog.Current.Find(id)!)], RuleSetCatalog.Current.Pathways);

    private static void AssertSame(Assessment expected, Assessment actual) =>
        Assert.True(expected.SameAs(actual), $"expected {ReferenceEngine.Describe(expected)}{Environment.NewLine}actual   {ReferenceEngine.Describe(actual)}");

    [Property(MaxTest = Runs, Arbitrary = [typeof(HistoryGenerators)])]
    public void Evaluate_AnyHistory_EqualsTheReference(PatientHistory history)
    {
        AssertSame(ReferenceEngine.Evaluate(history, RuleSetCatalog.Current), ScreeningEngine.Evaluate(history));

        // A fresh object with the same content takes the kept findings: still the same assessment.
        AssertSame(ReferenceEngine.Evaluate(history, RuleSetCatalog.Current), ScreeningEngine.Evaluate(history with { PatientReference = "OTHER" }));
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(HistoryGenerators)])]
    public void Evaluate_TenRuleSet_EqualsTheReference(PatientHistory history) =>
        AssertSame(ReferenceEngine.Evaluate(history, TenRules), ScreeningEngine.Evaluate(history, TenRules));

    [Property(MaxTest = Runs, Arbitrary = [typeof(HistoryGenerators)])]
    public void Evaluate_ValuesOutsideTheEncodedRanges_EqualsTheReference(PatientHistory history, int age, int failed, int prognosis, int systolic, byte pick)
    {
        // Values the validator would refuse still get the engine's defined answer: tested on the history itself.
        var odd = (pick % 4) switch
        {
            0 => history with { AgeYears = age, FailedAdequateTrials = failed },
            1 => history with { LifeLimitingIllness = true, PrognosisWeeks = prognosis, DistinctMechanisms = failed },
            2 => history with { SystolicBp = systolic, DiastolicBp = systolic / 2, Phq9Total = prognosis % 40, Phq9Item9 = age % 6 },
            _ => history with { PrimaryDiagnosis = (PrimaryDiagnosis)(pick % 9), Suicidality = (Suicidality)(age % 7), MoodStabilizer = (MoodStabilizer)(failed % 8) },
        };
        AssertSame(ReferenceEngine.Evaluate(odd, RuleSetCatalog.Current), ScreeningEngine.Evaluate(odd));
    }

    public static TheoryData<decimal?> Doses() => new() { null, 0m, 0.0m, -0m, decimal.Negate(0m), 0.25m, 1m, 1.0m, 2.50m, 10m, 200m, 200.0m, 201m, 5000m, -3m };

    [Theory]
    [MemberData(nameof(Doses))]
    public void Evaluate_BenzodiazepineDose_EqualsTheReferenceAndKeepsTheDigitsEntered(decimal? dose)
    {
        var history = Histories.Trd() with { BenzodiazepineDiazepamEquivalentMg = dose };
        var expected = ReferenceEngine.Evaluate(history, RuleSetCatalog.Current);
        AssertSame(expected, ScreeningEngine.Evaluate(history));
        AssertSame(expected, ScreeningEngine.Evaluate(history with { }));
        if (expected.Findings.SingleOrDefault(f => f.RuleId == "MED-001") is { } finding)
        {
            Assert.Equal(WireNames.Display(dose), ScreeningEngine.Evaluate(history).Findings.Single(f => f.RuleId == "MED-001").Because.Single().Value);
            Assert.Equal(WireNames.Display(dose), finding.Because.Single().Value);
        }
    }

    [Fact]
    public void Evaluate_WholeAndDecimalSpellingsOfADose_KeepTheirOwnEvidence()
    {
        var whole = ScreeningEngine.Evaluate(Histories.Trd() with { BenzodiazepineDiazepamEquivalentMg = 2m });
        var tenths = ScreeningEngine.Evaluate(Histories.Trd() with { BenzodiazepineDiazepamEquivalentMg = 2.0m });
        Assert.Equal("2", whole.Findings.Single(f => f.RuleId == "MED-001").Because.Single().Value);
        Assert.Equal("2.0", tenths.Findings.Single(f => f.RuleId == "MED-001").Because.Single().Value);
    }

    [Fact]
    public void Evaluate_ManyThreadsOnManyHistories_EqualsTheReference()
    {
        // The finding tables fill while threads read them; every answer must still be the reference's.
        var histories = FsCheck.Fluent.Gen.Sample(HistoryGenerators.History, 3000);
        var expected = histories.Select(h => ReferenceEngine.Evaluate(h, RuleSetCatalog.Current)).ToArray();
        var actual = new Assessment[histories.Length];
        Parallel.For(0, histories.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = ScreeningEngine.Evaluate(histories[i] with { }));
        Assert.All(Enumerable.Range(0, histories.Length), i => AssertSame(expected[i], actual[i]));
    }

    [Fact]
    public void Evaluate_MoreDistinctValuesThanATableKeeps_EqualsTheReference()
    {
        // CV-002's because names the blood pressures: more combinations than a table keeps (1,024), so later ones are
        // built every time; both kinds must be right.
        var rule = RuleSetCatalog.Current.Find("CV-002")!;
        var set = new RuleSet("test-bp", [.. TenRuleIds.Select(id => RuleSetCatalog.Current.Find(id)!)], RuleSetCatalog.Current.Pathways);
        for (var systolic = 141; systolic <= 300; systolic += 1)
        {
            for (var diastolic = 91; diastolic < Math.Min(systolic, 200); diastolic += 7)
            {
                var history = Histories.Adult() with { SystolicBp = systolic, DiastolicBp = diastolic };
                AssertSame(ReferenceEngine.Evaluate(history, set), ScreeningEngine.Evaluate(history, set));
            }
        }

        Assert.NotNull(rule.Evaluate(Histories.Adult() with { SystolicBp = 300, DiastolicBp = 190 }));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(HistoryGenerators)])]
    public void Evaluate_RuleWithTooManyLeavesToCompile_EqualsTheReference(PatientHistory history)
    {
        // A condition with more distinct leaves than RulePlan compiles is evaluated as Rule.Evaluate defines it.
        var set = new RuleSet("test-wide", [.. RuleSetCatalog.Current.Rules, new WideRule()], RuleSetCatalog.Current.Pathways);
        AssertSame(ReferenceEngine.Evaluate(history, set), ScreeningEngine.Evaluate(history, set));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(HistoryGenerators)])]
    public void Evaluate_MoreCautionsThanAPathwayKeyHolds_EqualsTheReference(PatientHistory history)
    {
        // Sixty more cautions: the pathway key (a bit per contraindication and caution) no longer fits in a long, so
        // pathways are decided every time; more than 64 rules also take more than one word of answers.
        var cautions = Enumerable.Range(0, 60).Select(n => (Rule)new AgeCaution(n));
        var set = new RuleSet("test-many", [.. RuleSetCatalog.Current.Rules, .. cautions], RuleSetCatalog.Current.Pathways);
        Assert.Null(set.Plan.Sections);
        AssertSame(ReferenceEngine.Evaluate(history, set), ScreeningEngine.Evaluate(history, set));
    }

    [Fact]
    public void Evaluate_SameIndicationsAndCautions_ShareOneReadOnlyListOfPathways()
    {
        // A rule set of its own: the shared one's table is bounded and other tests may have filled it.
        var set = new RuleSet("test-shared", RuleSetCatalog.Current.Rules, RuleSetCatalog.Current.Pathways);
        var first = ScreeningEngine.Evaluate(Histories.Trd() with { SystolicBp = 150, DiastolicBp = 80 }, set);
        var second = ScreeningEngine.Evaluate(Histories.Trd() with { AgeYears = 50, SystolicBp = 160, DiastolicBp = 85 }, set);
        Assert.Same(first.Pathways, second.Pathways);
        Assert.IsNotType<PathwayResult[]>(first.Pathways);
        Assert.Throws<NotSupportedException>(() => ((IList<PathwayResult>)first.Pathways)[0] = first.Pathways[1]);
    }

    [Fact]
    public void WideRule_HasMoreLeavesThanACompiledRule()
    {
        var leaves = new List<LeafCondition>();
        new WideRule().Condition.CollectLeaves(leaves);
        Assert.True(leaves.Count > RulePlan.MaxLeaves);
    }

    [Fact]
    public void Evaluate_SharedLeavesAndRepeatedTests_EqualsTheReference()
    {
        // Leaves that are the same test (BIO-001 repeats "primaryDiagnosis = mdd" in two indications) are compiled once.
        var leaves = new List<LeafCondition>();
        RuleSetCatalog.Current.Find("BIO-001")!.Condition.CollectLeaves(leaves);
        Assert.Equal(8, leaves.Count);
        foreach (var history in new[] { Histories.Trd(), Histories.Suicidal(), Histories.BipolarDepression(), Histories.Palliative(4), Histories.Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ocd } })
        {
            AssertSame(ReferenceEngine.Evaluate(history, RuleSetCatalog.Current), ScreeningEngine.Evaluate(history));
        }
    }

    /// <summary>A caution (not released) for ages from 20 + n.</summary>
    private sealed class AgeCaution(int n) : Rule
    {
        public override string Id => "TEST-AGE-" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

        public override FindingKind Kind => FindingKind.Caution;

        public override Severity Severity => (Severity)(n % 3);

        public override string ConditionText => "A test of many cautions.";

        public override Condition Condition { get; } = AtLeast(Fields.AgeYears, 20 + n);

        public override string Summary => "Test.";

        public override string Detail => "Test.";
    }

    /// <summary>A rule (not released) whose condition has seventeen distinct leaves on one field and one more field.</summary>
    private sealed class WideRule : Rule
    {
        public override string Id => "TEST-WIDE";

        public override FindingKind Kind => FindingKind.Caution;

        public override Severity Severity => Severity.Low;

        public override string ConditionText => "A test of the engine's fallback.";

        public override Condition Condition { get; } = All(
            Any([.. Enumerable.Range(0, RulePlan.MaxLeaves + 1).Select(n => AtLeast(Fields.AgeYears, 20 + (3 * n)))]),
            Not(Is(Fields.Psychosis, PsychosisStatus.Active)));

        public override string Summary => "Test.";

        public override string Detail => "Test.";
    }
}
