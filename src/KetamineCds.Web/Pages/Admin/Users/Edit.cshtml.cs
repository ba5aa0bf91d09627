using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Pages.Account;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Admin.Users;

/// <summary>
/// An administrator changes a user's roles, resets the password, and locks or unlocks the account. The last
/// active administrator cannot be locked or lose the Admin role, so the clinic is never locked out of its own app; the
/// check and the change are one step (<see cref="LastAdministratorGuard"/>), so two administrators demoting or locking
/// each other at the same moment cannot leave none (QA169 F6).
/// The page says whether a lock was an administrator's or came from failed attempts (and until when), and lists the
/// account's latest sign-in events from the access log. Locking and resetting the second factor take two steps (the
/// button opens a confirmation, which works without JavaScript) and a reason, recorded in the access log.
/// An administrator's own Admin role or own account is taken away only after a second, explicit confirmation that says
/// what will happen (QA169 F5). The account's name and email can be changed (QA169 F9). Every change is one database
/// transaction, recorded in the access log after it commits; a database that cannot take it now (SQLite's write lock held
/// past the command timeout) keeps the page, changes nothing and says so (QA169, the busy database).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class EditModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IAccessAudit audit, EfAccessAudit accessLog, TimeProvider clock, IStringLocalizer<PageText> localizer, IHostEnvironment environment,
    KetamineCdsDbContext db, LastAdministratorGuard lastAdministrator, IValidator<EditModel.DetailsInput> detailsValidator, ILogger<EditModel> logger) : PageModel
{
    /// <summary>How many of the account's latest sign-in events the page lists.</summary>
    public const int SignInEventCount = 20;

    /// <summary>The longest reason an administrator can give for a lock or a reset.</summary>
    public const int MaxReasonLength = 500;

    /// <summary><see cref="Confirm"/> asking to confirm a lock.</summary>
    public const string ConfirmLock = "Lock";

    /// <summary><see cref="Confirm"/> asking to confirm a reset of the second factor.</summary>
    public const string ConfirmResetSecondFactor = "ResetSecondFactor";

    public ApplicationUser? Account { get; private set; }

    /// <summary>True when the account is the signed-in administrator's own.</summary>
    public bool IsOwnAccount { get; private set; }

    /// <summary>
    /// Set by the confirmation of a change that takes the Admin role from, or locks, the administrator's own account; without
    /// it such a change is not made, and the page asks to confirm it (QA169 F5).
    /// </summary>
    [BindProperty]
    public bool ConfirmOwnAccount { get; set; }

    /// <summary>True when the page asks the administrator to confirm taking their own Admin role away.</summary>
    public bool ConfirmOwnDemotion { get; private set; }

    /// <summary>The account's display name and email, as the form shows them (after a refused post, as typed).</summary>
    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    /// <summary>The problems with the name and email, for their form's error summary (linked to each field).</summary>
    public IReadOnlyList<(string? Anchor, string Message)> DetailsErrors =>
        FormErrors.Summary(ModelState, nameof(Details), [nameof(DetailsInput.Email), nameof(DetailsInput.DisplayName)]);

    /// <summary>True when an administrator locked the account (it stays locked until unlocked), not failed attempts.</summary>
    public bool LockedByAdministrator { get; private set; }

    /// <summary>The account's latest sign-in events, newest first; null when the access log could not be read.</summary>
    public IReadOnlyList<LoggedAccessEvent>? SignInEvents { get; private set; }

    /// <summary>
    /// False when the access log does not hold the account's creation (made before that was recorded): its events under
    /// its first email are then listed from the log's start, and the page says so (EfAccessAudit.IsCreationLoggedAsync).
    /// </summary>
    public bool CreationLogged { get; private set; } = true;

    /// <summary>The action waiting for confirmation (<see cref="ConfirmLock"/>, <see cref="ConfirmResetSecondFactor"/>), or null.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    /// <summary>Why the account is locked or its second factor reset; recorded in the access log.</summary>
    [BindProperty]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    /// <summary>The problem with the reason of a refused confirmation, for its error summary (linked to the reason box).</summary>
    public IReadOnlyList<(string? Anchor, string Message)> ReasonErrors => FormErrors.Summary(ModelState, "", [nameof(Reason)]);

    /// <summary>True for a demo account outside Development, which the app locks at every start (<see cref="DemoAccountLock"/>).</summary>
    public bool DemoAccountOutsideDevelopment { get; private set; }

    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];

    public bool Locked { get; private set; }

    /// <summary>Why the account's current roles conflict (an account made before the rule), or null.</summary>
    public string? RoleConflict { get; private set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    /// <summary>The problem with the roles chosen, for the roles form's error summary (linked to the first role's box).</summary>
    public IReadOnlyList<(string? Anchor, string Message)> RoleErrors =>
        [.. FormErrors.Summary(ModelState, "", [nameof(SelectedRoles)]).Select(e => ((string?)("role-" + Roles.All[0]), e.Message))];

    /// <summary>The problems with a refused new password, for the password form's summary (linked to its box; QA169 F4).</summary>
    public IReadOnlyList<(string? Anchor, string Message)> NewPasswordErrors => FormErrors.Summary(ModelState, "", [nameof(NewPassword)]);

    [BindProperty]
    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var wanted = SelectedRoles.Where(r => Roles.All.Contains(r)).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            // An account with no role still signs in (the rules, its own account): taking every role away is not how an
            // account is stopped, and an account is created with a role. Locking is (docs/security.md).
            ModelState.AddModelError(nameof(SelectedRoles), localizer["Choose at least one role. To stop this account from signing in, lock it instead."]);
            return Page();
        }

        if (RoleNames.Conflict(wanted, localizer) is { } conflict)
        {
            ModelState.AddModelError(nameof(SelectedRoles), conflict);
            return Page();
        }

        var demotion = CurrentRoles.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin);
        if (demotion && await IsLastActiveAdminAsync(cancellationToken))
        {
            return LastAdministratorsRoles();
        }

        if (demotion && IsOwnAccount && !ConfirmOwnAccount)
        {
            // Nothing changes and nothing is recorded until the administrator confirms, having read what will happen.
            ConfirmOwnDemotion = true;
            return Page();
        }

        return await UnlessBusyAsync(id, () => ChangeRolesAsync(id, wanted, demotion, cancellationToken));
    }

    private async Task<IActionResult> ChangeRolesAsync(string id, string[] wanted, bool demotion, CancellationToken cancellationToken)
    {
        // One's own session is read before the stamp changes, to go on with the roles chosen (as after changing one's password).
        var renewal = IsOwnAccount ? await SessionRenewal.BeforeStampChangeAsync(HttpContext) : null;
        await using (var transaction = await LastAdministratorGuard.BeginAsync(db, cancellationToken))
        {
            // Again inside the transaction: another administrator may have changed the accounts since the page was read.
            CurrentRoles = (await users.GetRolesAsync(Account!)).Order(StringComparer.Ordinal).ToArray();
            if (CurrentRoles.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await IsLastActiveAdminAsync(cancellationToken))
            {
                return LastAdministratorsRoles();
            }

            var remove = await users.RemoveFromRolesAsync(Account!, CurrentRoles.Except(wanted));
            var add = remove.Succeeded ? await users.AddToRolesAsync(Account!, wanted.Except(CurrentRoles)) : remove;
            if (!add.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None); // nothing stored half-way
                ModelState.AddModelError(nameof(SelectedRoles), string.Join(" ", add.Errors.Select(e => e.Description)));
                db.ChangeTracker.Clear();
                await LoadAsync(id);
                return Page();
            }

            // Sign the user out everywhere so the new roles take effect at once; in the same transaction, so that the roles
            // never change without it.
            await users.UpdateSecurityStampAsync(Account!);
            await transaction.CommitAsync(CancellationToken.None);
            _changeCommitted = true;
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + Account!.Id, $"set roles of {Account!.Email} to [{string.Join(", ", wanted)}]", Roles.Admin);
        if (renewal is not null)
        {
            // Only this browser goes on, with the roles chosen: its next request is checked against them.
            await renewal.AfterStampChangeAsync(signIn, Account);
            if (demotion)
            {
                TempData["Status"] = localizer["You no longer have the Admin role: your roles are now {0}. Your other sessions and API tokens have ended.", RoleList(wanted)].Value;
                return LocalRedirect("/");
            }
        }

        TempData["Status"] = localizer["Roles of {0} updated.", Account.Email ?? string.Empty].Value;
        return RedirectToPage(new { id });
    }

    private string RoleList(IEnumerable<string> roles) => string.Join(ClinicalText.Shared.ListSeparator, roles.Select(r => RoleNames.Of(r, localizer)));

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (LockedByAdministrator)
        {
            return AlreadyLocked();
        }

        if (CurrentRoles.Contains(Roles.Admin) && await IsLastActiveAdminAsync(cancellationToken))
        {
            return LastAdministratorsLock();
        }

        if (!ReasonIsGiven(ConfirmLock))
        {
            return Page();
        }

        if (IsOwnAccount && !ConfirmOwnAccount)
        {
            // The confirmation of one's own lock says what will happen; a post without it (an old page, a crafted form) only
            // shows it. Nothing changes and nothing is recorded (QA169 F5).
            Confirm = ConfirmLock;
            return Page();
        }

        return await UnlessBusyAsync(id, () => LockAsync(id, cancellationToken));
    }

    private async Task<IActionResult> LockAsync(string id, CancellationToken cancellationToken)
    {
        await using (var transaction = await LastAdministratorGuard.BeginAsync(db, cancellationToken))
        {
            // Again inside the transaction: a second submit, or another administrator, may have locked it meanwhile.
            await db.Entry(Account!).ReloadAsync(cancellationToken);
            CurrentRoles = (await users.GetRolesAsync(Account!)).Order(StringComparer.Ordinal).ToArray();
            if (IsAdministratorLock(Account!.LockoutEnd) && Account.LockoutEnd > clock.GetUtcNow())
            {
                return AlreadyLocked();
            }

            if (CurrentRoles.Contains(Roles.Admin) && await IsLastActiveAdminAsync(cancellationToken))
            {
                return LastAdministratorsLock();
            }

            await users.SetLockoutEnabledAsync(Account!, true);
            await users.SetLockoutEndDateAsync(Account!, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(Account!);
            await transaction.CommitAsync(CancellationToken.None);
            _changeCommitted = true;
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + Account!.Id, $"locked {Account!.Email}; reason: {Reason}", Roles.Admin);
        if (IsOwnAccount)
        {
            // Every session ended with the new stamp, this one too: this browser is signed out and told why.
            await signIn.SignOutAsync();
            TempData[LoginModel.LockedNotice] = localizer["You locked your own account ({0}): it has been signed out everywhere, in this browser too, and cannot sign in until another administrator unlocks it.", Account.Email ?? string.Empty].Value;
            return RedirectToPage("/Account/Login");
        }

        TempData["Status"] = localizer["{0} is locked.", Account.Email ?? string.Empty].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// A second submit, or a page left open after another administrator locked the account: nothing to do, and nothing to
    /// record, which would add a second "locked" event with perhaps another reason; the first lock's reason stays the one
    /// on record (QA169 F10). A lock after failed attempts ends by itself, so an administrator's lock of it does change it.
    /// </summary>
    private RedirectToPageResult AlreadyLocked()
    {
        TempData["Status"] = localizer["{0} is already locked; nothing has changed. The reason given when it was locked stays the one on record.", Account!.Email ?? string.Empty].Value;
        return RedirectToPage(new { id = Account.Id });
    }

    private PageResult LastAdministratorsLock()
    {
        Confirm = null;
        ModelState.AddModelError(string.Empty, localizer["This is the last active administrator and cannot be locked."]);
        return Page();
    }

    private PageResult LastAdministratorsRoles()
    {
        ModelState.AddModelError(nameof(SelectedRoles), localizer["This is the last active administrator; give another account the Admin role first."]);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!Locked)
        {
            // A second click, or a page left open after another administrator unlocked it: nothing to do, and nothing
            // to record in the access log, which would otherwise say it was unlocked again (QA169 F2).
            TempData["Status"] = localizer["{0} is not locked; nothing has changed.", Account!.Email ?? string.Empty].Value;
            return RedirectToPage(new { id });
        }

        return await UnlessBusyAsync(id, () => UnlockAsync(id, cancellationToken));
    }

    private async Task<IActionResult> UnlockAsync(string id, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await users.SetLockoutEndDateAsync(Account!, null);
            await users.ResetAccessFailedCountAsync(Account!);
            await transaction.CommitAsync(CancellationToken.None);
            _changeCommitted = true;
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + Account!.Id, "unlocked " + Account!.Email, Roles.Admin);
        TempData["Status"] = localizer["{0} is unlocked.", Account.Email ?? string.Empty].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), localizer["Enter the new password."]);
            return Page();
        }

        if (DemoAccounts.IsPublishedPassword(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), localizer["The published demo password cannot be used for a real account."]);
            return Page();
        }

        return await UnlessBusyAsync(id, () => ResetPasswordAsync(id, NewPassword, cancellationToken));
    }

    private async Task<IActionResult> ResetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var token = await users.GeneratePasswordResetTokenAsync(Account!);
            var result = await users.ResetPasswordAsync(Account!, token, newPassword);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                PasswordErrors.AddTo(ModelState, result, nameof(NewPassword), nameof(NewPassword));
                return Page();
            }

            // The administrator knows this password, so the user must replace it at their next sign-in; the password, this
            // and the new stamp are stored together or not at all.
            Account!.MustChangePassword = true;
            await users.UpdateAsync(Account);
            await users.UpdateSecurityStampAsync(Account!);
            await transaction.CommitAsync(CancellationToken.None);
            _changeCommitted = true;
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + Account!.Id, "reset the password of " + Account!.Email, Roles.Admin);
        TempData["Status"] = localizer["Password of {0} reset. They must choose their own password at their next sign-in.", Account.Email ?? string.Empty].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Removes the user's second factor (a lost or replaced phone): the authenticator key changes and the second factor
    /// is off. If the user's role requires one, they are sent to set it up again at their next sign-in. Needs a reason
    /// (the confirmation step asks for it).
    /// </summary>
    public async Task<IActionResult> OnPostResetSecondFactorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ReasonIsGiven(ConfirmResetSecondFactor))
        {
            return Page();
        }

        return await UnlessBusyAsync(id, () => ResetSecondFactorAsync(id, cancellationToken));
    }

    private async Task<IActionResult> ResetSecondFactorAsync(string id, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await users.SetTwoFactorEnabledAsync(Account!, false);
            await users.ResetAuthenticatorKeyAsync(Account!);
            await transaction.CommitAsync(CancellationToken.None);
            _changeCommitted = true;
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + Account!.Id, $"reset the second factor of {Account!.Email}; reason: {Reason}", Roles.Admin);
        TempData["Status"] = localizer["The second factor of {0} is reset; they can set up a new authenticator app after signing in.", Account.Email ?? string.Empty].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        Account = await users.FindByIdAsync(id);
        if (Account is null)
        {
            return false;
        }

        IsOwnAccount = string.Equals(Account.Id, users.GetUserId(User), StringComparison.Ordinal);
        CurrentRoles = (await users.GetRolesAsync(Account)).Order(StringComparer.Ordinal).ToArray();
        RoleConflict = RoleNames.Conflict(CurrentRoles, localizer);
        Locked = Account.LockoutEnd is { } end && end > clock.GetUtcNow();
        LockedByAdministrator = Locked && IsAdministratorLock(Account.LockoutEnd);
        DemoAccountOutsideDevelopment = !environment.IsDevelopment()
            && (DemoAccountLock.IsDemoAddress(Account.Email) || DemoAccountLock.IsDemoAddress(Account.UserName));
        try
        {
            SignInEvents = await accessLog.ListSignInEventsAsync(Account.Email ?? Account.UserName ?? Account.Id, Account.Id, SignInEventCount, HttpContext.RequestAborted);
            CreationLogged = await accessLog.IsCreationLoggedAsync(Account.Id, HttpContext.RequestAborted);
        }
        catch (DecisionLogUnavailableException)
        {
            SignInEvents = null; // the page says the log could not be read; managing the account still works
        }

        // The role boxes show the account's roles, except after a post of the roles form, which shows what was chosen.
        if (SelectedRoles.Count == 0 && !(HttpMethods.IsPost(Request.Method) && Request.Query["handler"] == "Roles"))
        {
            SelectedRoles = [.. CurrentRoles];
        }

        // Likewise the name and email, which show what was typed after a post of their form.
        if (!(HttpMethods.IsPost(Request.Method) && Request.Query["handler"] == "Details"))
        {
            Details = new DetailsInput { Email = Account.Email, DisplayName = Account.DisplayName };
        }

        return true;
    }

    /// <summary>
    /// True for an administrator's lock, which has no end (<see cref="DateTimeOffset.MaxValue"/>, however the database
    /// rounds it), unlike a lock after failed attempts, which ends after 15 minutes.
    /// </summary>
    public static bool IsAdministratorLock(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.UtcDateTime.Year == DateTimeOffset.MaxValue.Year;

    /// <summary>Checks the reason of a confirmed action; else shows the confirmation again with the problem.</summary>
    private bool ReasonIsGiven(string action)
    {
        Reason = Reason?.Trim();
        var problem = string.IsNullOrEmpty(Reason) ? localizer["Give the reason; it is recorded in the access log."].Value
            : Reason.Length > MaxReasonLength ? localizer["The reason can be at most {0} characters.", MaxReasonLength].Value
            // Recorded in the access log and read there by auditors: it must read as written (QA8 F6).
            : FreeText.HasHiddenCharacters(Reason, multiLine: true) ? localizer["The reason holds a control character or an invisible mark that changes the direction of the text (often pasted with it). Remove it, or type that part again."].Value
            : null;
        if (problem is null)
        {
            return true;
        }

        ModelState.AddModelError(nameof(Reason), problem);
        Confirm = action;
        return false;
    }

    private async Task<bool> IsLastActiveAdminAsync(CancellationToken cancellationToken) =>
        !await lastAdministrator.AnotherActiveAdministratorAsync(db, Account!.Id, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Changes the account's display name and email (its sign-in id) together, or neither (QA169 F9). A new email ends every
    /// session and API token of the account (the security stamp changes, as for a password reset); the administrator's own
    /// session in this browser goes on. The access log records the old and the new value; the decision log keeps the email
    /// each entry was recorded with.
    /// </summary>
    public async Task<IActionResult> OnPostDetailsAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var validation = await detailsValidator.ValidateAsync(Details, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError($"{nameof(Details)}.{error.PropertyName}", error.ErrorMessage);
        }

        var email = Details.Email?.Trim() ?? "";
        // Every problem at once: an address another account uses (in any letter case) is said beside a name that is too long.
        if (validation.Errors.All(e => e.PropertyName != nameof(DetailsInput.Email)) && await UsedByAnotherAccountAsync(email))
        {
            ModelState.AddModelError($"{nameof(Details)}.{nameof(DetailsInput.Email)}", localizer["Another account already uses the email address '{0}'.", email]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = string.IsNullOrWhiteSpace(Details.DisplayName) ? null : Details.DisplayName.Trim();
        var (oldEmail, oldName) = (Account!.Email ?? "", Account.DisplayName);
        var emailChanged = !string.Equals(email, oldEmail, StringComparison.Ordinal);
        var nameChanged = !string.Equals(name, oldName, StringComparison.Ordinal);
        if (!emailChanged && !nameChanged)
        {
            TempData["Status"] = localizer["The name and email of {0} were already as given; nothing has changed.", oldEmail].Value;
            return RedirectToPage(new { id });
        }

        return await UnlessBusyAsync(id, () => ChangeDetailsAsync(id, email, name, emailChanged, nameChanged, cancellationToken));
    }

    private async Task<IActionResult> ChangeDetailsAsync(string id, string email, string? name, bool emailChanged, bool nameChanged, CancellationToken cancellationToken)
    {
        var (oldEmail, oldName) = (Account!.Email ?? "", Account.DisplayName);
        var renewal = IsOwnAccount && emailChanged ? await SessionRenewal.BeforeStampChangeAsync(HttpContext) : null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The email is the sign-in id too: both change, with the name, in one save (Identity checks them first).
            Account.Email = email;
            Account.UserName = email;
            Account.EmailConfirmed = true;
            Account.DisplayName = name;
            var result = emailChanged ? await users.UpdateSecurityStampAsync(Account) : await users.UpdateAsync(Account);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await LoadAsync(id);
                PasswordErrors.AddTo(ModelState, result, $"{nameof(Details)}.{nameof(DetailsInput.Email)}", $"{nameof(Details)}.{nameof(DetailsInput.Email)}");
                return Page();
            }

            await transaction.CommitAsync(CancellationToken.None);
            _changeCommitted = true;
        }

        var subject = "user:" + Account.Id;
        if (emailChanged)
        {
            await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, subject, $"changed the email of {oldEmail} to {email}", Roles.Admin);
        }

        if (nameChanged)
        {
            await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, subject, $"changed the display name of {email} from \"{oldName}\" to \"{name}\"", Roles.Admin);
        }

        if (renewal is not null)
        {
            await renewal.AfterStampChangeAsync(signIn, Account);
        }

        TempData["Status"] = (IsOwnAccount && emailChanged
            ? localizer["Saved: your email is now {0}. Your other sessions and API tokens have ended; this browser stays signed in.", email]
            : emailChanged
            ? localizer["Saved: the email of this account is now {0} (it was {1}); its sessions and API tokens have ended, so the user signs in again with the new address.", email, oldEmail]
            : string.IsNullOrEmpty(name)
            ? localizer["Saved: the display name of {0} is cleared; the pages show the email in its place.", email]
            : localizer["Saved: the display name of {0} is now “{1}”.", email, name]).Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> UsedByAnotherAccountAsync(string email) =>
        email.Length > 0
        && ((await users.FindByEmailAsync(email)) is { } byEmail && byEmail.Id != Account!.Id
            || (await users.FindByNameAsync(email)) is { } byName && byName.Id != Account!.Id);

    /// <summary>
    /// Runs a change; when the database cannot take it now (SQLite's write lock held by another connection past the command
    /// timeout, PostgreSQL unreachable), the change's transaction has rolled back and nothing was recorded: the page is
    /// shown again with what was typed, saying so, never a 500.
    /// </summary>
    /// <summary>
    /// True once the change's transaction has committed: a failure after it (writing the access log, renewing this
    /// browser's session) is not "nothing has changed", and is left to the app's usual answer.
    /// </summary>
    private bool _changeCommitted;

    private async Task<IActionResult> UnlessBusyAsync(string id, Func<Task<IActionResult>> change)
    {
        try
        {
            return await change();
        }
        catch (Exception ex) when (!_changeCommitted && DatabaseFailures.IsUnreachable(ex))
        {
            logger.LogWarning(ex, "A change to account {AccountId} on the users page was not made: the database could not take it now.", id);
            db.ChangeTracker.Clear();
            var (confirm, confirmOwn) = (Confirm, ConfirmOwnDemotion);
            await LoadAsync(id);
            (Confirm, ConfirmOwnDemotion) = (confirm, confirmOwn);
            ModelState.AddModelError(string.Empty, localizer["The change could not be made now: the database is busy with other work. Nothing has changed and nothing was saved; try again in a moment."]);
            return Page();
        }
    }

    /// <summary>
    /// The name and email form. Nullable, so that MVC adds no implicit "required" check of its own, whose English message
    /// would stand before the validator's localized one.
    /// </summary>
    public sealed class DetailsInput
    {
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }
    }

    /// <summary>The name and email are checked as when an account is created (<see cref="AccountFieldRules"/>).</summary>
    public sealed class DetailsValidator : AbstractValidator<DetailsInput>
    {
        public DetailsValidator(IStringLocalizer<PageText> localizer)
        {
            RuleFor(x => x.Email).AccountEmail(localizer);
            RuleFor(x => x.DisplayName).AccountDisplayName(localizer);
        }
    }
}
