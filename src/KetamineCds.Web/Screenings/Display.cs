using System.Globalization;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// How verdicts, pathways, statuses, findings and recorded answers are shown: always words and a symbol, with colour
/// only as a third cue (never colour alone). "Incomplete" has its own words, symbol and style: it is never shown as
/// eligible and never with a tick.
/// </summary>
public static class Display
{
    /// <summary>How a field that was not recorded is shown.</summary>
    public const string NotRecorded = "Not recorded";

    /// <summary>The symbol of an incomplete verdict or pathway: a part-filled circle, never a tick.</summary>
    public const string IncompleteSymbol = "\u25D4";

    public static (string Text, string Symbol, string Css) Of(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => ("Eligible", "\u2714", "ok"),
        Verdict.EligibleWithCautions => ("Eligible with cautions", "!", "caution"),
        Verdict.Incomplete => ("Incomplete \u2014 not recorded", IncompleteSymbol, "incomplete"),
        Verdict.NotEligibleNow => ("Not eligible now", "\u2716", "blocked"),
        _ => ("Not indicated: standard care first", "\u2013", "neutral"),
    };

    public static string Explain(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => "An indicated pathway is open and nothing calls for caution.",
        Verdict.EligibleWithCautions => "An indicated pathway is open, with cautions to weigh before treating.",
        Verdict.Incomplete => "An indication exists and nothing recorded blocks it, but safety items it depends on are not recorded, so no pathway can open yet. A blank answer is never read as \"no\": record them and screen again.",
        Verdict.NotEligibleNow => "An indication exists, but a contraindication or unmet precondition blocks treatment now.",
        _ => "No ketamine or esketamine pathway applies to this history.",
    };

    public static (string Text, string Symbol, string Css) Of(PathwayStatus status) => status switch
    {
        PathwayStatus.Eligible => ("Eligible", "\u2714", "ok"),
        PathwayStatus.EligibleWithCautions => ("Eligible with cautions", "!", "caution"),
        PathwayStatus.Incomplete => ("Incomplete \u2014 not recorded", IncompleteSymbol, "incomplete"),
        PathwayStatus.NotEligible => ("Not eligible", "\u2716", "blocked"),
        PathwayStatus.InvestigationalOnly => ("Investigational only", "?", "investigational"),
        _ => ("Not applicable", "\u2013", "neutral"),
    };

    public static string Of(Pathway pathway) => pathway switch
    {
        Pathway.EsketamineTrd => "Esketamine for treatment-resistant depression",
        Pathway.EsketamineSuicidalIdeation => "Esketamine for depression with acute suicidal ideation",
        Pathway.KetamineOffLabelTrd => "Off-label IV ketamine for treatment-resistant depression",
        Pathway.BipolarAdjunct => "Ketamine as an adjunct in bipolar depression",
        Pathway.PalliativeRapidActing => "Rapid-acting treatment in palliative care",
        _ => "PTSD / OCD (investigational)",
    };

    /// <summary>A pathway's short name, for lists where the full name would not fit (the print's "waits for").</summary>
    public static string ShortName(Pathway pathway) => pathway switch
    {
        Pathway.EsketamineTrd => "esketamine TRD",
        Pathway.EsketamineSuicidalIdeation => "esketamine suicidal ideation",
        Pathway.KetamineOffLabelTrd => "off-label ketamine TRD",
        Pathway.BipolarAdjunct => "bipolar adjunct",
        Pathway.PalliativeRapidActing => "palliative",
        _ => "PTSD / OCD",
    };

    public static (string Heading, string Css) Of(FindingKind kind) => kind switch
    {
        FindingKind.Contraindication => ("Contraindications", "blocked"),
        FindingKind.Caution => ("Cautions", "caution"),
        FindingKind.Requirement => ("Requirements", "requirement"),
        _ => ("Information", "neutral"),
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.High => "High",
        Severity.Moderate => "Moderate",
        _ => "Low",
    };

    /// <summary>Choice values whose words depend on the field (<c>other</c>, <c>none</c>, <c>active</c>).</summary>
    private static readonly Dictionary<(string Field, string Value), string> FieldChoiceLabels = new()
    {
        [("primaryDiagnosis", "other")] = "Other diagnosis",
        [("moodStabilizer", "none")] = "None",
        [("moodStabilizer", "other")] = "Another mood stabilizer",
        [("psychosis", "none")] = "None",
        [("psychosis", "active")] = "Active psychosis",
        [("suicidality", "none")] = "None",
        [("substanceUse", "none")] = "None",
        [("substanceUse", "active")] = "Active",
        [("substancesUsed", "other")] = "Other substances",
        [("oralAntidepressantClass", "other")] = "Another class (not an SSRI or SNRI)",
        [("hepaticImpairment", "none")] = "None",
    };

