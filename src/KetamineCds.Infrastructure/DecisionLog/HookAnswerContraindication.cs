using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A contraindication a CDS Hooks answer reported although the chart lacked what a screening requires: the rule and the
/// chart's inputs that made it fire (a recorded contraindication blocks a pathway whatever else is missing).
/// </summary>
/// <param name="RuleId">The rule, in the entry's rule set.</param>
/// <param name="Because">The inputs that made it fire.</param>
public sealed record HookAnswerContraindication(string RuleId, IReadOnlyList<Evidence> Because);
