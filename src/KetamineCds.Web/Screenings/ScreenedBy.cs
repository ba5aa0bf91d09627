using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// Who recorded a screening, as the result page and the print name them: the email recorded with it in the decision log
/// is the record; the account's display name is read now (the log never stores it), so it is shown only labelled as the
/// account's current name, "a@clinic.org (account now named Dr A. Chen)", never as if it had been recorded with the
/// screening. An account without a display name, or no longer there, is named by the recorded email alone.
/// </summary>
public static class ScreenedBy
{
    /// <summary>The recorded email, with the account's current display name labelled as such when it has one.</summary>
    public static async Task<string> TextAsync(Actor recordedBy, UserManager<ApplicationUser> users, IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(localizer);
        var account = string.IsNullOrEmpty(recordedBy.UserId) ? null : await users.FindByIdAsync(recordedBy.UserId);
        return account?.DisplayName is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name)
            ? localizer["{0} (account now named {1})", recordedBy.Email, name.Trim()].Value
            : recordedBy.Email;
    }
}
