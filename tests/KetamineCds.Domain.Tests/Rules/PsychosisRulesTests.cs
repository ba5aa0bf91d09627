using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class PsychosisRulesTests : RuleTestBase
{
    [Fact, Fires("PSY-001")]
    public void Evaluate_ActivePsychosis_FiresPsy001()
    {
        var f = AssertFires("PSY-001", Trd() with { Psychosis = PsychosisStatus.Active });
        AssertBecause(f, "psychosis", "active");
    }

    [Fact, Edge("PSY-001")]
    public void Evaluate_ControlledPsychosis_DoesNotFirePsy001() => AssertDoesNotFire("PSY-001", Trd() with { Psychosis = PsychosisStatus.HistoryControlled });

    [Theory, Fires("PSY-002"), Fires("PSY-003")]
    [InlineData("PSY-002")]
    [InlineData("PSY-003")]
    public void Evaluate_ControlledPsychosisHistory_FiresPsychosisSafeguardAtHighSeverityCitingTheSource(string ruleId)
    {
        var f = AssertFires(ruleId, Trd() with { Psychosis = PsychosisStatus.HistoryControlled });
        AssertBecause(f, "psychosis", "history-controlled");
        Assert.Equal(Severity.High, f.Severity);
        Assert.Equal([Citations.Psychosis], f.Principles);
    }

    [Theory, Fires("PSY-003"), Fires("PSY-004")]
    [InlineData("PSY-003")]
    [InlineData("PSY-004")]
    public void Evaluate_UntreatedPsychosisHistory_FiresUntreatedPsychosisSafeguard(string ruleId)
    {
        var f = AssertFires(ruleId, Trd() with { Psychosis = PsychosisStatus.HistoryUntreated });
        AssertBecause(f, "psychosis", "history-untreated");
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact, Edge("PSY-004")]
    public void Evaluate_ControlledPsychosisHistory_DoesNotFirePsy004() =>
        AssertDoesNotFire("PSY-004", Trd() with { Psychosis = PsychosisStatus.HistoryControlled });

    [Fact, Fires("PSY-003")]
    public void Evaluate_ControlledPsychosisHistory_FiresPsy003CitingTheSourcePrincipleNotTheLabel()
    {
        var f = AssertFires("PSY-003", Trd() with { Psychosis = PsychosisStatus.HistoryControlled });
        Assert.Equal([Citations.Psychosis], f.Principles);
        Assert.Empty(f.Sources);
    }

    [Theory, Edge("PSY-002"), Edge("PSY-003")]
    [InlineData("PSY-002")]
    [InlineData("PSY-003")]
    public void Evaluate_NoPsychosis_DoesNotFirePsychosisSafeguard(string ruleId) =>
        AssertDoesNotFire(ruleId, Trd() with { Psychosis = PsychosisStatus.None });

    [Theory, Edge("PSY-002"), Edge("PSY-003"), Edge("PSY-004")]
    [InlineData("PSY-002")]
    [InlineData("PSY-003")]
    [InlineData("PSY-004")]
    public void Evaluate_ActivePsychosis_DoesNotFirePastPsychosisSafeguard(string ruleId) =>
        AssertDoesNotFire(ruleId, Trd() with { Psychosis = PsychosisStatus.Active });
}
