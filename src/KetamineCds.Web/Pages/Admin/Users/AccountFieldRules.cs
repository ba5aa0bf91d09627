using FluentValidation;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Admin.Users;

/// <summary>
/// The checks of an account's email and display name, the same when an administrator creates the account and when they
/// change it (<see cref="CreateModel"/>, <see cref="EditModel"/>): one place, so that the two forms cannot drift apart.
/// </summary>
public static class AccountFieldRules
{
    /// <summary>The longest email (and so sign-in id) Identity's columns hold.</summary>
    public const int MaxEmailLength = 256;

    /// <summary>The longest display name.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>Required, an email address, at most <see cref="MaxEmailLength"/> characters, without hidden characters.</summary>
    public static IRuleBuilderOptions<T, string?> AccountEmail<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<PageText> localizer) =>
        rule.NotEmpty().WithMessage(_ => localizer["Enter the user's email address."])
            .EmailAddress().WithMessage(_ => localizer["Enter a valid email address."])
            .MaximumLength(MaxEmailLength).WithMessage(_ => localizer["The email address is too long."])
            // Said as the display name's is, before Identity's "may contain only unaccented letters ..." echoes the
            // character back; a NUL posted here reads as one (FormNulGuard) and is refused the same way.
            .Must(e => !FreeText.HasHiddenCharacters(e, multiLine: false))
            .WithMessage(_ => localizer["The email address holds a control character or an invisible mark that changes the direction of the text (often pasted with it). Remove it, or type that part again."]);

    /// <summary>Optional, at most <see cref="MaxDisplayNameLength"/> characters, without hidden characters.</summary>
    public static IRuleBuilderOptions<T, string?> AccountDisplayName<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<PageText> localizer) =>
        rule.MaximumLength(MaxDisplayNameLength).WithMessage(_ => localizer["The display name can be at most 100 characters."])
            // Shown in the users list and on printed rationales: it must read as typed (QA132 F10, as notes and reasons).
            .Must(n => !FreeText.HasHiddenCharacters(n, multiLine: false))
            .WithMessage(_ => localizer["The display name holds a control character or an invisible mark that changes the direction of the text (often pasted with it). Remove it, or type that part again."]);
}
