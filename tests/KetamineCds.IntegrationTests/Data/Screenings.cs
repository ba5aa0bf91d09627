using System.Text.Json;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>Screenings to log: histories the engine screens, submitted as the web app would submit them.</summary>
public static class Screenings
{
    public static readonly Actor Psychiatrist = new("user-1", "psychiatrist@demo.local", "Psychiatrist");

    public static PatientHistory Trd(string patient = "MRN-1") => new()
    {
        PatientReference = patient,
        AgeYears = 45,
        SexAtBirth = SexAtBirth.Male,
        PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 3,
        DistinctMechanisms = 2,
        OnOralAntidepressant = true,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.None,

        // Every safety item that could block a pathway is recorded as absent, so no pathway waits (rule set 1.1.0). The care
        // items (blood pressure, hepatic status, medicines, other safety history) are left unrecorded: under 1.1.0 the
        // decision is "eligible", under 1.2.0 they are cautions and it is "eligible-with-cautions".
        CurrentManiaOrMixedFeatures = false,
        SubstanceUse = SubstanceUse.None,
        AneurysmalVascularDisease = false,
        ArteriovenousMalformation = false,
        IntracerebralHemorrhageHistory = false,
        HypersensitivityToKetamine = false,
        SeriousCardiovascularOrCerebrovascularCondition = false,
        RecentMyocardialInfarctionOrStroke = false,
    };

    /// <summary>The same TRD patient with only the answers the form requires: under 1.1.0 every pathway waits (incomplete).</summary>
    public static PatientHistory TrdRequiredAnswersOnly(string patient = "MRN-1") => Trd(patient) with
    {
        CurrentManiaOrMixedFeatures = null,
        SubstanceUse = null,
        AneurysmalVascularDisease = null,
        ArteriovenousMalformation = null,
        IntracerebralHemorrhageHistory = null,
        HypersensitivityToKetamine = null,
        SeriousCardiovascularOrCerebrovascularCondition = null,
        RecentMyocardialInfarctionOrStroke = null,
    };

    public static ScreeningSubmission Submit(PatientHistory history, Actor? actor = null, RuleSet? ruleSet = null, string? inputJson = null) => new(
        history,
        inputJson ?? JsonSerializer.Serialize(history, ContractJson.Options),
        ScreeningEngine.Evaluate(history, ruleSet ?? RuleSetCatalog.Current),
        actor ?? Psychiatrist,
        "corr-" + Guid.NewGuid().ToString("N")[..8]);

    public static ScreeningSubmission Submit(string patient) => Submit(Trd(patient));

    /// <summary>A CDS Hooks answer that ran no rules (the chart lacked a required item), as the hook service records it.</summary>
    public static HookAnswerSubmission HookAnswer(string patient) => new(
        patient,
        ["failedAdequateTrials", "psychosis"],
        new Actor("Practitioner/ehr-1", "Practitioner/ehr-1", "EhrUser"),
        "corr-" + Guid.NewGuid().ToString("N")[..8],
        new HookOrigin("https://ehr.example", "Practitioner/ehr-1", "patient-view", Guid.NewGuid().ToString(), "ketamine-screening", [Guid.NewGuid()], "{\"patient\":{\"resourceType\":\"Patient\"}}"));
}
