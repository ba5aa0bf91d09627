using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The result of running a period's screenings through a rule set.</summary>
/// <param name="RuleSet">The rule set analysed.</param>
/// <param name="Baseline">The rule set compared against, or null for the verdicts as logged.</param>
/// <param name="Examined">
/// Screenings examined: those whose stored history could be read and whose input as submitted holds the same answers.
/// </param>
/// <param name="Changes">Screenings whose verdict changes, in log order.</param>
/// <param name="Elapsed">How long the analysis took.</param>
/// <param name="Transitions">Every (before, after) verdict pair seen, with its count.</param>
/// <param name="Rules">For the changed screenings, the rules that newly fired or stopped firing, with counts, most frequent first.</param>
public sealed record ImpactReport(
    RuleSetIdentity RuleSet, RuleSetIdentity? Baseline, long Examined, IReadOnlyList<ImpactChange> Changes, TimeSpan Elapsed,
    IReadOnlyList<VerdictTransition> Transitions, IReadOnlyList<RuleImpact> Rules)
{
    /// <summary>At most this many unreadable entries are named; <see cref="UnreadableCount"/> counts them all.</summary>
    public const int UnreadableListedAtMost = 1000;

    /// <summary>The period's screenings whose stored history could not be read (left out of the analysis), in log order.</summary>
    public IReadOnlyList<UnreadableEntry> Unreadable { get; init; } = [];

    /// <summary>How many screenings of the period were left out because their history could not be read.</summary>
    public long UnreadableCount { get; init; }

    /// <summary>
    /// The period's screenings whose stored inputs disagree (the input as submitted and the history evaluated hold different
    /// answers, <see cref="StoredInputs"/>), left out of the analysis, in log order; at most
    /// <see cref="UnreadableListedAtMost"/> named, <see cref="InputsDisagreeCount"/> counts them all.
    /// </summary>
    public IReadOnlyList<UnreadableEntry> InputsDisagree { get; init; } = [];

    /// <summary>How many screenings of the period were left out because their stored inputs disagree.</summary>
    public long InputsDisagreeCount { get; init; }

    /// <summary>
    /// How many screenings of the period were left out because a correction supersedes them: the decision in force is the
    /// latest correction, counted in their place (in the period it was recorded in), so an encounter is counted once.
    /// </summary>
    public long SupersededCount { get; init; }

    /// <summary>
    /// The period's screenings that a verification named as broken (QA318 F2: the place the last full verification, or a
    /// later failed check, found first), left out of the analysis, in log order: their stored verdict may be a forgery.
    /// At most <see cref="UnreadableListedAtMost"/> named; <see cref="KnownBrokenCount"/> counts them all.
    /// </summary>
    public IReadOnlyList<UnreadableEntry> KnownBroken { get; init; } = [];

    /// <summary>How many screenings of the period were left out because a verification named them as broken.</summary>
    public long KnownBrokenCount { get; init; }

    public double ScreeningsPerSecond => Elapsed.TotalSeconds > 0 ? Examined / Elapsed.TotalSeconds : 0;
}
