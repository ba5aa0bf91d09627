using System.Globalization;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The CSV export of the auditor's filter, for the API and the page alike. The filter is validated, the export
/// recorded and the first row read before the response starts, so a bad or unreadable date (or verdict) is a 400 with a
/// field message, an unreachable database a 503 and a refusing one a 409, never a 200 with half a file or with the filter left out. An entry
/// whose stored content cannot be read is exported with what the list shows of it and <c>unreadable</c> = <c>true</c>.
/// New columns are added at the end (<c>correctedBy</c>, the newest correction of a corrected entry, QA11 F3), so a
/// reader that takes the columns by position keeps reading the ones it knows.
/// Every override entry is a row of its own (QA14a P3: without one, its sequence number was a gap in the file that looked
/// exactly like a deleted entry): <c>entryType</c> <c>override</c>, <c>clinician</c> and <c>role</c> who overrode,
/// <c>overrideOf</c> the entry overridden, <c>overrideDecision</c>, <c>overrideReason</c> and <c>overrideExplanation</c>.
/// A correction's row carries its <c>correctionReason</c>. The clinicians' words pass through the same formula guard as
/// every cell (<see cref="Csv.Row"/>). The inputs and the stored assessment do not fit a row: they are in the JSON Lines
/// export (<see cref="AuditJsonLinesExport"/>).
/// A row with <c>unreadable</c> = <c>true</c> carries the stored values as they are, which may have been altered: its
/// <c>overall</c> is not the entry's verdict as the app recorded it (the list shows none for it).
/// The response's <c>Last-Full-Verification</c> header says when the log was last verified in full and what it found, as the
/// auditor's list does (<see cref="LastFullVerificationResponse"/>): the file shows entries as stored.
/// <c>issuer</c> (QA255) is the EHR's CDS Hooks <c>iss</c> for an entry an EHR's call or feedback recorded (the clinician
/// column is then the user the call named, or the issuer again for feedback, which names no user); empty otherwise.
/// </summary>
public static class AuditCsvExport
{
    /// <summary>The export's header line.</summary>
    public const string Header = "id,sequence,recordedAt,clinician,role,patientReference,overall,ruleSetVersion,ruleSetDigest,correlationId,corrects,rescreenOf,entryType,unreadable,overrides,correctedBy,correctionReason,overrideOf,overrideDecision,overrideReason,overrideExplanation,issuer\n";

    public static async Task<IResult> ExportAsync(HttpContext context, AuditFilterInput input, IDecisionLogAudit audit, IAccessAudit access)
    {
        if (await AuditEndpoints.RefusedExportAsync(context, input.Validate(context.Request.Query), access, "decision-log", Csv.ExportDetail(input)) is { } refused)
        {
            return refused;
        }

        return await Csv.StreamAsync(context, audit.ExportAsync(input.ToFilter(context.RequestServices.GetRequiredService<ClinicCalendar>()), context.RequestAborted), ExportFileName.Now(context, ExportFileName.DecisionLog, "csv"), Header, row =>
        [
            row.Id.ToString(),
            row.Sequence.ToString(CultureInfo.InvariantCulture),
            row.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            row.ClinicianEmail,
            row.ClinicianRole,
            row.PatientReference,
            row.Overall,
            row.RuleSetVersion,
            row.RuleSetDigest,
            row.CorrelationId,
            row.Corrects?.ToString(),
            row.RescreenOf?.ToString(),
            row.EntryType,
            row.Unreadable ? "true" : null,
            row.Overrides.ToString(CultureInfo.InvariantCulture),
            row.CorrectedBy?.ToString(),
            row.CorrectionReason,
            row.OverrideOf?.ToString(),
            row.Override is { } o ? OverrideWireNames.Of(o.Decision) : null,
            row.Override is { } r ? OverrideWireNames.Of(r.Reason) : null,
            row.Override?.Explanation,
            row.Issuer
        ],
        // When the log was last verified in full, as the auditor's list says it above the same entries (QA284 F3).
        LastFullVerificationResponse.AddHeaderAsync);
    }
}
