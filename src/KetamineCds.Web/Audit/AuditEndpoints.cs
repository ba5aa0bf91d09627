using System.Globalization;
using System.Text;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using Microsoft.AspNetCore.Mvc;

namespace KetamineCds.Web.Audit;

/// <summary>The auditor's HTTP API: chain and checkpoint verification (contract), signed checkpoints, and the CSV export.</summary>
public static class AuditEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/v1/audit/verify</c> (<c>{"checked": N, "intact": true, "firstBrokenId": null, ...}</c>, the chain
    /// and every signed checkpoint; <c>?from=checkpoint</c> walks only from the newest checkpoint that holds),
    /// <c>POST /api/v1/audit/checkpoints</c>, <c>GET /api/v1/audit/checkpoints</c> (each with its status),
    /// <c>GET /api/v1/audit/checkpoints/key</c> (the public key, PEM) and <c>GET /api/v1/audit/export.csv</c>, all behind
    /// the "Audit" policy.
    /// </summary>
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/audit").RequireAuthorization(AuditRequest.Policy);
        group.MapGet("/verify", VerifyAsync).WithName("AuditVerify");
        group.MapPost("/checkpoints", CreateCheckpointAsync).WithName("AuditCreateCheckpoint");
        group.MapGet("/checkpoints", ListCheckpointsAsync).WithName("AuditListCheckpoints");
        group.MapGet("/checkpoints/key", PublicKey).WithName("AuditCheckpointKey");
        group.MapGet("/export.csv", ExportAsync).WithName("AuditExportCsv");
        return group;
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, string? from, string? mode, [FromServices] DecisionLogCheckpoints checkpoints, IAccessAudit access)
    {
        var incremental = string.Equals(from, "checkpoint", StringComparison.OrdinalIgnoreCase) || string.Equals(mode, "from-checkpoint", StringComparison.OrdinalIgnoreCase);
        if ((from is not null && !string.Equals(from, "checkpoint", StringComparison.OrdinalIgnoreCase))
            || (mode is not null && !string.Equals(mode, "full", StringComparison.OrdinalIgnoreCase) && !incremental))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [from is not null ? "from" : "mode"] = ["Use from=checkpoint (or mode=from-checkpoint) to verify from the newest checkpoint that holds, or mode=full."],
            });
        }

        try
        {
            await access.RecordAsync(context, AccessEventKind.Verify, "decision-log", incremental ? "from checkpoint" : "full");
            var result = await checkpoints.VerifyAsync(incremental ? VerificationMode.FromCheckpoint : VerificationMode.Full, null, context.RequestAborted);
            return Results.Json(VerifyResponse.From(result), ContractJson.Options);
        }
        catch (DecisionLogUnavailableException)
        {
            return Unavailable();
        }
    }

    private static async Task<IResult> CreateCheckpointAsync(HttpContext context, [FromServices] DecisionLogCheckpoints checkpoints, IAccessAudit access)
    {
        if (!checkpoints.Enabled)
        {
            return Results.Problem(title: "Signed checkpoints are off", detail: checkpoints.DisabledReason, statusCode: StatusCodes.Status409Conflict);
        }

        try
        {
            await access.RecordAsync(context, AccessEventKind.Checkpoint, "decision-log", "write checkpoint");
            var created = await checkpoints.CreateAsync(context.RequestAborted);
            if (created.Checkpoint is not { } checkpoint)
            {
                var v = created.Verification;
                return Results.Problem(
                    title: "The decision log does not verify; no checkpoint was signed",
                    detail: v.FailedCheckpoint?.Reason ?? $"The chain is broken at entry {v.Chain.FirstBrokenId}.",
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["verification"] = VerifyResponse.From(v) });
            }

            return Results.Text(checkpoint.ToJson(), "application/json", Encoding.UTF8, StatusCodes.Status201Created);
        }
        catch (DecisionLogUnavailableException)
        {
            return Unavailable();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Results.Problem(
                title: "The checkpoint could not be written",
                detail: "The checkpoint folder (Audit:CheckpointDirectory) could not be written to; nothing was signed.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> ListCheckpointsAsync(HttpContext context, [FromServices] DecisionLogCheckpoints checkpoints, IAccessAudit access)
    {
        try
        {
            await access.RecordAsync(context, AccessEventKind.Checkpoint, "decision-log", "list checkpoints");
            var (files, problems) = checkpoints.Files.ReadAll();
            var statuses = await checkpoints.CheckAsync(files, context.RequestAborted);
            return Results.Json(
                new { enabled = checkpoints.Enabled, keyId = checkpoints.KeyId, items = statuses.Select(CheckpointResponse.From), warnings = problems },
                ContractJson.Options);
        }
        catch (DecisionLogUnavailableException)
        {
            return Unavailable();
        }
    }

    private static IResult PublicKey([FromServices] DecisionLogCheckpoints checkpoints) => checkpoints.PublicKeyPem is { } pem
        ? Results.Text(pem, "application/x-pem-file", Encoding.ASCII)
        : Results.Problem(title: "Signed checkpoints are off", detail: checkpoints.DisabledReason, statusCode: StatusCodes.Status404NotFound);

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

/// <summary>
/// The body of GET /api/v1/audit/verify: the contract's three fields first, then the checkpoints' (1.1): the mode that
/// ran, where the walk started, how many checkpoints were checked and hold, and the lowest one that no longer holds.
/// </summary>
public sealed record VerifyResponse(
    long Checked, bool Intact, Guid? FirstBrokenId, VerificationMode Mode, long StartedAfter, VerifyResponse.CheckpointSummary Checkpoints,
    CheckpointResponse? FailedCheckpoint, IReadOnlyList<string> Warnings)
{
    public static VerifyResponse From(LogVerification v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            v.Chain.Checked, v.Intact, v.FirstBrokenId, v.Mode, v.StartedAfter,
            new CheckpointSummary(v.CheckpointsEnabled, v.Checkpoints.Count(c => c.Verdict != CheckpointVerdict.NotChecked), v.Holding),
            v.FailedCheckpoint is { } f ? CheckpointResponse.From(f) : null,
            v.Problems);
    }

    /// <summary>Whether checkpoints are on, how many were checked in this run, and how many of those hold.</summary>
    public sealed record CheckpointSummary(bool Enabled, int Checked, int Holding);
}

/// <summary>One checkpoint's status as the API reports it.</summary>
public sealed record CheckpointResponse(long? Sequence, DateTimeOffset? CreatedAt, CheckpointVerdict Status, bool Holds, string Reason, Guid? EntryId, string File, IReadOnlyList<string> Sources)
{
    public static CheckpointResponse From(CheckpointStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Checkpoint?.Sequence, s.Checkpoint?.CreatedAt, s.Verdict, s.Verdict == CheckpointVerdict.Holds, s.Reason, s.EntryId, s.FileName, s.Sources);
    }
}
