namespace KetamineCds.Domain.Rules;

/// <summary>What changed between two rule sets: rules added, changed (same id, another definition) and removed.</summary>
/// <param name="From">The earlier rule set.</param>
/// <param name="To">The later rule set.</param>
/// <param name="Added">Rules only the later set has, by id.</param>
/// <param name="Changed">Rules both sets have with different definitions: (before, after), by id.</param>
/// <param name="Removed">Rules only the earlier set has, by id.</param>
/// <param name="PolicyChanged">True when the decision policy or the pathway map differs.</param>
public sealed record RuleSetDiff(RuleSet From, RuleSet To, IReadOnlyList<Rule> Added, IReadOnlyList<(Rule Before, Rule After)> Changed, IReadOnlyList<Rule> Removed, bool PolicyChanged)
{
    /// <summary>The difference from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static RuleSetDiff Between(RuleSet from, RuleSet to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = from.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var after = to.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new RuleSetDiff(
            from,
            to,
            [.. to.Rules.Where(r => !before.ContainsKey(r.Id))],
            [.. to.Rules.Where(r => before.TryGetValue(r.Id, out var old) && old.CanonicalDefinition() != r.CanonicalDefinition()).Select(r => (before[r.Id], r))],
            [.. from.Rules.Where(r => !after.ContainsKey(r.Id))],
            from.Policy != to.Policy || !from.Pathways.SequenceEqual(to.Pathways));
    }
}
