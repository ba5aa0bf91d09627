using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Web.Pages.Admin.Users;

/// <summary>Administrators list every account with its roles and lock state. No clinical data here.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await users.Users.OrderBy(u => u.Email).AsNoTracking().ToListAsync(cancellationToken);
        var rows = new List<UserRow>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > now;
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, roles.Order(StringComparer.Ordinal).ToArray(), locked, user.LockoutEnd, user.AccessFailedCount));
        }

        Rows = rows;
    }

    public sealed record UserRow(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset? LockoutEnd, int FailedAttempts);
}
