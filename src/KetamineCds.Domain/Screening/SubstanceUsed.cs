namespace KetamineCds.Domain.Screening;

/// <summary>A substance a substance use disorder involves (contract 1.1 field <c>substancesUsed</c>).</summary>
public enum SubstanceUsed { Alcohol, Opioids, Stimulants, Cannabis, KetamineOrPcp, Sedatives, Other }
