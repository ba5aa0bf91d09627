namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Where one keyset page of an auditor's list stands among the entries its filter matches (QA318: a printed list says how
/// much of the log it is): <see cref="Newer"/> matching entries come before the page (0 on the first page), and
/// <see cref="Matching"/> match in all. The page shows entries <c>Newer + 1</c> to <c>Newer + shown</c>.
/// </summary>
/// <remarks>
/// Counted only when the list runs to more than one page: a single page holds every match, and its count is its length.
/// The counts are read after the page, the entries before it first: the log only grows, so an entry recorded in between
/// adds to the count and never leaves a page's entries beyond it.
/// </remarks>
public sealed record ListPosition(long Newer, long Matching)
{
    /// <summary>A list on one page: it holds every entry the filter matches.</summary>
    public static ListPosition Whole(int shown) => new(0, shown);
}
