using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

public sealed class FindingInputsTests
{
    private static readonly Evidence Mdd = new("primaryDiagnosis", "mdd");
    private static readonly Evidence Episode = new("currentDepressiveEpisode", "true");
    private static readonly Evidence Plan = new("suicidality", "active-ideation-with-plan");
    private static readonly Evidence NoOpioids = new("onOpioids", WireNames.NotRecorded);

    /// <summary>A history of which the form asks every field above (no suicidality: intent is not asked).</summary>
    private static readonly PatientHistory Asked = Requests.OnlyTheRequiredAnswers().ToHistory();

    private static Finding Fired(string id, params Evidence[] because) => new(id, FindingKind.Requirement, Severity.Low, ["P-X"], [], "s", "d", because);

    [Fact]
    public void For_TwoFindingsStartWithTheSameInputs_PrintsThemOnceAndEachFindingOnlyWhatIsItsOwn()
    {
        Finding[] findings = [Fired("A-1", Mdd, Episode), Fired("A-2", Mdd, Episode, NoOpioids), Fired("A-3", Plan)];

        var inputs = FindingInputs.For(findings, Asked);

        var (key, shared) = Assert.Single(inputs.Shared);
        Assert.Equal("a", key);
        Assert.Equal([Mdd, Episode], shared);
        Assert.Equal("a", inputs.Of(findings[0]).Key);
        Assert.Empty(inputs.Of(findings[0]).Own);
        Assert.Equal("a", inputs.Of(findings[1]).Key);
        Assert.Equal([NoOpioids], inputs.Of(findings[1]).Own);
        Assert.Null(inputs.Of(findings[2]).Key);
        Assert.Equal([Plan], inputs.Of(findings[2]).Own);
    }

    [Fact]
    public void For_ALongerSharedListStartingWithAShorterOne_IsSharedWholeUnderItsOwnLetter()
    {
        Finding[] findings = [Fired("A-1", Mdd, Episode), Fired("A-2", Mdd, Episode), Fired("B-1", Mdd, Episode, Plan), Fired("B-2", Mdd, Episode, Plan, NoOpioids)];

        var inputs = FindingInputs.For(findings, Asked);

        // (b) is printed with all its inputs, not as "(a); Suicidality ...": no letter is read through another.
        Assert.Equal(["a", "b"], inputs.Shared.Select(s => s.Key));
        Assert.Equal([Mdd, Episode], inputs.Shared[0].Inputs);
        Assert.Equal([Mdd, Episode, Plan], inputs.Shared[1].Inputs);
        Assert.Equal(("a", 0), (inputs.Of(findings[0]).Key, inputs.Of(findings[0]).Own.Count));
        Assert.Equal("b", inputs.Of(findings[2]).Key);
        Assert.Empty(inputs.Of(findings[2]).Own);
        Assert.Equal("b", inputs.Of(findings[3]).Key);
        Assert.Equal([NoOpioids], inputs.Of(findings[3]).Own);
    }

    [Fact]
    public void For_NoListSharedOrOneInputOnly_SharesNothing()
    {
        Finding[] findings = [Fired("A-1", Plan), Fired("A-2", Plan), Fired("A-3", Mdd, Episode)];

        Assert.Empty(FindingInputs.For(findings, Asked).Shared);
    }

    [Fact]
    public void For_AFindingNamesAQuestionNotAskedOfTheHistory_PrintsItNeitherSharedNorOwn()
    {
        // QA walk, session 46: SUI-014 names intent, not recorded, beside passive ideation, where the form never asks it.
        var intent = new Evidence("suicidalIntent", WireNames.NotRecorded);
        Finding[] findings = [Fired("A-1", Mdd, intent, Episode), Fired("A-2", Mdd, Episode, NoOpioids)];

        var inputs = FindingInputs.For(findings, Asked);

        Assert.Equal([Mdd, Episode], Assert.Single(inputs.Shared).Inputs);
        Assert.Equal(("a", 0), (inputs.Of(findings[0]).Key, inputs.Of(findings[0]).Own.Count));
        Assert.Equal([NoOpioids], inputs.Of(findings[1]).Own);
    }
}
