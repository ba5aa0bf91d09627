namespace KetamineCds.Domain.Principles;

/// <summary>
/// Where the source document and the label and literature disagree (<c>label-and-literature.md</c>, section 8), in this
/// project's own words: the reading the current rules encode (where they disagree, the safer one) and the rules that
/// encode it. Rule texts cite the ids ("discrepancy D7"); the in-app Rules page lists them under anchors <c>#D1</c> to
/// <c>#D9</c>.
/// </summary>
public static class Discrepancies
{
    /// <summary>D1 to D9, in the fact base's order.</summary>
    public static IReadOnlyList<Discrepancy> All { get; } =
    [
        new("D1", "Esketamine with or without an oral antidepressant",
            "The source document describes esketamine as usually given with an oral antidepressant. Since January 2025 the US label allows it alone for TRD; the acute-suicidality indication still needs one, and the EU label gives it for TRD with an SSRI or SNRI.",
            "The requirement follows the indication and the labelling jurisdiction: a caution where the label needs the antidepressant (the EU for TRD, the suicidality indication); for US TRD without one, information that it is on-label and that combination is the usual practice.",
            ["TRD-004", "EU-001", "EU-002", "EU-003", "SUI-002"]),
        new("D2", "What counts as treatment-resistant depression",
            "The source document asks for several failed antidepressants of different mechanisms. The label and the EU consensus ask for at least two adequate trials (at least 4 weeks each) without response in the current episode, and no change of mechanism.",
            "The TRD pathways open on the regulatory definition; the source document's stricter reading is reported as information, not used as a gate.",
            ["TRD-001", "TRD-002", "TRD-003"]),
        new("D3", "Rapid relief of suicidality is not prevention",
            "The source document and the label agree that esketamine is approved for depression with acute suicidal ideation or behaviour and has not been shown to prevent suicide. In the two trials for this indication depression improved at 24 hours and suicidality improved in both arms; that the difference between the arms was not significant is still to be verified (To verify 5).",
            "The label's limitation of use is shown whenever suicidality is recorded: rapid relief is not prevention and does not replace hospitalisation.",
            ["SUI-006"]),
        new("D4", "What to monitor after each dose",
            "The source document names blood pressure, sedation and perceptual change for at least 2 hours. The current label and REMS add respiratory depression, with pulse oximetry, and a prescriber on site.",
            "The fuller list, pulse oximetry included, for at least 2 hours after every dose on every indicated pathway.",
            ["REMS-001", "REMS-002"]),
        new("D5", "Bipolar depression and the switch into mania",
            "The source document warns of a switch into mania and rules out ketamine alone. The controlled studies all gave it alongside lithium or valproate, and mania was rare and as frequent on placebo.",
            "Ketamine only as a short adjunct to a mood stabilizer at a therapeutic level, without which the pathway is blocked; the switch risk stays a caution, worded as uncertain, with monitoring for mania.",
            ["BIP-001", "BIP-002", "BIP-003", "BIP-006", "BIP-008"]),
        new("D6", "Active psychosis",
            "The source document allows treatment only once psychosis is controlled, as the trials excluded it. The label asks for careful assessment and benefit above risk rather than listing it as a contraindication; the pain consensus calls it a relative contraindication.",
            "The safer reading: active psychosis blocks every pathway; a controlled history is a high-severity caution with a plan to stop at once.",
            ["PSY-001", "PSY-002", "PSY-003", "PSY-004"]),
        new("D7", "Naltrexone and ketamine's effect",
            "The source document says naltrexone may weaken ketamine's antidepressant effect. One small trial in TRD suggested so; trials in depression with alcohol use disorder found no loss of response.",
            "A caution that says the evidence conflicts; naltrexone given for alcohol or opioid use disorder is never to be stopped to make room for ketamine.",
            ["NAL-001"]),
        new("D8", "Pain and opioid use",
            "The source document says ketamine may act on depression and pain together and help lower opioid use. The opioid-sparing evidence is strongest around surgery; in chronic pain it is weak, except in complex regional pain syndrome.",
            "Information only: the depression pathways are judged on their own criteria.",
            ["PAIN-001", "PAIN-002"]),
        new("D9", "Palliative care with a prognosis of weeks",
            "The source document calls a rapid-acting treatment reasonable when the prognosis is weeks. The evidence is small open-label and retrospective studies of oral or subcutaneous racemic ketamine.",
            "An off-label pathway with information that says so: the clinic's protocol and informed consent apply, and the REMS monitoring if esketamine is chosen.",
            ["PAL-001"]),
    ];
}
