using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KetamineCds.Infrastructure.Data;

/// <summary>Checks of the PostgreSQL roles the app migrates and connects as (docs/security.md, "What protects the log").</summary>
public static class DatabaseRoles
{
    /// <summary>The tables whose rows the app may only add and read.</summary>
    public static readonly IReadOnlyList<string> LogTables = ["DecisionLogEntries", "AccessEvents", "LogChainHeads"];

    /// <summary>
    /// Why the connection of <paramref name="db"/> could change the logs despite the triggers (it is a superuser, or
    /// owns a log table or may act as its owner: an owner can switch the triggers off), or null when it cannot. PostgreSQL only.
    /// </summary>
    public static async Task<string?> AppConnectionCanChangeLogsAsync(KetamineCdsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT current_user::text,
                       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
                       (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c
                          WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                            AND c.relname = ANY(@tables) AND pg_has_role(current_user, c.relowner, 'MEMBER'))
                """;
            command.Parameters.Add(new NpgsqlParameter("tables", LogTables.ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var user = reader.GetString(0);
            if (!reader.IsDBNull(1) && reader.GetBoolean(1))
            {
                return $"connects as '{user}', a superuser";
            }

            return reader.IsDBNull(2) ? null : $"connects as '{user}', which owns (or may act as the owner of) the log tables {reader.GetString(2)}";
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// Refuses a <c>Database:AppRole</c> that is not a role of the server, unless the app connects as that very role
    /// (then the migration creates it, as it always has: trust or certificate authentication). A misspelt role is
    /// otherwise created (with CREATEROLE) and granted the tables while the real app role gets nothing, or the
    /// migration fails with "permission denied to create role".
    /// </summary>
    public static async Task RequireAppRoleAsync(DbConnection owner, KetamineCdsDatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AppRole is not { } role)
        {
            return;
        }

        await using var command = owner.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @role)";
        command.Parameters.Add(new NpgsqlParameter("role", role));
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            return;
        }

        string? appUser;
        try
        {
            appUser = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Username;
        }
        catch (ArgumentException)
        {
            appUser = null;
        }

        if (string.Equals(appUser, role, StringComparison.Ordinal))
        {
            return;
        }

        var connectsAs = string.IsNullOrEmpty(appUser) ? "ConnectionStrings:KetamineCds names no user" : $"the app connects as '{appUser}' (ConnectionStrings:KetamineCds)";
        throw new InvalidOperationException(
            $"Refusing to start: Database:AppRole '{role}' is not a role of this PostgreSQL server ({connectsAs}). "
            + "Set Database:AppRole to the role the app connects as, or create that role first; the migration does not create it.");
    }
}
