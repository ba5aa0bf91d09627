using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// How verdicts, pathways, statuses and findings are shown: always words and a symbol, with colour only as a
/// third cue (never colour alone).
/// </summary>
public static class Display
{
    public static (string Text, string Symbol, string Css) Of(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => ("Eligible", "\u2714", "ok"),
        Verdict.EligibleWithCautions => ("Eligible with cautions", "!", "caution"),
        Verdict.NotEligibleNow => ("Not eligible now", "\u2716", "blocked"),
        _ => ("Not indicated: standard care first", "\u2013", "neutral"),
    };

    public static string Explain(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => "An indicated pathway is open and nothing calls for caution.",
        Verdict.EligibleWithCautions => "An indicated pathway is open, with cautions to weigh before treating.",
        Verdict.NotEligibleNow => "An indication exists, but a contraindication or unmet precondition blocks treatment now.",
        _ => "No ketamine or esketamine pathway applies to this history.",
    };

    public static (string Text, string Symbol, string Css) Of(PathwayStatus status) => status switch
    {
        PathwayStatus.Eligible => ("Eligible", "\u2714", "ok"),
        PathwayStatus.EligibleWithCautions => ("Eligible with cautions", "!", "caution"),
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

    /// <summary>A "because" item in words: the field's label and the recorded value.</summary>
    public static string Because(Evidence evidence)
    {
        var value = evidence.Value switch
        {
            "true" => "yes",
            "false" => "no",
            _ when ContractFields.Find(evidence.Field)?.Type == FieldType.Choice => FormFields.ChoiceLabel(evidence.Value),
            _ => evidence.Value,
        };
        return $"{ContractFields.LabelOf(evidence.Field)}: {value}";
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
}
