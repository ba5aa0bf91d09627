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

    [Fact, Fires("MED-004")]
    public void Evaluate_OtherCnsDepressants_FiresMed004() =>
        AssertBecause(AssertFires("MED-004", Trd() with { OtherCnsDepressants = true }), "otherCnsDepressants", "true");

    [Fact, Edge("MED-004")]
    public void Evaluate_NoOtherCnsDepressants_DoesNotFireMed004() => AssertDoesNotFire("MED-004", Trd() with { OtherCnsDepressants = false });

    private static PatientHistory MedicinesRecorded() => Trd() with
    {
        OnOpioids = false,
        OnNaltrexone = false,
        BenzodiazepineDiazepamEquivalentMg = 0m,
        OnPsychostimulantOrMaoi = false,
        OtherCnsDepressants = false,
    };

    [Fact, Fires("MED-005")]
    public void Evaluate_TrdWithOtherCnsDepressantsNotRecorded_FiresMed005NamingOnlyThem()
    {
        var f = AssertFires("MED-005", MedicinesRecorded() with { OtherCnsDepressants = null });
        Assert.Equal([new Evidence("otherCnsDepressants", WireNames.NotRecorded)], f.Because.Where(e => e.Value == WireNames.NotRecorded));
        Assert.Equal(FindingKind.Caution, f.Kind);
    }

    [Fact, Edge("MED-005")]
    public void Evaluate_TrdWithEveryMedicineRecorded_DoesNotFireMed005() => AssertDoesNotFire("MED-005", MedicinesRecorded());

    [Fact, Edge("MED-005")]
    public void Evaluate_NoPathwayIndicatedWithMedicinesNotRecorded_DoesNotFireMed005() => AssertDoesNotFire("MED-005", Adult());
}
