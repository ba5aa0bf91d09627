namespace KetamineCds.Domain.Screening;

/// <summary>How much a finding weighs (contract field <c>severity</c>).</summary>
public enum Severity { High, Moderate, Low }
