using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// A clinician's decision against the recommendation in force on a screening (<see cref="EarlierScreening.DecisionInForceAsync"/>):
/// recorded on it, or shown on it though recorded on another (<see cref="EarlierScreening.DecisionCarriedAsync"/>).
/// </summary>
/// <param name="Override">The decision: the last override of the screening it was recorded on.</param>
/// <param name="Screening">The screening it was recorded on.</param>
/// <param name="Corrected">True when that screening is one the screening asked about corrects (followed back through corrections); false otherwise.</param>
public sealed record CarriedDecision(LoggedOverride Override, LoggedScreening Screening, bool Corrected)
{
    /// <summary>The id of the screening it was recorded on.</summary>
    public Guid RecordedOn => Screening.Id;
}
