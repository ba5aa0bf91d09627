using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Web.Security;

/// <summary>
/// Demo accounts in a database started outside Development (docs/security.md, "Demo accounts outside Development"): a
/// database that was ever run in Development holds the demo accounts with the published password. At every start
/// outside Development each one is locked as an administrator's lock locks an account (no end; the security stamp
/// changes, so its sessions and API tokens end), the lock is recorded in the access log like an administrator's, and a
/// warning names them and says how to delete them, at every start while they exist.
/// </summary>
/// <remarks>
/// A demo account is an account whose email or user name is at <see cref="Domain"/> (the demo accounts' domain; <c>.local</c>
/// is reserved for multicast DNS, RFC 6762, so no clinic's real mail address is there), whatever its password: a demo
/// password changed during a Development run is known to whoever ran it. Only where configuration enables demo
/// accounts outside Development on purpose (<c>DemoAccounts:Enabled</c> with a <c>DemoAccounts:Password</c> of its own)
/// are such accounts kept, and then only those whose password is not the published one.
/// </remarks>
public static partial class DemoAccountLock
{
    /// <summary>The demo accounts' mail domain.</summary>
    public const string Domain = "demo.local";

    /// <summary>Who the access log names for the lock: the app itself, at start-up.</summary>
    public const string Actor = "(app start-up)";

    /// <summary>The reason recorded with the lock.</summary>
    public const string Reason = "demo account found outside Development (docs/security.md, \"Demo accounts outside Development\")";

    /// <summary>The SQL that deletes the demo accounts (their roles, sessions and keys go with them).</summary>
    public const string DeleteSql = "DELETE FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" LIKE '%@DEMO.LOCAL' OR \"NormalizedUserName\" LIKE '%@DEMO.LOCAL';";

    private const string NormalizedSuffix = "@DEMO.LOCAL";

    /// <summary>True for an email or user name at the demo accounts' domain.</summary>
    public static bool IsDemoAddress(string? emailOrUserName) =>
        emailOrUserName is not null && emailOrUserName.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Outside Development: locks every demo account found (see the class), records each new lock in the access log and
    /// warns about all of them. Idempotent: an account already locked for good is not locked or recorded again.
    /// </summary>
    /// <returns>The demo accounts found and locked (now or before), by email.</returns>
    public static async Task<IReadOnlyList<string>> LockOutsideDevelopmentAsync(
        IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, ILogger logger)
    {
        if (environment.IsDevelopment())
        {
            return [];
        }

        var keepOwnPassword = DemoAccounts.AreEnabled(environment, configuration);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var audit = services.GetRequiredService<IAccessAudit>();
#pragma warning disable CA1310 // translated to SQL; the normalised columns are upper case
        var found = await users.Users
            .Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(NormalizedSuffix))
                || (u.NormalizedUserName != null && u.NormalizedUserName.EndsWith(NormalizedSuffix)))
            .OrderBy(u => u.NormalizedEmail)
            .ToListAsync();
#pragma warning restore CA1310
        var locked = new List<string>();
        foreach (var user in found)
        {
            var email = user.Email ?? user.UserName ?? user.Id;
            if (keepOwnPassword && !HasPublishedPassword(users, user))
            {
                continue;
            }

            locked.Add(email);
            if (EditModel.IsAdministratorLock(user.LockoutEnd))
            {
                continue;
            }

            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            Check(await users.UpdateSecurityStampAsync(user));
            await audit.RecordAsync(
                new AccessEvent(AccessEventKind.UserAdministration, Actor, null, "user:" + user.Id, $"locked {email}; reason: {Reason}", "startup-" + Guid.NewGuid().ToString("N")),
                CancellationToken.None);
            LogLocked(logger, email);
        }

        if (locked.Count > 0)
        {
            LogDemoAccountsFound(logger, string.Join(", ", locked), DeleteSql);
        }

        return locked;
    }

    private static bool HasPublishedPassword(UserManager<ApplicationUser> users, ApplicationUser user) =>
        user.PasswordHash is { } hash && users.PasswordHasher.VerifyHashedPassword(user, hash, DemoAccounts.Password) != PasswordVerificationResult.Failed;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Locking a demo account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo account {Email} found outside Development: locked now (no end), its sessions and API tokens ended; recorded in the access log.")]
    private static partial void LogLocked(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo accounts exist in this database outside Development and are locked, so they cannot sign in: {Accounts}. They were made by a run in Development, where their password is the published one. Delete them, as the database owner: {DeleteSql} (docs/security.md, \"Demo accounts outside Development\"). This warning comes at every start while they exist.")]
    private static partial void LogDemoAccountsFound(ILogger logger, string accounts, string deleteSql);
}
