namespace KetamineCds.Web.Screenings;

/// <summary>The outcome of reading a JSON body: the request (as far as it could be read) and per-field errors.</summary>
public sealed record ScreeningJsonReadResult(ScreeningRequest Request, IReadOnlyDictionary<string, List<string>> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
