using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KetamineCds.Web.Pages;

/// <summary>The error summary at the top of a form: every error in the form's order, linked to its field.</summary>
public static class FormErrors
{
    /// <summary>
    /// Every error of <paramref name="modelState"/> for <paramref name="prefix"/>.<paramref name="fields"/>, in that order,
    /// with the id of the field it links to; "" in <paramref name="fields"/> stands for errors about no field (no link).
    /// Each error also stands under its field; the same message is listed once. An empty <paramref name="prefix"/> is for
    /// fields bound on the page model itself (an administrator's reason), whose key and id are their name.
    /// </summary>
    public static IReadOnlyList<(string? Anchor, string Message)> Summary(ModelStateDictionary modelState, string prefix, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(prefix);
        return fields
            .Select(name => (Key: name.Length == 0 || prefix.Length == 0 ? name : $"{prefix}.{name}", Anchor: name.Length == 0 ? null : prefix.Length == 0 ? name : $"{prefix}_{name}"))
            .Where(x => modelState.TryGetValue(x.Key, out var entry) && entry.Errors.Count > 0)
            .SelectMany(x => modelState[x.Key]!.Errors.Select(e => (x.Anchor, e.ErrorMessage)))
            .Distinct()
            .ToList();
    }
}

/// <summary>What <c>Shared/_ErrorSummary</c> shows: its heading (how many problems, and that nothing was done) and the errors.</summary>
/// <param name="Heading">The summary's heading, in the page's language.</param>
/// <param name="Errors">The errors, as <see cref="FormErrors.Summary"/> lists them.</param>
/// <param name="HeadingLevel">2 for a form that is the page's; 3 for a form in a section of its own (under the section's h2).</param>
public sealed record ErrorSummaryView(string Heading, IReadOnlyList<(string? Anchor, string Message)> Errors, int HeadingLevel = 2);
