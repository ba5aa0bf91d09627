using KetamineCds.Web.Forms;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Pages.Account;

/// <summary>
/// Cookie sign-in for the pages (<see cref="PasswordSignIn"/>: one answer for unknown, locked and wrong-password
/// accounts). Every attempt, good or bad, is recorded in the access audit.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[IgnoreAntiforgeryToken] // Checked in OnPostAsync, so that a form that went stale answers with this page, not a bare 400.
public sealed class LoginModel(PasswordSignIn signIn, IAntiforgery antiforgery, IHostEnvironment environment, IConfiguration configuration, IStringLocalizer<PageText> localizer) : PageModel
{
    /// <summary>The TempData key of the notice that this account has just been locked and signed out (<see cref="ChangePasswordModel"/>).</summary>
    public const string LockedNotice = "LockedNotice";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True when the sign-in follows a session that ended (the browser still had its cookie): the page says so.</summary>
    [BindProperty(SupportsGet = true, Name = "ended")]
    public bool SessionEnded { get; set; }

    /// <summary>
    /// True when the request the ended session refused sent something (a form's post): the page then says that it was
    /// not saved. A page only asked for (a result read after the idle sign-out) had nothing to lose, and the page says
    /// only that the session ended (AuthenticationSetup).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = UnsavedName)]
    public bool Unsaved { get; set; }

    /// <summary>The query name of <see cref="Unsaved"/>.</summary>
    public const string UnsavedName = "unsaved";

    /// <summary>
    /// True when what was sent and refused was a screening form (<see cref="KeptDrafts"/>: the return address is the
    /// form's own path, where it was sent): the page then says the screening was not saved, and drafts.js says whether this
    /// tab kept its answers, which the form gives back after signing in (helper 254), or that they must be entered again.
    /// </summary>
    public bool SentScreening => Unsaved && ReturnsToKeptDraftForm;

    /// <summary>
    /// True when the return address is a form whose answers drafts.js keeps (<see cref="KeptDrafts"/>): only there can
    /// this tab hold answers that come back after signing in.
    /// </summary>
    public bool ReturnsToKeptDraftForm => Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith('/')
        && KeptDrafts.AtFormPath(new PathString(ReturnUrl.Split('?', '#')[0]));

    /// <summary>
    /// Why the refused send was refused, for drafts.js to tell the form it gives the answers back to
    /// (<c>data-draft-refused-because</c>): <see cref="RefusedWithoutSession"/> when the post came with no session cookie
    /// (the redirect says <c>ended</c> only when the browser still sent one, AuthenticationSetup), so that the form says what
    /// this page says (#not-signed-in-unsaved), not that a session ended; null otherwise (the form's words for an ended
    /// session or an expired form).
    /// </summary>
    public string? RefusedBecause => Unsaved && !SessionEnded ? RefusedWithoutSession : null;

    /// <summary>
    /// The reason <see cref="RefusedBecause"/> gives for a post sent with no session cookie. drafts.js marks the kept draft
    /// with it, and says the answers come back (#draft-kept) for a draft marked with this page's reason: it lists none.
    /// </summary>
    public const string RefusedWithoutSession = "not-signed-in";

    /// <summary>
    /// True when the language switch was refused for want of a valid form token while signed out (the session ended in
    /// another tab or by idling): the page says the language was not changed, and (drafts.js, #language-draft-kept) that the
    /// answers typed on the screening form switched from are kept, only when this tab holds them.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = LanguageNotChangedName)]
    public bool LanguageNotChanged { get; set; }

    /// <summary>The query name of <see cref="LanguageNotChanged"/>.</summary>
    public const string LanguageNotChangedName = "languageNotChanged";

    /// <summary>What stopped the sign-in that is about no box (a wrong email or password, an expired form), or null.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>
    /// The boxes left empty, each with its message, for the error summary: linked to the box (<c>#email</c>,
    /// <c>#password</c>); each message also stands above its box, after its label (FieldErrorTagHelper, <c>field-errors-of</c>).
    /// </summary>
    public IReadOnlyList<(string? Anchor, string Message)> FieldErrors =>
        [.. FormErrors.Summary(ModelState, "", [EmailKey, PasswordKey]).Select(e => (e.Anchor == EmailKey ? (string?)"email" : "password", e.Message))];

    /// <summary>The model entry of the email box.</summary>
    public const string EmailKey = nameof(Input) + "." + nameof(InputModel.Email);

    /// <summary>The model entry of the password box.</summary>
    public const string PasswordKey = nameof(Input) + "." + nameof(InputModel.Password);

    /// <summary>The demo accounts are listed only in Development, where they exist with the published password.</summary>
    public bool ShowDemoAccounts => environment.IsDevelopment() && DemoAccounts.AreEnabled(environment, configuration);

    /// <summary>
    /// The account this browser is signed in to, or null. While it is signed in, the page offers to continue or to sign
    /// out and signs nobody else in: a sign-in over a live session would hand that session's key to another account
    /// (the session store ends the session rather than do so, see <see cref="ServerSessions.RenewAsync"/>), and a
    /// sign-in always starts a session with a new key.
    /// </summary>
    public string? SignedInAs => User.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "" : null;

    /// <summary>Where "Continue" goes while signed in: the return address if it is local, otherwise the start page.</summary>
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // No valid form token: a forged post, or a form opened before this browser signed in or out in another tab.
            // Nothing is checked or recorded; the page says what to do (or, signed in, offers to continue or sign out).
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ErrorMessage = SignedInAs is null ? localizer["This sign-in form had expired: nothing was checked. Enter your email and password again."].Value : null;
            return Page();
        }

        if (SignedInAs is not null)
        {
            // A sign-in form sent while this browser is signed in (another tab): nobody else is signed in over the session.
            return Page();
        }

        // A box left empty (or holding a control character) is a problem with that box: its own message above it, tied to it, and linked from the summary,
        // as on every other form. Nothing is checked and no attempt is counted. Which of a typed email and password was
        // wrong is never said (PasswordSignIn.FailureMessage, below): that would tell who has an account.
        var email = Input.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(EmailKey, localizer["Enter your email."]);
        }

        else if (FreeText.HasHiddenCharacters(email, multiLine: false))
        {
            // No account's email holds one (Identity's user names cannot): said at its box, as a NUL posted here is
            // (FormNulGuard reads it as another control character), rather than counted as an attempt under an email
            // nobody typed.
            ModelState.AddModelError(EmailKey, localizer["The email address holds a control character or an invisible mark that changes the direction of the text (often pasted with it). Remove it, or type that part again."]);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(PasswordKey, localizer["Enter your password."]);
        }
        else if (Input.Password.Any(char.IsControl))
        {
            // No password holds one (ControlCharacterPasswordValidator).
            ModelState.AddModelError(PasswordKey, localizer["The password holds a control character (often pasted with it). Remove it, or type that part again."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.SignInAsync(HttpContext, email, Input.Password, IdentityConstants.ApplicationScheme, "page");
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second factor comes next (recorded in the audit when it completes or fails).
            return RedirectToPage("/Account/LoginWithCode", new { ReturnUrl });
        }

        if (!result.Succeeded)
        {
            ErrorMessage = PasswordSignIn.FailureMessage;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>What the sign-in form posts.</summary>
    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
