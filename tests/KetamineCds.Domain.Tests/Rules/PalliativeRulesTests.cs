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
        Assert.Contains("The pathway is off-label: as with any off-label ketamine use", f.Detail, StringComparison.Ordinal);
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
    public void Evaluate_IllnessWithAPrognosisOf4Weeks_Pal001SaysOnlyThePrognosisOfWeeks()
    {
        // From 1.19.0 (helper 233; docs/clinical-review.md, section 31): a real palliative case reads plainly. 1.16.0 to 1.18.0's
        // title also named "a life-limiting illness is not recorded" and "cannot yet be ruled out".
        var h = Palliative(4);
        var f = AssertFires("PAL-001", h);
        Assert.Equal("Prognosis of weeks: a conventional antidepressant may act too late, so a rapid-acting treatment is reasonable.", f.Summary);
        Assert.DoesNotContain("not recorded", f.Summary + f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot yet be ruled out", f.Summary + f.Detail, StringComparison.Ordinal);
        Assert.Contains("The pathway is off-label: as with any off-label ketamine use", f.Detail, StringComparison.Ordinal);
        var now = ScreeningEngine.Evaluate(h);
        Assert.DoesNotContain(now.Findings, x => x.RuleId == "PAL-003");
        Assert.Equal("PAL-001", now.For(Pathway.PalliativeRapidActing).RuleIds[0]);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_18_0);
        Assert.Contains("cannot yet be ruled out", before.Findings.Single(x => x.RuleId == "PAL-001").Summary, StringComparison.Ordinal);
        Assert.Equal(before.Overall, now.Overall);
        Assert.Equal(before.For(Pathway.PalliativeRapidActing).Status, now.For(Pathway.PalliativeRapidActing).Status);
    }

    [Fact, Fires("PAL-003")]
    public void Evaluate_EpisodeWithTheLifeLimitingIllnessNotRecorded_FiresPal003AndThePathwayWaits()
    {
        // 1.16.0 to 1.18.0 said this in PAL-001's texts (sections 24 Question D and 26); from 1.19.0 PAL-003 says it alone
        // and stands for the pathway's indication, which waits for the illness (REC-005) as before.
        var h = PalliativePathwayNotRuledOut();
        var f = AssertFires("PAL-003", h);
        Assert.Equal([new Evidence("currentDepressiveEpisode", "true"), new Evidence("lifeLimitingIllness", WireNames.NotRecorded)], f.Because);
        Assert.StartsWith("A life-limiting illness is not recorded: the palliative pathway cannot yet be ruled out.", f.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Prognosis of weeks", f.Summary, StringComparison.Ordinal);
        Assert.Contains("stays incomplete (REC-005)", f.Detail, StringComparison.Ordinal);
        Assert.Equal([Citations.Palliative], f.Principles);
        Assert.Equal([Citations.Irwin2013], f.Sources);
        var now = ScreeningEngine.Evaluate(h);
        Assert.DoesNotContain(now.Findings, x => x.RuleId == "PAL-001");
        Assert.Equal(PathwayStatus.Incomplete, now.For(Pathway.PalliativeRapidActing).Status);
        Assert.Equal(["PAL-003", "REC-005"], now.For(Pathway.PalliativeRapidActing).RuleIds);
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_18_0);
        Assert.DoesNotContain(before.Findings, x => x.RuleId == "PAL-003");
        Assert.Equal(before.Overall, now.Overall);
        Assert.Equal(["PAL-001", "REC-005"], before.For(Pathway.PalliativeRapidActing).RuleIds);
    }

    [Fact, Fires("PAL-003")]
    public void Evaluate_IllnessNotRecordedWithAnAneurysm_Pal003StandsForTheBlockedPathway()
    {
        var h = PalliativePathwayNotRuledOut() with { AneurysmalVascularDisease = true };
        AssertFires("PAL-003", h);
        var pathway = ScreeningEngine.Evaluate(h).For(Pathway.PalliativeRapidActing);
        Assert.Equal(PathwayStatus.NotEligible, pathway.Status);
        Assert.Equal("PAL-003", pathway.RuleIds[0]);
    }

    // 1.20.0 (section 32): PAL-001 said "if esketamine is chosen, the REMS monitoring still applies" with no REMS source and
    // nothing of the jurisdiction; it now says it as BIP-001 and INV-001 do (the US programme, applied by this clinic in every
    // jurisdiction) and cites the REMS.
    [Fact, Fires("PAL-001"), Fires("PAL-003")]
    public void Evaluate_PrognosisOfWeeks_Pal001CitesTheRemsItNamesAndItsJurisdiction()
    {
        var f = AssertFires("PAL-001", Palliative(4));
        Assert.DoesNotContain("the REMS monitoring still applies", f.Detail, StringComparison.Ordinal);
        Assert.Contains("the US programme, which this clinic applies in every jurisdiction", f.Detail, StringComparison.Ordinal);
        Assert.Contains("(REMS-002)", f.Detail, StringComparison.Ordinal);
        Assert.Equal([Citations.Palliative, Citations.SafetyRems], f.Principles);
        Assert.Equal([Citations.Irwin2013, Citations.SpravatoRems], f.Sources);
        Assert.Equal(RuleSetCatalog.V1_19_0["PAL-001"].Summary, f.Summary);
        Assert.DoesNotContain("REMS", AssertFires("PAL-003", PalliativePathwayNotRuledOut()).Detail, StringComparison.Ordinal);
    }

    // 1.21.0 (section 33): PAL-001's detail said "(discrepancy D9)" twice; it says it once, after the evidence it qualifies.
    [Fact, Fires("PAL-001")]
    public void Evaluate_PrognosisOfWeeks_Pal001NamesDiscrepancyD9Once()
    {
        var f = AssertFires("PAL-001", Palliative(6));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(f.Detail, @"\(discrepancy D9\)"));
        Assert.Contains("The pathway is off-label: as with any off-label ketamine use", f.Detail, StringComparison.Ordinal);
        Assert.Contains("not randomised trials and not esketamine (discrepancy D9).", f.Detail, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(RuleSetCatalog.V1_20_0["PAL-001"].Detail, @"\(discrepancy D9\)"));
    }

    // 1.24.0 (section 36): 1.23.0's PAL-003 said a recorded absence or a longer prognosis "does not open" the pathway; it
    // says, as SUI-001 and SUI-016 do since 1.23.0, that it does not make it applicable.
    [Fact, Fires("PAL-003")]
    public void Evaluate_IllnessNotRecorded_Pal003SaysAnAbsenceDoesNotMakeThePathwayApplicable()
    {
        var f = AssertFires("PAL-003", PalliativePathwayNotRuledOut());
        Assert.EndsWith("A life-limiting illness recorded as absent, or a prognosis above 8 weeks (PAL-002), does not make it applicable.", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopens?\b", f.Summary + " " + f.Detail);
        Assert.EndsWith("does not open it.", RuleSetCatalog.V1_23_0["PAL-003"].Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("PAL-001")]
    public void Evaluate_IllnessNotRecorded_DoesNotFirePal001() => AssertDoesNotFire("PAL-001", PalliativePathwayNotRuledOut());

    [Fact, Edge("PAL-003")]
    public void Evaluate_IllnessRecordedAbsent_DoesNotFirePal003() =>
        AssertDoesNotFire("PAL-003", PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false });

    [Fact, Edge("PAL-003")]
    public void Evaluate_IllnessNotRecordedWithoutAnEpisode_DoesNotFirePal003() =>
        AssertDoesNotFire("PAL-003", PalliativePathwayNotRuledOut() with { CurrentDepressiveEpisode = false });

    [Fact, Edge("PAL-003")]
    public void Evaluate_IllnessWithAPrognosisOf4Weeks_DoesNotFirePal003() => AssertDoesNotFire("PAL-003", Palliative(4));
}
