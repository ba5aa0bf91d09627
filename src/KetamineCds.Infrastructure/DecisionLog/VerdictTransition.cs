namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>How many screenings went from one verdict to another (the cells of the from/to matrix, unchanged ones included).</summary>
public sealed record VerdictTransition(string From, string To, long Count);
