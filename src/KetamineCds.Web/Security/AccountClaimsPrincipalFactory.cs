using System.Security.Claims;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>Adds the <see cref="AccountClaims"/> to the principal Identity builds for a user.</summary>
public sealed class AccountClaimsPrincipalFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> identityOptions,
    IOptionsMonitor<AccountOptions> accountOptions)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, identityOptions)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountClaims.MustChangePassword, "true"));
        }

        if (!user.TwoFactorEnabled && await RequiresSecondFactorAsync(UserManager, accountOptions.CurrentValue, user))
        {
            identity.AddClaim(new Claim(AccountClaims.SecondFactorEnrolmentRequired, "true"));
        }

        return identity;
    }

    /// <summary>True when one of the user's roles is configured to require a second factor.</summary>
    public static async Task<bool> RequiresSecondFactorAsync(UserManager<ApplicationUser> users, AccountOptions options, ApplicationUser user)
    {
        var required = options.RolesRequiringSecondFactor;
        return required.Count > 0 && (await users.GetRolesAsync(user)).Any(required.Contains);
    }
}
