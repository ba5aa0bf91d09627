namespace KetamineCds.Domain.Screening;

/// <summary>The status of one pathway (contract field <c>status</c>).</summary>
public enum PathwayStatus
{
    Eligible,
    EligibleWithCautions,

    /// <summary>Indicated and not blocked by anything recorded, but a safety item that could block it is not recorded (1.1).</summary>
    Incomplete,
    NotEligible,
    NotApplicable,
    InvestigationalOnly,
}
