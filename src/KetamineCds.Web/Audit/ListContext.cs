using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>One field of an audit filter as the list ran with it: the label its form gives it, and its value in words.</summary>
public sealed record FilterTerm(string Label, string Value);

/// <summary>
/// What an audit list says of itself (QA318: a printed list stood alone on paper with nothing to say when, by whom or with
/// which filter it was made): when it was produced (the clinic's time), by whom, its filter in words (each field given,
/// as the filter input describes itself: <see cref="DatePeriodInput.Described"/>), and how much of what matches it shows.
/// The decision log, the access log and the impact analysis show it alike, from one partial (<c>_ListContext</c>), on
/// screen and on paper, once the list was produced.
/// </summary>
/// <param name="ProducedAt">When the list was read, by the app's clock.</param>
/// <param name="ProducedBy">The signed-in user's email.</param>
/// <param name="Role">The role they acted in (the auditor's), as the access log records it; null if none.</param>
/// <param name="Filter">The filter's fields given; empty for no filter (the whole log).</param>
/// <param name="Shown">How much of what matches the list shows, in words; null where the page says it otherwise.</param>
public sealed record ListContext(DateTimeOffset ProducedAt, string ProducedBy, string? Role, IReadOnlyList<FilterTerm> Filter, string? Shown)
{
    /// <summary>What else the list was produced with that is no filter (the impact analysis's rule sets), after the filter.</summary>
    public IReadOnlyList<FilterTerm> ProducedWith { get; init; } = [];

    /// <summary>The context of a list read now, by the signed-in user of <paramref name="context"/>, acting as an auditor.</summary>
    public static ListContext Now(HttpContext context, IReadOnlyList<FilterTerm> filter, string? shown)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var user = context.User;
        return new(
            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            user.ToActor(Roles.Auditor).Email,
            user.ActingRole(Roles.Auditor),
            filter,
            shown);
    }

    /// <summary>The decision log's page in words: every match shown, or which of how many (newest first).</summary>
    public static string EntriesShown(IStringLocalizer<PageText> localizer, ListPosition? position, int shown)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var (newer, matching) = Counts(position, shown);
        return shown == matching
            ? matching switch
            {
                0 => localizer["No entries match."],
                1 => localizer["The one matching entry is shown."],
                _ => localizer["All {0} matching entries are shown.", matching],
            }
            : localizer["Entries {0} to {1} of {2} matching are shown, newest first.", newer + 1, newer + shown, matching];
    }

    /// <summary>The access log's page in words: every match shown, or which of how many (newest first).</summary>
    public static string AccessEventsShown(IStringLocalizer<PageText> localizer, ListPosition? position, int shown)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var (newer, matching) = Counts(position, shown);
        return shown == matching
            ? matching switch
            {
                0 => localizer["No access events match."],
                1 => localizer["The one matching access event is shown."],
                _ => localizer["All {0} matching access events are shown.", matching],
            }
            : localizer["Access events {0} to {1} of {2} matching are shown, newest first.", newer + 1, newer + shown, matching];
    }

    /// <summary>
    /// The impact analysis's list of changed screenings in words: all of them, or the first <paramref name="listed"/> of
    /// <paramref name="changed"/>; null when none changed (the result says so).
    /// </summary>
    public static string? ChangesListed(IStringLocalizer<PageText> localizer, int listed, int changed)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return changed switch
        {
            0 => null,
            _ when listed < changed => localizer["The first {0} of {1} screenings whose verdict would change are listed.", listed, changed].Value,
            1 => localizer["The one screening whose verdict would change is listed."].Value,
            _ => localizer["All {0} screenings whose verdict would change are listed.", changed].Value,
        };
    }

    /// <summary>The entries before the page and the entries matching; a page not counted holds every match (one page).</summary>
    private static (long Newer, long Matching) Counts(ListPosition? position, int shown) =>
        position is { } p ? (p.Newer, Math.Max(p.Matching, p.Newer + shown)) : (0, shown);
}
