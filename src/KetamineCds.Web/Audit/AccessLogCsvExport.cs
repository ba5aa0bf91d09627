using System.Globalization;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The CSV export of the auditor's access log filter (Pages/Audit/Access), as <see cref="AuditCsvExport"/> exports the
/// decision log: the filter is validated, the export recorded and the first row read before the response starts, so a
/// bad filter is a 400 with a field message, an unreachable database a 503 and a refusing one a 409, never a 200 with half a file or with the
/// filter left out. Every cell goes through <see cref="Csv"/> (formula injection neutralised): the emails, subjects and
/// details come from outside (an attempted sign-in, a reason typed by an administrator). An event whose stored content no
/// longer matches its hash is exported with <c>unreadable</c> = <c>true</c>, as the decision log's export marks an entry.
/// </summary>
public static class AccessLogCsvExport
{
    /// <summary>The subject of the export's own access event, and of the page's view events.</summary>
    public const string Subject = "access-log";

    public const string Header = "id,sequence,occurredAt,userEmail,role,kind,subject,detail,correlationId,unreadable\n";

    public static async Task<IResult> ExportAsync(HttpContext context, AccessFilterInput input, EfAccessAudit accessLog, IAccessAudit access)
    {
        if (await AuditEndpoints.RefusedExportAsync(context, input.Validate(context.Request.Query), access, Subject, Csv.ExportDetail(input)) is { } refused)
        {
            return refused;
        }

        return await Csv.StreamAsync(context, accessLog.ExportAsync(input.ToFilter(context.RequestServices.GetRequiredService<ClinicCalendar>()), context.RequestAborted), ExportFileName.Now(context, ExportFileName.AccessLog, "csv"), Header, row =>
        [
            row.Id.ToString(),
            row.Sequence.ToString(CultureInfo.InvariantCulture),
            row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            row.UserEmail,
            row.Role,
            row.Kind,
            row.Subject,
            row.Detail,
            row.CorrelationId,
            row.Unreadable ? "true" : null
        ]);
    }
}
