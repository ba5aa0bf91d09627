using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Api;

/// <summary>
/// The query parameters an API route reads, and a field-level problem for each other one it is sent: a name a route does
/// not read is refused by name, never ignored (ignored, an audit export's unknown filter exported the whole log, and
/// <c>GET /api/v1/screenings?patientReference=X&amp;foo=1</c> answered as if <c>foo</c> meant something). One check for
/// the audit exports and the screenings list.
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
        var read = string.Join(", ", names);
        return query.Keys.Where(k => !names.Contains(k))
            .ToDictionary(k => k, k => new[] { ClinicalText.Shared.Message(messageKey, k, read) }, StringComparer.Ordinal);
    }
}