    /// <summary>The clinician's words for contract choice values, whatever the field.</summary>
    private static readonly Dictionary<string, string> ChoiceLabels = new(StringComparer.Ordinal)
    {
        ["female"] = "Female",
        ["male"] = "Male",
        ["intersex"] = "Intersex",
        ["unknown"] = "Unknown",
        ["us"] = "US (FDA label)",
        ["eu"] = "EU (SmPC)",
        ["mdd"] = "Major depressive disorder",
        ["bipolar-i"] = "Bipolar I disorder",
        ["bipolar-ii"] = "Bipolar II disorder",
        ["ptsd"] = "PTSD",
        ["ocd"] = "OCD",
        ["lithium"] = "Lithium",
        ["valproate"] = "Valproate",
        ["lamotrigine"] = "Lamotrigine",
        ["atypical-antipsychotic"] = "Atypical antipsychotic",
        ["history-controlled"] = "History of psychosis, now controlled on an antipsychotic",
        ["history-untreated"] = "History of psychosis, not on an antipsychotic now",
        ["active"] = "Active",
        ["passive-ideation"] = "Passive ideation",
        ["active-ideation"] = "Active ideation",
        ["active-ideation-with-plan"] = "Active ideation with a plan",
        ["recent-attempt"] = "Attempt within the last 3 months",
        ["in-remission"] = "In remission",
        ["alcohol"] = "Alcohol",
        ["opioids"] = "Opioids",
        ["stimulants"] = "Stimulants",
        ["cannabis"] = "Cannabis",
        ["ketamine-or-pcp"] = "Ketamine or PCP",
        ["sedatives"] = "Sedatives",
        ["ssri"] = "SSRI",
        ["snri"] = "SNRI",
        ["mild"] = "Mild (Child-Pugh A)",
        ["moderate"] = "Moderate (Child-Pugh B)",
        ["severe"] = "Severe (Child-Pugh C)",
        ["none"] = "None",
        ["other"] = "Other",
    };

    /// <summary>The clinician's words for a contract choice value of a field.</summary>
    public static string ChoiceLabel(string field, string value) =>
        FieldChoiceLabels.TryGetValue((field, value), out var specific) ? specific
        : ChoiceLabels.TryGetValue(value, out var label) ? label
        : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.Replace('-', ' '));

    /// <summary>A contract value (as a <c>because</c> item or the input summary spells it) in words.</summary>
    public static string Value(string field, string? value)
    {
        if (value is null || value == WireNames.NotRecorded)
        {
            return NotRecorded;
        }

        return Fields.Find(field)?.Type switch
        {
            Domain.Screening.FieldType.YesNo => value switch { "true" => "Yes", "false" => "No", _ => value },
            Domain.Screening.FieldType.Choice => ChoiceLabel(field, value),
            Domain.Screening.FieldType.ChoiceList => value.Length == 0 ? "None" : string.Join(", ", value.Split(", ").Select(v => ChoiceLabel(field, v))),
            _ => Fields.Find(field)?.Unit is { } unit ? $"{value} {unit}" : value,
        };
    }

    /// <summary>A "because" item in words: the field's label and the recorded value ("Not recorded" where it was not).</summary>
    public static string Because(Evidence evidence) => $"{Fields.LabelOf(evidence.Field)}: {Value(evidence.Field, evidence.Value)}";

    /// <summary>
    /// Every answer of the history in the contract's order, each with its label and value in words, "Not recorded"
    /// where it was not; the patient reference, age and note are shown elsewhere and left out.
    /// </summary>
    public static IReadOnlyList<(FieldDefinition Field, string Value, bool Recorded)> Answers(PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return
        [
            .. Fields.All
                .Where(f => f.Name is not ("patientReference" or "ageYears" or "clinicianNote"))
                .Select(f => f.ValueOf(history) is { } v
                    ? (f, Value(f.Name, WireNames.Display(v)), true)
                    : (f, NotRecorded, false)),
        ];
    }

    public static string Of(KetamineCds.Infrastructure.DecisionLog.OverrideReason reason) => reason switch
    {
        KetamineCds.Infrastructure.DecisionLog.OverrideReason.BenefitOutweighsRiskAfterReview => "Benefit outweighs risk after review",
        KetamineCds.Infrastructure.DecisionLog.OverrideReason.SpecialistAdviceObtained => "Specialist advice obtained",
        KetamineCds.Infrastructure.DecisionLog.OverrideReason.ContraindicationResolvedOrInaccurate => "Contraindication resolved or inaccurate",
        KetamineCds.Infrastructure.DecisionLog.OverrideReason.PatientPreference => "Patient preference",
        KetamineCds.Infrastructure.DecisionLog.OverrideReason.ClinicalConcernNotCapturedByRules => "Clinical concern not captured by the rules",
        KetamineCds.Infrastructure.DecisionLog.OverrideReason.RecordedDataIncorrect => "Recorded data incorrect",
        _ => "Other",
    };

    /// <summary>The anchor of a rule on the rule catalogue page.</summary>
    public static string RuleLink(string ruleId) => $"/Rules#{ruleId}";

    /// <summary>The anchor of a principle on the principles page.</summary>
    public static string PrincipleLink(string principleId) => $"/Principles#{principleId}";

    /// <summary>The intake form, filled with a recorded screening's answers (a re-screen is a new log entry).</summary>
    public static string RescreenLink(Guid screeningId) => $"/Screenings/New?from={screeningId}";
}
