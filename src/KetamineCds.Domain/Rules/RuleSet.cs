using System.Security.Cryptography;
using System.Text;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// A released, immutable set of rules with a version and a digest computed from the decision policy, the pathway map
/// and the rules' canonical definitions: change any rule's condition, kind, severity, citation or text and the digest
/// changes.
/// </summary>
public sealed class RuleSet
{
    public RuleSet(string version, IReadOnlyList<Rule> rules, IReadOnlyList<PathwayDefinition> pathways, string policy = DecisionPolicy.V1Text)
    {
        // The CDS Hooks card label ("KetamineCds rule set 1.7.0", cds-hooks.md) and the names of the earlier-release test
        // cases ("SUI-001 of 1.5.0") are spelled from the version: MAJOR.MINOR.PATCH, digits only (QA121 F9).
        if (!IsVersion(version))
        {
            throw new ArgumentException($"Rule-set version \"{version}\" is not MAJOR.MINOR.PATCH in digits only (such as 1.8.0): no suffix, no leading zero.", nameof(version));
        }

        Version = version;
        Policy = policy;
        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        Pathways = pathways.OrderBy(p => p.Pathway).ToArray();

        foreach (var rule in Rules.Where(r => r.Concerns is not null))
        {
            if (rule.Kind != FindingKind.Caution || rule.Concerns!.Count == 0)
            {
                throw new ArgumentException($"Rule {rule.Id} names the pathways it concerns; only a caution may, and it must name at least one.", nameof(rules));
            }
        }

        var duplicate = Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule id {duplicate.Key} is used twice.", nameof(rules));
        }

        foreach (var p in pathways)
        {
            if (Rules.All(r => r.Id != p.IndicationRuleId))
            {
                throw new ArgumentException($"Pathway {p.Pathway} names unknown rule {p.IndicationRuleId}.", nameof(pathways));
            }

            if (p.NotRuledOutRuleId is { } notRuledOut && (notRuledOut == p.IndicationRuleId || Rules.All(r => r.Id != notRuledOut)))
            {
                throw new ArgumentException($"Pathway {p.Pathway} names {notRuledOut} for its indication not yet ruled out, which is not another rule of the set.", nameof(pathways));
            }

            if (p.CompletenessRuleId is { } completeness && Rules.All(r => r.Id != completeness || r.Kind != FindingKind.Requirement))
            {
                throw new ArgumentException($"Pathway {p.Pathway} names {completeness}, which is not a requirement rule of the set.", nameof(pathways));
            }
        }

        if (Enum.GetValues<Pathway>().Any(pw => pathways.All(p => p.Pathway != pw)))
        {
            throw new ArgumentException("Every pathway must be defined.", nameof(pathways));
        }

        // Every response lists every pathway exactly once; a second definition would list one twice.
        var twice = pathways.GroupBy(p => p.Pathway).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Pathway {WireNames.Of(twice.Key)} is defined twice.", nameof(pathways));
        }

        RulesInFindingOrder = [.. Rules.OrderBy(r => r.Kind).ThenBy(r => r.Severity).ThenBy(r => r.Id, StringComparer.Ordinal)];
        ConcernsByRule = Rules.Where(r => r.Concerns is not null).ToDictionary(r => r.Id, r => r.Concerns!, StringComparer.Ordinal);
        CanonicalText = BuildCanonicalText();
        Identity = new RuleSetIdentity(version, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText))));
    }

    public string Version { get; }

    /// <summary>The decision policy's text, as it enters the digest (<see cref="DecisionPolicy"/>).</summary>
    public string Policy { get; }

    /// <summary>The rules, ordered by id.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>The rules in the order an assessment lists findings: kind, then severity, then id.</summary>
    public IReadOnlyList<Rule> RulesInFindingOrder { get; }

    public IReadOnlyList<PathwayDefinition> Pathways { get; }

    /// <summary>The pathways each caution that names them concerns, by rule id (<see cref="Rule.Concerns"/>; empty before 1.7.0).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Pathway>> ConcernsByRule { get; }

    public RuleSetIdentity Identity { get; }

    public string Digest => Identity.Digest;

    /// <summary>The exact text the digest is computed over.</summary>
    public string CanonicalText { get; }

    public Rule? Find(string ruleId) => Rules.FirstOrDefault(r => r.Id == ruleId);

    /// <summary>The rule with this id, which the set must have (a release rewording one of its rules).</summary>
    public Rule this[string ruleId] => Find(ruleId) ?? throw new KeyNotFoundException($"Rule set {Version} has no rule {ruleId}.");

    /// <summary>Whether <paramref name="version"/> is a rule-set version: three numbers in ASCII digits, without leading zeros, joined by dots.</summary>
    public static bool IsVersion(string? version)
    {
        var parts = version?.Split('.');
        return parts is { Length: 3 }
            && parts.All(p => p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0'));
    }

    /// <summary>
    /// The next version, declared as a difference from this one: rules added, rules replaced (same id, a new
    /// definition) and rules removed; the pathway map and the policy carried over unless given.
    /// </summary>
    public RuleSet Next(string version, IReadOnlyList<Rule>? add = null, IReadOnlyList<Rule>? replace = null, IReadOnlyList<string>? remove = null,
        IReadOnlyList<PathwayDefinition>? pathways = null, string? policy = null)
    {
        var byId = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var id in remove ?? [])
        {
            if (!byId.Remove(id))
            {
                throw new ArgumentException($"{version} removes {id}, which {Version} does not have.", nameof(remove));
            }
        }

        foreach (var rule in replace ?? [])
        {
            if (!byId.ContainsKey(rule.Id))
            {
                throw new ArgumentException($"{version} replaces {rule.Id}, which {Version} does not have.", nameof(replace));
            }

            byId[rule.Id] = rule;
        }

        foreach (var rule in add ?? [])
        {
            if (!byId.TryAdd(rule.Id, rule))
            {
                throw new ArgumentException($"{version} adds {rule.Id}, which {Version} already has.", nameof(add));
            }
        }

        return new RuleSet(version, [.. byId.Values], pathways ?? Pathways, policy ?? Policy);
    }

    private string BuildCanonicalText()
    {
        var sb = new StringBuilder();
        sb.Append("policy=").Append(Policy).Append('\n');
        foreach (var p in Pathways)
        {
            sb.Append("pathway=").Append(WireNames.Of(p.Pathway))
                .Append("|indication=").Append(p.IndicationRuleId)
                .Append("|investigational=").Append(p.InvestigationalOnly ? "true" : "false");
            if (p.CompletenessRuleId is { } completeness)
            {
                sb.Append("|completeness=").Append(completeness);
            }

            if (p.NotRuledOutRuleId is { } notRuledOut)
            {
                // Only where declared (from 1.19.0), so that every earlier release's line, and digest, stays as it was.
                sb.Append("|not-ruled-out=").Append(notRuledOut);
            }

            sb.Append('\n');
        }

        foreach (var rule in Rules)
        {
            sb.Append(rule.CanonicalDefinition()).Append('\n');
        }

        return sb.ToString();
    }
}
