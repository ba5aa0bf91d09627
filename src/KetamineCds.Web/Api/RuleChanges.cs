using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Api;

/// <summary>What differs between two definitions of one rule, aspect by aspect, in the clinician's words.</summary>
public static class RuleChanges
{
    /// <summary>Each aspect that differs: its name and the before and after text.</summary>
    public static IReadOnlyList<(string Name, string Before, string After)> Of(Rule before, Rule after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        (string, string, string)[] aspects =
        [
            ("kind", WireNames.Of(before.Kind), WireNames.Of(after.Kind)),
            ("severity", WireNames.Of(before.Severity), WireNames.Of(after.Severity)),
            ("condition", before.ConditionText, after.ConditionText),
            ("canonical condition", before.Condition.Canonical, after.Condition.Canonical),
            ("summary", before.Summary, after.Summary),
            ("detail", before.Detail, after.Detail),
            ("principles", string.Join(", ", before.Principles), string.Join(", ", after.Principles)),
            ("sources", string.Join(", ", before.Sources), string.Join(", ", after.Sources)),
            ("concerns", Concerns(before), Concerns(after)),
        ];
        return [.. aspects.Where(a => !string.Equals(a.Item2, a.Item3, StringComparison.Ordinal))];
    }

    /// <summary>The pathways a caution marks as the rule names them (<see cref="Rule.Concerns"/>), or empty for every open pathway.</summary>
    public static string Concerns(Rule rule) => rule.Concerns is { } pathways ? string.Join(", ", pathways.Select(p => WireNames.Of(p))) : "";
}
