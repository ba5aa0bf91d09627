namespace KetamineCds.Domain.Screening;

/// <summary>One pathway's status and the rules that decided it.</summary>
public sealed record PathwayResult(Pathway Pathway, PathwayStatus Status, IReadOnlyList<string> RuleIds);
