using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class CardiovascularRulesTests : RuleTestBase
{
    [Fact, Fires("CV-001")]
    public void Evaluate_SeriousCardiovascularCondition_FiresCv001() =>
        AssertFires("CV-001", Trd() with { SeriousCardiovascularOrCerebrovascularCondition = true });

    [Fact, Edge("CV-001")]
    public void Evaluate_NoSeriousCardiovascularCondition_DoesNotFireCv001() =>
        AssertDoesNotFire("CV-001", Trd() with { SeriousCardiovascularOrCerebrovascularCondition = false });

    [Fact, Fires("CV-002")]
    public void Evaluate_BloodPressure141Over90_FiresCv002()
    {
        var f = AssertFires("CV-002", Trd() with { SystolicBp = 141, DiastolicBp = 90 });
        AssertBecause(f, "systolicBp", "141");
    }

    [Fact, Fires("CV-002")]
    public void Evaluate_BloodPressure140Over91_FiresCv002()
    {
        var f = AssertFires("CV-002", Trd() with { SystolicBp = 140, DiastolicBp = 91 });
        AssertBecause(f, "diastolicBp", "91");
    }

    [Fact, Edge("CV-002")]
    public void Evaluate_BloodPressure140Over90_DoesNotFireCv002() => AssertDoesNotFire("CV-002", Trd() with { SystolicBp = 140, DiastolicBp = 90 });

    [Theory, Fires("CV-002"), Edge("CV-003")]
    [InlineData(179, 109)]
    [InlineData(179, 80)]
    [InlineData(120, 109)]
    public void Evaluate_BloodPressureJustBelow180Over110_FiresCv002AndNotCv003(int systolic, int diastolic)
    {
        var h = Trd() with { SystolicBp = systolic, DiastolicBp = diastolic };
        AssertFires("CV-002", h);
        AssertDoesNotFire("CV-003", h);
    }

    [Theory, Edge("CV-002"), Fires("CV-003")]
    [InlineData(180, 100)]
    [InlineData(170, 110)]
    [InlineData(184, 112)]
    public void Evaluate_BloodPressureAt180Or110_FiresOnlyCv003(int systolic, int diastolic)
    {
        // From 1.4.0 one reading gives one instruction: CV-003 defers the session, CV-002's "weigh delaying" is not added
        // (docs/clinical-review.md, section 11).
        var h = Trd() with { SystolicBp = systolic, DiastolicBp = diastolic };
        AssertDoesNotFire("CV-002", h);
        AssertFires("CV-003", h);
    }

    [Fact, Edge("CV-002")]
    public void Evaluate_BloodPressureNotRecorded_DoesNotFireCv002() => AssertDoesNotFire("CV-002", Trd() with { SystolicBp = null, DiastolicBp = null });

    [Theory, Fires("CV-003")]
    [InlineData(180, 100)]
    [InlineData(170, 110)]
    public void Evaluate_BloodPressureAt180Or110_FiresCv003AndDefersTheSession(int systolic, int diastolic)
    {
        var h = (Trd() with { SystolicBp = systolic, DiastolicBp = diastolic }).WithSafetyItemsRecordedAbsent();
        var f = AssertFires("CV-003", h);
        Assert.Equal(FindingKind.Contraindication, f.Kind);
        Assert.Equal(Verdict.NotEligibleNow, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Edge("CV-003")]
    public void Evaluate_BloodPressure179Over109_DoesNotFireCv003ButCautions()
    {
        var h = (Trd() with { SystolicBp = 179, DiastolicBp = 109 }).WithSafetyItemsRecordedAbsent();
        AssertDoesNotFire("CV-003", h);
        Assert.Equal(Verdict.EligibleWithCautions, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Fires("CV-004")]
    public void Evaluate_TrdWithBloodPressureNotRecorded_FiresCv004()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { SystolicBp = null, DiastolicBp = null };
        var f = AssertFires("CV-004", h);
        AssertBecause(f, "systolicBp", WireNames.NotRecorded);
        // From 1.2.0 a caution: with blood pressure unknown the result never reads plainly eligible.
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Verdict.EligibleWithCautions, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Edge("CV-004")]
    public void Evaluate_TrdWithBloodPressureRecorded_DoesNotFireCv004() =>
        AssertDoesNotFire("CV-004", Trd() with { SystolicBp = 120, DiastolicBp = 80 });

    [Fact, Edge("CV-004")]
    public void Evaluate_NoPathwayIndicatedAndBloodPressureNotRecorded_DoesNotFireCv004() =>
        AssertDoesNotFire("CV-004", Adult() with { SystolicBp = null, DiastolicBp = null, LifeLimitingIllness = false });

    [Fact, Fires("CV-004")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_FiresCV004()
    {
        // From 1.16.0 (docs/clinical-review.md, section 26): MDD in an episode, one failed trial, the life-limiting illness not
        // recorded: the palliative pathway cannot yet be ruled out, and what it needs is listed while it waits. Not in 1.15.0.
        var h = Adult() with { SystolicBp = null, DiastolicBp = null };
        var finding = AssertFires("CV-004", h);
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), finding.Because);
        Assert.Null(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings.FirstOrDefault(f => f.RuleId == "CV-004"));
    }


    [Fact, Fires("CV-005")]
    public void Evaluate_HypertensiveEncephalopathyHistory_FiresCv005AsACautionThatMarksTheOpenPathways()
    {
        // From 1.9.0 a caution (QA148 F3): recorded, it read plainly eligible, while the question unanswered read "with cautions".
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { HypertensiveEncephalopathyHistory = true };
        var f = AssertFires("CV-005", h);
        AssertBecause(f, "hypertensiveEncephalopathyHistory", "true");
        Assert.Equal((FindingKind.Caution, Severity.Moderate), (f.Kind, f.Severity));
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineTrd).Status);
    }

    [Fact, Edge("CV-005")]
    public void Evaluate_NoHypertensiveEncephalopathyHistory_DoesNotFireCv005() =>
        AssertDoesNotFire("CV-005", Trd() with { HypertensiveEncephalopathyHistory = false });

    [Fact, Fires("CV-006")]
    public void Evaluate_MyocardialInfarctionWithinSixWeeks_FiresCv006AndBlocks()
    {
        var h = Trd() with { RecentMyocardialInfarctionOrStroke = true };
        Assert.Equal(FindingKind.Contraindication, AssertFires("CV-006", h).Kind);
        Assert.Equal(Verdict.NotEligibleNow, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Edge("CV-006")]
    public void Evaluate_NoRecentMyocardialInfarctionOrStroke_DoesNotFireCv006() =>
        AssertDoesNotFire("CV-006", Trd() with { RecentMyocardialInfarctionOrStroke = false });

    [Fact, Fires("CV-007")]
    public void Evaluate_SleepApnoea_FiresCv007() =>
        AssertBecause(AssertFires("CV-007", Trd() with { RespiratoryDiseaseOrSleepApnea = true }), "respiratoryDiseaseOrSleepApnea", "true");

    [Fact, Edge("CV-007")]
    public void Evaluate_NoRespiratoryDisease_DoesNotFireCv007() => AssertDoesNotFire("CV-007", Trd() with { RespiratoryDiseaseOrSleepApnea = false });

    [Fact, Fires("CV-008")]
    public void Evaluate_OtherCardiovascularDisease_FiresCv008AndCallsForCaution()
    {
        // The QA case: a stroke 2 months ago answers "no" to a serious condition and to an event within 6 weeks.
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { OtherCardiovascularOrCerebrovascularDisease = true };
        var f = AssertFires("CV-008", h);
        AssertBecause(f, "otherCardiovascularOrCerebrovascularDisease", "true");
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Severity.Moderate, f.Severity);
        Assert.Equal(Verdict.EligibleWithCautions, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Edge("CV-008")]
    public void Evaluate_NoOtherCardiovascularDisease_DoesNotFireCv008AndReadsPlainlyEligible()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { OtherCardiovascularOrCerebrovascularDisease = false };
        AssertDoesNotFire("CV-008", h);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Edge("CV-008")]
    public void Evaluate_OtherCardiovascularDiseaseNotRecorded_DoesNotFireCv008ButSaf001()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { OtherCardiovascularOrCerebrovascularDisease = null };
        AssertDoesNotFire("CV-008", h);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Contains(a.Findings, f => f.RuleId == "SAF-001" && f.Because.Contains(new Evidence("otherCardiovascularOrCerebrovascularDisease", WireNames.NotRecorded)));
        Assert.Equal(Verdict.EligibleWithCautions, a.Overall);
    }

    [Fact, Fires("CV-004")]
    public void Evaluate_SuicidalPathwayNotYetRuledOut_FiresCv004()
    {
        // From 1.14.0 (QA184 F3): listed while the suicidal-ideation pathway cannot yet be ruled out, as for an indicated one.
        var finding = AssertFires("CV-004", SuicidalPathwayNotRuledOut());
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), finding.Because);
    }
}
