using KetamineCds.IntegrationTests.Fixtures;
using Npgsql;

namespace KetamineCds.IntegrationTests.Upgrade;

/// <summary>
/// The databases older builds wrote (Upgrade/Fixtures, README.md there says which commits and commands made them) and
/// what they hold: the decision log's entries as those builds recorded them, and the accounts they made.
/// </summary>
public static class UpgradeFixture
{
    public const string OwnerRole = "ketaminecds_owner";
    public const string AppRole = "ketaminecds_app";

    /// <summary>The SQLite file, as the last older build left it (stopped, its WAL checkpointed into the file).</summary>
    public const string SqliteFile = "clinic.sqlite";

    /// <summary>The PostgreSQL database, as <c>pg_dump</c> (plain SQL) wrote it.</summary>
    public const string PostgresDump = "clinic.postgres.sql";

    /// <summary>The older build's checkpoint public key (PEM), trusted by the new version as after a key rotation.</summary>
    public const string OldCheckpointPublicKey = "checkpoint-public.pem";

    public const string DemoPassword = "Demo!Passw0rd1";

    /// <summary>An account an administrator made in the first build (mixed-case email); a second factor enrolled in the second.</summary>
    public const string Lee = "Dr.Lee@Clinic.example";

    public const string LeePassword = "Upgrade-Lee-2026!kappa";

    /// <summary>An account made in the second build, whose first password was changed at its first sign-in.</summary>
    public const string Kim = "Nurse.Kim@Clinic.example";

    public const string KimPassword = "Upgrade-Kim-2026!sigma";

    /// <summary>
    /// The first release that recorded screenings (96f108dc, schema InitialCreate + AppendOnlyLogs, and on PostgreSQL
    /// Lz4LogCompression): every later migration, the data-touching ones included, runs over its rows at the upgrade.
    /// Entries: a patient's screening, another's with active psychosis, the first patient's again under a lower-case
    /// reference by Lee, an override of the second (rule set 1.0.0). No checkpoints (that build had none).
    /// </summary>
    public static UpgradeSource FirstRelease { get; } = new(
        "first-release",
        "20261126042430_AppendOnlyLogs",
        "20261126064812_Lz4LogCompression",
        [
            new(1, "screening", "Upg-A1", "eligible", "1.0.0"),
            new(2, "screening", "Upg-A2", "not-eligible-now", "1.0.0"),
            new(3, "screening", "upg-a1", "eligible-with-cautions", "1.0.0"),
            new(4, "override", "Upg-A2", null, null),
        ],
        [
            new(1, "screening", "Upg-A1", "eligible", "1.0.0"),
            new(2, "screening", "Upg-A2", "not-eligible-now", "1.0.0"),
            new(3, "screening", "upg-a1", "eligible-with-cautions", "1.0.0"),
            new(4, "override", "Upg-A2", null, null),
        ],
        Checkpoints: 0,
        LeeAuthenticatorKeySqlite: null,
        LeeAuthenticatorKeyPostgres: null);

