using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.CdsHooks;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Before the rules run, the incomplete card cites for a care item the first dose waits for the rules that say it is not
/// recorded (CV-004, HEP-003, QA281 F8). <c>CardBuilder.Behind.SaysNotRecorded</c> finds them by the condition's structure
/// (a test "the field is not recorded"), not its canonical text (helper 286): these pin which rules it keeps.
/// </summary>
public sealed class CardBuilderSaysNotRecordedTests
{
    private sealed class Probe(FindingKind kind, Condition condition) : Rule
    {
        public override string Id => "TEST-001";

        public override FindingKind Kind => kind;

        public override Severity Severity => Severity.Moderate;

        public override string ConditionText => "A test rule.";

        public override Condition Condition => condition;

        public override string Summary => "A test rule.";

        public override string Detail => "A test rule.";
    }

    private static readonly string[] BloodPressure = ["systolicBp", "diastolicBp"];

    [Fact]
    public void SaysNotRecorded_CurrentRuleSet_KeepsCv004ForBloodPressureAndHep003ForHepaticStatus()
    {
        var says = CardBuilder.Behind.SaysNotRecorded(BloodPressure);
        var saysHepatic = CardBuilder.Behind.SaysNotRecorded(["hepaticImpairment"]);

        Assert.Contains("CV-004", RuleSetCatalog.Current.Rules.Where(says).Select(r => r.Id));
        Assert.DoesNotContain("CV-003", RuleSetCatalog.Current.Rules.Where(says).Select(r => r.Id));
        Assert.DoesNotContain("HEP-003", RuleSetCatalog.Current.Rules.Where(says).Select(r => r.Id));
        Assert.Contains("HEP-003", RuleSetCatalog.Current.Rules.Where(saysHepatic).Select(r => r.Id));
        Assert.DoesNotContain("HEP-001", RuleSetCatalog.Current.Rules.Where(saysHepatic).Select(r => r.Id));
    }

    [Theory]
    [InlineData(FindingKind.Caution, true)]
    [InlineData(FindingKind.Requirement, true)]
    [InlineData(FindingKind.Contraindication, false)]
    [InlineData(FindingKind.Information, false)]
    public void SaysNotRecorded_ARuleTestingTheFieldNotRecorded_KeptOnlyAsACautionOrRequirement(FindingKind kind, bool kept)
    {
        var rule = new Probe(kind, All(Indications.AnyIndication, Any(NotRecorded(Fields.SystolicBp), NotRecorded(Fields.DiastolicBp))));

        Assert.Equal(kept, CardBuilder.Behind.SaysNotRecorded(BloodPressure)(rule));
        Assert.False(CardBuilder.Behind.SaysNotRecorded(["hepaticImpairment"])(rule));
    }

    [Fact]
    public void SaysNotRecorded_ARuleThatReadsTheFieldWithoutTestingItNotRecorded_IsNotKept()
    {
        // It reads the blood pressure (an answer could show it), and says nothing of it being not recorded.
        Assert.False(CardBuilder.Behind.SaysNotRecorded(BloodPressure)(new Probe(FindingKind.Caution, All(Indications.AnyIndication, AtLeast(Fields.SystolicBp, 180)))));
        Assert.False(CardBuilder.Behind.SaysNotRecorded(["phq9Item9"])(new Probe(FindingKind.Caution, BelowOrNotRecorded(Fields.Phq9Item9, 1))));
    }
}
