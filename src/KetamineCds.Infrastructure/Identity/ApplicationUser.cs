using Microsoft.AspNetCore.Identity;

namespace KetamineCds.Infrastructure.Identity;

/// <summary>A person who signs in: psychiatrist, clinic staff, auditor or administrator.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>Name shown on printed rationales and in the audit log.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// True while the password is one an administrator chose (a new account, a reset, the bootstrap administrator), or a
    /// common password found at sign-in: the user must replace it before doing anything else. Cleared when they do.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The 30-second time step of the last authenticator code accepted, or null. A code of that step or an earlier one
    /// is refused, so each code works once (OWASP ASVS V2.8.4).
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
