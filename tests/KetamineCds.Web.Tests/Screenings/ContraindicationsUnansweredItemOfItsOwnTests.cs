using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Completeness;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;
using Logged = KetamineCds.IntegrationTests.Data.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>
/// Helper 315: the Contraindications section names a safety question of the "Not recorded" summary as one that could block a
/// pathway only when a contraindication of the screening's rule set reads it, or a pathway waits for it on the
/// contraindications' account (<see cref="PathwayCompleteness.WaitsForOnTheContraindicationsAccount"/>). A question a pathway
/// waits for only as an item of its own is the summary's to name, whichever field it is: shown on a hypothetical version built
/// here and never released, the current set without SUI-009, the one contraindication that reads suicidal intent, which REC-002
/// still waits for as an item of its own.
/// </summary>
public sealed class ContraindicationsUnansweredItemOfItsOwnTests
{
    private static readonly bool?[] BlankNoYes = [null, false, true];

    /// <summary>The hypothetical version: the current set without SUI-009, REC-001 to REC-006 built again to wait for the rest.</summary>
    private static RuleSet WithoutSui009()
    {
        var without = RuleSetCatalog.Current.Next("99.0.0", remove: ["SUI-009"]);
        return without.Next("99.0.0", replace: [.. PathwayCompleteness.WaitingForContraindicationsOf(without)]);
    }

    /// <summary>
    /// Depression in an episode with active ideation and the safety net in place; suicidal intent not recorded. From the
    /// logged TRD history (every safety item that could block a pathway recorded absent), with one failed trial.
    /// </summary>
    private static readonly PatientHistory ActiveIdeationIntentBlank = Logged.Trd("MRN-315") with
    {
        AgeYears = 40,
        FailedAdequateTrials = 1,
        DistinctMechanisms = null,
        Suicidality = Suicidality.ActiveIdeation,
        SafetyPlanInPlace = true,
        LethalMeansCounselled = true,
        FollowUpArranged = true,
        PreparatoryActsOrAbortedAttempt = false,
    };

    private static ContraindicationsUnanswered Section(PatientHistory history, RuleSet ruleSet, out NotRecordedSummary summary)
    {
        var assessment = ScreeningEngine.Evaluate(history, ruleSet);
        summary = NotRecordedSummary.Of(assessment, history, ruleSet);
        return ContraindicationsUnanswered.Of(assessment, history, summary, ruleSet);
    }

    [Fact]
    public void Section_AnItemAPathwayAsksForItselfThatNoContraindicationReads_IsNotAQuestionThatCouldBlock()
    {
        var hypothetical = WithoutSui009();
        Assert.DoesNotContain(hypothetical.Rules, r => r.Kind == FindingKind.Contraindication && r.Condition.FieldsRead().Contains(Fields.SuicidalIntent));

        var section = Section(ActiveIdeationIntentBlank, hypothetical, out var summary);

        // The suicidal-ideation pathway still waits for the intent, and the summary names it there.
        var waited = Assert.Single(summary.BeforeAPathwayCanOpen, q => q.Field == Fields.SuicidalIntent.Name);
        Assert.Equal([Pathway.EsketamineSuicidalIdeation], waited.Pathways);
        Assert.DoesNotContain(Fields.SuicidalIntent, section.Questions);
    }

    [Fact]
    public void Section_TheSameItemReadByAContraindication_IsAQuestionThatCouldBlock()
    {
        // The released set: SUI-009 reads the intent (imminent risk), so the section names it.
        var section = Section(ActiveIdeationIntentBlank, RuleSetCatalog.Current, out var summary);

        Assert.Contains(summary.BeforeAPathwayCanOpen, q => q.Field == Fields.SuicidalIntent.Name);
        Assert.Contains(Fields.SuicidalIntent, section.CouldBlock);
    }

    [Fact]
    public void Section_EveryReleasedRuleSet_NamesAsCouldBlockOnlyQuestionsOfItsContraindications()
    {
        var (illnessWaitedFor, assessmentNamed) = (0, 0);
        foreach (var ruleSet in RuleSetCatalog.All)
        {
            var read = ruleSet.Rules.Where(r => r.Kind == FindingKind.Contraindication).SelectMany(r => r.Condition.FieldsRead()).ToHashSet();
            var onTheirAccount = ruleSet.Rules.Select(r => r.AsDefined).OfType<PathwayCompleteness>().SelectMany(r => r.WaitsForOnTheContraindicationsAccount).ToHashSet();
            foreach (var history in Histories())
            {
                var section = Section(history, ruleSet, out var summary);
                foreach (var question in section.CouldBlock)
                {
                    Assert.True(read.Contains(question) || onTheirAccount.Contains(question), $"{ruleSet.Version}, {WireNames.Of(history.Suicidality)}: {question.Name} is named as a question that could block a pathway, though no answer to it could give a contraindication");
                }

                illnessWaitedFor += summary.BeforeAPathwayCanOpen.Count(q => q.Field == Fields.LifeLimitingIllness.Name);
                assessmentNamed += section.CouldBlock.Count(q => q == Fields.SuicideRiskAssessedAfterItem9);
            }
        }

        // The check bites: a pathway waits for the life-limiting illness, which no contraindication reads (REC-005, from 1.16.0),
        // and the section names the item-9 assessment, which none reads either but every pathway waits for on their account.
        Assert.True(illnessWaitedFor > 0);
        Assert.True(assessmentNamed > 0);
    }

    /// <summary>
    /// Histories that leave blank the questions a pathway waits for without a contraindication reading them: the life-limiting
    /// illness, suicidal intent and recent behaviour beside each suicidality, and the assessment after a positive item 9.
    /// </summary>
    private static IEnumerable<PatientHistory> Histories() =>
        from suicidality in Enum.GetValues<Suicidality>()
        from lifeLimiting in BlankNoYes
        from aneurysm in BlankNoYes
        let suicidal = suicidality != Suicidality.None
        select ActiveIdeationIntentBlank with
        {
            Suicidality = suicidality,
            SuicidalIntent = null,
            PreparatoryActsOrAbortedAttempt = suicidal ? null : false,
            SafetyPlanInPlace = suicidal ? true : null,
            LethalMeansCounselled = suicidal ? false : null,
            FollowUpArranged = suicidal ? true : null,
            LifeLimitingIllness = lifeLimiting,
            PrognosisWeeks = lifeLimiting == true ? 6 : null,
            Phq9Total = 14,
            Phq9Item9 = 2,
            AneurysmalVascularDisease = aneurysm,
        };
}
