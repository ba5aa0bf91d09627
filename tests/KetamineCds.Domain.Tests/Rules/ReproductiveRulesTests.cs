using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class ReproductiveRulesTests : RuleTestBase
{
    private static PatientHistory Woman(int age) => Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = age, Pregnant = false };

    [Fact, Fires("REP-001")]
    public void Evaluate_Pregnant_FiresRep001() => AssertFires("REP-001", Woman(30) with { Pregnant = true });

    [Fact, Fires("REP-001")]
    public void Evaluate_PregnantAged56_FiresRep001() => AssertFires("REP-001", Woman(56) with { Pregnant = true });

    [Fact, Edge("REP-001")]
    public void Evaluate_NotPregnant_DoesNotFireRep001() => AssertDoesNotFire("REP-001", Woman(30) with { Pregnant = false });

    [Fact, Edge("REP-001")]
    public void Evaluate_WomanAged30WithPregnancyNotRecorded_DoesNotFireRep001ButKeepsThePathwaysIncomplete()
    {
        var h = (Woman(30) with { Pregnant = null }).WithSafetyItemsRecordedAbsent() with { Pregnant = null };
        AssertDoesNotFire("REP-001", h);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.Incomplete, a.Overall);
        Assert.Contains(new Evidence("pregnant", WireNames.NotRecorded), a.Findings.Single(f => f.RuleId == "REC-001").Because);
    }

    [Fact, Edge("REP-001")]
    public void Evaluate_WomanAged56WithPregnancyNotRecorded_DoesNotFireRep001AndOpensThePathways()
    {
        var h = (Woman(56) with { Pregnant = null }).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Pregnant = null };
        AssertDoesNotFire("REP-001", h);
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h).Overall);
    }

    [Fact, Fires("REP-002")]
    public void Evaluate_Breastfeeding_FiresRep002() => AssertFires("REP-002", Woman(30) with { Breastfeeding = true });

    [Fact, Edge("REP-002")]
    public void Evaluate_NotBreastfeeding_DoesNotFireRep002() => AssertDoesNotFire("REP-002", Woman(30) with { Breastfeeding = false });

    [Fact, Fires("REP-003")]
    public void Evaluate_WomanAged55NotPregnant_FiresRep003() => AssertFires("REP-003", Woman(55));

    [Fact, Fires("REP-003")]
    public void Evaluate_WomanAged12NotPregnant_FiresRep003() => AssertFires("REP-003", Woman(12));

    [Fact, Fires("REP-003")]
    public void Evaluate_WomanWithPregnancyNotRecorded_FiresRep003()
    {
        var f = AssertFires("REP-003", Woman(30) with { Pregnant = null });
        AssertBecause(f, "pregnant", WireNames.NotRecorded);
    }

    [Theory, Fires("REP-003")]
    [InlineData(SexAtBirth.Intersex)]
    [InlineData(SexAtBirth.Unknown)]
    [InlineData(null)]
    public void Evaluate_SexAtBirthNotMaleAged30_FiresRep003(SexAtBirth? sex) =>
        AssertFires("REP-003", Trd() with { SexAtBirth = sex, AgeYears = 30 });

    [Fact, Edge("REP-003")]
    public void Evaluate_WomanAged56_DoesNotFireRep003() => AssertDoesNotFire("REP-003", Woman(56));

    [Fact, Edge("REP-003")]
    public void Evaluate_GirlAged11_DoesNotFireRep003() => AssertDoesNotFire("REP-003", Woman(11));

    [Fact, Edge("REP-003")]
    public void Evaluate_ManAged30_DoesNotFireRep003() => AssertDoesNotFire("REP-003", Woman(30) with { SexAtBirth = SexAtBirth.Male, Pregnant = null });
}
