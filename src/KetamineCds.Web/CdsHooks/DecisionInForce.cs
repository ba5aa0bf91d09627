using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// A decision against a recommendation in force where a hook's answers came from (QA132 F1): the latest override of the
/// clinician's screening that completed the chart, read as its result page, print and API read it
/// (<see cref="LoggedScreening.Overrides"/>, oldest first, the last in force); or the latest override of KetamineCds's earlier
/// answers to the EHR completed from that screening (a feedback "do not proceed" is recorded there).
/// </summary>
/// <param name="Override">The override in force.</param>
/// <param name="Screening">The screening it was recorded on.</param>
/// <param name="HookAnswer">True when that screening is an earlier answer to the EHR, false for the clinician's screening.</param>
public sealed record DecisionInForce(LoggedOverride Override, LoggedScreening Screening, bool HookAnswer)
{
    /// <summary>
    /// True when the decision goes against an answer with this verdict: "do not proceed" beside an open pathway (eligible,
    /// with or without cautions), "proceed" beside any other verdict (a contraindication, nothing indicated, answers missing).
    /// </summary>
    public bool Against(Verdict verdict) =>
        (Override.Decision == OverrideDecision.DoNotProceed) == (verdict is Verdict.Eligible or Verdict.EligibleWithCautions);
}
