namespace KetamineCds.Domain.Screening;

/// <summary>Substance use disorder status (contract field <c>substanceUse</c>).</summary>
public enum SubstanceUse { None, InRemission, Active }
