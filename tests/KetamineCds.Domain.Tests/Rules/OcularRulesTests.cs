using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// EYE-001 (rule set 1.17.0; docs/clinical-review.md, section 28, Question A of section 24): raised intraocular pressure, a
/// relative contraindication to IV ketamine in the pain consensus, was asked nowhere, and a TRD history with every answer "no"
/// read eligible whatever the eye.
/// </summary>
public class OcularRulesTests : RuleTestBase
{
    /// <summary>TRD with every item recorded, the life-limiting illness as absent (so that no other pathway waits).</summary>
    private static PatientHistory Asked() => Trd().WithEveryItemRecorded() with { LifeLimitingIllness = false };

    [Fact, Fires("EYE-001")]
    public void Evaluate_TrdWithRaisedIntraocularPressure_FiresEye001AsAModerateCautionOnEveryOpenPathway()
    {
        var h = Asked() with { RaisedIntraocularPressure = true };

        var f = AssertFires("EYE-001", h);

        AssertBecause(f, "raisedIntraocularPressure", "true");
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Severity.Moderate, f.Severity);
        Assert.Contains("ASRA-KETAMINE-PAIN-2018", f.Sources);
        var assessment = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(PathwayStatus.EligibleWithCautions, assessment.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.EligibleWithCautions, assessment.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.Equal(Verdict.EligibleWithCautions, assessment.Overall);
        // 1.16.0 read the same history plainly eligible: the eye was asked nowhere.
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_16_0).Overall);
    }

    [Fact, Fires("EYE-001")]
    public void Eye001_Detail_SaysTheConsensusSpeaksOfIvKetamineAndThatEsketamineIsTheSaferReading()
    {
        var f = AssertFires("EYE-001", Trd() with { RaisedIntraocularPressure = true });

        Assert.Contains("intravenous ketamine", f.Detail, StringComparison.Ordinal);
        Assert.Contains("esketamine too, as the safer reading", f.Detail, StringComparison.Ordinal);
        Assert.Contains("To verify on the Rules page", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("EYE-001")]
    public void Evaluate_RaisedIntraocularPressureRecordedAbsent_DoesNotFireEye001() =>
        AssertDoesNotFire("EYE-001", Asked() with { RaisedIntraocularPressure = false });

    [Fact, Edge("EYE-001")]
    public void Evaluate_RaisedIntraocularPressureNotRecorded_DoesNotFireEye001ButSaf001NamesIt()
    {
        var h = Asked() with { RaisedIntraocularPressure = null };

        AssertDoesNotFire("EYE-001", h);

        var saf = ScreeningEngine.Evaluate(h, RuleSet).Findings.Single(f => f.RuleId == "SAF-001");
        Assert.Equal([new Evidence("raisedIntraocularPressure", WireNames.NotRecorded)], saf.Because.Where(e => e.Value == WireNames.NotRecorded));
    }
}
