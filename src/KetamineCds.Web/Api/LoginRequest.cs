namespace KetamineCds.Web.Api;

/// <summary>
/// The credentials of <c>POST /api/auth/login</c>. An account with a second factor adds <c>twoFactorCode</c> (from the
/// authenticator app) or <c>twoFactorRecoveryCode</c>, as Identity's own login endpoint names them.
/// </summary>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);
