using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>The enumeration values are spelt exactly as <c>shared/api/screening-v1.md</c> spells them.</summary>
public class WireNamesTests
{
    [Fact]
    public void All_RequestEnumerations_MatchTheContract()
    {
        Assert.Equal(["female", "male", "intersex", "unknown"], WireNames.All<SexAtBirth>());
        Assert.Equal(["us", "eu"], WireNames.All<Jurisdiction>());
        Assert.Equal(["mdd", "bipolar-i", "bipolar-ii", "ptsd", "ocd", "other"], WireNames.All<PrimaryDiagnosis>());
        Assert.Equal(["none", "lithium", "valproate", "lamotrigine", "atypical-antipsychotic", "other"], WireNames.All<MoodStabilizer>());
        Assert.Equal(["none", "history-controlled", "history-untreated", "active"], WireNames.All<PsychosisStatus>());
        Assert.Equal(["none", "passive-ideation", "active-ideation", "active-ideation-with-plan", "recent-attempt"], WireNames.All<Suicidality>());
        Assert.Equal(["none", "in-remission", "active"], WireNames.All<SubstanceUse>());
        Assert.Equal(["none", "mild", "moderate", "severe"], WireNames.All<HepaticImpairment>());
        Assert.Equal(["alcohol", "opioids", "stimulants", "cannabis", "ketamine-or-pcp", "sedatives", "other"], WireNames.All<SubstanceUsed>());
        Assert.Equal(["ssri", "snri", "other"], WireNames.All<OralAntidepressantClass>());
    }

    [Fact]
    public void ContractValueOf_GivesEachFieldAsARequestHoldsIt_AndThoseValuesMakeTheSameHistory()
    {
        var history = new PatientHistory
        {
            PatientReference = "MRN-CV",
            AgeYears = 40,
            PrimaryDiagnosis = PrimaryDiagnosis.BipolarII,
            CurrentDepressiveEpisode = true,
            FailedAdequateTrials = 2,
            OnOralAntidepressant = false,
            Psychosis = PsychosisStatus.None,
            Suicidality = Suicidality.None,
            SubstanceUse = SubstanceUse.Active,
            SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Alcohol, SubstanceUsed.KetamineOrPcp]),
            BenzodiazepineDiazepamEquivalentMg = 7.5m,
        };

        Assert.Equal("bipolar-ii", Fields.ContractValueOf(history, "primaryDiagnosis"));
        Assert.Equal(["alcohol", "ketamine-or-pcp"], Assert.IsType<List<string>>(Fields.ContractValueOf(history, "substancesUsed")));
        Assert.Equal(7.5m, Fields.ContractValueOf(history, "benzodiazepineDiazepamEquivalentMg"));
        Assert.Null(Fields.ContractValueOf(history, "pregnant"));
        // Read back through the catalogue, the values make an equal history: a list included.
        Assert.Equal(history, PatientHistory.From(f => Fields.ContractValueOf(history, f.Name)));
    }

    [Fact]
    public void All_ResponseEnumerations_MatchTheContract()
    {
        Assert.Equal(["eligible", "eligible-with-cautions", "incomplete", "not-eligible-now", "not-indicated"], WireNames.All<Verdict>());
        Assert.Equal(
            ["esketamine-trd", "esketamine-suicidal-ideation", "ketamine-off-label-trd", "bipolar-adjunct", "palliative-rapid-acting", "investigational-ptsd-ocd"],
            WireNames.All<Pathway>());
        Assert.Equal(["eligible", "eligible-with-cautions", "incomplete", "not-eligible", "not-applicable", "investigational-only"], WireNames.All<PathwayStatus>());
        Assert.Equal(["contraindication", "caution", "requirement", "information"], WireNames.All<FindingKind>());
        Assert.Equal(["high", "moderate", "low"], WireNames.All<Severity>());
    }

    [Theory]
    [InlineData("history-untreated", PsychosisStatus.HistoryUntreated)]
    [InlineData("history-controlled", PsychosisStatus.HistoryControlled)]
    public void TryParse_ContractSpellingOfPsychosis_ReturnsTheValue(string text, PsychosisStatus expected) => AssertParses(text, expected);

    [Fact]
    public void TryParse_KetamineOrPcp_ReturnsTheSubstance()
    {
        Assert.True(WireNames.TryParse<SubstanceUsed>("ketamine-or-pcp", out var value));
        Assert.Equal(SubstanceUsed.KetamineOrPcp, value);
        Assert.False(WireNames.TryParse<SubstanceUsed>("ketamine", out _));
    }

    [Fact]
    public void Display_IncompleteVerdict_IsTheContractText() => Assert.Equal("incomplete", WireNames.Of(Verdict.Incomplete));

    [Theory]
    [InlineData("bipolar-ii", PrimaryDiagnosis.BipolarII)]
    [InlineData("bipolar-i", PrimaryDiagnosis.BipolarI)]
    [InlineData("mdd", PrimaryDiagnosis.Mdd)]
    public void TryParse_ContractSpelling_ReturnsTheValue(string text, PrimaryDiagnosis expected) => AssertParses(text, expected);

    private static void AssertParses<T>(string text, T expected)
        where T : struct, Enum
    {
        Assert.True(WireNames.TryParse<T>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("bipolar-i-i")]
    [InlineData("BipolarII")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnyOtherSpelling_ReturnsFalse(string? text) => Assert.False(WireNames.TryParse<PrimaryDiagnosis>(text, out _));

    [Theory]
    [InlineData(null, "not recorded")]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    [InlineData(12, "12")]
    public void Display_RecordedValue_IsTheContractText(object? value, string expected) => Assert.Equal(expected, WireNames.Display(value));

    [Fact]
    public void Display_DecimalValue_UsesInvariantCulture() => Assert.Equal("7.5", WireNames.Display(7.5m));
}
