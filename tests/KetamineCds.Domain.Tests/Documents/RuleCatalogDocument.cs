using System.Globalization;
using System.Text;
using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Documents;

/// <summary>
/// Renders a rule set as the markdown rule catalogue (<c>docs/rules.md</c>): identity, decision policy, pathway map,
/// every rule with its condition, kind, severity, topic and citations, and the [K] facts still to verify. The Web app
/// can serve the same text; a test keeps the committed file equal to the rendering.
/// </summary>
public static class RuleCatalogDocument
{
    /// <summary>The command that rewrites <c>docs/rules.md</c> from the code.</summary>
    public const string RegenerateCommand =
        "KETAMINECDS_WRITE_RULES_DOC=1 dotnet test tests/KetamineCds.Domain.Tests -c Release --filter RulesDocument";

    /// <summary>The unconfirmed facts the current rules rely on: [K] facts of <c>label-and-literature.md</c>, and facts it does not record.</summary>
    public static IReadOnlyList<UnconfirmedFact> ToVerify { get; } =
    [
        new("A written safety plan (for example Stanley-Brown) and lethal-means counselling are standard suicide-care practice; no specific source was retrieved, so these requirements rest on the source document's principle alone.",
            "label-and-literature.md section 2.5 and section 10 item 7",
            ["SUI-003", "SUI-004", "SUI-005", "SUI-007", "SUI-009", "SUI-010"]),
        new("The psychosis protocol \"use only once antipsychotics control the psychosis, stop at once if it worsens\" is expert opinion; no trial supports it.",
            "label-and-literature.md section 6.2",
            ["PSY-002", "PSY-003", "PSY-004"]),
        new("The US label appears to have no separate starting dose for patients aged 65 or over (only the EU/HK labelling starts at 28 mg); not confirmed against the current US SPL.",
            "label-and-literature.md section 1.6 and section 10 item 1",
            ["AGE-003"]),
        new("No modification of the SPRAVATO REMS after 31 December 2024 was seen; the current setting requirements (a truncated item), the current Patient Monitoring Form fields (including pulse oximetry) and its adverse-outcome block are not confirmed.",
            "label-and-literature.md sections 2.2 and 2.4, section 10 item 3",
            ["REMS-001", "REMS-002", "REMS-003", "REMS-004", "MED-001", "MED-002"]),
        new("In ASPIRE I and II the between-group difference in suicidality severity (CGI-SS-r) was not significant; the excerpt read was truncated.",
            "label-and-literature.md section 1.9, section 8 D3 and section 10 item 4",
            ["SUI-006"]),
        new("The current US SPL (version 18, March 2026): exact indication wording, section numbering, the respiratory-depression warning text and the pregnancy wording (\"not recommended\") were not read; most label text comes from the 2019 label and later secondary sources.",
            "label-and-literature.md version caveat and section 10 item 1",
            ["TRD-001", "TRD-004", "SUI-001", "SUI-002", "REMS-002", "MED-002", "REP-001"]),
        new("The full texts of the ketamine consensus statements (Sanacora 2017, McIntyre 2021) were not read: their relative contraindications (psychosis, substance use, hypertension and cardiac disease, pregnancy) and monitoring parameters are known only from abstracts and secondary summaries.",
            "label-and-literature.md sections 3.1 and 3.2, section 10 item 2",
            ["KET-001", "KET-002", "SUB-001", "SUB-002"]),
        new("The EMA guideline's verbatim TRD definition (at least two antidepressants of the same or a different class) is not confirmed.",
            "label-and-literature.md section 5.1 and section 10 item 5",
            ["TRD-001", "TRD-002"]),
        new("The PHQ-9 \"no permission required to reproduce\" statement was not retrieved; the app reads only the scores the clinician records.",
            "label-and-literature.md section 7.1 and section 10 item 6",
            ["SCR-001", "SCR-002", "SUI-008"]),
        new("The EU SmPC's contraindication of a recent significant cardiovascular event (myocardial infarction or stroke within the previous 6 weeks) is not in the fact base: its EU SmPC section records only the indications, the psychiatrist's decision, blood pressure before dosing and the setting for unstable cardiovascular or respiratory conditions. CV-006 blocks on this contraindication as known, not as read.",
            "label-and-literature.md section 1.10 (not recorded there)",
            ["CV-006"]),
        new("The 180/110 mmHg threshold that defers the session is a clinic-policy choice, not a number from the label or the consensus: the label gives 140/90 only as a general guide for a benefit-risk decision to delay, the fact base records a third-party \"BP below 160/100\" claim as not label text, and the consensus statements' hypertension criteria were not read in full. The clinic must confirm the threshold, and say whether a rested repeat reading on the same day may reopen a deferred session (no source in the fact base says). From 1.4.0 CV-002 stops where CV-003 starts, so it rests on the same threshold.",
            "label-and-literature.md section 1.4 (Increase in blood pressure) and section 10 item 2",
            ["CV-002", "CV-003"]),
        new("That a patient who stops naltrexone loses opioid tolerance and is at risk of a fatal overdose on relapse is general pharmacology: no source key in the fact base states it (its naltrexone section covers only whether naltrexone blunts ketamine's effect).",
            "label-and-literature.md section 4 (not stated there)",
            ["NAL-001"]),
        new("No driving until the next day after a restful sleep, and the 2-hour observation, are the esketamine label's and REMS's requirements; for racemic ketamine (off-label TRD, bipolar adjunct, palliative) they are applied by analogy, the safer reading. The consensus asks for vital-sign and mental-status monitoring but no source in the fact base sets the driving advice or the observation time for racemic ketamine.",
            "label-and-literature.md section 1.4 (Impaired ability to drive), section 1.5 and section 3",
            ["REMS-002", "REMS-003"]),
        new("That respiratory disease or sleep apnoea raises the risk of respiratory depression after esketamine is this app's reading: the fact base records the respiratory-depression warning, pulse oximetry and the EU setting for unstable respiratory conditions, not a higher risk in these patients.",
            "label-and-literature.md sections 1.3, 1.4 and 1.10",
            ["CV-007"]),
        new("Whether the pivotal esketamine trials excluded recent substance use disorder is not confirmed; only the IV ketamine trial in depression with alcohol use disorder (Yoon) is.",
            "label-and-literature.md sections 3.3 and 4",
            ["SUB-001"]),
        new("That lamotrigine gives no protection against mania (so that, in bipolar I, lamotrigine alone counts as no mood stabilizer) is general psychopharmacology; no source key in the fact base states it.",
            "label-and-literature.md section 6.1 (not stated there)",
            ["BIP-002", "BIP-005"]),
        new("That naltrexone and opioids together block opioid analgesia and risk withdrawal, or overdose if the blockade is overridden, is general pharmacology; no source key in the fact base states it.",
            "label-and-literature.md section 4 (not stated there)",
            ["NAL-002"]),
        new("The 2020 benzodiazepine cohort (FRONT-PSYCHIATRY-2020-BZD) is known by its journal, year, size and DOI only: its authors, title and route of ketamine are not in the fact base, and neither source key is yet in its key table; the fact base also read only part of the current esketamine label, so that the label says nothing of a dose effect is as far as it shows.",
            "label-and-literature.md section 3.4 and version caveat",
            ["MED-006"]),
        new("The rapid reduction of suicidal thoughts within hours (P-SUICIDALITY-RAPID) comes from studies of intravenous ketamine, none of which is a source key in the fact base; SUI-006 cites only the esketamine label's limitation of use for it.",
            "label-and-literature.md source keys (no IV ketamine suicidality study) and section 8 D3",
            ["SUI-006"]),
    ];

