using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class EuLabelRulesTests : RuleTestBase
{
    [Fact, Fires("EU-001")]
    public void Evaluate_EuTrdWithoutOralAntidepressant_FiresEu001()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false };
        var f = AssertFires("EU-001", h);
        AssertBecause(f, "jurisdiction", "eu");
        AssertBecause(f, "onOralAntidepressant", "false");
        // From 1.3.0 a high caution (it was a high requirement, and the result read plainly eligible).
        Assert.Equal((FindingKind.Caution, Severity.High), (f.Kind, f.Severity));
        Assert.Equal(Verdict.EligibleWithCautions, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Edge("EU-001")]
    public void Evaluate_UsTrdWithoutOralAntidepressant_DoesNotFireEu001() =>
        AssertDoesNotFire("EU-001", Trd() with { Jurisdiction = Jurisdiction.Us, OnOralAntidepressant = false });

    [Fact, Fires("EU-002")]
    public void Evaluate_EuTrdOnAnAntidepressantOfAnotherClass_FiresEu002AsAHighCaution()
    {
        var f = AssertFires("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = OralAntidepressantClass.Other });
        AssertBecause(f, "oralAntidepressantClass", "other");
        // From 1.3.0 a high caution, as EU-001 (no oral antidepressant): another class does not meet the EU label either,
        // and a class known to miss it must not read better than a class not recorded (EU-003, a caution).
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Severity.High, f.Severity);
    }

    [Theory, Edge("EU-002")]
    [InlineData(OralAntidepressantClass.Ssri)]
    [InlineData(OralAntidepressantClass.Snri)]
    [InlineData(null)]
    public void Evaluate_EuTrdOnSsriOrSnriOrClassNotRecorded_DoesNotFireEu002(OralAntidepressantClass? antidepressantClass) =>
        AssertDoesNotFire("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass });

    [Fact, Edge("EU-002")]
    public void Evaluate_EuOneFailedTrialOnOralAntidepressant_DoesNotFireEu002() =>
        AssertDoesNotFire("EU-002", Adult() with { Jurisdiction = Jurisdiction.Eu, FailedAdequateTrials = 1, OralAntidepressantClass = OralAntidepressantClass.Other });

    [Fact, Fires("EU-003")]
    public void Evaluate_EuTrdOnAnAntidepressantOfUnrecordedClass_FiresEu003AsACaution()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = null };
        var f = AssertFires("EU-003", h);
        AssertBecause(f, "oralAntidepressantClass", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Caution, f.Kind);
        // Under 1.2.0 this was a moderate requirement and the result read plainly eligible.
        Assert.Equal(Verdict.EligibleWithCautions, ScreeningEngine.Evaluate(h).Overall);
    }

    [Theory, Edge("EU-003")]
    [InlineData(Jurisdiction.Eu, OralAntidepressantClass.Snri)]
    [InlineData(Jurisdiction.Eu, OralAntidepressantClass.Other)]
    [InlineData(Jurisdiction.Us, null)]
    public void Evaluate_ClassRecordedOrUsLabel_DoesNotFireEu003(Jurisdiction jurisdiction, OralAntidepressantClass? antidepressantClass) =>
        AssertDoesNotFire("EU-003", Trd() with { Jurisdiction = jurisdiction, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass });

    [Fact, Edge("EU-003")]
    public void Evaluate_EuTrdOnNoOralAntidepressant_DoesNotFireEu003ButEu001()
    {
        var h = Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false };
        AssertDoesNotFire("EU-003", h);
        Assert.Contains(ScreeningEngine.Evaluate(h, RuleSet).Findings, f => f.RuleId == "EU-001");
    }

    [Fact, Fires("EU-004")]
    public void Evaluate_EuSuicidalIdeationPathway_FiresEu004PsychiatricEmergency()
    {
        var f = AssertFires("EU-004", Suicidal(Suicidality.ActiveIdeation) with { Jurisdiction = Jurisdiction.Eu });
        // A high caution from the independent review (B2): never "nothing calls for caution" beside an unasked criterion.
        Assert.Equal((FindingKind.Caution, Severity.High), (f.Kind, f.Severity));
        Assert.Contains("psychiatric emergency", f.Summary, StringComparison.Ordinal);
        Assert.Contains("psychiatrist's judgement", f.Summary, StringComparison.Ordinal);
        Assert.Equal(["SPRAVATO-SMPC-EU"], f.Sources);
    }

    [Fact, Fires("EU-004")]
    public void Evaluate_EuSuicidalIdeationPathway_Eu004SaysThePathwayIsApplicableNeverThatTheScreeningOpensIt()
    {
        // 1.23.0 (psychiatrist QA of 1.22.0, F2; docs/clinical-review.md, section 35); 1.22.0 said "the screening opens this pathway".
        var h = Suicidal(Suicidality.ActiveIdeation) with { Jurisdiction = Jurisdiction.Eu };
        var f = AssertFires("EU-004", h);
        Assert.Contains("The screening finds this pathway applicable on the recorded ideation or behaviour, subject to the contraindications and requirements;", f.Detail, StringComparison.Ordinal);
        Assert.Equal("EU jurisdiction and the suicidal-ideation pathway is applicable (SUI-001).", RuleSet["EU-004"].ConditionText);
        Assert.DoesNotMatch(@"\bopens?\b|\bapplies\b", f.Summary + " " + f.Detail + " " + RuleSet["EU-004"].ConditionText);
        Assert.Contains("The screening opens this pathway", ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_22_0).Findings.Single(x => x.RuleId == "EU-004").Detail, StringComparison.Ordinal);
    }

    [Fact, Fires("EU-004")]
    public void Evaluate_EuPassiveIdeationWithAbortedAttempt_FiresEu004() =>
        AssertFires("EU-004", PassiveWithAbortedAttempt() with { Jurisdiction = Jurisdiction.Eu });

    [Fact, Edge("EU-004")]
    public void Evaluate_UsSuicidalIdeationPathway_DoesNotFireEu004() =>
        AssertDoesNotFire("EU-004", Suicidal(Suicidality.ActiveIdeation));

    [Fact, Edge("EU-004")]
    public void Evaluate_EuTrdWithoutSuicidality_DoesNotFireEu004() =>
        AssertDoesNotFire("EU-004", Trd() with { Jurisdiction = Jurisdiction.Eu });

    [Fact]
    public void Evaluate_EuSuicidalIdeationPathway_Eu004AddsNoPreconditionButMarksTheResult()
    {
        // No precondition: whether the episode is a psychiatric emergency is an open question for the clinical lead. But
        // the pathway is open with cautions, not plainly eligible, while the psychiatrist has not judged it (B2).
        var h = Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, SuicidalIntent = false };
        var assessment = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(PathwayStatus.EligibleWithCautions, assessment.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Equal(Verdict.EligibleWithCautions, assessment.Overall);
        // Under the US label EU-004 is silent; from 1.9.0 the recorded suicidality is a caution of its own (SUI-014).
        var us = ScreeningEngine.Evaluate(h with { Jurisdiction = Jurisdiction.Us }, RuleSet);
        Assert.DoesNotContain(us.Findings, f => f.RuleId == "EU-004");
        Assert.Equal(["SUI-014"], us.Findings.Where(f => f.Kind == FindingKind.Caution).Select(f => f.RuleId));
    }

    [Theory, Fires("EU-005")]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(null)]
    public void Evaluate_EuTrdWithoutAPhq9TotalOfTenOrMore_FiresEu005MarkingOnlyTheEsketamineTrdPathway(int? phq9Total)
    {
        // QA148 F4: the EU indication names a moderate to severe episode; EU, PHQ-9 total 3 read plainly eligible.
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri, Phq9Total = phq9Total, Phq9Item9 = phq9Total is null ? null : 0 };
        var f = AssertFires("EU-005", h);
        Assert.Equal((FindingKind.Caution, Severity.Moderate), (f.Kind, f.Severity));
        Assert.Equal(["SPRAVATO-SMPC-EU", "PHQ-9"], f.Sources);
        var a = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.Eligible, a.For(Pathway.KetamineOffLabelTrd).Status);
    }

    [Fact, Edge("EU-005")]
    public void Evaluate_EuTrdWithPhq9TotalOfTenOrUsTrdWithThree_DoesNotFireEu005()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri, Phq9Total = 10, Phq9Item9 = 0 };
        AssertDoesNotFire("EU-005", h);
        Assert.Equal(PathwayStatus.Eligible, ScreeningEngine.Evaluate(h, RuleSet).For(Pathway.EsketamineTrd).Status);
        AssertDoesNotFire("EU-005", h with { Jurisdiction = Jurisdiction.Us, Phq9Total = 3 });
    }
}
