using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KetamineCds.Web.Security;

/// <summary>
/// Makes "is there another active administrator?" and the change that depends on it (an administrator's Admin role
/// taken away, or the account locked) one step, so two administrators demoting or locking each other at the same
/// moment cannot leave the clinic with none (QA169 F6). The change runs in a transaction that only one such change
/// holds at a time: on SQLite the transaction takes the database's write lock when it begins (BEGIN IMMEDIATE, the
/// provider's default), on PostgreSQL it takes a transaction-level advisory lock; the check reads the database again
/// inside it. See docs/security.md, "Account administration".
/// </summary>
public sealed class LastAdministratorGuard
{
    /// <summary>Tests only: awaited after the check, before the change, inside the transaction.</summary>
    internal Func<Task>? CheckedForTests { get; set; }

    /// <summary>Begins the transaction in which administrators' accounts change one at a time.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(KetamineCdsDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Read committed (the default): each statement after the lock sees what the previous holder committed.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('ketaminecds.administrators'))", cancellationToken);
        }

        return transaction;
    }

    /// <summary>
    /// True when an administrator other than <paramref name="userId"/> is active (not locked) now, read from the database
    /// (never from accounts the context already tracks, which may be older than the last holder's change).
    /// </summary>
    public async Task<bool> AnotherActiveAdministratorAsync(KetamineCdsDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockEnds = await (
            from userRole in db.UserRoles.AsNoTracking()
            join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
            join user in db.Users.AsNoTracking() on userRole.UserId equals user.Id
            where role.Name == Roles.Admin && user.Id != userId
            select user.LockoutEnd).ToListAsync(cancellationToken);
        var another = lockEnds.Any(end => !(end is { } e && e > now));
        if (CheckedForTests is { } hook)
        {
            await hook();
        }

        return another;
    }
}
