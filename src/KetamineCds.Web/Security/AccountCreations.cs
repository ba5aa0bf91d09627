using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// An account's creation, as the access log records it on every path that makes one: an administrator's Create page
/// (Pages/Admin/Users/Create, the administrator as the user), and at start-up the demo accounts (<see cref="DemoAccounts.SeedAsync"/>)
/// and the first administrator (<see cref="DemoAccounts.EnsureBootstrapAdminAsync"/>), the app itself as the user
/// (<see cref="DemoAccountLock.Actor"/>). Subject <c>user:ID</c>, kind <c>user-administration</c>. The account's events under
/// its first email start there (<see cref="EfAccessAudit.IsCreationLoggedAsync"/>), so that it never inherits what was
/// recorded under that address before it existed.
/// </summary>
public static class AccountCreations
{
    /// <summary>The recorded detail: <c>created user EMAIL with role ROLE</c> (read back by AccessEventTexts and EfAccessAudit).</summary>
    public static string Detail(string email, string role) => "created user " + email + " with role " + role;

    /// <summary>Records the creation of an account made at start-up, with the role it is made for.</summary>
    public static Task RecordAtStartUpAsync(IServiceProvider services, ApplicationUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(user);
        return services.GetRequiredService<IAccessAudit>().RecordAsync(
            new AccessEvent(AccessEventKind.UserAdministration, DemoAccountLock.Actor, null, "user:" + user.Id, Detail(user.Email ?? user.UserName ?? user.Id, role), "startup-" + Guid.NewGuid().ToString("N")),
            CancellationToken.None);
    }
}
