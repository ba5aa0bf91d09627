using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Pages.Account;
using KetamineCds.Web.Security;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Forms;

/// <summary>
/// What became of the answers drafts.js kept (<see cref="KeptDrafts"/>), by the outcome it marks the kept draft with (or
/// <see cref="Unsent"/>: typed and not sent), and what to do next, declared once for the two pages that say it: the
/// screening form, over the answers it gives back (<c>#draft-restored</c>, <c>#draft-restored-…</c>, New.cshtml:
/// <see cref="PutBack"/>), and the sign-in page after a language switch refused for an ended session, which says the
/// answers are kept and why (<c>#language-draft-kept</c>, <c>#language-draft-kept-…</c>, Login.cshtml; helper 312:
/// <see cref="KeptOnSignIn"/>). Each page puts its own lead sentence before it, written here too; a new outcome or a
/// reworded reason is one edit here. drafts.js names the outcomes too: <see cref="Sent"/> and <see cref="Refused"/> are its
/// own, given it by its script tag (<see cref="KeptDrafts.Script"/>), the others are the reasons the refusing pages give it
/// (<c>data-draft-refused-because</c>), and a refusal with a reason not listed here gets <see cref="Refused"/>'s text.
/// </summary>
public static class KeptDraftOutcomes
{
    /// <summary>Sent, and nothing said what became of the send (the network lost it, a page of something in between): it may have been recorded.</summary>
    public const string Sent = "sent";

    /// <summary>Refused before anything was read or saved, for no reason of its own: the session had ended, or the form had expired.</summary>
    public const string Refused = "refused";

    /// <summary>Refused because the form sent was larger than the app accepts (the error page's reason).</summary>
    public const string TooLarge = "too-large";

    /// <summary>
    /// Typed and not sent (kept by a language switch): no send, so none of <see cref="All"/>; the pages' notice and note
    /// without a suffix say it (<c>#draft-restored</c>, <c>#language-draft-kept</c>).
    /// </summary>
    public const string Unsent = "unsent";

    /// <summary>Every outcome, each with its text (<see cref="Why"/>): the pages write one note for each.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Sent, Refused, LoginModel.RefusedWithoutSession, TooLarge,
        DatabaseUnavailableHandler.DatabaseUnavailableReason, DatabaseUnavailableHandler.DatabaseRefusedReason,
    ];

    /// <summary>
    /// What became of the send the kept answers are from ("they", after the page's sentence naming the answers), and what to
    /// do before sending them again, in the request's language.
    /// </summary>
    public static LocalizedString Why(string outcome, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return outcome switch
        {
            Unsent => localizer["They were typed and not sent, so nothing has been saved yet (signing out clears them). Check them, then send the form."],
            Sent => localizer["They are from a send that did not complete: the screening may or may not have been recorded. Check the patient's screenings before you send it again."],
            Refused => localizer["They were sent, but the screening was not saved: the app refused the send before saving anything (your session had ended, or the form had expired). Check the answers, then send the form again."],
            LoginModel.RefusedWithoutSession => localizer["They were sent, but the screening was not saved: it reached the app without a signed-in session (for example, after signing out in another tab), and was refused before anything was saved. Check the answers, then send the form again."],
            TooLarge => localizer["They were sent, but the screening was not saved: the form sent was larger than KetamineCds accepts. Shorten the clinician's note to at most {0} characters, then send the form again.", Fields.ClinicianNote.MaxLength!.Value.ToString("N0", CultureInfo.CurrentCulture)],
            DatabaseUnavailableHandler.DatabaseUnavailableReason => localizer["They were sent, but the screening was not saved: the database could not be reached when it was sent, so nothing was stored. Check the answers, then send the form again."],
            DatabaseUnavailableHandler.DatabaseRefusedReason => localizer["They were sent, but the screening was not saved: the database refused to store it, so nothing was stored. Sending it again unchanged will not help; the cause is in KetamineCds's log for the administrator."],
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome of a kept draft: add it to KeptDraftOutcomes.All with its text."),
        };
    }

    /// <summary>The form's notice over the answers it gives back, kept with <paramref name="outcome"/>: its sentence, then <see cref="Why"/>.</summary>
    public static string PutBack(string outcome, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return ClinicalText.Sentences(localizer["Your answers were kept in this tab, and put back."].Value, Why(outcome, localizer).Value);
    }

    /// <summary>
    /// The sign-in page's sentence for the screening form's answers kept in this tab: the form gives them back to the same
    /// account signed in within <see cref="KeptDrafts.Lifetime"/>.
    /// </summary>
    public static string KeptUntilSignIn(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["The answers on the screening form are kept in this tab: when you sign in with the same account within {0} hours, the form opens with them again.", KeptDrafts.Lifetime.TotalHours.ToString("N0", CultureInfo.CurrentCulture)].Value;
    }

    /// <summary>The sign-in page's note for the answers kept with <paramref name="outcome"/>: <see cref="KeptUntilSignIn"/>, then <see cref="Why"/>.</summary>
    public static string KeptOnSignIn(string outcome, IStringLocalizer localizer) =>
        ClinicalText.Sentences(KeptUntilSignIn(localizer), Why(outcome, localizer).Value);
}
