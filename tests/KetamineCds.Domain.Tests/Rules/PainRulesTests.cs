using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class PainRulesTests : RuleTestBase
{
    [Fact, Fires("PAIN-001")]
    public void Evaluate_NeuropathicPainWithDepression_FiresPain001() => AssertFires("PAIN-001", Trd() with { ChronicNeuropathicPain = true });

    [Fact, Edge("PAIN-001")]
    public void Evaluate_NeuropathicPainWithoutCurrentEpisode_DoesNotFirePain001() =>
        AssertDoesNotFire("PAIN-001", Trd() with { ChronicNeuropathicPain = true, CurrentDepressiveEpisode = false });

    [Fact, Fires("PAIN-002")]
    public void Evaluate_OpioidInducedHyperalgesia_FiresPain002() => AssertFires("PAIN-002", Trd() with { OnOpioids = true, OpioidInducedHyperalgesia = true });

    [Fact, Edge("PAIN-002")]
    public void Evaluate_OnOpioidsWithoutHyperalgesia_DoesNotFirePain002() =>
        AssertDoesNotFire("PAIN-002", Trd() with { OnOpioids = true, OpioidInducedHyperalgesia = false });

    /// <summary>
    /// QA313's history (docs/clinical-review.md, section 41): 71 years old, no failed trial, a life-limiting illness with a
    /// prognosis of 12 weeks (above the palliative pathway's 8), chronic neuropathic pain, on opioids with opioid-induced
    /// hyperalgesia. No pathway is indicated, yet both pain findings fire, and their summaries say ketamine "may help":
    /// from 1.29.0 each detail says that the pain is not on its own an indication and makes no pathway applicable.
    /// </summary>
    private static PatientHistory Qa313NotIndicated() =>
        Palliative(12) with { AgeYears = 71, FailedAdequateTrials = 0, ChronicNeuropathicPain = true, OnOpioids = true, OpioidInducedHyperalgesia = true };

    [Fact, Fires("PAIN-001"), Fires("PAIN-002")]
    public void Evaluate_PainBesideNoIndication_DetailsSayPainIsNoIndicationOnItsOwn()
    {
        var h = Qa313NotIndicated();
        Assert.Equal(Verdict.NotIndicated, ScreeningEngine.Evaluate(h).Overall);
        var pain = AssertFires("PAIN-001", h);
        var hyperalgesia = AssertFires("PAIN-002", h);
        Assert.Contains("Pain is not on its own an indication: it makes no pathway applicable here, and the depression pathways are judged on their own criteria.", pain.Detail, StringComparison.Ordinal);
        Assert.Contains("Hyperalgesia is not on its own an indication: it makes no pathway applicable here, and the depression pathways are judged on their own criteria.", hyperalgesia.Detail, StringComparison.Ordinal);
        Assert.All(new[] { pain, hyperalgesia }, f =>
        {
            // Said once, and with the citations of 1.28.0: P-PAIN, the pain consensus, discrepancy D8.
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(f.Detail, "judged on their own criteria"));
            Assert.Contains("(discrepancy D8)", f.Detail, StringComparison.Ordinal);
            Assert.Equal(["P-PAIN"], f.Principles);
            Assert.Equal(["ASRA-KETAMINE-PAIN-2018"], f.Sources);
        });

        // 1.28.0 said neither: a psychiatrist could read "ketamine may help both" on a not-indicated page as an indication.
        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_28_0);
        Assert.Equal(Verdict.NotIndicated, before.Overall);
        Assert.All(before.Findings.Where(f => f.RuleId is "PAIN-001" or "PAIN-002"), f => Assert.DoesNotContain("not on its own an indication", f.Detail, StringComparison.Ordinal));
        Assert.Equal(before.Findings.Select(f => (f.RuleId, f.Summary)), ScreeningEngine.Evaluate(h).Findings.Select(f => (f.RuleId, f.Summary)));
    }
}
