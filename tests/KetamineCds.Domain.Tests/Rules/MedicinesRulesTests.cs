using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class MedicinesRulesTests : RuleTestBase
{
    [Fact, Fires("MED-001")]
    public void Evaluate_HalfMilligramDiazepamEquivalent_FiresMed001()
    {
        var f = AssertFires("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m });
        AssertBecause(f, "benzodiazepineDiazepamEquivalentMg", "0.5");
    }

    [Fact, Edge("MED-001")]
    public void Evaluate_ZeroBenzodiazepine_DoesNotFireMed001() => AssertDoesNotFire("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m });

    [Fact]
    public void Med001_Detail_StatesNoDoseEffectWithoutASource()
    {
        // 1.2.0's MED-001 said higher doses may blunt the effect, citing "not yet a cited source"; from 1.3.0 that is MED-006, with its sources.
        var rule = RuleSet.Find("MED-001")!;
        Assert.DoesNotContain("not yet a cited source", rule.Detail, StringComparison.Ordinal);
        Assert.Contains("MED-006", rule.Detail, StringComparison.Ordinal);
    }

    [Fact, Fires("MED-001")]
    public void Evaluate_BenzodiazepineInAnEuBipolarScreening_Med001AsksForTheMonitoringRecordAndNamesTheRemsFormAsUsEsketamines()
    {
        // Question F of docs/clinical-review.md, section 24 (rule set 1.18.0): MED-001 said "record it on the REMS monitoring
        // form" here too, where only the racemic ketamine bipolar pathway is open and the EU has no REMS.
        var f = AssertFires("MED-001", BipolarDepression() with { Jurisdiction = Jurisdiction.Eu, BenzodiazepineDiazepamEquivalentMg = 2m });
        Assert.Equal(
            "Benzodiazepine co-medication: more sedation; monitor closely and record it (REMS form for US esketamine).",
            f.Summary);
        Assert.Contains("for esketamine in the US the SPRAVATO REMS Patient Monitoring Form asks about them, and this app asks that they be noted in the monitoring record in every setting", f.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MED-001")]
    [InlineData("MED-004")]
    [InlineData("MED-005")]
    public void RuleTexts_TheRemsMonitoringForm_IsNamedOnlyAsTheOneForEsketamineInTheUs(string id)
    {
        // Question F of section 24: "the REMS monitoring form", unqualified, presumed a form in every screening.
        var rule = RuleSet.Find(id)!;
        var text = rule.Summary + " " + rule.Detail;
        Assert.DoesNotContain("the REMS monitoring form", text, StringComparison.Ordinal);
        Assert.Contains("for esketamine in the US", text, StringComparison.Ordinal);
        Assert.Contains("REMS Patient Monitoring Form", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Med005_Detail_SaysTheRemsFormAsksForTheSedatingAndBloodPressureRaisingMedicinesNotNaltrexone()
    {
        // Section 30: the fact base's form lists sedating medicines, opioids, psychostimulants and MAOIs, not naltrexone;
        // 1.17.0's detail said the form "asks for these medicines", naltrexone among them.
        Assert.Contains("also asks for the sedating and blood-pressure-raising ones", RuleSet.Find("MED-005")!.Detail, StringComparison.Ordinal);
    }

    // 1.27.0 (QA293; docs/clinical-review.md, section 39): the fact base gives no route for the 2020 cohort (To verify 18).
    [Fact, Fires("MED-006")]
    public void Evaluate_BenzodiazepineAbove8Mg_Med006SaysOnlyWhatTheFactBaseGivesOfTheStudies()
    {
        var f = AssertFires("MED-006", Trd() with { BenzodiazepineDiazepamEquivalentMg = 10m });
        Assert.DoesNotContain("Neither study used esketamine", f.Detail, StringComparison.Ordinal);
        Assert.Contains("The RAPID analysis was of intravenous ketamine; the form and route of ketamine in the 2020 cohort are not yet confirmed (see To verify on the Rules page).", f.Detail, StringComparison.Ordinal);
        Assert.Contains(KetamineCds.Domain.Principles.UnconfirmedFacts.All, k => k.Number == 18 && k.RuleIds.Contains("MED-006"));
    }

    [Theory, Fires("MED-006")]
    [InlineData("8.5")]
    [InlineData("20")]
    public void Evaluate_BenzodiazepineAbove8Mg_FiresMed006AsAHighCautionWithItsStudies(string dose)
    {
        var f = AssertFires("MED-006", Trd() with { BenzodiazepineDiazepamEquivalentMg = decimal.Parse(dose, System.Globalization.CultureInfo.InvariantCulture) });
        AssertBecause(f, "benzodiazepineDiazepamEquivalentMg", dose);
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Severity.High, f.Severity);
        Assert.Equal(["FRONT-PSYCHIATRY-2020-BZD", "FEENEY-2023"], f.Sources);
    }

    [Theory, Edge("MED-006")]
    [InlineData("8")]
    [InlineData("0.5")]
    public void Evaluate_BenzodiazepineAtMost8Mg_DoesNotFireMed006ButMed001(string dose)
    {
        var h = Trd() with { BenzodiazepineDiazepamEquivalentMg = decimal.Parse(dose, System.Globalization.CultureInfo.InvariantCulture) };
        AssertDoesNotFire("MED-006", h);
        Assert.Contains(ScreeningEngine.Evaluate(h, RuleSet).Findings, f => f.RuleId == "MED-001");
    }

    [Fact, Fires("MED-002")]
    public void Evaluate_OnOpioids_FiresMed002() => AssertFires("MED-002", Trd() with { OnOpioids = true });

    [Fact, Edge("MED-002")]
    public void Evaluate_NotOnOpioids_DoesNotFireMed002() => AssertDoesNotFire("MED-002", Trd() with { OnOpioids = false });

    [Fact, Fires("MED-003")]
    public void Evaluate_OnPsychostimulantOrMaoi_FiresMed003() => AssertFires("MED-003", Trd() with { OnPsychostimulantOrMaoi = true });

    [Fact, Edge("MED-003")]
    public void Evaluate_NotOnPsychostimulantOrMaoi_DoesNotFireMed003() => AssertDoesNotFire("MED-003", Trd() with { OnPsychostimulantOrMaoi = false });

    [Fact, Fires("MED-004")]
    public void Evaluate_OtherCnsDepressants_FiresMed004() =>
        AssertBecause(AssertFires("MED-004", Trd() with { OtherCnsDepressants = true }), "otherCnsDepressants", "true");

    [Fact, Edge("MED-004")]
    public void Evaluate_NoOtherCnsDepressants_DoesNotFireMed004() => AssertDoesNotFire("MED-004", Trd() with { OtherCnsDepressants = false });

    [Fact, Fires("MED-005")]
    public void Evaluate_TrdWithOtherCnsDepressantsNotRecorded_FiresMed005NamingOnlyThem()
    {
        var f = AssertFires("MED-005", MedicinesRecorded() with { OtherCnsDepressants = null, LifeLimitingIllness = false });
        Assert.Equal([new Evidence("otherCnsDepressants", WireNames.NotRecorded)], f.Because.Where(e => e.Value == WireNames.NotRecorded));
        Assert.Equal(FindingKind.Caution, f.Kind);
    }

    [Fact, Edge("MED-005")]
    public void Evaluate_TrdWithEveryMedicineRecorded_DoesNotFireMed005() => AssertDoesNotFire("MED-005", MedicinesRecorded());

    [Fact, Edge("MED-005")]
    public void Evaluate_NoPathwayIndicatedWithMedicinesNotRecorded_DoesNotFireMed005() => AssertDoesNotFire("MED-005", Adult() with { LifeLimitingIllness = false });

    [Fact, Fires("MED-005")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_FiresMED005()
    {
        // From 1.16.0 (docs/clinical-review.md, section 26): MDD in an episode, one failed trial, the life-limiting illness not
        // recorded: the palliative pathway cannot yet be ruled out, and what it needs is listed while it waits. Not in 1.15.0.
        var h = Adult();
        var finding = AssertFires("MED-005", h);
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), finding.Because);
        Assert.Null(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings.FirstOrDefault(f => f.RuleId == "MED-005"));
    }


    [Fact, Fires("MED-005")]
    public void Evaluate_SuicidalPathwayNotYetRuledOut_FiresMed005()
    {
        // From 1.14.0 (QA184 F3): listed while the suicidal-ideation pathway cannot yet be ruled out, as for an indicated one.
        var finding = AssertFires("MED-005", SuicidalPathwayNotRuledOut());
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), finding.Because);
    }
}