    /// <summary>The catalogue of a rule set as markdown, with <c>\n</c> line endings.</summary>
    public static string Render(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var sb = new StringBuilder(64 * 1024);

        sb.Append("# Rule catalogue\n\n");
        sb.Append("Generated from the code (`KetamineCds.Domain.Tests.Documents.RuleCatalogDocument.Render`); do not edit by hand. ");
        sb.Append("A test fails when this file differs from the rendering. To regenerate it:\n\n");
        sb.Append("```sh\n").Append(RegenerateCommand).Append("\n```\n\n");
        sb.Append("KetamineCds supports, and never replaces, the clinician's judgement. Principles (`P-...`) are listed in ");
        sb.Append("`shared/clinical/principles.md`; source keys in `shared/clinical/label-and-literature.md`.\n\n");

        sb.Append("## Rule set\n\n");
        sb.Append("| | |\n|---|---|\n");
        sb.Append("| Version | ").Append(ruleSet.Version).Append(" |\n");
        sb.Append("| Digest | `").Append(ruleSet.Digest).Append("` |\n");
        sb.Append("| Rules | ").Append(ruleSet.Rules.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n\n");
        sb.Append("The digest is the SHA-256 of the rule set's canonical text: the decision policy, the pathway map and every ");
        sb.Append("rule's id, kind, severity, principles, sources, canonical condition, condition text, summary and detail. ");
        sb.Append("Any change to a rule changes it.\n\n");

        sb.Append("## Decision policy\n\n");
        sb.Append(ruleSet.Policy).Append(".\n\n");
        sb.Append("- `contraindication`: blocks every indicated pathway now (status `not-eligible`).\n");
        sb.Append("- `caution`: every open pathway becomes `eligible-with-cautions`; a caution that names the pathways it concerns (from 1.7.0: one indication's label condition) marks only those. The overall verdict counts every caution.\n");
        sb.Append("- `requirement`: must be in place or arranged; never changes a status.\n");
        sb.Append("- `information`: for the clinician; never changes a status.\n\n");

        sb.Append("## Pathway map\n\n");
        sb.Append("| Pathway | Indication rule | Indicated when | Reported as |\n|---|---|---|---|\n");
        foreach (var p in ruleSet.Pathways)
        {
            var indication = ruleSet.Find(p.IndicationRuleId);
            sb.Append("| `").Append(WireNames.Of(p.Pathway)).Append("` | ").Append(p.IndicationRuleId).Append(" | ")
                .Append(Cell(indication?.ConditionText ?? "")).Append(" | ")
                .Append(p.InvestigationalOnly ? "`investigational-only` when indicated and not blocked" : "`eligible` or `eligible-with-cautions` when indicated and not blocked")
                .Append(" |\n");
        }

        sb.Append('\n');

        sb.Append("## Rules at a glance\n\n");
        sb.Append("| Id | Topic | Kind | Severity | Summary |\n|---|---|---|---|---|\n");
        foreach (var rule in ByTopic(ruleSet))
        {
            sb.Append("| [").Append(rule.Id).Append("](#").Append(rule.Id.ToLowerInvariant()).Append(") | ")
                .Append(rule.Topic).Append(" | ").Append(WireNames.Of(rule.Kind)).Append(" | ")
                .Append(WireNames.Of(rule.Severity)).Append(" | ").Append(Cell(rule.Summary)).Append(" |\n");
        }

        sb.Append('\n');

        sb.Append("## Rules by topic\n");
        string? topic = null;
        foreach (var rule in ByTopic(ruleSet))
        {
            if (rule.Topic != topic)
            {
                topic = rule.Topic;
                sb.Append("\n### ").Append(topic).Append('\n');
            }

            sb.Append("\n#### ").Append(rule.Id).Append("\n\n");
            sb.Append(rule.Summary).Append("\n\n");
            sb.Append("- Kind: `").Append(WireNames.Of(rule.Kind)).Append("`; severity: `").Append(WireNames.Of(rule.Severity)).Append("`\n");
            sb.Append("- Topic: ").Append(rule.Topic).Append('\n');
            if (rule.Concerns is { } concerns)
            {
                sb.Append("- Concerns: ").Append(string.Join(", ", concerns.Select(p => "`" + WireNames.Of(p) + "`"))).Append(" only (the pathways this caution marks)\n");
            }

            sb.Append("- Condition: ").Append(rule.ConditionText).Append('\n');
            sb.Append("- Canonical condition: `").Append(rule.Condition.Canonical).Append("`\n");
            sb.Append("- Principles: ").Append(List(rule.Principles)).Append('\n');
            sb.Append("- Sources: ").Append(List(rule.Sources)).Append('\n');
            var verify = ToVerify.Where(k => k.RuleIds.Contains(rule.Id)).ToArray();
            if (verify.Length > 0)
            {
                sb.Append("- Relies on unconfirmed facts: see [To verify](#to-verify)\n");
            }

            sb.Append('\n').Append(rule.Detail).Append('\n');
        }

        sb.Append("\n## Principles and sources cited\n\n");
        sb.Append("| Id or key | Cited by |\n|---|---|\n");
        foreach (var p in Citations.AllPrinciples)
        {
            sb.Append("| ").Append(p.Id).Append(" (").Append(p.Reference).Append(") | ").Append(CitedBy(ruleSet, r => r.Principles.Contains(p.Id))).Append(" |\n");
        }

        foreach (var s in Citations.AllSources)
        {
            sb.Append("| ").Append(s.Key).Append(" | ").Append(CitedBy(ruleSet, r => r.Sources.Contains(s.Key))).Append(" |\n");
        }

        sb.Append("\n## To verify\n\n");
        sb.Append("Facts that rules rely on and that no source read confirms: those tagged [K] in `label-and-literature.md` (known, not confirmed in a source that was read), and those it does not record at all (general pharmacology, clinic policy, readings by analogy). ");
        sb.Append("None is encoded as certain; each must be checked before release.\n\n");
        sb.Append("| # | Fact | Where recorded | Rules |\n|---|---|---|---|\n");
        for (var i = 0; i < ToVerify.Count; i++)
        {
            var k = ToVerify[i];
            sb.Append("| ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(k.Fact)).Append(" | ")
                .Append(Cell(k.From)).Append(" | ").Append(string.Join(", ", k.RuleIds)).Append(" |\n");
        }

        return sb.ToString();
    }

    private static IEnumerable<Rule> ByTopic(RuleSet ruleSet) =>
        ruleSet.Rules.OrderBy(r => r.Topic, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal);

    private static string CitedBy(RuleSet ruleSet, Func<Rule, bool> cites)
    {
        var ids = ruleSet.Rules.Where(cites).Select(r => r.Id).ToArray();
        return ids.Length == 0 ? "(no rule)" : string.Join(", ", ids);
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
