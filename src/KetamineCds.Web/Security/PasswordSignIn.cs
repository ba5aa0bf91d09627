using System.Security.Cryptography;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Security;

/// <summary>
/// Password sign-in for the page and the API alike, answering the same whether the account does not exist, is
/// locked or was given the wrong password: the caller shows one message (<see cref="FailureMessage"/>), and every
/// refusal costs one password-hash verification, so time does not tell them apart either. An unknown email is
/// checked against a dummy hash; a locked account's password is checked (and ignored). Each attempt is recorded in
/// the access audit under the attempted email, a lockout as <see cref="AccessEventKind.LockedOut"/>, so
/// administrators still see it (and the Users page shows the account as locked), with the account's roles when the email
/// names one (blank for an email no account has).
/// </summary>
public sealed class PasswordSignIn(SignInManager<ApplicationUser> signIn, IPasswordHasher<ApplicationUser> hasher, IAccessAudit audit, IOptions<PasswordHasherOptions> hashing)
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string FailureMessage = "The email or password is not right, or the account is locked. After five failed attempts an account is locked for 15 minutes; an administrator can unlock it.";

    /// <summary>The longest email an account can have (the user table's column).</summary>
    public const int MaxEmailLength = 256;

    private static readonly ApplicationUser DummyUser = new() { UserName = "dummy", Email = "dummy" };

    // Made with the app's own hasher (same algorithm and iteration count), once per process and iteration count (the
    // test hosts of one test run hash with different counts: a dummy hash of another count would not cost the same).
    private static (int Iterations, string Hash)? _dummyHash;

    /// <summary>
    /// Checks the password and signs in with <paramref name="scheme"/> (the page cookie or the API token); records
    /// the attempt. The result is Identity's, except that a locked account answers <see cref="SignInResult.Failed"/>
    /// like any other failure.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="email">The attempted email as typed.</param>
    /// <param name="password">The attempted password.</param>
    /// <param name="scheme">The authentication scheme to sign in with.</param>
    /// <param name="channel">"page" or "api", recorded with the attempt.</param>
    public async Task<SignInResult> SignInAsync(HttpContext context, string? email, string? password, string scheme, string channel)
    {
        email = email?.Trim() ?? "";
        password ??= "";
        var user = email.Length is > 0 and <= MaxEmailLength ? await signIn.UserManager.FindByNameAsync(email) : null;
        // The account's roles for the access log's Role column (QA318), read for an unknown email too (the dummy account
        // holds none), so that the extra query does not tell the two apart by time either; recorded blank for it.
        var roles = await signIn.UserManager.GetRolesAsync(user ?? DummyUser);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // The same work as a wrong password on an existing account: one hash verification.
            hasher.VerifyHashedPassword(user ?? DummyUser, user?.PasswordHash ?? DummyHash(), password);
            await audit.RecordSignInAsync(context, user is null ? AccessEventKind.SignInFailed : AccessEventKind.LockedOut, email, user is null ? null : roles, channel);
            return SignInResult.Failed;
        }

        signIn.AuthenticationScheme = scheme;
        var result = password.Length == 0
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (password.Length == 0)
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash(), password);
        }

        if (result.RequiresTwoFactor)
        {
            return result; // not signed in yet: the second step records the outcome
        }

        var kind = result.Succeeded ? AccessEventKind.SignIn : result.IsLockedOut ? AccessEventKind.LockedOut : AccessEventKind.SignInFailed;
        await audit.RecordSignInAsync(context, kind, email, roles, channel);
        return result.Succeeded ? result : SignInResult.Failed;
    }

    private string DummyHash()
    {
        var iterations = hashing.Value.IterationCount;
        if (_dummyHash is not { } dummy || dummy.Iterations != iterations)
        {
            dummy = (iterations, hasher.HashPassword(DummyUser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
            _dummyHash = dummy;
        }

        return dummy.Hash;
    }
}
