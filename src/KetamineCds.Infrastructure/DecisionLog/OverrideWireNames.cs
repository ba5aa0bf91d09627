using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// An override's decision and reason as exports and the API write them: the enum's wire name, or, for an override that
/// stated none (an EHR's bare "overridden" feedback, QA141 F3), <see cref="NotStated"/> and <see cref="NoneGiven"/>, never
/// a decision or reason nobody gave.
/// </summary>
public static class OverrideWireNames
{
    /// <summary>The decision of an override that stated none.</summary>
    public const string NotStated = "not-stated";

    /// <summary>The reason of an override that gave none.</summary>
    public const string NoneGiven = "none-given";

    public static string Of(OverrideDecision? decision) => decision is { } d ? WireNames.Of(d) : NotStated;

    public static string Of(OverrideReason? reason) => reason is { } r ? WireNames.Of(r) : NoneGiven;
}
