namespace KetamineCds.Web.Screenings;

/// <summary>The outcome of reading a JSON body: the request (as far as it could be read) and per-field errors.</summary>
public sealed record ScreeningJsonReadResult(ScreeningRequest Request, IReadOnlyDictionary<string, List<string>> Errors)
{
    /// <summary>
    /// The fields the body names with <c>null</c> ("not known"), which <see cref="Request"/> cannot tell from fields the
    /// body leaves out: a stored input names every field of its contract but a yes/no never answered (helper 227), so for a
    /// yes/no these are the answers recorded as "Not known".
    /// </summary>
    public IReadOnlySet<string> NamedWithoutValue { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool Succeeded => Errors.Count == 0;
}
