namespace KetamineCds.Domain.Screening;

/// <summary>The class of the current oral antidepressant (contract 1.1 field <c>oralAntidepressantClass</c>).</summary>
public enum OralAntidepressantClass { Ssri, Snri, Other }
