using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KetamineCds.Web.Security;

/// <summary>Puts Identity's errors under the form field they are about: password errors under the password field.</summary>
public static class PasswordErrors
{
    /// <summary>True for errors about the new password (length, common password, reuse...).</summary>
    public static bool IsAboutPassword(IdentityError error) => error.Code.Contains("Password", StringComparison.Ordinal);

    /// <summary>
    /// Adds each error to <paramref name="passwordField"/> when it is about the password, else to <paramref name="otherField"/>;
    /// a message already under its field is not added twice (a taken email fails Identity's user-name and email checks alike).
    /// </summary>
    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, string passwordField, string otherField)
    {
        foreach (var error in result.Errors)
        {
            var field = IsAboutPassword(error) ? passwordField : otherField;
            if (modelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => e.ErrorMessage == error.Description))
            {
                continue;
            }

            modelState.AddModelError(field, error.Description);
        }
    }
}
