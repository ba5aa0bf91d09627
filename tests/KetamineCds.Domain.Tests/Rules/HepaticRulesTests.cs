using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class HepaticRulesTests : RuleTestBase
{
    [Fact, Fires("HEP-001")]
    public void Evaluate_SevereHepaticImpairment_FiresHep001()
    {
        var f = AssertFires("HEP-001", Trd() with { HepaticImpairment = HepaticImpairment.Severe });
        AssertBecause(f, "hepaticImpairment", "severe");
    }

    [Fact, Edge("HEP-001")]
    public void Evaluate_ModerateHepaticImpairment_DoesNotFireHep001() => AssertDoesNotFire("HEP-001", Trd() with { HepaticImpairment = HepaticImpairment.Moderate });

    [Fact, Fires("HEP-002")]
    public void Evaluate_ModerateHepaticImpairment_FiresHep002AsACautionThatMarksTheOpenPathways()
    {
        // From 1.9.0 a caution (QA148 F3): its detail cites the pain consensus's caution, and the status unanswered is one.
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { HepaticImpairment = HepaticImpairment.Moderate };
        var f = AssertFires("HEP-002", h);
        Assert.Equal((FindingKind.Caution, Severity.Moderate), (f.Kind, f.Severity));
        Assert.Equal(PathwayStatus.EligibleWithCautions, ScreeningEngine.Evaluate(h).For(Pathway.KetamineOffLabelTrd).Status);
    }

    [Fact, Edge("HEP-002")]
    public void Evaluate_MildHepaticImpairment_DoesNotFireHep002() => AssertDoesNotFire("HEP-002", Trd() with { HepaticImpairment = HepaticImpairment.Mild });

    [Fact, Fires("HEP-003")]
    public void Evaluate_TrdWithHepaticStatusNotRecorded_FiresHep003AsACaution()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { HepaticImpairment = null };
        var f = AssertFires("HEP-003", h);
        AssertBecause(f, "hepaticImpairment", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Caution, f.Kind);
        Assert.Equal(Verdict.EligibleWithCautions, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Edge("HEP-003")]
    public void Evaluate_TrdWithNoHepaticImpairmentRecorded_DoesNotFireHep003() =>
        AssertDoesNotFire("HEP-003", Trd() with { HepaticImpairment = HepaticImpairment.None });

    [Fact, Edge("HEP-003")]
    public void Evaluate_NoPathwayIndicatedWithHepaticStatusNotRecorded_DoesNotFireHep003() =>
        AssertDoesNotFire("HEP-003", Adult() with { HepaticImpairment = null, LifeLimitingIllness = false });

    [Fact, Fires("HEP-003")]
    public void Evaluate_PalliativePathwayNotYetRuledOut_FiresHEP003()
    {
        // From 1.16.0 (docs/clinical-review.md, section 26): MDD in an episode, one failed trial, the life-limiting illness not
        // recorded: the palliative pathway cannot yet be ruled out, and what it needs is listed while it waits. Not in 1.15.0.
        var h = Adult() with { HepaticImpairment = null };
        var finding = AssertFires("HEP-003", h);
        Assert.Contains(new Evidence("lifeLimitingIllness", WireNames.NotRecorded), finding.Because);
        Assert.Null(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings.FirstOrDefault(f => f.RuleId == "HEP-003"));
    }


    [Fact, Fires("HEP-003")]
    public void Evaluate_SuicidalPathwayNotYetRuledOut_FiresHep003()
    {
        // From 1.14.0 (QA184 F3): listed while the suicidal-ideation pathway cannot yet be ruled out, as for an indicated one.
        var finding = AssertFires("HEP-003", SuicidalPathwayNotRuledOut());
        Assert.Contains(new Evidence("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), finding.Because);
    }
}
