using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class SuicideRulesTests : RuleTestBase
{
    [Fact, Fires("SUI-001")]
    public void Evaluate_MddWithActiveIdeation_FiresSui001()
    {
        var f = AssertFires("SUI-001", Suicidal(Suicidality.ActiveIdeation));
        AssertBecause(f, "suicidality", "active-ideation");
    }

    [Fact, Fires("SUI-001")]
    public void Evaluate_MddWithRecentAttempt_FiresSui001() => AssertFires("SUI-001", Suicidal(Suicidality.RecentAttempt));

    [Fact, Edge("SUI-001")]
    public void Evaluate_MddWithPassiveIdeationOnly_DoesNotFireSui001() => AssertDoesNotFire("SUI-001", Suicidal(Suicidality.PassiveIdeation));

    [Fact, Edge("SUI-001")]
    public void Evaluate_BipolarWithActiveIdeation_DoesNotFireSui001() =>
        AssertDoesNotFire("SUI-001", BipolarDepression() with { Suicidality = Suicidality.ActiveIdeation, SafetyPlanInPlace = true, LethalMeansCounselled = true, FollowUpArranged = true });

    [Fact, Fires("SUI-002")]
    public void Evaluate_SuicidalMddWithoutOralAntidepressant_FiresSui002() =>
        AssertFires("SUI-002", Suicidal() with { OnOralAntidepressant = false });

    [Fact, Edge("SUI-002")]
    public void Evaluate_SuicidalMddOnOralAntidepressant_DoesNotFireSui002() =>
        AssertDoesNotFire("SUI-002", Suicidal() with { OnOralAntidepressant = true });

    [Fact, Fires("SUI-003")]
    public void Evaluate_PassiveIdeationWithoutSafetyPlan_FiresSui003()
    {
        var f = AssertFires("SUI-003", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = false });
        AssertBecause(f, "safetyPlanInPlace", "false");
    }

    [Fact, Fires("SUI-003")]
    public void Evaluate_SafetyPlanNotRecorded_FiresSui003()
    {
        var f = AssertFires("SUI-003", Suicidal() with { SafetyPlanInPlace = null });
        AssertBecause(f, "safetyPlanInPlace", WireNames.NotRecorded);
    }

    [Fact, Edge("SUI-003")]
    public void Evaluate_SafetyPlanInPlace_DoesNotFireSui003() =>
        AssertDoesNotFire("SUI-003", Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = true });

    [Fact, Fires("SUI-004")]
    public void Evaluate_LethalMeansNotCounselled_FiresSui004() => AssertFires("SUI-004", Suicidal() with { LethalMeansCounselled = false });

    [Fact, Edge("SUI-004")]
    public void Evaluate_LethalMeansCounselled_DoesNotFireSui004() => AssertDoesNotFire("SUI-004", Suicidal() with { LethalMeansCounselled = true });

    [Fact, Fires("SUI-005")]
    public void Evaluate_FollowUpNotArranged_FiresSui005() => AssertFires("SUI-005", Suicidal() with { FollowUpArranged = false });

    [Fact, Edge("SUI-005")]
    public void Evaluate_FollowUpArranged_DoesNotFireSui005() => AssertDoesNotFire("SUI-005", Suicidal() with { FollowUpArranged = true });

    [Fact, Fires("SUI-006")]
    public void Evaluate_PassiveIdeation_FiresSui006() => AssertFires("SUI-006", Suicidal(Suicidality.PassiveIdeation));

    [Fact, Edge("SUI-006")]
    public void Evaluate_NoSuicidality_DoesNotFireSui006() => AssertDoesNotFire("SUI-006", Adult() with { Suicidality = Suicidality.None });

    [Fact, Fires("SUI-007")]
    public void Evaluate_ActiveIdeationWithPlan_FiresSui007() => AssertFires("SUI-007", Suicidal(Suicidality.ActiveIdeationWithPlan));

    [Fact, Fires("SUI-007")]
    public void Evaluate_RecentAttemptInPtsd_FiresSui007() =>
        AssertFires("SUI-007", Suicidal(Suicidality.RecentAttempt) with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd });

    [Fact, Edge("SUI-007")]
    public void Evaluate_ActiveIdeationWithoutPlan_DoesNotFireSui007() => AssertDoesNotFire("SUI-007", Suicidal(Suicidality.ActiveIdeation));

    [Fact, Fires("SUI-008")]
    public void Evaluate_Item9OfOneWithoutRecordedSuicidality_FiresSui008()
    {
        var f = AssertFires("SUI-008", Adult() with { Phq9Item9 = 1 });
        AssertBecause(f, "phq9Item9", "1");
    }

    [Fact, Edge("SUI-008")]
    public void Evaluate_Item9OfZero_DoesNotFireSui008() => AssertDoesNotFire("SUI-008", Adult() with { Phq9Item9 = 0 });

    [Fact, Edge("SUI-008")]
    public void Evaluate_Item9PositiveWithRecordedSuicidality_DoesNotFireSui008() =>
        AssertDoesNotFire("SUI-008", Suicidal(Suicidality.PassiveIdeation) with { Phq9Item9 = 2 });
}
