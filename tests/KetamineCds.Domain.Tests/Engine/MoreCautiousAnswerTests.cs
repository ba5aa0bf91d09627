using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// Which of two recorded answers is the more cautious (<see cref="FieldDefinition.MoreCautious"/>): data in the
/// catalogue, read where the chart and a clinician's screening answer the same question (QA13 H1).
/// </summary>
public class MoreCautiousAnswerTests
{
    private static readonly string[] Alcohol = ["alcohol"];

    private static readonly string[] AlcoholAndKetamine = ["alcohol", "ketamine-or-pcp"];

    /// <summary>
    /// The answers that are not a scale of caution: which mood stabilizer or antidepressant class; and the life-limiting
    /// illness, which decides whether the palliative pathway applies (P-PALLIATIVE, PAL-001) rather than what could harm, and
    /// which no chart fills (no value set), so no chart answer ever stands against a clinician's. Marked CanBlock because
    /// REC-005 waits for it (helper 310), it declares no order: which of its answers is the unsafe one to miss is not for
    /// the software to say.
    /// </summary>
    private static readonly string[] Unordered = ["moodStabilizer", "oralAntidepressantClass", "lifeLimitingIllness"];

    [Fact]
    public void Catalogue_EverySafetyQuestionAndCareItem_DeclaresWhichAnswerIsTheMoreCautious()
    {
        // A question whose absence could block a pathway or calls for care is one where a less cautious answer could hide
        // a contraindication or caution: it declares its order, so that a new one is never silently left to the chart.
        var fields = Fields.All.Where(f => f.NotRecorded != NotRecordedMeans.Nothing && f.Type is FieldType.YesNo or FieldType.Choice or FieldType.ChoiceList
            && !Unordered.Contains(f.Name)).ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.True(f.MoreCautious is not null, $"{f.Name} declares no MoreCautious"));
    }

    [Fact]
    public void Catalogue_EachDeclaredOrder_FitsTheFieldsType()
    {
        Assert.All(Fields.All.Where(f => f.MoreCautious is not null), f => Assert.Equal(
            f.MoreCautious switch
            {
                MoreCautiousAnswer.Yes or MoreCautiousAnswer.No => FieldType.YesNo,
                MoreCautiousAnswer.LaterChoice => FieldType.Choice,
                _ => FieldType.ChoiceList,
            },
            f.Type));
    }

    [Fact]
    public void MoreCautiousOf_YesNo_AYesOverANoAndTheSafetyNetsNoOverAYes()
    {
        Assert.Equal(true, Fields.AneurysmalVascularDisease.MoreCautiousOf(false, true));
        Assert.Null(Fields.AneurysmalVascularDisease.MoreCautiousOf(true, false));
        Assert.Null(Fields.AneurysmalVascularDisease.MoreCautiousOf(true, true));
        Assert.Equal(true, Fields.Pregnant.MoreCautiousOf(false, true));
        Assert.Equal(false, Fields.SafetyPlanInPlace.MoreCautiousOf(true, false));
        Assert.Null(Fields.SafetyPlanInPlace.MoreCautiousOf(false, true));
    }

    [Fact]
    public void MoreCautiousOf_Choice_TheLaterInTheCataloguesOrder()
    {
        Assert.Equal("active", Fields.SubstanceUse.MoreCautiousOf("in-remission", "active"));
        Assert.Null(Fields.SubstanceUse.MoreCautiousOf("active", "in-remission"));
        Assert.Equal("recent-attempt", Fields.Suicidality.MoreCautiousOf("none", "recent-attempt"));
        Assert.Equal("severe", Fields.HepaticImpairment.MoreCautiousOf("mild", "severe"));
        Assert.Null(Fields.Psychosis.MoreCautiousOf("active", "none"));
        Assert.Null(Fields.SubstanceUse.MoreCautiousOf("not-a-choice", "active"));
    }

    [Fact]
    public void MoreCautiousOf_ChoiceList_BothListsInTheCataloguesOrderWhenTheOtherNamesMore()
    {
        Assert.Equal(["alcohol", "ketamine-or-pcp"], Assert.IsType<List<string>>(Fields.SubstancesUsed.MoreCautiousOf(Alcohol, new List<string> { "ketamine-or-pcp" })));
        Assert.Null(Fields.SubstancesUsed.MoreCautiousOf(AlcoholAndKetamine, new List<string> { "ketamine-or-pcp" }));
    }

    [Fact]
    public void MoreCautiousOf_AFieldWithoutAnOrder_IsNeverMoreCautious()
    {
        Assert.Null(Fields.PrimaryDiagnosis.MoreCautiousOf("mdd", "bipolar-i"));
        Assert.Null(Fields.SystolicBp.MoreCautiousOf(120, 180));
        Assert.Null(Fields.CurrentDepressiveEpisode.MoreCautiousOf(false, true));
    }
}
