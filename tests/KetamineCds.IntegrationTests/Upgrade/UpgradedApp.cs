using KetamineCds.Infrastructure.Data;
using KetamineCds.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.IntegrationTests.Upgrade;

/// <summary>
/// The current app started, as a clinic starts a new version, on a database an older build wrote (restored from
/// <c>Upgrade/Fixtures</c>), with the checkpoint folder that build signed and that build's checkpoint public key trusted
/// (the new version signs with its own key, as after a key rotation). Development, so the demo accounts sign in.
/// </summary>
public sealed class UpgradedApp : WebApplicationFactory<Program>
{
    private readonly PostgresCluster? _cluster;
    private readonly string _database;

    private UpgradedApp(PostgresCluster? cluster, string database, string folder)
    {
        _cluster = cluster;
        _database = database;
        Folder = folder;
    }

    /// <summary>The throwaway folder: the database file (SQLite), the checkpoint folder and the old build's public key.</summary>
    public string Folder { get; }

    public string CheckpointDirectory => Path.Combine(Folder, "checkpoints");

    /// <summary>On a copy of the SQLite fixture file.</summary>
    public static UpgradedApp Sqlite(string folder, string databaseFile) => new(null, databaseFile, folder);

    /// <summary>On a database of <paramref name="cluster"/> the PostgreSQL fixture was restored into.</summary>
    public static UpgradedApp Postgres(PostgresCluster cluster, string database, string folder) => new(cluster, database, folder);

    public KetamineCdsDbContext Db() => Services.GetRequiredService<KetamineCdsContextFactory>().CreateDbContext();

    /// <summary>A client that follows no redirects and keeps cookies.</summary>
    public HttpClient Raw() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (_cluster is null)
        {
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={_database}");
        }
        else
        {
            // As README's installation: the schema owner migrates, the app connects as its own role.
            builder.UseSetting("Database:Provider", "postgres");
            builder.UseSetting("Database:AppRole", UpgradeFixture.AppRole);
            builder.UseSetting("ConnectionStrings:KetamineCds", _cluster.ConnectionString(UpgradeFixture.AppRole, _database, "ketaminecds-upgrade"));
            builder.UseSetting("ConnectionStrings:KetamineCdsMigrations", _cluster.ConnectionString(UpgradeFixture.OwnerRole, _database, "ketaminecds-upgrade-migrations"));
        }

        builder.UseSetting("Audit:CheckpointDirectory", CheckpointDirectory);
        builder.UseSetting("Audit:CheckpointTrustedPublicKeys:0", Path.Combine(Folder, UpgradeFixture.OldCheckpointPublicKey));
        builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
        builder.UseSetting("RateLimiting:ApiPerMinute", "100000");
        builder.UseSetting("CdsHooks:DemoClient", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
