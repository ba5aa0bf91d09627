namespace KetamineCds.Domain.Screening;

/// <summary>Psychosis status (contract field <c>psychosis</c>); see P-PSYCHOSIS.</summary>
public enum PsychosisStatus
{
    None,

    /// <summary>Past psychotic symptoms, now controlled on an antipsychotic.</summary>
    HistoryControlled,

    /// <summary>Past psychotic symptoms, not on an antipsychotic now (contract 1.1).</summary>
    HistoryUntreated,

    Active,
}
