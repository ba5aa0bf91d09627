using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>
/// Helper 310: the catalogue marks the life-limiting illness <see cref="NotRecordedMeans.CanBlock"/>, as the palliative pathway
/// waits for it while it is not recorded (REC-005, from rule set 1.16.0; P-PALLIATIVE, PAL-001/PAL-003). No answer to it makes a
/// contraindication fire or closes a pathway: it decides whether the palliative pathway applies. So the pages name it where a
/// pathway waits for it ("Must be answered before a pathway can open"), and never as a question that could still rule a
/// pathway out when none waits for it, nor in the Contraindications section's questions that could block a pathway. Checked
/// under the rule sets around the change (<see cref="RuleSetsTried"/>), over histories that leave it blank beside every diagnosis, episode, suicidality and a contraindication
/// recorded or not.
/// </summary>
public sealed class LifeLimitingIllnessNotRecordedTests
{
    private static readonly bool[] YesAndNo = [true, false];

    private static readonly bool?[] AneurysmTried = [null, false, true];

    /// <summary>The first rule set that waits for anything, the last before REC-005 waits for the illness, the first that does, the first with PAL-003, and the current.</summary>
    private static readonly RuleSet[] RuleSetsTried = [RuleSetCatalog.V1_1_0, RuleSetCatalog.V1_15_0, RuleSetCatalog.V1_16_0, RuleSetCatalog.V1_19_0, RuleSetCatalog.Current];

    private static IEnumerable<PatientHistory> Histories() =>
        from diagnosis in Enum.GetValues<PrimaryDiagnosis>()
        from episode in YesAndNo
        from suicidality in Enum.GetValues<Suicidality>()
        from aneurysm in AneurysmTried
        let bipolar = diagnosis is PrimaryDiagnosis.BipolarI or PrimaryDiagnosis.BipolarII
        select new PatientHistory
        {
            PatientReference = "MRN-310",
            AgeYears = 60,
            SexAtBirth = SexAtBirth.Male,
            PrimaryDiagnosis = diagnosis,
            CurrentDepressiveEpisode = episode,
            FailedAdequateTrials = 3,
            OnOralAntidepressant = true,
            Psychosis = PsychosisStatus.None,
            Suicidality = suicidality,
            MoodStabilizer = bipolar ? MoodStabilizer.Lithium : null,
            AneurysmalVascularDisease = aneurysm,
        };

    [Fact]
    public void Catalogue_TheLifeLimitingIllness_CanBlock() =>
        Assert.Equal(NotRecordedMeans.CanBlock, Fields.LifeLimitingIllness.NotRecorded);

    [Fact]
    public void NotRecorded_TheLifeLimitingIllness_IsNamedOnlyWhereAPathwayWaitsForItAndNeverAsAContraindicationQuestion()
    {
        var waited = 0;
        foreach (var ruleSet in RuleSetsTried)
        {
            foreach (var history in Histories())
            {
                var assessment = ScreeningEngine.Evaluate(history, ruleSet);
                var summary = NotRecordedSummary.Of(assessment, history);
                var item = summary.SafetyQuestions.SingleOrDefault(q => q.Field == Fields.LifeLimitingIllness.Name);
                var context = $"{ruleSet.Version}, {WireNames.Of(history.PrimaryDiagnosis)}, episode {history.CurrentDepressiveEpisode}, {WireNames.Of(history.Suicidality)}, aneurysm {WireNames.Display(history.AneurysmalVascularDisease)}";
                Assert.True(item is null || item.Pathways.Count > 0, $"{context}: listed as a question that could still block a pathway, though none waits for it");
                waited += item is null ? 0 : 1;
                Assert.DoesNotContain(Fields.LifeLimitingIllness, ContraindicationsUnanswered.Of(assessment, history, summary).CouldBlock);
            }
        }

        // The check bites: the palliative pathway waits for it in some of these histories.
        Assert.True(waited > 0);
    }
}
