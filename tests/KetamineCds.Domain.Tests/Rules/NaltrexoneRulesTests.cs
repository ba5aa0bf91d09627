using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class NaltrexoneRulesTests : RuleTestBase
{
    [Fact, Fires("NAL-001")]
    public void Evaluate_OnNaltrexone_FiresNal001()
    {
        var f = AssertFires("NAL-001", Trd() with { OnNaltrexone = true });
        AssertBecause(f, "onNaltrexone", "true");
        // Never advise stopping naltrexone given for alcohol or opioid use disorder: relapse, and overdose once tolerance is lost.
        Assert.Contains("loses tolerance", f.Detail, StringComparison.Ordinal);
        Assert.Contains("overdose", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("NAL-001")]
    public void Evaluate_NotOnNaltrexone_DoesNotFireNal001() => AssertDoesNotFire("NAL-001", Trd() with { OnNaltrexone = false });

    [Fact, Fires("NAL-002")]
    public void Evaluate_OpioidsTogetherWithNaltrexone_FiresNal002AsHighSeverity()
    {
        var f = AssertFires("NAL-002", Trd() with { OnOpioids = true, OnNaltrexone = true });
        AssertBecause(f, "onOpioids", "true");
        AssertBecause(f, "onNaltrexone", "true");
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact, Fires("NAL-002")]
    public void Nal002_Detail_NamesTheRemsFormAsTheOneForEsketamineInTheUs()
    {
        // Question F of docs/clinical-review.md, section 24 (rule set 1.18.0): "the REMS monitoring form asks for every opioid"
        // was read in EU screenings and on the racemic ketamine pathways too.
        var f = AssertFires("NAL-002", Trd() with { Jurisdiction = Jurisdiction.Eu, OnOpioids = true, OnNaltrexone = true });
        Assert.EndsWith("Clarify the regimen with the prescribers; for esketamine in the US the SPRAVATO REMS Patient Monitoring Form also asks for opioids.", f.Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("NAL-002")]
    public void Evaluate_NaltrexoneWithoutOpioids_DoesNotFireNal002() => AssertDoesNotFire("NAL-002", Trd() with { OnOpioids = false, OnNaltrexone = true });

    [Fact, Edge("NAL-002")]
    public void Evaluate_OpioidsWithNaltrexoneNotRecorded_DoesNotFireNal002() => AssertDoesNotFire("NAL-002", Trd() with { OnOpioids = true, OnNaltrexone = null });

    [Fact, Fires("NAL-001")]
    public void Nal001_Detail_NoLongerSaysNaltrexoneProtectsAgainstRelapse()
    {
        // C3: no source key states it; never stopping naltrexone for ketamine stays.
        var f = AssertFires("NAL-001", Trd() with { OnNaltrexone = true });
        Assert.DoesNotContain("protects against relapse", f.Detail, StringComparison.Ordinal);
        Assert.Contains("never suggests stopping it", f.Detail, StringComparison.Ordinal);
    }
}
