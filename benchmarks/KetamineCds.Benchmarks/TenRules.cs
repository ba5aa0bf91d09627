using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using RulesEngine.Models;
using DomainRule = KetamineCds.Domain.Rules.Rule;
using EngineRule = RulesEngine.Models.Rule;

namespace KetamineCds.Benchmarks;

/// <summary>
/// Ten representative rules, once as a Domain rule set and once as a Microsoft RulesEngine workflow of lambda
/// expressions: the six pathway indications (TRD-001, SUI-001, KET-001, BIP-001, PAL-001, INV-001) and four rules that
/// block or caution (PSY-001, VAS-001, BIP-002, CV-002).
/// </summary>
public static class TenRules
{
    public const string WorkflowName = "Screening";

    public static readonly string[] Ids = ["TRD-001", "SUI-001", "KET-001", "BIP-001", "PAL-001", "INV-001", "PSY-001", "VAS-001", "BIP-002", "CV-002"];

    /// <summary>
    /// The same ten rules as a Domain rule set (the pathway map needs the six indication rules), as released in 1.0.0,
    /// whose conditions the lambdas below restate.
    /// </summary>
    public static RuleSet DomainRuleSet()
    {
        var current = RuleSetCatalog.V1_0_0;
        DomainRule[] rules = [.. Ids.Select(id => current.Find(id) ?? throw new InvalidOperationException(id))];
        return new RuleSet("9.9.10", rules, current.Pathways);
    }

    /// <summary>The ten rules as lambda expressions over <see cref="FlatHistory"/>.</summary>
    public static Workflow Workflow() => new()
    {
        WorkflowName = WorkflowName,
        Rules =
        [
            Lambda("TRD-001", "h.PrimaryDiagnosis == \"mdd\" && h.CurrentDepressiveEpisode && h.FailedAdequateTrials >= 2"),
            Lambda("SUI-001", "h.PrimaryDiagnosis == \"mdd\" && h.CurrentDepressiveEpisode && (h.Suicidality == \"active-ideation\" || h.Suicidality == \"active-ideation-with-plan\" || h.Suicidality == \"recent-attempt\")"),
            Lambda("KET-001", "h.PrimaryDiagnosis == \"mdd\" && h.CurrentDepressiveEpisode && h.FailedAdequateTrials >= 2"),
            Lambda("BIP-001", "(h.PrimaryDiagnosis == \"bipolar-i\" || h.PrimaryDiagnosis == \"bipolar-ii\") && h.CurrentDepressiveEpisode"),
            Lambda("PAL-001", "h.LifeLimitingIllness && h.PrognosisWeeks >= 0 && h.PrognosisWeeks <= 8 && h.CurrentDepressiveEpisode"),
            Lambda("INV-001", "h.PrimaryDiagnosis == \"ptsd\" || h.PrimaryDiagnosis == \"ocd\""),
            Lambda("PSY-001", "h.Psychosis == \"active\""),
            Lambda("VAS-001", "h.AneurysmalVascularDisease"),
            Lambda("BIP-002", "(h.PrimaryDiagnosis == \"bipolar-i\" || h.PrimaryDiagnosis == \"bipolar-ii\") && (h.MoodStabilizer == \"none\" || h.MoodStabilizer == \"\")"),
            Lambda("CV-002", "h.SystolicBp > 140 || h.DiastolicBp > 90"),
        ],
    };

    private static EngineRule Lambda(string id, string expression) => new()
    {
        RuleName = id,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Expression = expression,
        SuccessEvent = id,
    };
}

/// <summary>
/// The history flattened for the RulesEngine expressions: strings for enumerations ("" for not recorded), false for a
/// boolean not recorded, -1 for a number not recorded (which no threshold above matches).
/// </summary>
public sealed class FlatHistory
{
    public required string PrimaryDiagnosis { get; init; }

    public required bool CurrentDepressiveEpisode { get; init; }

    public required int FailedAdequateTrials { get; init; }

    public required string Suicidality { get; init; }

    public required bool LifeLimitingIllness { get; init; }

    public required int PrognosisWeeks { get; init; }

    public required string Psychosis { get; init; }

    public required bool AneurysmalVascularDisease { get; init; }

    public required string MoodStabilizer { get; init; }

    public required int SystolicBp { get; init; }

    public required int DiastolicBp { get; init; }

    public static FlatHistory From(PatientHistory h) => new()
    {
        PrimaryDiagnosis = WireNames.Of(h.PrimaryDiagnosis),
        CurrentDepressiveEpisode = h.CurrentDepressiveEpisode,
        FailedAdequateTrials = h.FailedAdequateTrials,
        Suicidality = WireNames.Of(h.Suicidality),
        LifeLimitingIllness = h.LifeLimitingIllness == true,
        PrognosisWeeks = h.PrognosisWeeks ?? -1,
        Psychosis = WireNames.Of(h.Psychosis),
        AneurysmalVascularDisease = h.AneurysmalVascularDisease == true,
        MoodStabilizer = h.MoodStabilizer is { } m ? WireNames.Of(m) : "",
        SystolicBp = h.SystolicBp ?? -1,
        DiastolicBp = h.DiastolicBp ?? -1,
    };
}
