using System.Globalization;
using System.Text;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace KetamineCds.Web.Audit;

/// <summary>The auditor's HTTP API: chain verification (contract) and the CSV export.</summary>
public static class AuditEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/v1/audit/verify</c> (<c>{"checked": N, "intact": true, "firstBrokenId": null}</c>) and
    /// <c>GET /api/v1/audit/export.csv</c>, both behind the "Audit" policy and the API's bearer token (the auditor's
    /// page exports through its own handler, with the page's cookie: <c>/Audit?handler=Csv</c>).
    /// </summary>
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/audit").RequireAuthorization(AuditRequest.Policy);
        group.MapGet("/verify", VerifyAsync).WithName("AuditVerify");
        group.MapGet("/export.csv", ExportAsync).WithName("AuditExportCsv");
        return group;
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, IDecisionLog log, IAccessAudit access)
    {
        try
        {
            await access.RecordAsync(context, AccessEventKind.Verify, "decision-log");
            var result = await log.VerifyAsync(context.RequestAborted);
            return Results.Json(new VerifyResponse(result.Checked, result.Intact, result.FirstBrokenId), ContractJson.Options);
        }
        catch (DecisionLogUnavailableException)
        {
            return Unavailable();
        }
    }

    private static Task<IResult> ExportAsync(HttpContext context, [AsParameters] ExportQuery query, IDecisionLogAudit audit, IAccessAudit access) =>
        AuditCsvExport.ExportAsync(context, query.ToInput(), audit, access);

    internal static IResult Unavailable() => Results.Problem(
        title: "The decision log is unavailable",
        detail: "The database could not be reached; try again shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>The contract's body for GET /api/v1/audit/verify.</summary>
    private sealed record VerifyResponse(long Checked, bool Intact, Guid? FirstBrokenId);

    private sealed record ExportQuery(DateOnly? From, DateOnly? To, string? Clinician, string? Patient, string? Overall, string? RuleSet)
    {
        public AuditFilterInput ToInput() => new() { From = From, To = To, Clinician = Clinician, Patient = Patient, Overall = Overall, RuleSet = RuleSet };
    }
}

/// <summary>
/// The CSV export of the auditor's filter, for the API and the page alike. The filter is validated, the export
/// recorded and the first row read before the response starts, so a bad date is a 400 with a field message and an
/// unreachable database a 503, never a 200 with half a file.
/// </summary>
public static class AuditCsvExport
{
    public static async Task<IResult> ExportAsync(HttpContext context, AuditFilterInput input, IDecisionLogAudit audit, IAccessAudit access)
    {
        if (input.Validate() is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors, title: "The export's filter is not valid.");
        }

        try
        {
            await access.RecordAsync(context, AccessEventKind.Export, "decision-log", "csv; " + input);
        }
        catch (DecisionLogUnavailableException)
        {
            return AuditEndpoints.Unavailable();
        }

        var cancellationToken = context.RequestAborted;
        await using var rows = audit.ExportAsync(input.ToFilter(), cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool more;
        try
        {
            more = await rows.MoveNextAsync();
        }
        catch (Exception ex) when (ex is DecisionLogUnavailableException or System.Data.Common.DbException)
        {
            return AuditEndpoints.Unavailable();
        }

        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"decision-log.csv\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("id,sequence,recordedAt,clinician,role,patientReference,overall,ruleSetVersion,ruleSetDigest,correlationId,corrects\n");
        var count = 0;
        for (; more; more = await rows.MoveNextAsync())
        {
            var item = rows.Current;
            await writer.WriteAsync(Csv.Row(
                item.Id.ToString(),
                item.Sequence.ToString(CultureInfo.InvariantCulture),
                item.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                item.ClinicianEmail,
                item.ClinicianRole,
                item.PatientReference,
                item.Overall,
                item.RuleSetVersion,
                item.RuleSetDigest,
                item.CorrelationId,
                item.Corrects?.ToString()));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return Results.Empty;
    }
}

/// <summary>RFC 4180 CSV, with spreadsheet formula injection neutralised.</summary>
public static class Csv
{
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
}
