using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests;

/// <summary>
/// Screenings written straight into the app's decision log (not through a page or the API): one decided under an older
/// rule set, logged as of a rule set this build does not release, or recorded as another user would have.
/// </summary>
internal static class LoggedDirectly
{
    /// <summary>The eight required answers only (an adult with MDD, three failed trials, on an oral antidepressant).</summary>
    public static PatientHistory RequiredAnswers(string reference, int ageYears = 45) => new()
    {
        PatientReference = reference,
        AgeYears = ageYears,
        PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 3,
        OnOralAntidepressant = true,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.None,
    };

    /// <summary>
    /// Records <paramref name="history"/> with <paramref name="assessment"/> (the current rule set's when null) as the log
    /// stores a screening, its input being the history's contract JSON.
    /// </summary>
    public static async Task<Guid> RecordAsync(
        KetamineCdsFactory factory, PatientHistory history, Actor actor, string correlationId, Assessment? assessment = null, Guid? submissionId = null)
    {
        var log = factory.Services.GetRequiredService<IDecisionLog>();
        var logged = await log.RecordScreeningAsync(new ScreeningSubmission(
            history, JsonSerializer.Serialize(history, ContractJson.Options), assessment ?? ScreeningEngine.Evaluate(history, RuleSetCatalog.Current), actor, correlationId)
        { SubmissionId = submissionId });
        return logged.Id;
    }
}
