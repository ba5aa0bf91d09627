using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>A decision against the recommendation shown on a screening it was not recorded on (<see cref="EarlierScreening.DecisionCarriedAsync"/>).</summary>
/// <param name="Override">The decision: the last override of the screening it was recorded on.</param>
/// <param name="RecordedOn">The screening it was recorded on.</param>
/// <param name="Corrected">True when that screening is one this one corrects; false when this is an answer to the EHR completed from it.</param>
public sealed record CarriedDecision(LoggedOverride Override, Guid RecordedOn, bool Corrected);
