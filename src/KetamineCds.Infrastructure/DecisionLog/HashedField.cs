namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>One field of a decision-log entry that the hash chain covers (<see cref="ChainHash.DecisionFields"/>).</summary>
/// <param name="Name">The name it is hashed, and exported, under.</param>
/// <param name="Text">Its text as hashed: null for a null.</param>
/// <param name="OnlyWhenPresent">
/// Hashed only when not null: a field added after entries were written, which then hash exactly as they did before it.
/// </param>
/// <param name="IsNumber">Exported as a JSON number rather than a string (the hash takes its text either way).</param>
public sealed record HashedField(string Name, Func<DecisionLogEntry, string?> Text, bool OnlyWhenPresent = false, bool IsNumber = false);
