using KetamineCds.Infrastructure.Identity;

namespace KetamineCds.Web.Security;

/// <summary>
/// Account settings (<c>Accounts:*</c>). <see cref="SecondFactorRequiredRoles"/> is a comma-separated list of roles
/// whose members must use a second factor (appsettings.json: Admin; appsettings.Development.json: none, so that the demo
/// accounts sign in with the published password alone).
/// </summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public string SecondFactorRequiredRoles { get; set; } = "";

    /// <summary>The roles named, trimmed (the app refuses to start when one is not a role, see <see cref="UnknownRoles"/>).</summary>
    public IReadOnlyList<string> RolesRequiringSecondFactor => Named().Where(r => Roles.All.Contains(r)).ToArray();

    /// <summary>Names that are not roles: a typo would otherwise silently drop the requirement.</summary>
    public IReadOnlyList<string> UnknownRoles => Named().Where(r => !Roles.All.Contains(r)).ToArray();

    private string[] Named() => SecondFactorRequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
