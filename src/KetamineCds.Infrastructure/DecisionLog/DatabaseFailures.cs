using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Which exceptions are the database's, and of those which mean it could not be reached (or could not take the work
/// now) and which mean it answered and refused. The one list of both providers' codes: the decision log's batches, the
/// app's outage answer (503) and its refusal answer read it.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>
    /// Any failure of the database, reached or not (a DbException, EF's DbUpdateException, a timeout), as opposed to a
    /// bug of ours. The decision log turns each into <see cref="DecisionLogUnavailableException"/>, whose name says
    /// "unavailable" for both: which one it was is <see cref="IsUnreachable(Exception?)"/> or
    /// <see cref="IsRefusedByDatabase"/>, read from its cause. (It was named <c>IsUnavailable</c>, which read as
    /// "could not be reached".)
    /// </summary>
    public static bool IsDatabaseFailure(Exception ex) => ex switch
    {
        DbException or DbUpdateException or TimeoutException => true,
        // Npgsql and EF report a broken or exhausted connection as InvalidOperationException around the real cause.
        InvalidOperationException { InnerException: { } inner } => IsDatabaseFailure(inner),
        _ => false,
    };

    /// <summary>
    /// The database could not be reached, or could not take the work now, so that trying again shortly may succeed: the
    /// connection failed or timed out; PostgreSQL shut down or would not take the connection (57P0x), ran out of
    /// resources (53xxx), lost its connection (08xxx), had an I/O fault (58xxx), or gave up on a lock, a deadlock or a
    /// serialization conflict (55P03, 40P01, 40001, 40003, 57014); SQLite was busy or locked, out of memory, could not
    /// open or write its file, or its disk was full. False where the database answered and refused the statement
    /// (<see cref="IsRefusedByDatabase"/>: a broken constraint, a value it would not take, a permission or a missing
    /// table), and for what is not the database's at all. A wrapped exception is read to its server's answer; where
    /// there is none (a DbException of another provider, a decision log failure without its cause) the database is
    /// taken as unreachable, as before.
    /// </summary>
    public static bool IsUnreachable(Exception? exception)
    {
        var databaseFailure = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsUnreachable(postgres.SqlState);
                case SqliteException sqlite:
                    return IsUnreachable(sqlite);
                case DbException or DbUpdateException or DecisionLogUnavailableException or TimeoutException or SocketException:
                    // No server answer yet (an NpgsqlException of its own is a failed connection): read on to the cause.
                    databaseFailure = true;
                    break;
            }
        }

        return databaseFailure;
    }

    /// <summary>
    /// The database answered and refused the statement (any PostgreSQL error or SQLite result code that
    /// <see cref="IsUnreachable(Exception?)"/> does not name), found in the exception or one it wraps: trying again
    /// will not help, and nothing was stored.
    /// </summary>
    public static bool IsRefusedByDatabase(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return !IsUnreachable(postgres.SqlState);
                case SqliteException sqlite:
                    return !IsUnreachable(sqlite);
            }
        }

        return false;
    }

    /// <summary>
    /// The database refused the statement for its data (PostgreSQL classes 22 "data exception" and 23 "integrity
    /// constraint violation", SQLite's constraint error), not because it could not be reached.
    /// </summary>
    public static bool IsRejectedEntry(Exception ex) => ex switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        _ => ex.InnerException is { } inner && IsRejectedEntry(inner),
    };

    /// <summary>The unique index on the decision log's submission id refused the entry: the same submission was stored already.</summary>
    public static bool IsDuplicateSubmission(Exception ex) => IsUniqueViolation(ex, SubmissionIdIndex, "DecisionLogEntries.SubmissionId");

    /// <summary>
    /// The log's one-correction-per-screening trigger refused the entry (migration OneCorrectionPerScreening): the
    /// screening it corrects was corrected already, by a correction stored first.
    /// </summary>
    public static bool IsDuplicateCorrection(Exception ex) => IsUniqueViolation(ex, OneCorrectionPerScreening, OneCorrectionPerScreening);

    /// <summary>
    /// The database refused the entry for a conflict the app expects when two send at once (the same submission twice, two
    /// corrections of one screening): its caller is told what was stored first, and nothing is wrong with the log.
    /// </summary>
    public static bool IsExpectedConflict(Exception ex) => IsDuplicateSubmission(ex) || IsDuplicateCorrection(ex);

    /// <summary>
    /// PostgreSQL's unique violation named <paramref name="constraint"/>, or SQLite's constraint error whose message names
    /// <paramref name="sqliteMarker"/> (SQLite names no constraint apart from its message), here or in an inner exception.
    /// </summary>
    private static bool IsUniqueViolation(Exception ex, string constraint, string sqliteMarker) => ex switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName == constraint,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains(sqliteMarker, StringComparison.Ordinal),
        _ => ex.InnerException is { } inner && IsUniqueViolation(inner, constraint, sqliteMarker),
    };

    /// <summary>A PostgreSQL SQLSTATE that says the server could not do the work now (see <see cref="IsUnreachable(Exception?)"/>).</summary>
    private static bool IsUnreachable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources (disk full, out of memory, too many connections)
        || sqlState.StartsWith("57P", StringComparison.Ordinal) // admin or crash shutdown, cannot connect now, database dropped
        || sqlState.StartsWith("58", StringComparison.Ordinal) // system error (I/O)
        || sqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.StatementCompletionUnknown or PostgresErrorCodes.QueryCanceled;

    /// <summary>A SQLite primary result code that says the file could not be used now (see <see cref="IsUnreachable(Exception?)"/>).</summary>
    private static bool IsUnreachable(SqliteException sqlite) => (sqlite.SqliteErrorCode & 0xFF) is
        5 // SQLITE_BUSY
        or 6 // SQLITE_LOCKED
        or 7 // SQLITE_NOMEM
        or 10 // SQLITE_IOERR
        or 13 // SQLITE_FULL
        or 14 // SQLITE_CANTOPEN
        or 15; // SQLITE_PROTOCOL (a file-locking race)

    /// <summary>SQLITE_CONSTRAINT.</summary>
    private const int SqliteConstraint = 19;

    /// <summary>The unique index on <c>DecisionLogEntries.SubmissionId</c> (migration SubmissionIds).</summary>
    private const string SubmissionIdIndex = "IX_DecisionLogEntries_SubmissionId";

    /// <summary>The name the one-correction-per-screening trigger gives its refusal (migration OneCorrectionPerScreening).</summary>
    private const string OneCorrectionPerScreening = "one_correction_per_screening";
}
