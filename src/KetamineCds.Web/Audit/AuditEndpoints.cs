using System.Globalization;
using System.Text;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using Microsoft.AspNetCore.Mvc;

namespace KetamineCds.Web.Audit;

/// <summary>The auditor's HTTP API: chain verification (contract) and the CSV export.</summary>
public static class AuditEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/v1/audit/verify</c> (<c>{"checked": N, "intact": true, "firstBrokenId": null}</c>) and
    /// <c>GET /api/v1/audit/export.csv</c>, both behind the "Audit" policy.
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

    /// <summary>Streams the filtered list as CSV straight from the database to the response, never building it in memory.</summary>
    private static async Task<IResult> ExportAsync(HttpContext context, [AsParameters] ExportQuery query, IDecisionLogAudit audit, IAccessAudit access)
    {
        var input = query.ToInput();
        try
        {
            await access.RecordAsync(context, AccessEventKind.Export, "decision-log", "csv; " + input);
        }
        catch (DecisionLogUnavailableException)
        {
            return Unavailable();
        }

        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"decision-log.csv\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("id,sequence,recordedAt,clinician,role,patientReference,overall,ruleSetVersion,ruleSetDigest,correlationId,corrects\n");
        var rows = 0;
        await foreach (var item in audit.ExportAsync(input.ToFilter(), context.RequestAborted))
        {
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
            if (++rows % 1000 == 0)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        await writer.FlushAsync(context.RequestAborted);
        return Results.Empty;
    }

    private static IResult Unavailable() => Results.Problem(
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
