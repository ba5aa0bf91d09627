using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Rule set 1.1.0 stays replayable, so the rules it had that 1.2.0 replaced keep their tests, evaluated with 1.1.0
/// explicitly. Several fires here are exactly what 1.2.0 corrected: a care item not recorded and a positive PHQ-9 item 9
/// with "no suicidality" were requirements, which never change a status, so the result could read plainly eligible; the
/// topic classes show the 1.2.0 answer (a caution) for the same patients.
/// </summary>
public class RuleSet1_1_0RulesTests : ReplacedIn1_5_0RulesTests
{
    public override RuleSet RuleSet => RuleSetCatalog.V1_1_0;

    /// <summary>TRD with every blocking safety item and every care item recorded absent, blood pressure 120/80.</summary>
    private static PatientHistory CheckedTrd() => Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded();

    [Fact, Fires("CV-004")]
    public void Evaluate_TrdWithBloodPressureNotRecorded_FiresCv004AsARequirementAndStaysEligible()
    {
        var h = CheckedTrd() with { SystolicBp = null, DiastolicBp = null };
        var f = AssertFires("CV-004", h);
        AssertBecause(f, "systolicBp", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Requirement, f.Kind);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSet).Overall);
    }

    [Fact, Edge("CV-004")]
    public void Evaluate_TrdWithBloodPressureRecorded_DoesNotFireCv004() =>
        AssertDoesNotFire("CV-004", Trd() with { SystolicBp = 120, DiastolicBp = 80 });

    [Fact, Fires("HEP-003")]
    public void Evaluate_TrdWithHepaticStatusNotRecorded_FiresHep003AsARequirement()
    {
        var f = AssertFires("HEP-003", Trd() with { HepaticImpairment = null });
        AssertBecause(f, "hepaticImpairment", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Requirement, f.Kind);
    }

    [Fact, Edge("HEP-003")]
    public void Evaluate_TrdWithNoHepaticImpairmentRecorded_DoesNotFireHep003() =>
        AssertDoesNotFire("HEP-003", Trd() with { HepaticImpairment = HepaticImpairment.None });

    [Fact, Fires("MED-005")]
    public void Evaluate_TrdWithOtherCnsDepressantsNotRecorded_FiresMed005AsARequirement()
    {
        var f = AssertFires("MED-005", CheckedTrd() with { OtherCnsDepressants = null });
        Assert.Equal([new Evidence("otherCnsDepressants", WireNames.NotRecorded)], f.Because.Where(e => e.Value == WireNames.NotRecorded));
        Assert.Equal(FindingKind.Requirement, f.Kind);
    }

    [Fact, Edge("MED-005")]
    public void Evaluate_TrdWithEveryMedicineRecorded_DoesNotFireMed005() => AssertDoesNotFire("MED-005", CheckedTrd());

    [Fact, Fires("SAF-001")]
    public void Evaluate_TrdWithRespiratoryHistoryNotRecorded_FiresSaf001AsARequirement()
    {
        var f = AssertFires("SAF-001", CheckedTrd() with { RespiratoryDiseaseOrSleepApnea = null });
        AssertBecause(f, "respiratoryDiseaseOrSleepApnea", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Requirement, f.Kind);
    }

    [Fact, Edge("SAF-001")]
    public void Evaluate_ManWithBreastfeedingNotRecorded_DoesNotFireSaf001() =>
        AssertDoesNotFire("SAF-001", CheckedTrd() with { SexAtBirth = SexAtBirth.Male, Breastfeeding = null });

    [Fact, Fires("SUB-004")]
    public void Evaluate_SubstanceUseInRemissionWithSubstancesNotRecorded_FiresSub004AsARequirement()
    {
        var f = AssertFires("SUB-004", Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = null });
        AssertBecause(f, "substancesUsed", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Requirement, f.Kind);
    }

    [Fact, Edge("SUB-004")]
    public void Evaluate_SubstanceUseInRemissionWithSubstancesRecorded_DoesNotFireSub004() =>
        AssertDoesNotFire("SUB-004", Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Cannabis]) });

    /// <summary>The fire 1.2.0 corrected: with "no suicidality" recorded, a positive item 9 left TRD plainly eligible.</summary>
    [Fact, Fires("SUI-008")]
    public void Evaluate_TrdWithItem9OfThreeWithoutRecordedSuicidality_FiresSui008AsAModerateRequirementAndStaysEligible()
    {
        var h = CheckedTrd() with { Phq9Item9 = 3 };
        var f = AssertFires("SUI-008", h);
        AssertBecause(f, "phq9Item9", "3");
        Assert.Equal(FindingKind.Requirement, f.Kind);
        Assert.Equal(Severity.Moderate, f.Severity);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSet).Overall);
    }

    [Fact, Edge("SUI-008")]
    public void Evaluate_Item9OfZero_DoesNotFireSui008() => AssertDoesNotFire("SUI-008", Adult() with { Phq9Item9 = 0 });

    [Fact, Fires("SUB-001")]
    public void Evaluate_ActiveSubstanceUseDisorder_FiresSub001SayingTheAlcoholTrialExcludedActiveUse()
    {
        var h = Trd() with { SubstanceUse = SubstanceUse.Active };
        var f = AssertFires("SUB-001", h);
        Assert.Equal(FindingKind.Contraindication, f.Kind);
        Assert.Contains("alcohol use disorder excluded active use", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Citations.Yoon2019, f.Sources);
        Assert.Equal(PathwayStatus.NotEligible, ScreeningEngine.Evaluate(h, RuleSet).For(Pathway.EsketamineTrd).Status);
    }

    [Fact, Edge("SUB-001")]
    public void Evaluate_SubstanceUseInRemission_DoesNotFireSub001() => AssertDoesNotFire("SUB-001", Trd() with { SubstanceUse = SubstanceUse.InRemission });

    [Fact, Fires("PAL-001")]
    public void Evaluate_PrognosisOf8Weeks_FiresPal001WithoutSayingThePathwayIsOffLabel()
    {
        var f = AssertFires("PAL-001", Palliative(8));
        AssertBecause(f, "prognosisWeeks", "8");
        Assert.DoesNotContain("off-label", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("PAL-001")]
    public void Evaluate_PrognosisOf9Weeks_DoesNotFirePal001() => AssertDoesNotFire("PAL-001", Palliative(9));

    [Fact, Fires("MED-001")]
    public void Evaluate_HalfMilligramDiazepamEquivalent_FiresMed001() =>
        AssertBecause(AssertFires("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m }), "benzodiazepineDiazepamEquivalentMg", "0.5");

    [Fact, Edge("MED-001")]
    public void Evaluate_ZeroBenzodiazepine_DoesNotFireMed001() => AssertDoesNotFire("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m });

    [Theory, Fires("EU-002")]
    [InlineData(null)]
    [InlineData(OralAntidepressantClass.Other)]
    public void Evaluate_EuTrdOnAntidepressantNotRecordedAsSsriOrSnri_FiresEu002AsAModerateRequirement(OralAntidepressantClass? antidepressantClass)
    {
        var f = AssertFires("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass });
        Assert.Equal(FindingKind.Requirement, f.Kind);
        Assert.Equal(Severity.Moderate, f.Severity);
    }

    [Fact, Edge("EU-002")]
    public void Evaluate_EuTrdOnSnri_DoesNotFireEu002() =>
        AssertDoesNotFire("EU-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = OralAntidepressantClass.Snri });

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
    [InlineData("KET-002")]
    public void Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge(string ruleId) =>
        AssertRuleReplaced1_16_0(ruleId, nameof(Evaluate_RuleThatRuleSet1_16_0Replaced_FiresAndNotAtItsEdge));
}
