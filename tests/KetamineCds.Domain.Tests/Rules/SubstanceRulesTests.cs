using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class SubstanceRulesTests : RuleTestBase
{
    [Fact, Fires("SUB-001")]
    public void Evaluate_ActiveSubstanceUseDisorder_FiresSub001()
    {
        var h = Trd() with { SubstanceUse = SubstanceUse.Active };
        var f = AssertFires("SUB-001", h);
        AssertBecause(f, "substanceUse", "active");
        Assert.Equal(FindingKind.Contraindication, f.Kind);
        Assert.Equal(PathwayStatus.NotEligible, ScreeningEngine.Evaluate(h).For(Pathway.EsketamineTrd).Status);
        // From 1.2.0 the detail no longer says the alcohol use disorder trial excluded active use: it enrolled that population.
        Assert.Contains("enrolled patients with alcohol use disorder", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("excluded active use (", f.Detail, StringComparison.Ordinal);
        Assert.Contains(Citations.Yoon2019, f.Sources);
    }

    [Fact, Edge("SUB-001")]
    public void Evaluate_SubstanceUseInRemission_DoesNotFireSub001() => AssertDoesNotFire("SUB-001", Trd() with { SubstanceUse = SubstanceUse.InRemission });

    [Fact, Fires("SUB-002")]
    public void Evaluate_SubstanceUseInRemission_FiresSub002()
    {
        var f = AssertFires("SUB-002", Trd() with { SubstanceUse = SubstanceUse.InRemission });
        AssertBecause(f, "substanceUse", "in-remission");
    }

    [Fact, Edge("SUB-002")]
    public void Evaluate_NoSubstanceUse_DoesNotFireSub002() => AssertDoesNotFire("SUB-002", Trd() with { SubstanceUse = SubstanceUse.None });

    private static PatientHistory Using(SubstanceUse use, params SubstanceUsed[] substances) =>
        Trd() with { SubstanceUse = use, SubstancesUsed = new ValueList<SubstanceUsed>(substances) };

    [Fact, Fires("SUB-003")]
    public void Evaluate_KetamineOrPcpInRemission_FiresSub003AsHighSeverity()
    {
        var f = AssertFires("SUB-003", Using(SubstanceUse.InRemission, SubstanceUsed.Alcohol, SubstanceUsed.KetamineOrPcp));
        AssertBecause(f, "substancesUsed", "alcohol, ketamine-or-pcp");
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact, Edge("SUB-003")]
    public void Evaluate_EverySubstanceButKetamineOrPcp_DoesNotFireSub003() =>
        AssertDoesNotFire("SUB-003", Using(SubstanceUse.InRemission, [.. Enum.GetValues<SubstanceUsed>().Where(s => s != SubstanceUsed.KetamineOrPcp)]));

    [Fact, Fires("SUB-004")]
    public void Evaluate_SubstanceUseInRemissionWithSubstancesNotRecorded_FiresSub004()
    {
        var f = AssertFires("SUB-004", Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = null });
        AssertBecause(f, "substancesUsed", WireNames.NotRecorded);
        Assert.Equal(FindingKind.Caution, f.Kind);
    }

    [Fact, Edge("SUB-004")]
    public void Evaluate_SubstanceUseInRemissionWithSubstancesRecorded_DoesNotFireSub004() =>
        AssertDoesNotFire("SUB-004", Using(SubstanceUse.InRemission, SubstanceUsed.Cannabis));

    [Fact, Edge("SUB-004")]
    public void Evaluate_NoSubstanceUseAndNoSubstances_DoesNotFireSub004() =>
        AssertDoesNotFire("SUB-004", Trd() with { SubstanceUse = SubstanceUse.None, SubstancesUsed = null });

    [Fact, Fires("SUB-003")]
    public void Sub003_Detail_ClaimsNothingTheFactBaseDoesNotHold()
    {
        // C3: "like other drugs of its class", "relapse" and "diversion" are in no shared document.
        var f = AssertFires("SUB-003", Using(SubstanceUse.InRemission, SubstanceUsed.KetamineOrPcp));
        Assert.DoesNotContain("like other drugs of its class", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("relapse", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("diversion", f.Detail, StringComparison.Ordinal);
        Assert.Contains("each patient's risk be assessed", f.Detail, StringComparison.Ordinal);
    }
}
