using System.Security.Cryptography;
using System.Text;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// A released, immutable set of rules with a version and a digest computed from the rules' canonical definitions
/// and the pathway map: change any rule's condition, kind, severity, citation or text and the digest changes.
/// </summary>
public sealed class RuleSet
{
    /// <summary>How findings become pathway statuses and a verdict; part of the digest.</summary>
    internal const string DecisionPolicy =
        "contraindication blocks every indicated pathway; caution marks every open pathway with-cautions; "
        + "overall ignores investigational pathways: open -> eligible or eligible-with-cautions (any caution), "
        + "else blocked -> not-eligible-now, else not-indicated";

    private readonly Conditions.Condition[] _conditions;
    private ScreeningPlan? _plan;

    public RuleSet(string version, IReadOnlyList<Rule> rules, IReadOnlyList<PathwayDefinition> pathways)
    {
        Version = version;
        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        Pathways = pathways.OrderBy(p => p.Pathway).ToArray();

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

        // Each rule's condition is read once (a rule's condition never changes); the engine's plan is compiled from them
        // on the first screening, so that a rule set made only for its digest never pays for it.
        _conditions = [.. Rules.Select(r => r.Condition)];

        CanonicalText = BuildCanonicalText();
        Identity = new RuleSetIdentity(version, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText))));
    }

    public string Version { get; }

    /// <summary>The rules, ordered by id.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<PathwayDefinition> Pathways { get; }

    public RuleSetIdentity Identity { get; }

    public string Digest => Identity.Digest;

    /// <summary>The exact text the digest is computed over.</summary>
    public string CanonicalText { get; }

    public Rule? Find(string ruleId) => Rules.FirstOrDefault(r => r.Id == ruleId);

    /// <summary>The rule set compiled for <see cref="ScreeningEngine"/> (a few milliseconds, once).</summary>
    internal ScreeningPlan Plan =>
        Volatile.Read(ref _plan) ?? Interlocked.CompareExchange(ref _plan, new ScreeningPlan(Rules, _conditions, Pathways), null) ?? _plan!;

    private string BuildCanonicalText()
    {
        var sb = new StringBuilder();
        sb.Append("policy=").Append(DecisionPolicy).Append('\n');
        foreach (var p in Pathways)
        {
            sb.Append("pathway=").Append(WireNames.Of(p.Pathway))
                .Append("|indication=").Append(p.IndicationRuleId)
                .Append("|investigational=").Append(p.InvestigationalOnly ? "true" : "false")
                .Append('\n');
        }

        foreach (var rule in Rules)
        {
            sb.Append(rule.CanonicalDefinition()).Append('\n');
        }

        return sb.ToString();
    }
}
