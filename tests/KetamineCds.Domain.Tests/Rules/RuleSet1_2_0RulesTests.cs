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
public class RuleSet1_2_0RulesTests : RuleTestBase
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
    [Fires("SUI-001"), Edge("SUI-001")]
    [Fires("SUI-002"), Edge("SUI-002")]
    [Fires("SUI-008"), Edge("SUI-008")]
    [Fires("REC-002"), Edge("REC-002")]
    [Fires("REMS-001"), Edge("REMS-001")]
    [Fires("REMS-002"), Edge("REMS-002")]
    [Fires("REMS-003"), Edge("REMS-003")]
    [Fires("REMS-004"), Edge("REMS-004")]
    [Fires("BIO-001"), Edge("BIO-001")]
    [Fires("CV-004"), Edge("CV-004")]
    [Fires("HEP-003"), Edge("HEP-003")]
    [Fires("MED-005"), Edge("MED-005")]
    [Fires("SAF-001"), Edge("SAF-001")]
    [Fires("SUB-003"), Edge("SUB-003")]
    [Fires("NAL-001"), Edge("NAL-001")]
    [Fires("COG-001"), Edge("COG-001")]
    [Fires("BIP-004"), Edge("BIP-004")]
    [Fires("SCR-001"), Edge("SCR-001")]
    [Fires("URO-001"), Edge("URO-001")]
    [InlineData("SUI-001")]
    [InlineData("SUI-002")]
    [InlineData("SUI-008")]
    [InlineData("REC-002")]
    [InlineData("REMS-001")]
    [InlineData("REMS-002")]
    [InlineData("REMS-003")]
    [InlineData("REMS-004")]
    [InlineData("BIO-001")]
    [InlineData("CV-004")]
    [InlineData("HEP-003")]
    [InlineData("MED-005")]
    [InlineData("SAF-001")]
    [InlineData("SUB-003")]
    [InlineData("NAL-001")]
    [InlineData("COG-001")]
    [InlineData("BIP-004")]
    [InlineData("SCR-001")]
    [InlineData("URO-001")]
    public void Evaluate_RuleThatRuleSet1_5_0Replaced_FiresAndNotAtItsEdge(string ruleId)
    {
        // Rule set 1.5.0 (docs/clinical-review.md, section 13) replaced these; 1.2.0 keeps them as they were. For the rules
        // that read the suicidal-ideation indication, the edge is the audit's C2 history: not indicated here.
        var (fires, edge) = ReplacedIn1_5_0.For(ruleId);
        AssertFires(ruleId, fires);
        AssertDoesNotFire(ruleId, edge);
    }
}
