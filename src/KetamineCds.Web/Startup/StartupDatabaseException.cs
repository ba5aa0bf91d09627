using Npgsql;

namespace KetamineCds.Web.Startup;

/// <summary>
/// A PostgreSQL failure while the app prepares its database at start, with the setting it came from: its message names
/// the connection string (<c>ConnectionStrings:KetamineCds</c> or <c>ConnectionStrings:KetamineCdsMigrations</c>),
/// the host, port, database and user it points at (never the password), and the server's reason.
/// </summary>
public sealed class StartupDatabaseException : Exception
{
    // remedy: what to fix, when it is known to be something else than the connection (QA114 F5); by default the
    // connection's host and port, database, user and password.
    public StartupDatabaseException(string setting, string connectionString, string task, NpgsqlException inner, string? remedy = null)
        : base(Sentence(setting, connectionString, task, inner, remedy), inner)
    {
        Setting = setting;
    }

    public StartupDatabaseException()
    {
        Setting = "";
    }

    public StartupDatabaseException(string message)
        : base(message)
    {
        Setting = "";
    }

    public StartupDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = "";
    }

    /// <summary>The configuration key of the connection string that failed.</summary>
    public string Setting { get; }

    /// <summary>The Npgsql exception in <paramref name="exception"/> or its inner exceptions (EF wraps them), if any.</summary>
    public static NpgsqlException? FindNpgsql(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException npgsql)
            {
                return npgsql;
            }
        }

        return null;
    }

    private static string Sentence(string setting, string connectionString, string task, NpgsqlException inner, string? remedy)
    {
        string where;
        try
        {
            var parts = new NpgsqlConnectionStringBuilder(connectionString);
            where = $"host {parts.Host ?? "(not set)"}, port {parts.Port}, database {parts.Database ?? "(not set)"}, user {parts.Username ?? "(not set)"}";
        }
        catch (ArgumentException)
        {
            where = "a connection string Npgsql cannot read";
        }

        return $"{task} through {setting} ({where}) failed: {StartupFailure.Reason(inner)}. "
            + (remedy ?? $"Check {setting}: the host and port, the database, the user and its password.");
    }
}
