using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>
/// Helper 279: the one choice of the note under "Must be known before the first dose" (<see cref="NotRecordedSummary.BeforeFirstDoseNote"/>),
/// which the result page, the print and the CDS Hooks cards each say in their own words (they each chose it, alike): a
/// pathway open first, then every pathway blocked, then the pathways waiting for other answers (named, in pathway order),
/// else none waiting.
/// </summary>
public sealed class FirstDoseNoteTests
{
    private static readonly MissingSafetyItem ManiaWaitedFor = new("bipolarOrMania", "Bipolar disorder or mania", [Pathway.InvestigationalPtsdOcd]);
    private static readonly MissingSafetyItem AneurysmNotWaitedFor = new("aneurysmalVascularDisease", "Aneurysmal vascular disease", []);

    [Fact]
    public void APathwayOpen_IsSaidFirst_EvenBesideAPathwayWaiting()
    {
        var note = new NotRecordedSummary([ManiaWaitedFor], [], APathwayIsOpen: true).BeforeFirstDoseNote();

        Assert.Equal(FirstDoseNoteCase.APathwayIsOpen, note.Case);
        Assert.Empty(note.PathwaysWaiting);
    }

    [Fact]
    public void EveryPathwayBlocked_IsSaidBeforeThePathwaysWaiting()
    {
        var note = new NotRecordedSummary([ManiaWaitedFor], [], BlockedByContraindication: true, EveryPathwayBlocked: true).BeforeFirstDoseNote();

        Assert.Equal(FirstDoseNoteCase.EveryPathwayBlocked, note.Case);
        Assert.Empty(note.PathwaysWaiting);
    }

    [Fact]
    public void PathwaysWaitingForOtherAnswers_AreNamedInPathwayOrder()
    {
        var both = new MissingSafetyItem("pregnant", "Pregnant", [Pathway.InvestigationalPtsdOcd, Pathway.EsketamineTrd]);
        var note = new NotRecordedSummary([ManiaWaitedFor, both, AneurysmNotWaitedFor], []).BeforeFirstDoseNote();

        Assert.Equal(FirstDoseNoteCase.OtherPathwaysWaiting, note.Case);
        Assert.Equal([Pathway.EsketamineTrd, Pathway.InvestigationalPtsdOcd], note.PathwaysWaiting);
    }

    [Fact]
    public void NoPathwayWaiting_WhenOnlyQuestionsNoPathwayWaitsForAreListed()
    {
        var note = new NotRecordedSummary([AneurysmNotWaitedFor], []).BeforeFirstDoseNote();

        Assert.Equal(FirstDoseNote.NoPathwayWaiting, note);
    }
}
