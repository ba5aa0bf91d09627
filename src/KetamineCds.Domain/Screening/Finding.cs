namespace KetamineCds.Domain.Screening;

/// <summary>
/// What one rule found: its kind and severity, the principles and sources it rests on, a summary and detail in
/// plain words, and the inputs that made it fire. Immutable; its principles and sources may be the
/// rule's own lists, shared with other findings of that rule, so store a finding by value (e.g. as JSON), never attach it
/// to a change tracker.
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
