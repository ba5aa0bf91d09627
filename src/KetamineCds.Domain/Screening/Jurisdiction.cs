namespace KetamineCds.Domain.Screening;

/// <summary>The labelling regime that applies (contract field <c>jurisdiction</c>).</summary>
public enum Jurisdiction { Us, Eu }
