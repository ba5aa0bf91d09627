using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>What the override form on a screening's result page posts.</summary>
public sealed class OverrideInput
{
    public OverrideDecision? Decision { get; set; }

    public OverrideReason? Reason { get; set; }

    public string? Explanation { get; set; }
}
