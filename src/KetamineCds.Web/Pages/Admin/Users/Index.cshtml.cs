using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Pages.Admin.Users;

/// <summary>Administrators list every account with its roles and lock state. No clinical data here.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(UserManager<ApplicationUser> users, TimeProvider clock, IOptionsMonitor<AccountOptions> accountOptions) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var required = accountOptions.CurrentValue.RolesRequiringSecondFactor;
        var all = await users.Users.OrderBy(u => u.Email).AsNoTracking().ToListAsync(cancellationToken);
        var rows = new List<UserRow>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > now;
            var requiresSecondFactor = required.Count > 0 && roles.Any(required.Contains);
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, roles.Order(StringComparer.Ordinal).ToArray(), locked, user.LockoutEnd, user.AccessFailedCount,
                user.MustChangePassword, user.TwoFactorEnabled, requiresSecondFactor, Infrastructure.Identity.Roles.Conflict(roles)));
        }

        Rows = rows;
        RolesRequiringSecondFactor = required;
    }

    /// <summary>The roles configured (Accounts:SecondFactorRequiredRoles) to require a second factor.</summary>
    public IReadOnlyList<string> RolesRequiringSecondFactor { get; private set; } = [];

    public sealed record UserRow(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset? LockoutEnd, int FailedAttempts,
        bool MustChangePassword, bool SecondFactor, bool SecondFactorRequired, string? RoleConflict);
}
