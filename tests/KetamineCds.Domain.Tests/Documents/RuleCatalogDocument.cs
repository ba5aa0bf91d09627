using System.Globalization;
using System.Text;
using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Documents;

/// <summary>
/// Renders a rule set as the markdown rule catalogue (<c>docs/rules.md</c>): identity, decision policy, pathway map,
/// every rule with its condition, kind, severity, topic and citations, the [K] facts still to verify
/// (<see cref="UnconfirmedFacts"/>) and where the sources disagree (<see cref="Discrepancies"/>). The Web app
/// can serve the same text; a test keeps the committed file equal to the rendering.
/// </summary>
public static class RuleCatalogDocument
{
    /// <summary>The command that rewrites <c>docs/rules.md</c> from the code.</summary>
    public const string RegenerateCommand =
        "KETAMINECDS_WRITE_RULES_DOC=1 dotnet test tests/KetamineCds.Domain.Tests -c Release --filter RulesDocument";

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
                .Append(Cell(indication?.ConditionText ?? ""));
            if (p.NotRuledOutRuleId is { } notRuledOut)
            {
                // From 1.19.0 a rule of its own says that the indication cannot yet be ruled out (PAL-003).
                sb.Append(" Cannot yet be ruled out (").Append(notRuledOut).Append(", decided as indicated): ")
                    .Append(Cell(ruleSet.Find(notRuledOut)?.ConditionText ?? ""));
            }

            sb.Append(" | ")
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
            var verify = UnconfirmedFacts.For(rule.Id);
            if (verify.Count > 0)
            {
                sb.Append("- Relies on unconfirmed facts: see [To verify](#to-verify) ")
                    .Append(string.Join(", ", verify.Select(k => k.Number.ToString(CultureInfo.InvariantCulture)))).Append('\n');
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
        sb.Append("| # | Fact | Where recorded | In the fact base | Rules |\n|---|---|---|---|---|\n");
        foreach (var k in UnconfirmedFacts.All)
        {
            sb.Append("| ").Append(k.Number.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(k.Fact)).Append(" | ")
                .Append(Cell(k.From)).Append(" | ").Append(k.Status == UnconfirmedFactStatus.Known ? "[K]" : "not recorded")
                .Append(" | ").Append(string.Join(", ", k.RuleIds)).Append(" |\n");
        }

        sb.Append("\n## Where the sources disagree\n\n");
        sb.Append("The discrepancies between the source document and the label and literature (`label-and-literature.md` section 8) that rule texts cite as D1 to D9, ");
        sb.Append("in this project's words, with the reading the rules encode (where they disagree, the safer one). The in-app Rules page shows the same list.\n\n");
        sb.Append("| Id | About | Where they disagree | What the rules encode | Rules |\n|---|---|---|---|---|\n");
        foreach (var d in Discrepancies.All)
        {
            sb.Append("| ").Append(d.Id).Append(" | ").Append(Cell(d.Subject)).Append(" | ").Append(Cell(d.Disagreement)).Append(" | ")
                .Append(Cell(d.Reading)).Append(" | ").Append(string.Join(", ", d.RuleIds)).Append(" |\n");
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
