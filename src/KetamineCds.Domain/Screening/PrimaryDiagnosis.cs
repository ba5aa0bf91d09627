namespace KetamineCds.Domain.Screening;

/// <summary>The primary psychiatric diagnosis (contract field <c>primaryDiagnosis</c>).</summary>
public enum PrimaryDiagnosis { Mdd, BipolarI, BipolarII, Ptsd, Ocd, Other }
