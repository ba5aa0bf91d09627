namespace KetamineCds.IntegrationTests.Upgrade;

/// <summary>
/// One decision-log entry of the fixture as the older build recorded it: its place, type, patient reference, verdict
/// (null for an entry that ran no rules) and the rule set it was made under.
/// </summary>
public sealed record OldEntry(long Sequence, string EntryType, string PatientReference, string? Overall, string? RuleSetVersion);
