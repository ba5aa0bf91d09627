using System.Globalization;
using System.Text;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Security;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The CSV export of the auditor's filter, for the API and the page alike. The filter is validated, the export
/// recorded and the first row read before the response starts, so a bad or unreadable date (or verdict) is a 400 with a
/// field message and an unreachable database a 503, never a 200 with half a file or with the filter left out. An entry
/// whose stored content cannot be read is exported with what the list shows of it and <c>unreadable</c> = <c>true</c>.
/// </summary>
public static class AuditCsvExport
{
    public static async Task<IResult> ExportAsync(HttpContext context, AuditFilterInput input, IDecisionLogAudit audit, IAccessAudit access)
    {
        if (input.Validate(context.Request.Query) is { Count: > 0 } errors)
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
        await writer.WriteAsync("id,sequence,recordedAt,clinician,role,patientReference,overall,ruleSetVersion,ruleSetDigest,correlationId,corrects,rescreenOf,entryType,unreadable,overrides\n");
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
                item.Corrects?.ToString(),
                item.RescreenOf?.ToString(),
                item.EntryType,
                item.Unreadable ? "true" : null,
                item.Overrides.ToString(CultureInfo.InvariantCulture)));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return Results.Empty;
    }
}
