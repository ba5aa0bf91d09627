using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// The contraindications a chart records although required fields are missing (CDS Hooks): found by the rules that read
/// none of the placeholder fields, never by a placeholder.
/// </summary>
public sealed class ContraindicationsDespiteTests
{
    [Fact]
    public void RecordedAneurysm_WithTheTrialsAndSuicidalityMissing_IsReported()
    {
        var history = Histories.Adult() with { AneurysmalVascularDisease = true };

        var found = ScreeningEngine.ContraindicationsDespite(history, ["failedAdequateTrials", "suicidality"], RuleSetCatalog.Current);

        var vas = Assert.Single(found);
        Assert.Equal("VAS-001", vas.RuleId);
        Assert.Equal(FindingKind.Contraindication, vas.Kind);
        Assert.Contains(new Evidence("aneurysmalVascularDisease", "true"), vas.Because);
    }

    [Fact]
    public void PlaceholderThatWouldBlock_IsNeverReadByTheRulesEvaluated()
    {
        // Active psychosis blocks every pathway (PSY-001), but here it only stands in for a psychosis status the chart lacks.
        var history = Histories.Adult() with { Psychosis = PsychosisStatus.Active, AneurysmalVascularDisease = true };
        var full = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);

        var found = ScreeningEngine.ContraindicationsDespite(history, ["psychosis"], RuleSetCatalog.Current);

        Assert.Contains(full.Findings, f => f.RuleId == "PSY-001");
        Assert.DoesNotContain(found, f => f.RuleId == "PSY-001");
        Assert.Contains(found, f => f.RuleId == "VAS-001");
        Assert.All(found, f => Assert.Equal(FindingKind.Contraindication, f.Kind));
    }

    [Fact]
    public void NothingRecorded_ReportsNothing()
    {
        var found = ScreeningEngine.ContraindicationsDespite(Histories.Adult(), ["failedAdequateTrials", "suicidality"], RuleSetCatalog.Current);

        Assert.Empty(found);
    }
}
