using System.Globalization;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Every English text the CDS Hooks cards and service descriptions show, in one place so that they can be localized.
/// Summaries stay within 140 characters (the spec's limit; <see cref="Summary"/> enforces it).
/// </summary>
public static class CardTexts
{
    public const string PatientViewTitle = "Ketamine and esketamine screening";
    public const string PatientViewDescription = "Screens the patient for ketamine or esketamine treatment from the chart, with the KetamineCds rule set, and names what the chart does not record.";
    public const string OrderSignTitle = "Ketamine and esketamine order check";
    public const string OrderSignDescription = "When an order for ketamine or esketamine is about to be signed, screens the patient with the KetamineCds rule set and names what the chart does not record.";

    public const string SupportsNotReplaces = "KetamineCds supports, and never replaces, the clinician's judgement.";

    public static string SourceLabel(string ruleSetVersion) => $"KetamineCds rule set {ruleSetVersion}";

    public const string OpenFormLabel = "Complete the screening in KetamineCds (prefilled from the chart)";

    public static string IncompleteSummary(int notRecorded) => Summary(notRecorded == 1
        ? "Ketamine screening incomplete: 1 item is not recorded in the chart"
        : string.Create(CultureInfo.InvariantCulture, $"Ketamine screening incomplete: {notRecorded} items are not recorded in the chart"));

    public const string IncompleteIntro =
        "The screening cannot give a result yet: what the chart does not hold is **not recorded**, never read as \"no\". "
        + "Complete these items in KetamineCds; the form opens prefilled with what the chart sent.";

    /// <summary>What the incomplete card cites: safety screening before treatment, and the definition of TRD (the trials).</summary>
    public const string IncompleteCites = "Cites: P-SAFETY-REMS, P-TRD-DEFINITION.";

    public const string RequiredHeading = "**Needed before the rules can run:**";
    public const string SafetyHeading = "**Safety items not recorded (each could block a pathway):**";
    public const string NeedsAttentionHeading = "**Recorded in the chart in a form the screening cannot use (check them on the form):**";
    public const string CareHeading = "**Items that call for care while not recorded:**";

    public static string ContraindicationSummary(string finding) => Summary("Ketamine contraindicated: " + finding);

    public static string CautionsSummary(int count) => Summary(count == 1
        ? "Ketamine: 1 caution to weigh before treatment"
        : string.Create(CultureInfo.InvariantCulture, $"Ketamine: {count} cautions to weigh before treatment"));

    public static string EligibleSummary(string pathways) => Summary("Ketamine screening: eligible for " + pathways);

    public const string NotIndicatedSummary = "Ketamine screening: no pathway is indicated for this patient";
    public const string EligibleRequirementsHeading = "**Requirements of the open pathways:**";
    public const string OpenPathwaysHeading = "**Open pathways:**";

    public static string Because(string evidence) => "Because: " + evidence;

    public static string Cites(IEnumerable<string> principles, IEnumerable<string> sources)
    {
        var all = principles.Concat(sources).ToList();
        return all.Count == 0 ? "" : "Cites: " + string.Join(", ", all) + ".";
    }

    public static string Recorded(string screeningId) => $"Recorded in the KetamineCds decision log as screening {screeningId}.";

    public static string CompletedFrom(string screeningId, DateTimeOffset recordedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"What the chart does not record was taken from screening {screeningId}, completed in KetamineCds on {recordedAt:yyyy-MM-dd}.");

    public static string AnswerRecorded(string entryId) => $"Recorded in the KetamineCds decision log as answer {entryId}.";

    public const string FeedbackExplanation = "Overridden in the EHR (CDS Hooks feedback); no comment was given.";

    /// <summary>Cuts a summary to the spec's 140 characters at a word, with an ellipsis.</summary>
    public static string Summary(string text)
    {
        if (text.Length <= 140)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', 138);
        return string.Concat(text.AsSpan(0, cut > 80 ? cut : 139), "\u2026");
    }
}
