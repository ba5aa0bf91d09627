using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests;

public class EngineSmokeTests
{
    private static PatientHistory Trd() => new()
    {
        PatientReference = "MRN-1",
        AgeYears = 45,
        PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 3,
        DistinctMechanisms = 2,
        OnOralAntidepressant = true,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.None,
    };

    [Fact]
    public void Evaluate_TypicalTrd_OpensEsketamineTrdPathway()
    {
        var a = ScreeningEngine.Evaluate(Trd());
        Assert.Equal(PathwayStatus.Eligible, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(Verdict.Eligible, a.Overall);
        Assert.Equal(6, a.Pathways.Count);
        Assert.StartsWith("sha256:", a.RuleSet.Digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ActivePsychosis_BlocksEveryPathway()
    {
        var a = ScreeningEngine.Evaluate(Trd() with { Psychosis = PsychosisStatus.Active });
        Assert.Equal(Verdict.NotEligibleNow, a.Overall);
        Assert.All(a.Pathways, p => Assert.NotEqual(PathwayStatus.Eligible, p.Status));
        var f = Assert.Single(a.OfKind(FindingKind.Contraindication));
        Assert.Equal("PSY-001", f.RuleId);
        Assert.Contains(new Evidence("psychosis", "active"), f.Because);
    }
}
