using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Api;

/// <summary>
/// The query parameters an API route reads, and a field-level problem for each other one it is sent: a name a route does
/// not read is refused by name, never ignored (ignored, an audit export's unknown filter exported the whole log, and
/// <c>GET /api/v1/screenings?patientReference=X&amp;foo=1</c> answered as if <c>foo</c> meant something). One check for
/// the audit exports and the screenings list. A name a route reads once, given more than once, is refused by name too
/// (<see cref="Repeated(IQueryCollection, string)"/>).
/// </summary>
public static class QueryNames
{
    /// <summary>
    /// A problem under each name of <paramref name="query"/> that is not one of <paramref name="names"/> (matched as the
    /// binder matches them, by the set's comparer: without regard to letter case), saying
    /// <paramref name="messageKey"/> (ClinicalText, formatted with the name and the names read); empty when there is none.
    /// </summary>
    public static Dictionary<string, string[]> Unknown(IQueryCollection query, IReadOnlySet<string> names, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(names);
        var read = string.Join(ClinicalText.Shared.ListSeparator, names);
        return query.Keys.Where(k => !names.Contains(k))
            .ToDictionary(k => k, k => new[] { ClinicalText.Shared.Message(messageKey, k, read) }, StringComparer.Ordinal);
    }

    /// <summary>The names of a route that reads no query parameter.</summary>
    public static IReadOnlySet<string> None { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The title of the 400 for a query name a route does not read (ClinicalText <c>Problem.QueryParameterUnknown</c>).</summary>
    public const string UnknownTitle = "The request was refused: the query names a parameter this route does not read.";

    /// <summary>
    /// The 400 of a query that gives a name the route does not read (<paramref name="names"/>, <see cref="None"/> for a
    /// route that reads none), each such name under its own key, titled <paramref name="title"/>; null when it gives none.
    /// The audit API's verification, checkpoint routes and replay share it (helper 230: the checkpoint routes and the
    /// replay ignored <c>?x=1</c>, the list and the replay recording an access as if it had meant nothing).
    /// </summary>
    public static IResult? RefuseUnknown(IQueryCollection query, IReadOnlySet<string> names, string title = UnknownTitle)
    {
        ArgumentNullException.ThrowIfNull(names);
        var unknown = Unknown(query, names, names.Count == 0 ? "Validation.UnknownQueryParameter.NoneRead" : "Validation.UnknownQueryParameter");
        return unknown.Count > 0 ? Results.ValidationProblem(unknown, title: title) : null;
    }

    /// <summary>
    /// The problem of a query that gives <paramref name="name"/> (in any letter case, as the binder reads it) more than
    /// once, an empty value included, or null when it gives it at most once. Two values are two answers to one question:
    /// the binder would join them with a comma, or read one of them, and which one was meant is not the route's to pick.
    /// </summary>
    public static string? Repeated(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query[name].Count > 1 ? ClinicalText.Shared.Message("Validation.QueryParameterRepeated", name) : null;
    }

    /// <summary>
    /// A <see cref="Repeated(IQueryCollection, string)"/> problem under each of <paramref name="names"/> (spelled as the
    /// route spells it) that the query gives more than once; empty when there is none. The audit API's filters and
    /// options: a filter given twice was used silently (<c>?patientReference=A&amp;patientReference=</c> exported A's
    /// entries, the binder leaving the empty value out) or refused with another problem's message.
    /// </summary>
    public static Dictionary<string, string[]> Repeated(IQueryCollection query, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (Repeated(query, name) is { } problem)
            {
                errors[name] = [problem];
            }
        }

        return errors;
    }
}
