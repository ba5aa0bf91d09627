using System.Text;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Audit;

/// <summary>RFC 4180 CSV, with spreadsheet formula injection neutralised.</summary>
public static class Csv
{
    /// <summary>The byte-order mark every CSV export starts with (EF BB BF once encoded).</summary>
    public const char Utf8ByteOrderMark = '\uFEFF';

    /// <summary>What an export's access event records as its detail: "csv", then the filter if there is one.</summary>
    public static string ExportDetail(object filter) => filter.ToString() is { Length: > 0 } text ? "csv; " + text : "csv";

    public static string Row(params string?[] cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var cell = cells[i] ?? "";
            // A cell a spreadsheet would run as a formula is prefixed so it stays text (OWASP CSV injection).
            if (cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal))
            {
                cell = "'" + cell;
            }

            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>
    /// Reads an export's first row before any byte is sent, so a log that cannot be read still answers 409 or 503
    /// (<see cref="AuditEndpoints.LogFailed"/>, from the failure returned) rather than a cut-off download; otherwise whether
    /// there is a row.
    /// </summary>
    internal static async Task<(bool More, Exception? Failure)> FirstRowAsync<T>(IAsyncEnumerator<T> rows)
    {
        try
        {
            return (await rows.MoveNextAsync(), null);
        }
        catch (Exception ex) when (ex is DecisionLogUnavailableException or System.Data.Common.DbException)
        {
            return (false, ex);
        }
    }

    /// <summary>
    /// Streams <paramref name="rows"/> as a CSV attachment in UTF-8 with a byte-order mark. The first row is read before the
    /// response starts, so an unreachable database is a 503 (a refusing one a 409), never a 200 with half a file; then the header and every row,
    /// flushed every 1,000 rows.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="rows">The rows, read lazily from the database.</param>
    /// <param name="fileName">The attachment's file name.</param>
    /// <param name="header">The header line, with its newline.</param>
    /// <param name="cells">A row's cells, in the header's order.</param>
    /// <param name="starting">Run once the first row was read and before the response starts: response headers of its own.</param>
    public static async Task<IResult> StreamAsync<T>(HttpContext context, IAsyncEnumerable<T> rows, string fileName, string header, Func<T, string?[]> cells, Func<HttpContext, Task>? starting = null)
    {
        var cancellationToken = context.RequestAborted;
        await using var e = rows.GetAsyncEnumerator(cancellationToken);
        var (more, failure) = await FirstRowAsync(e);
        if (failure is not null)
        {
            return AuditEndpoints.LogFailed(context, failure);
        }

        if (starting is not null)
        {
            await starting(context);
        }

        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        // The UTF-8 byte-order mark first (QA109 F5): a spreadsheet opening a .csv without one reads it in the machine's
        // ANSI code page, and the clinicians' Chinese or accented words come out garbled. Readers that know UTF-8 skip it
        // (Python: encoding="utf-8-sig"; HttpClient's ReadAsStringAsync). The JSON Lines export has none (RFC 8259).
        await writer.WriteAsync(Utf8ByteOrderMark);
        await writer.WriteAsync(header);
        var count = 0;
        for (; more; more = await e.MoveNextAsync())
        {
            await writer.WriteAsync(Row(cells(e.Current)));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return Results.Empty;
    }
}
