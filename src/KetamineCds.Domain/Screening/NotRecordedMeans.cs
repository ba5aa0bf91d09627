namespace KetamineCds.Domain.Screening;

/// <summary>What it means for the screening when a field is not recorded (contract 1.1, "not recorded is never no").</summary>
public enum NotRecordedMeans
{
    /// <summary>Context only: nothing can be blocked or withheld for want of it.</summary>
    Nothing,

    /// <summary>Calls for care: a requirement or caution says so, but no pathway waits for it.</summary>
    CallsForCare,

    /// <summary>Could block a pathway: while it is not recorded the pathway is <c>incomplete</c>, never eligible.</summary>
    CanBlock,
}
