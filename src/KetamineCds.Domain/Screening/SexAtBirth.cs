namespace KetamineCds.Domain.Screening;

/// <summary>Sex recorded at birth (contract field <c>sexAtBirth</c>).</summary>
public enum SexAtBirth { Female, Male, Intersex, Unknown }
