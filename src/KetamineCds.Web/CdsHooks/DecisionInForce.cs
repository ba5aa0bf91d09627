using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// A decision against a recommendation in force where a hook's answers came from (QA132 F1): the clinician's decision in
/// force on the screening that completed the chart, by the rule its result page, print and the patient list read it by
/// (<see cref="Screenings.EarlierScreening.DecisionInForceAsync"/>: its latest override, or, for a correction without one,
/// the latest recorded on the screening it corrects, QA137 F1); or the latest override of KetamineCds's earlier answers to
/// the EHR completed from that screening (a feedback "do not proceed" is recorded there).
/// </summary>
/// <param name="Override">The override in force.</param>
/// <param name="Screening">The screening it was recorded on.</param>
/// <param name="HookAnswer">True when that screening is an earlier answer to the EHR, false for the clinician's screening (or the one it corrects).</param>
public sealed record DecisionInForce(LoggedOverride Override, LoggedScreening Screening, bool HookAnswer)
{
    /// <summary>
    /// The decision stated. An override that stated none (an EHR's bare "overridden", QA141 F3) is never a decision in force:
    /// <see cref="LastStated"/> passes over it.
    /// </summary>
    public OverrideDecision Decision { get; } = Override.Decision ?? throw new ArgumentException("An override that stated no decision is no decision in force.", nameof(Override));

    /// <summary>
    /// The last of <paramref name="overrides"/> (oldest first) that states a decision; null when none does. An EHR's feedback
    /// "overridden" without an override reason is recorded with no decision (QA141 F3) and never becomes one in force. The
    /// one rule for the EHR's card and for the result page, print and patient list (<see cref="Screenings.EarlierScreening"/>).
    /// </summary>
    public static LoggedOverride? LastStated(IReadOnlyList<LoggedOverride> overrides) => overrides.LastOrDefault(o => o.Decision is not null);

    /// <summary>
    /// The correction whose answers were used, when the decision was recorded on the screening it corrects (and not again on
    /// the correction); null when it was recorded on the screening whose answers were used, or on an answer to the EHR.
    /// </summary>
    public Guid? CorrectedBy { get; init; }

    /// <summary>
    /// True when the decision goes against an answer with this verdict: "do not proceed" beside an open pathway (eligible,
    /// with or without cautions), "proceed" beside any other verdict (a contraindication, nothing indicated, answers missing).
    /// </summary>
    public bool Against(Verdict verdict) =>
        (Decision == OverrideDecision.DoNotProceed) == (verdict is Verdict.Eligible or Verdict.EligibleWithCautions);
}
