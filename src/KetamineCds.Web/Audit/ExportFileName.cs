using System.Globalization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The file name an export downloads as: what it is and when it was made, in UTC to the second
/// (<c>decision-log-2026-12-07T081530Z.csv</c>, <c>access-log-…csv</c>, <c>decision-log-…jsonl</c>), so that two exports
/// kept side by side are told apart and sort by time (QA318 F10: every export was <c>decision-log.csv</c>). Only letters,
/// digits and hyphens besides the extension: no colon, which Windows refuses in a file name.
/// </summary>
public static class ExportFileName
{
    /// <summary>The decision log's exports (<c>decision-log-…</c>).</summary>
    public const string DecisionLog = "decision-log";

    /// <summary>The access log's export (<c>access-log-…</c>).</summary>
    public const string AccessLog = "access-log";

    /// <summary><paramref name="stem"/>, the UTC time <paramref name="at"/> to the second, and <paramref name="extension"/>.</summary>
    public static string Of(string stem, DateTimeOffset at, string extension) =>
        stem + "-" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "." + extension;

    /// <summary>The file name of an export made now, by the app's clock.</summary>
    public static string Now(HttpContext context, string stem, string extension)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(stem, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), extension);
    }
}
