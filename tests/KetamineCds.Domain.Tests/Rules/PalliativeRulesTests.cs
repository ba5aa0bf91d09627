using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class PalliativeRulesTests : RuleTestBase
{
    [Fact, Fires("PAL-001")]
    public void Evaluate_PrognosisOf8Weeks_FiresPal001()
    {
        var f = AssertFires("PAL-001", Palliative(8));
        AssertBecause(f, "prognosisWeeks", "8");
        Assert.Contains("The pathway is off-label (discrepancy D9)", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("PAL-001")]
    public void Evaluate_PrognosisOf9Weeks_DoesNotFirePal001() => AssertDoesNotFire("PAL-001", Palliative(9));

    [Fact, Edge("PAL-001")]
    public void Evaluate_PrognosisOf4WeeksWithoutDepressiveEpisode_DoesNotFirePal001() =>
        AssertDoesNotFire("PAL-001", Palliative(4) with { CurrentDepressiveEpisode = false });

    [Fact, Fires("PAL-002")]
    public void Evaluate_PrognosisOf9Weeks_FiresPal002() => AssertFires("PAL-002", Palliative(9));

    [Fact, Edge("PAL-002")]
    public void Evaluate_PrognosisOf8Weeks_DoesNotFirePal002() => AssertDoesNotFire("PAL-002", Palliative(8));

    [Fact, Fires("PAL-001")]
    public void Evaluate_EpisodeWithTheLifeLimitingIllnessNotRecorded_FiresPal001AsCannotYetBeRuledOut()
    {
        // From 1.16.0 (docs/clinical-review.md, sections 24 Question D and 26): not recorded is never "no". 1.15.0 did not fire.
        var h = Adult() with { FailedAdequateTrials = 0 };
        var f = AssertFires("PAL-001", h);
        Assert.Equal([new Evidence("currentDepressiveEpisode", "true"), new Evidence("lifeLimitingIllness", WireNames.NotRecorded)], f.Because);
        Assert.Contains("applies or cannot yet be ruled out", f.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Prognosis of weeks:", f.Summary, StringComparison.Ordinal);
        Assert.Contains("stays incomplete (REC-005)", f.Detail, StringComparison.Ordinal);
        Assert.Equal([Citations.Palliative], f.Principles);
        Assert.Equal([Citations.Irwin2013], f.Sources);
        Assert.DoesNotContain(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_15_0).Findings, x => x.RuleId == "PAL-001");
    }

    [Fact, Edge("PAL-001")]
    public void Evaluate_IllnessRecordedAbsent_DoesNotFirePal001() =>
        AssertDoesNotFire("PAL-001", Adult() with { FailedAdequateTrials = 0, LifeLimitingIllness = false });

    [Fact, Edge("PAL-001")]
    public void Evaluate_IllnessNotRecordedWithoutAnEpisode_DoesNotFirePal001() =>
        AssertDoesNotFire("PAL-001", Adult() with { FailedAdequateTrials = 0, CurrentDepressiveEpisode = false });
}
