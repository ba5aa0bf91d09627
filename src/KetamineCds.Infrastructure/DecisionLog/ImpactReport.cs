using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The result of running a period's screenings through a rule set.</summary>
/// <param name="RuleSet">The rule set analysed.</param>
/// <param name="Baseline">The rule set compared against, or null for the verdicts as logged.</param>
/// <param name="Examined">Screenings examined.</param>
/// <param name="Changes">Screenings whose verdict changes, in log order.</param>
/// <param name="Elapsed">How long the analysis took.</param>
/// <param name="Transitions">Every (before, after) verdict pair seen, with its count.</param>
/// <param name="Rules">For the changed screenings, the rules that newly fired or stopped firing, with counts, most frequent first.</param>
public sealed record ImpactReport(
    RuleSetIdentity RuleSet, RuleSetIdentity? Baseline, long Examined, IReadOnlyList<ImpactChange> Changes, TimeSpan Elapsed,
    IReadOnlyList<VerdictTransition> Transitions, IReadOnlyList<RuleImpact> Rules)
{
    public double ScreeningsPerSecond => Elapsed.TotalSeconds > 0 ? Examined / Elapsed.TotalSeconds : 0;
}
