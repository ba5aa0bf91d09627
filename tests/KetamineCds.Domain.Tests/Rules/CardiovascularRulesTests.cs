using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class CardiovascularRulesTests : RuleTestBase
{
    [Fact, Fires("CV-001")]
    public void Evaluate_SeriousCardiovascularCondition_FiresCv001() =>
        AssertFires("CV-001", Trd() with { SeriousCardiovascularOrCerebrovascularCondition = true });

    [Fact, Edge("CV-001")]
    public void Evaluate_NoSeriousCardiovascularCondition_DoesNotFireCv001() =>
        AssertDoesNotFire("CV-001", Trd() with { SeriousCardiovascularOrCerebrovascularCondition = false });

    [Fact, Fires("CV-002")]
    public void Evaluate_BloodPressure141Over90_FiresCv002()
    {
        var f = AssertFires("CV-002", Trd() with { SystolicBp = 141, DiastolicBp = 90 });
        AssertBecause(f, "systolicBp", "141");
    }

    [Fact, Fires("CV-002")]
    public void Evaluate_BloodPressure140Over91_FiresCv002()
    {
        var f = AssertFires("CV-002", Trd() with { SystolicBp = 140, DiastolicBp = 91 });
        AssertBecause(f, "diastolicBp", "91");
    }

    [Fact, Edge("CV-002")]
    public void Evaluate_BloodPressure140Over90_DoesNotFireCv002() => AssertDoesNotFire("CV-002", Trd() with { SystolicBp = 140, DiastolicBp = 90 });

    [Fact, Edge("CV-002")]
    public void Evaluate_BloodPressureNotRecorded_DoesNotFireCv002() => AssertDoesNotFire("CV-002", Trd() with { SystolicBp = null, DiastolicBp = null });
}
