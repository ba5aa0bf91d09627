namespace KetamineCds.Web.Security;

/// <summary>
/// The two things an account must put right before it may do anything else, carried as claims in the cookie and the
/// bearer token (set at sign-in, and again whenever the cookie is renewed from the database):
/// an administrator-set password to replace, and a second factor that the user's role requires but that is not set up.
/// </summary>
public static class AccountClaims
{
    public const string MustChangePassword = "ketaminecds:must-change-password";

    public const string SecondFactorEnrolmentRequired = "ketaminecds:second-factor-enrolment-required";
}
