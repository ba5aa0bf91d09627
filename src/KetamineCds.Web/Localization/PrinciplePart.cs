namespace KetamineCds.Web.Localization;

/// <summary>The texts of a principle, as they appear in its resource keys.</summary>
public enum PrinciplePart { Statement, Caveat, Section }
