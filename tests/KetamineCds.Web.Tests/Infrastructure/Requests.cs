using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>Screening requests the tests start from.</summary>
public static class Requests
{
    /// <summary>A valid request with only the contract's always-required answers: a 45-year-old, MDD, 3 failed trials.</summary>
    public static ScreeningRequest OnlyTheRequiredAnswers() => new()
    {
        [Fields.PatientReference] = "MRN-1",
        [Fields.AgeYears] = 45,
        [Fields.PrimaryDiagnosis] = "mdd",
        [Fields.CurrentDepressiveEpisode] = true,
        [Fields.FailedAdequateTrials] = 3,
        [Fields.OnOralAntidepressant] = true,
        [Fields.Psychosis] = "none",
        [Fields.Suicidality] = "none",
    };
}
