using KetamineCds.Web.Startup;
using Npgsql;

namespace KetamineCds.Web.Tests.Startup;

/// <summary>
/// QA114 F5: a migration the server refused for a reason that is not the connection says what to fix, not "check the
/// host and port, the database, the user and its password". The server's refusals are built as Npgsql builds them
/// (two instances migrating one new database at once cannot be timed in a test).
/// </summary>
public sealed class MigrationFailureTests
{
    private const string Owner = "Host=db;Port=5432;Database=ketaminecds;Username=ketaminecds_owner;Password=Not-Shown-1";

    [Theory]
    [InlineData(PostgresErrorCodes.DuplicateFunction, "function \"ketaminecds_reject_log_change\" already exists with same argument types")]
    [InlineData(PostgresErrorCodes.DuplicateTable, "relation \"Screenings\" already exists")]
    [InlineData(PostgresErrorCodes.UniqueViolation, "duplicate key value violates unique constraint \"PK___EFMigrationsHistory\"")]
    public void Message_ObjectCreatedByAnotherInstance_SaysAnotherInstanceWasMigratingAndToStartAgain(string sqlState, string text)
    {
        var refused = new PostgresException(text, "ERROR", "ERROR", sqlState);

        var message = new StartupDatabaseException(
            "ConnectionStrings:KetamineCdsMigrations", Owner, "Migrating the database", refused, DatabaseStartup.MigrationRemedy(refused, ownerGiven: true)).Message;

        Assert.StartsWith("Migrating the database through ConnectionStrings:KetamineCdsMigrations (host db, port 5432, database ketaminecds, user ketaminecds_owner) failed: ", message, StringComparison.Ordinal);
        Assert.Contains($"({sqlState}). Another instance was most likely migrating the same database at the same time", message, StringComparison.Ordinal);
        Assert.Contains("start this one again, and it finds the schema up to date", message, StringComparison.Ordinal);
        Assert.DoesNotContain("the user and its password", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Not-Shown-1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_PermissionDeniedWithoutOwnerConnection_SaysMigrationsNeedTheOwner()
    {
        var refused = new PostgresException("permission denied for schema public", "ERROR", "ERROR", PostgresErrorCodes.InsufficientPrivilege);

        var message = new StartupDatabaseException(
            "ConnectionStrings:KetamineCds", Owner, "Migrating the database", refused, DatabaseStartup.MigrationRemedy(refused, ownerGiven: false)).Message;

        Assert.Contains("(42501). Migrations create and change tables, so they need the database's owner: set ConnectionStrings:KetamineCdsMigrations", message, StringComparison.Ordinal);
        Assert.DoesNotContain("the user and its password", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_PasswordRefused_KeepsTheConnectionAdvice()
    {
        var refused = new PostgresException("password authentication failed for user \"ketaminecds_owner\"", "FATAL", "FATAL", PostgresErrorCodes.InvalidPassword);

        var message = new StartupDatabaseException(
            "ConnectionStrings:KetamineCdsMigrations", Owner, "Migrating the database", refused, DatabaseStartup.MigrationRemedy(refused, ownerGiven: true)).Message;

        Assert.EndsWith("(28P01). Check ConnectionStrings:KetamineCdsMigrations: the host and port, the database, the user and its password.", message, StringComparison.Ordinal);
    }
}
