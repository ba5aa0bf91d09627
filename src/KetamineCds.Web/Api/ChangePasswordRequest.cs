namespace KetamineCds.Web.Api;

/// <summary>The body of <c>POST /api/auth/password</c>.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
