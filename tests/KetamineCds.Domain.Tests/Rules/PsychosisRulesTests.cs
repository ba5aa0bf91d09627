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
    public void Evaluate_ControlledPsychosisHistory_FiresPsychosisSafeguard(string ruleId)
    {
        var f = AssertFires(ruleId, Trd() with { Psychosis = PsychosisStatus.HistoryControlled });
        AssertBecause(f, "psychosis", "history-controlled");
    }

    [Theory, Edge("PSY-002"), Edge("PSY-003")]
    [InlineData("PSY-002")]
    [InlineData("PSY-003")]
    public void Evaluate_NoPsychosis_DoesNotFirePsychosisSafeguard(string ruleId) =>
        AssertDoesNotFire(ruleId, Trd() with { Psychosis = PsychosisStatus.None });

    [Theory, Edge("PSY-002"), Edge("PSY-003")]
    [InlineData("PSY-002")]
    [InlineData("PSY-003")]
    public void Evaluate_ActivePsychosis_DoesNotFireControlledPsychosisSafeguard(string ruleId) =>
        AssertDoesNotFire(ruleId, Trd() with { Psychosis = PsychosisStatus.Active });
}
