namespace KetamineCds.Domain.Screening;

/// <summary>
/// What one rule found: its kind and severity, the principles and sources it rests on, a summary and detail in
/// plain words, and the inputs that made it fire. Findings are immutable, and the engine hands out the same instance
/// for the same rule and the same inputs, so an assessment's findings may be shared with other assessments (store them
/// by value, e.g. as JSON; never attach them to a change tracker).
/// </summary>
public sealed record Finding(
    string RuleId,
    FindingKind Kind,
    Severity Severity,
    IReadOnlyList<string> Principles,
    IReadOnlyList<string> Sources,
    string Summary,
    string Detail,
    IReadOnlyList<Evidence> Because);
