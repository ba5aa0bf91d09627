using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.2.0 stays replayable, so the rules it had that 1.3.0 replaced keep their tests, evaluated with 1.2.0
/// explicitly. Two fires here are what 1.3.0 corrected (docs/clinical-review.md, section 9): under the EU label an oral
/// antidepressant of another class was a moderate requirement, so the result could read plainly eligible; and other
/// cardiovascular or cerebrovascular disease was not asked at all.
/// </summary>
public class RuleSet1_2_0RulesTests : ReplacedIn1_5_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_2_0;

    private static PatientHistory CheckedTrd() => Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded();

    [Theory, Fires("EU-002")]
    [InlineData(null)]
    [InlineData(OralAntidepressantClass.Other)]
    public void Evaluate_EuTrdOnAntidepressantNotRecordedAsSsriOrSnri_FiresEu002AsAModerateRequirementAndStaysEligible(OralAntidepressantClass? antidepressantClass)
    {
        var h = CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass };
        var f = AssertFires("EU-002", h);
        Assert.Equal(FindingKind.Requirement, f.Kind);
        Assert.Equal(Severity.Moderate, f.Severity);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSet).Overall);
    }

    [Theory, Edge("EU-002")]
    [InlineData(OralAntidepressantClass.Ssri)]
    [InlineData(OralAntidepressantClass.Snri)]
    public void Evaluate_EuTrdOnSsriOrSnri_DoesNotFireEu002(OralAntidepressantClass antidepressantClass) =>
        AssertDoesNotFire("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass });

    [Fact, Fires("MED-001")]
    public void Evaluate_HalfMilligramDiazepamEquivalent_FiresMed001WithItsUnsourcedDoseSentence()
    {
        var f = AssertFires("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m });
        Assert.Contains("not yet a cited source", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("MED-001")]
    public void Evaluate_ZeroBenzodiazepine_DoesNotFireMed001() => AssertDoesNotFire("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m });

    [Fact, Fires("SAF-001")]
    public void Evaluate_TrdWithRespiratoryHistoryNotRecorded_FiresSaf001AsACaution()
    {
        var f = AssertFires("SAF-001", CheckedTrd() with { RespiratoryDiseaseOrSleepApnea = null });
        AssertBecause(f, "respiratoryDiseaseOrSleepApnea", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Caution, f.Kind);
    }

    [Fact, Edge("SAF-001")]
    public void Evaluate_OtherCardiovascularDiseaseNotRecorded_DoesNotFireSaf001AndReadsPlainlyEligible()
    {
        // 1.2.0 never asked about other cardiovascular or cerebrovascular disease.
        var h = CheckedTrd() with { OtherCardiovascularOrCerebrovascularDisease = null };
        AssertDoesNotFire("SAF-001", h);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSet).Overall);
    }

    [Fact, Fires("SUI-013")]
    public void Evaluate_PassiveIdeationWithoutASafetyPlan_FiresSui013SayingDoNotTreatAsACaution()
    {
        // 1.2.0's wording against its kind: "do not treat until" on a caution that leaves the pathway open.
        var f = AssertFires("SUI-013", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = null });
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Contains("do not treat until", f.Summary, StringComparison.Ordinal);
    }

    [Fact, Edge("SUI-013")]
    public void Evaluate_NoSuicidalityAndNoSafetyNet_DoesNotFireSui013() =>
        AssertDoesNotFire("SUI-013", Trd() with { SafetyPlanInPlace = false, LethalMeansCounselled = false, FollowUpArranged = false });

    [Fact, Fires("EU-001")]
    public void Evaluate_EuTrdWithoutOralAntidepressant_FiresEu001AsAHighRequirement() =>
        Assert.Equal(FindingKind.Requirement, AssertFires("EU-001", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false }).Kind);

    [Fact, Edge("EU-001")]
    public void Evaluate_UsTrdWithoutOralAntidepressant_DoesNotFireEu001() =>
        AssertDoesNotFire("EU-001", Trd() with { Jurisdiction = Jurisdiction.Us, OnOralAntidepressant = false });

    [Fact, Fires("SUI-002")]
    public void Evaluate_SuicidalMddWithoutOralAntidepressant_FiresSui002AsARequirement() =>
        Assert.Equal(FindingKind.Requirement, AssertFires("SUI-002", Suicidal() with { OnOralAntidepressant = false }).Kind);

    [Fact, Edge("SUI-002")]
    public void Evaluate_SuicidalMddOnOralAntidepressant_DoesNotFireSui002() =>
        AssertDoesNotFire("SUI-002", Suicidal() with { OnOralAntidepressant = true });

    [Fact, Fires("CV-002"), Fires("CV-003")]
    public void Evaluate_BloodPressure184Over112_FiresCv002BesideCv003()
    {
        // What 1.4.0 corrected (docs/clinical-review.md, section 11): two instructions for one reading.
        var h = Trd() with { SystolicBp = 184, DiastolicBp = 112 };
        AssertBecause(AssertFires("CV-002", h), "systolicBp", "184");
        AssertFires("CV-003", h);
    }

    [Fact, Edge("CV-002")]
    public void Evaluate_BloodPressure140Over90_DoesNotFireCv002() => AssertDoesNotFire("CV-002", Trd() with { SystolicBp = 140, DiastolicBp = 90 });

    [Theory]
    [Fires("KET-002"), Edge("KET-002")]
    [Fires("PAL-001"), Edge("PAL-001")]
    [InlineData("KET-002")]
    [InlineData("PAL-001")]
    public void Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplaced1_16_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge));
}
