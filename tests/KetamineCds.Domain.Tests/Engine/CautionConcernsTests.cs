using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// Rule set 1.7.0 (QA108 F2; label-and-literature.md D1, R03, R04): a caution that is one indication's label condition
/// marks only that pathway. Before, the EU's SSRI or SNRI for esketamine for TRD marked the off-label ketamine and
/// palliative rows too (where PAL-001 says a conventional antidepressant may act too late), and the oral antidepressant of
/// the suicidal-ideation indication marked the TRD rows (where TRD-004 says US monotherapy is on-label). Earlier rule
/// sets replay as they were decided.
/// </summary>
public sealed class CautionConcernsTests
{
    /// <summary>QA108-91: EU, TRD, no oral antidepressant, and a life-limiting illness with 4 weeks' prognosis.</summary>
    private static PatientHistory EuTrdAndPalliativeWithoutAntidepressant() =>
        (Histories.Trd() with
        {
            Jurisdiction = Jurisdiction.Eu,
            OnOralAntidepressant = false,
            LifeLimitingIllness = true,
            PrognosisWeeks = 4,
        }).WithEveryItemRecorded();

    /// <summary>QA108-98: US, TRD and active suicidal ideation with the whole safety net, no oral antidepressant.</summary>
    private static PatientHistory UsTrdAndActiveIdeationWithoutAntidepressant() =>
        (Histories.Trd() with
        {
            OnOralAntidepressant = false,
            Suicidality = Suicidality.ActiveIdeation,
            SafetyPlanInPlace = true,
            LethalMeansCounselled = true,
            FollowUpArranged = true,
        }).WithEveryItemRecorded();

    [Fact]
    public void Evaluate_EuSsriOrSnriForEsketamineTrd_MarksOnlyTheEsketamineTrdPathway()
    {
        var a = ScreeningEngine.Evaluate(EuTrdAndPalliativeWithoutAntidepressant(), RuleSetCatalog.V1_7_0);

        Assert.Contains(a.Findings, f => f.RuleId == "EU-001");
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.EsketamineTrd).Status);
        Assert.Contains("EU-001", a.For(Pathway.EsketamineTrd).RuleIds);
        foreach (var other in new[] { Pathway.KetamineOffLabelTrd, Pathway.PalliativeRapidActing })
        {
            Assert.Equal(PathwayStatus.Eligible, a.For(other).Status);
            Assert.DoesNotContain("EU-001", a.For(other).RuleIds);
        }

        // The overall verdict still counts every caution fired: the safer reading.
        Assert.Equal(Verdict.EligibleWithCautions, a.Overall);
    }

    [Fact]
    public void Evaluate_OralAntidepressantOfTheSuicidalIdeationIndication_MarksOnlyThatPathway()
    {
        var a = ScreeningEngine.Evaluate(UsTrdAndActiveIdeationWithoutAntidepressant(), RuleSetCatalog.V1_7_0);

        Assert.Contains(a.Findings, f => f.RuleId == "SUI-002");
        Assert.Contains("SUI-002", a.For(Pathway.EsketamineSuicidalIdeation).RuleIds);
        Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.DoesNotContain("SUI-002", a.For(Pathway.EsketamineTrd).RuleIds);
        Assert.DoesNotContain("SUI-002", a.For(Pathway.KetamineOffLabelTrd).RuleIds);
        Assert.Equal(Verdict.EligibleWithCautions, a.Overall);
    }

    [Fact]
    public void Evaluate_EuEmergencyWording_MarksOnlyTheSuicidalIdeationPathway()
    {
        var a = ScreeningEngine.Evaluate(UsTrdAndActiveIdeationWithoutAntidepressant() with { Jurisdiction = Jurisdiction.Eu }, RuleSetCatalog.V1_7_0);

        Assert.Contains(a.Findings, f => f.RuleId == "EU-004");
        Assert.Contains("EU-004", a.For(Pathway.EsketamineSuicidalIdeation).RuleIds);
        Assert.DoesNotContain("EU-004", a.For(Pathway.EsketamineTrd).RuleIds);
        Assert.DoesNotContain("EU-001", a.For(Pathway.EsketamineSuicidalIdeation).RuleIds);
        Assert.DoesNotContain("EU-004", a.For(Pathway.KetamineOffLabelTrd).RuleIds);
    }

    [Fact]
    public void Evaluate_ACautionOfEveryPathway_StillMarksEveryOpenPathway()
    {
        var a = ScreeningEngine.Evaluate(EuTrdAndPalliativeWithoutAntidepressant() with { OnOpioids = true }, RuleSetCatalog.V1_7_0);

        Assert.Contains(a.Findings, f => f.RuleId == "MED-002");
        foreach (var pathway in new[] { Pathway.EsketamineTrd, Pathway.KetamineOffLabelTrd, Pathway.PalliativeRapidActing })
        {
            Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(pathway).Status);
            Assert.Contains("MED-002", a.For(pathway).RuleIds);
        }
    }

    [Fact]
    public void Evaluate_UnderRuleSet1_6_0_KeepsItsAnswer_EveryCautionOnEveryOpenPathway()
    {
        var a = ScreeningEngine.Evaluate(EuTrdAndPalliativeWithoutAntidepressant(), RuleSetCatalog.V1_6_0);

        foreach (var pathway in new[] { Pathway.EsketamineTrd, Pathway.KetamineOffLabelTrd, Pathway.PalliativeRapidActing })
        {
            Assert.Equal(PathwayStatus.EligibleWithCautions, a.For(pathway).Status);
            Assert.Contains("EU-001", a.For(pathway).RuleIds);
        }
    }
}
