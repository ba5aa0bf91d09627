namespace KetamineCds.Domain.Screening;

/// <summary>The overall verdict of a screening (contract field <c>overall</c>).</summary>
public enum Verdict
{
    Eligible,
    EligibleWithCautions,

    /// <summary>An indication exists and nothing recorded blocks it, but a safety item it depends on is not recorded (1.1).</summary>
    Incomplete,
    NotEligibleNow,
    NotIndicated,
}
