using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class MedicinesRulesTests : RuleTestBase
{
    [Fact, Fires("MED-001")]
    public void Evaluate_HalfMilligramDiazepamEquivalent_FiresMed001()
    {
        var f = AssertFires("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m });
        AssertBecause(f, "benzodiazepineDiazepamEquivalentMg", "0.5");
    }

    [Fact, Edge("MED-001")]
    public void Evaluate_ZeroBenzodiazepine_DoesNotFireMed001() => AssertDoesNotFire("MED-001", Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m });

    [Fact, Fires("MED-002")]
    public void Evaluate_OnOpioids_FiresMed002() => AssertFires("MED-002", Trd() with { OnOpioids = true });

    [Fact, Edge("MED-002")]
    public void Evaluate_NotOnOpioids_DoesNotFireMed002() => AssertDoesNotFire("MED-002", Trd() with { OnOpioids = false });

    [Fact, Fires("MED-003")]
    public void Evaluate_OnPsychostimulantOrMaoi_FiresMed003() => AssertFires("MED-003", Trd() with { OnPsychostimulantOrMaoi = true });

    [Fact, Edge("MED-003")]
    public void Evaluate_NotOnPsychostimulantOrMaoi_DoesNotFireMed003() => AssertDoesNotFire("MED-003", Trd() with { OnPsychostimulantOrMaoi = false });
}
