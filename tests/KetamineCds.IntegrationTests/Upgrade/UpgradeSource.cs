namespace KetamineCds.IntegrationTests.Upgrade;

/// <summary>
/// One fixture of Upgrade/Fixtures: its folder, the newest migration the older build(s) applied on each database, the
/// decision log as recorded on each, the checkpoints signed over it, and Lee's authenticator key on each (null when Lee
/// has no second factor there).
/// </summary>
public sealed record UpgradeSource(
    string Name, string LastOldMigrationSqlite, string LastOldMigrationPostgres,
    IReadOnlyList<OldEntry> SqliteEntries, IReadOnlyList<OldEntry> PostgresEntries, int Checkpoints,
    string? LeeAuthenticatorKeySqlite, string? LeeAuthenticatorKeyPostgres);