    /// <summary>
    /// The same clinic upgraded once before (96f108dc, then f9430b7a of 2026-11-30, up to SubmissionIds): entries of
    /// rule set 1.0.0 then 1.7.0; Kim made, Lee's second factor enrolled, a correction of entry 1, overrides, CDS Hooks
    /// answers (logged without their inputs, as that build did), two checkpoints signed by f9430b7a.
    /// </summary>
    public static UpgradeSource TwoReleases { get; } = new(
        "two-releases",
        "20261129211624_SubmissionIds",
        "20261129211644_SubmissionIds",
        [
            new(1, "screening", "Upg-A1", "eligible", "1.0.0"),
            new(2, "screening", "Upg-A1", "eligible", "1.0.0"),
            new(3, "screening", "Upg-A2", "not-eligible-now", "1.0.0"),
            new(4, "screening", "upg-a1", "eligible-with-cautions", "1.0.0"),
            new(5, "override", "Upg-A2", null, null),
            new(6, "screening", "UPG-C2", "incomplete", "1.7.0"),
            new(7, "screening", "UPG-A1", "incomplete", "1.7.0"),
            new(8, "screening", "Upg-C1", "incomplete", "1.7.0"),
            new(9, "screening", "Upg-A1", "not-indicated", "1.7.0"),
            new(10, "override", "Upg-C1", null, null),
            new(11, "override", "UPG-A1", null, null),
            new(12, "hook-answer", "ex-mdd-aaa", "not-eligible-now", "1.7.0"),
        ],
        [
            new(1, "screening", "Upg-A1", "eligible", "1.0.0"),
            new(2, "screening", "Upg-A2", "not-eligible-now", "1.0.0"),
            new(3, "screening", "upg-a1", "eligible-with-cautions", "1.0.0"),
            new(4, "override", "Upg-A2", null, null),
            new(5, "screening", "UPG-C2", "incomplete", "1.7.0"),
            new(6, "screening", "UPG-A1", "incomplete", "1.7.0"),
            new(7, "screening", "Upg-C1", "incomplete", "1.7.0"),
            new(8, "screening", "Upg-A1", "not-indicated", "1.7.0"),
            new(9, "hook-answer", "ex-mdd-aaa", "not-eligible-now", "1.7.0"),
            new(10, "override", "Upg-C1", null, null),
            new(11, "override", "UPG-A1", null, null),
            new(12, "hook-answer", "ex-mdd-aaa", "not-eligible-now", "1.7.0"),
        ],
        Checkpoints: 2,
        LeeAuthenticatorKeySqlite: "2c4r 3gvi vfqe x3yu wh7i rrus yykp aaf6",
        LeeAuthenticatorKeyPostgres: "47uk myxf 33ne xzlt xfrs fu32 g77m wew2");

    public static UpgradeSource Named(string name) => name == FirstRelease.Name ? FirstRelease : name == TwoReleases.Name ? TwoReleases
        : throw new ArgumentException($"No upgrade fixture '{name}'.", nameof(name));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures");

    /// <summary>A new temp folder with a copy of the fixture's checkpoint folder (if any) and the old public key.</summary>
    public static string NewWorkFolder(UpgradeSource source, string provider)
    {
        ArgumentNullException.ThrowIfNull(source);
        var folder = Path.Combine(Path.GetTempPath(), $"ketaminecds-upgrade-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "checkpoints"));
        var checkpoints = Path.Combine(Folder, source.Name, "checkpoints-" + provider);
        foreach (var file in Directory.Exists(checkpoints) ? Directory.GetFiles(checkpoints) : [])
        {
            File.Copy(file, Path.Combine(folder, "checkpoints", Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(Folder, OldCheckpointPublicKey), Path.Combine(folder, OldCheckpointPublicKey));
        return folder;
    }

    /// <summary>A copy of the SQLite fixture in <paramref name="folder"/>.</summary>
    public static string CopySqlite(UpgradeSource source, string folder)
    {
        ArgumentNullException.ThrowIfNull(source);
        var file = Path.Combine(folder, "app.db");
        File.Copy(Path.Combine(Folder, source.Name, SqliteFile), file);
        return file;
    }

    /// <summary>
    /// The PostgreSQL fixture restored into a new database of <paramref name="cluster"/> owned by the schema owner, the
    /// two roles of README's installation made first if the cluster lacks them (the dump grants to them).
    /// </summary>
    public static async Task<string> RestorePostgresAsync(UpgradeSource source, PostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cluster);
        await using (var connection = new NpgsqlConnection(cluster.SuperuserConnectionString()))
        {
            await connection.OpenAsync();
            foreach (var role in new[] { OwnerRole, AppRole })
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = @role", connection);
                exists.Parameters.AddWithValue("role", role);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN", connection);
                    await create.ExecuteNonQueryAsync();
                }
            }
        }

        var database = await cluster.CreateDatabaseAsync("upgrade");
        await using (var connection = new NpgsqlConnection(cluster.SuperuserConnectionString()))
        {
            await connection.OpenAsync();
            await using var owner = new NpgsqlCommand($"ALTER DATABASE \"{database}\" OWNER TO {OwnerRole}", connection);
            await owner.ExecuteNonQueryAsync();
        }

        await cluster.RunSqlFileAsync(database, Path.Combine(Folder, source.Name, PostgresDump));
        return database;
    }
}
