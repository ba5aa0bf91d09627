using System.ComponentModel.DataAnnotations;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class EditModel(UserManager<ApplicationUser> users, IAccessAudit audit, EfAccessAudit accessLog, TimeProvider clock, IStringLocalizer<PageText> localizer, IHostEnvironment environment,
    KetamineCdsDbContext db, LastAdministratorGuard lastAdministrator) : PageModel
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

    /// <summary>True when an administrator locked the account (it stays locked until unlocked), not failed attempts.</summary>
    public bool LockedByAdministrator { get; private set; }

    /// <summary>The account's latest sign-in events, newest first; null when the access log could not be read.</summary>
    public IReadOnlyList<LoggedAccessEvent>? SignInEvents { get; private set; }

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

        if (CurrentRoles.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await IsLastActiveAdminAsync(cancellationToken))
        {
            return LastAdministratorsRoles();
        }

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

            await transaction.CommitAsync(CancellationToken.None);
        }

        // Sign the user out everywhere so the new roles take effect at once.
        await users.UpdateSecurityStampAsync(Account!);
        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + Account!.Id, $"set roles of {Account!.Email} to [{string.Join(", ", wanted)}]", Roles.Admin);
        TempData["Status"] = localizer["Roles of {0} updated.", Account.Email ?? string.Empty].Value;
        return RedirectToPage(new { id });
    }

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
        }

        await audit.RecordAsync(HttpContext, AccessEventKind.UserAdministration, "user:" + Account!.Id, $"locked {Account!.Email}; reason: {Reason}", Roles.Admin);
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

        await users.SetLockoutEndDateAsync(Account!, null);
        await users.ResetAccessFailedCountAsync(Account!);
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

        var token = await users.GeneratePasswordResetTokenAsync(Account!);
        var result = await users.ResetPasswordAsync(Account!, token, NewPassword);
        if (!result.Succeeded)
        {
            PasswordErrors.AddTo(ModelState, result, nameof(NewPassword), nameof(NewPassword));
            return Page();
        }

        // The administrator knows this password, so the user must replace it at their next sign-in.
        Account!.MustChangePassword = true;
        await users.UpdateAsync(Account);
        await users.UpdateSecurityStampAsync(Account!);
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

        await users.SetTwoFactorEnabledAsync(Account!, false);
        await users.ResetAuthenticatorKeyAsync(Account!);
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

        CurrentRoles = (await users.GetRolesAsync(Account)).Order(StringComparer.Ordinal).ToArray();
        RoleConflict = RoleNames.Conflict(CurrentRoles, localizer);
        Locked = Account.LockoutEnd is { } end && end > clock.GetUtcNow();
        LockedByAdministrator = Locked && IsAdministratorLock(Account.LockoutEnd);
        DemoAccountOutsideDevelopment = !environment.IsDevelopment()
            && (DemoAccountLock.IsDemoAddress(Account.Email) || DemoAccountLock.IsDemoAddress(Account.UserName));
        try
        {
            SignInEvents = await accessLog.ListSignInEventsAsync(Account.Email ?? Account.UserName ?? Account.Id, SignInEventCount, HttpContext.RequestAborted);
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
}
