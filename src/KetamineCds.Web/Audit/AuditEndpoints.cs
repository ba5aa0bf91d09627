using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Json;
using KetamineCds.Web.Api;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KetamineCds.Web.Audit;

/// <summary>The auditor's HTTP API: chain and checkpoint verification (contract), signed checkpoints, and the CSV exports of the decision log and the access log.</summary>
public static class AuditEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/v1/audit/verify</c> (<c>{"checked": N, "intact": true, "firstBrokenId": null, ...}</c>, the chain
    /// and every signed checkpoint, then the access log's chain in <c>access</c>; <c>?from=checkpoint</c> walks only from
    /// the newest checkpoint that holds),
    /// <c>POST /api/v1/audit/checkpoints</c>, <c>GET /api/v1/audit/checkpoints</c> (each with its status),
    /// <c>GET /api/v1/audit/checkpoints/key</c> (the public key, PEM), <c>GET /api/v1/audit/export.csv</c> (the decision
    /// log), <c>GET /api/v1/audit/export.jsonl</c> (the decision log, lossless: every entry with its hashes) and <c>GET /api/v1/audit/access.csv</c> (the access log), all behind the "Audit" policy and the API's bearer
    /// token (the auditor's pages export through their own handlers, with the page's cookie: <c>/Audit?handler=Csv</c>, <c>/Audit?handler=JsonLines</c>,
    /// <c>/Audit/Access?handler=Csv</c>).
    /// </summary>
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/audit").RequireAuthorization(AuditRequest.Policy);
        // Each route documents what it answers (QA: the checkpoint's 201 was documented as a 200 without a body, and no
        // 400 or 409 at all).
        // Every route that reads or writes the logs answers 409 where the database refused (no outage) and 503 with
        // Retry-After where it could not be reached (LogFailed), as the audit pages tell the two apart.
        group.MapGet("/verify", VerifyAsync).WithName("AuditVerify")
            .Produces<VerifyResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(DatabaseUnavailableHandler.RefusedStatus)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/checkpoints", CreateCheckpointAsync).WithName("AuditCreateCheckpoint")
            .Produces<SignedCheckpointDocument>(StatusCodes.Status201Created, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/checkpoints", ListCheckpointsAsync).WithName("AuditListCheckpoints")
            .Produces<CheckpointListResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(DatabaseUnavailableHandler.RefusedStatus)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/checkpoints/key", PublicKey).WithName("AuditCheckpointKey")
            .Produces<string>(StatusCodes.Status200OK, "application/x-pem-file")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/export.csv", ExportAsync).WithName("AuditExportCsv")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(DatabaseUnavailableHandler.RefusedStatus)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DatesAreDates);
        group.MapGet("/export.jsonl", ExportJsonLinesAsync).WithName("AuditExportJsonLines")
            .Produces<string>(StatusCodes.Status200OK, AuditJsonLinesExport.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(DatabaseUnavailableHandler.RefusedStatus)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DatesAreDates);
        group.MapGet("/screenings/{sequence}/replay", ReplayAsync).WithName("AuditReplayScreening")
            .Produces<ReplayResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(UnreadableEntries.Status)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(SequenceIsAPlaceInTheChain);
        group.MapGet("/access.csv", AccessExportAsync).WithName("AuditAccessExportCsv")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(DatabaseUnavailableHandler.RefusedStatus)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DatesAreDates);
        return group;
    }

    /// <summary>
    /// An export's dates are read as text (so that one that is not a date gets a field message), and are dates; its verdict
    /// and rule-set filters are read as text too, and take only the verdicts and the released versions (QA109 F6).
    /// </summary>
    private static Task DatesAreDates(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            if (parameter.Name is "from" or "to")
            {
                schema.Format = "date";
            }
            else if (parameter.Name == "overall")
            {
                schema.Enum = [.. Enum.GetValues<Verdict>().Select(v => (JsonNode)WireNames.Of(v)!)];
            }
            else if (parameter.Name == "ruleSet")
            {
                schema.Enum = [.. RuleSetCatalog.All.Select(r => (JsonNode)r.Version!)];
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The replay's sequence is read as text (so that one that is not a number gets a field message), and is an integer from 1.</summary>
    private static Task SequenceIsAPlaceInTheChain(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Summary = "Replays the screening (or the CDS Hooks answer that ran no screening) at a place in the decision log under the rule set it was decided with.";
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Name == "sequence" && parameter is OpenApiParameter p && p.Schema is OpenApiSchema schema)
            {
                p.Description = "The entry's place in the decision log's chain (its sequence number), a whole number from 1.";
                schema.Type = JsonSchemaType.Integer;
                schema.Format = "int64";
                schema.Minimum = "1";
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// GET /api/v1/audit/screenings/{sequence}/replay: the Replay page's answer for the screening at that place in the
    /// chain, or the CDS Hooks answer that ran no screening there (QA158 F2: its contraindications, or "inputs-not-kept"),
    /// recorded in the access log as the page's is (kind replay, the entry's id, "api; " and the outcome; a replay refused
    /// because the entry cannot be read, "api; refused as unreadable: entry N").
    /// 400 for a sequence that is not a whole number from 1, 404 where the entry is neither (an override), 409 for an entry
    /// that cannot be read or a database that refused the request, 503 when the database could not be reached.
    /// </summary>
    private static async Task<IResult> ReplayAsync(HttpContext context, string sequence, IDecisionLogAudit audit, IAccessAudit access, ILoggerFactory loggers)
    {
        // It reads no query parameter: any is refused by name, nothing replayed or recorded, as the verification refuses one.
        if (QueryNames.RefuseUnknown(context.Request.Query, QueryNames.None) is { } unknown)
        {
            return unknown;
        }

        if (!long.TryParse(sequence, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var place) || place < 1)
        {
            return Results.ValidationProblem(
                // English: the answer's localization (ClinicalText Problem.ReplaySequenceInvalid*) words it in the request's language.
                new Dictionary<string, string[]> { ["sequence"] = ["The sequence is the entry's place in the decision log: a whole number from 1."] },
                title: "The sequence is not valid.");
        }

        try
        {
            var result = await audit.ReplayAtSequenceAsync(place, context.RequestAborted);
            if (result is null)
            {
                if (await audit.IsGapAsync(place, context.RequestAborted))
                {
                    // QA141 F4: a place inside the chain with no entry is a gap, not "no such entry".
                    return Results.Problem(
                        statusCode: StatusCodes.Status404NotFound,
                        title: "The decision log has a gap at this sequence.",
                        detail: ClinicalText.Shared.Message("Problem.ReplayGap.Detail", place));
                }

                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "No screening at this sequence.",
                    detail: ClinicalText.Shared.Message("Problem.ReplayNoScreening.Detail", place));
            }

            await access.RecordAsync(context, AccessEventKind.Replay, result.ScreeningId.ToString(),
                "api; " + result.AccessDetail);
            // The entry's own verification beside the replay (QA109 F2): the entry page's check, a few reads.
            var findings = await audit.VerifyEntryAsync(result.ScreeningId, context.RequestAborted);
            return Results.Json(ReplayResponse.From(place, result, findings), ContractJson.Options);
        }
        catch (DecisionLogUnavailableException ex)
        {
            return LogFailed(context, ex);
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            var problem = UnreadableEntries.Problem(context, loggers.CreateLogger(typeof(AuditEndpoints)), ex);
            // QA318: the refused replay is in the access log too, as the Replay page records its own (detail "api; refused
            // as unreadable: entry N"). The subject is the entry at that place, as a replay's is.
            await access.RecordRefusedAsync(context, AccessEventKind.Replay, ex.EntryId, "api", ex.Entry);
            return problem;
        }
    }

    /// <summary>
    /// The title of the 400 for a <c>from</c> or <c>mode</c> the verification does not know (helper-224's QA walk: it was the
    /// generic "One or more validation errors occurred.").
    /// </summary>
    public const string VerifyModeUnknown = "The log was not verified: from or mode names no way to verify it.";

    /// <summary>The title of the 400 for a query parameter the verification does not read (ClinicalText: <c>Problem.VerifyParameterUnknown</c>).</summary>
    public const string VerifyParameterUnknown = "The log was not verified: the query names a parameter the verification does not read.";

    /// <summary>The query parameters the verification reads, in any letter case, as the binder reads them.</summary>
    private static readonly HashSet<string> VerifyQueryNames = new(["from", "mode"], StringComparer.OrdinalIgnoreCase);

    private static async Task<IResult> VerifyAsync(HttpContext context, string? from, string? mode, [FromServices] DecisionLogCheckpoints checkpoints, IAccessAudit access, IDecisionLogAudit audit, [FromServices] EfAccessAudit accessLog)
    {
        // from or mode given twice is refused by name, as the exports refuse a repeated filter: ?mode=full&mode= verified
        // as if mode were given once, and from=checkpoint twice was told to use from=checkpoint.
        if (QueryNames.Repeated(context.Request.Query, ["from", "mode"]) is { Count: > 0 } repeated)
        {
            return Results.ValidationProblem(repeated, title: "Give from or mode once to verify.");
        }

        // Any other name is refused by name, as the exports and the screenings list refuse one (helper 229: ?x=1 ran a full
        // verification, and ?form=checkpoint, a slip for from, verified the whole log instead of from the checkpoint).
        if (QueryNames.RefuseUnknown(context.Request.Query, VerifyQueryNames, VerifyParameterUnknown) is { } unknown)
        {
            return unknown;
        }

        var incremental = string.Equals(from, "checkpoint", StringComparison.OrdinalIgnoreCase) || string.Equals(mode, "from-checkpoint", StringComparison.OrdinalIgnoreCase);
        if ((from is not null && !string.Equals(from, "checkpoint", StringComparison.OrdinalIgnoreCase))
            || (mode is not null && !string.Equals(mode, "full", StringComparison.OrdinalIgnoreCase) && !incremental))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [from is not null ? "from" : "mode"] = ["Use from=checkpoint (or mode=from-checkpoint) to verify from the newest checkpoint that holds, or mode=full."],
            }, title: VerifyModeUnknown);
        }

        try
        {
            var result = await checkpoints.VerifyAsync(incremental ? VerificationMode.FromCheckpoint : VerificationMode.Full, null, context.RequestAborted);
            // The access log's chain too, as the Verify page reports it (QA10c S3).
            var accessChain = await audit.VerifyAccessLogAsync(context.RequestAborted);
            // Recorded with what it found, as a replay is (QA141 F7); recorded before the answer is sent.
            await access.RecordAsync(context, AccessEventKind.Verify, "decision-log", VerificationRecord.Of(incremental ? VerificationRecord.ApiFromCheckpoint : VerificationRecord.Api, result, accessChain).ToDetail());
            // The newest entry, so that an auditor can compare the log's end with a copy kept elsewhere (QA255).
            var newest = (await audit.SearchAsync(new AuditFilter(), null, 1, context.RequestAborted)).Items is [var first, ..] ? first : null;
            // What the auditor's list says now, this check recorded (QA318 F2): a check from the checkpoint cannot clear a
            // full verification that failed.
            var line = await VerificationLine.ReadAsync(accessLog, forAuditor: true, context.RequestAborted);
            return Results.Json(VerifyResponse.From(result, accessChain, newest) with { LastFullVerification = LastFullVerificationResponse.From(line) }, ContractJson.Options);
        }
        catch (DecisionLogUnavailableException ex)
        {
            return LogFailed(context, ex);
        }
    }

    private static async Task<IResult> CreateCheckpointAsync(HttpContext context, [FromServices] DecisionLogCheckpoints checkpoints, IAccessAudit access)
    {
        // The checkpoint routes read no query parameter: any is refused by name, nothing signed, listed or recorded; and
        // this one reads no body: one is refused too (helper 241: {"sequence": 2} signed the head as if it were heeded).
        if (NoRequestBody.Refuse(context.Request, QueryNames.None) is { } unknown)
        {
            return unknown;
        }

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
                    detail: v.FailedCheckpoint is { } failed
                        ? $"Checkpoint {failed.FileName}: {failed.Reason}" + (failed.Verdict == CheckpointVerdict.OtherLog ? " " + CheckpointRecovery.Text : "")
                        : $"The chain is broken at entry {v.Chain.FirstBrokenText}.",
                    statusCode: StatusCodes.Status409Conflict,
                    // Written as GET /api/v1/audit/verify writes it (enumerations as their wire strings; QA109 F7: the
                    // problem's own serializer wrote "mode": 0), not by the problem writer's default options.
                    extensions: new Dictionary<string, object?> { ["verification"] = JsonSerializer.SerializeToElement(VerifyResponse.From(v), ContractJson.Options) });
            }

            return Results.Text(checkpoint.ToJson(), "application/json", Encoding.UTF8, StatusCodes.Status201Created);
        }
        catch (DecisionLogUnavailableException ex)
        {
            return LogFailed(context, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Results.Problem(
                title: "The checkpoint could not be written",
                detail: "The checkpoint folder (Audit:CheckpointDirectory) could not be written to; nothing was signed.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> ListCheckpointsAsync(HttpContext context, [FromServices] DecisionLogCheckpoints checkpoints, IAccessAudit access, [FromServices] EfAccessAudit accessLog)
    {
        if (QueryNames.RefuseUnknown(context.Request.Query, QueryNames.None) is { } unknown)
        {
            return unknown;
        }

        try
        {
            await access.RecordAsync(context, AccessEventKind.Checkpoint, "decision-log", "list checkpoints");
            var (files, problems) = checkpoints.Files.ReadAll();
            var statuses = await checkpoints.CheckAsync(files, context.RequestAborted);
            var line = await VerificationLine.ReadAsync(accessLog, forAuditor: true, context.RequestAborted);
            return Results.Json(
                new CheckpointListResponse(checkpoints.Enabled, checkpoints.KeyId, [.. statuses.Select(CheckpointResponse.From)], [.. problems.Select(p => p.English)], checkpoints.Files.SetAside(), LastFullVerificationResponse.From(line)),
                ContractJson.Options);
        }
        catch (DecisionLogUnavailableException ex)
        {
            return LogFailed(context, ex);
        }
    }

    private static IResult PublicKey(HttpContext context, [FromServices] DecisionLogCheckpoints checkpoints) =>
        QueryNames.RefuseUnknown(context.Request.Query, QueryNames.None)
        ?? (checkpoints.PublicKeyPem is { } pem
            ? Results.Text(pem, "application/x-pem-file", Encoding.ASCII)
            : Results.Problem(title: "Signed checkpoints are off", detail: checkpoints.DisabledReason, statusCode: StatusCodes.Status404NotFound));

    private static Task<IResult> ExportAsync(HttpContext context, [AsParameters] ExportQuery query, IDecisionLogAudit audit, IAccessAudit access) =>
        QueryProblem(context, query) is { } problem
            ? Task.FromResult(problem)
            : AuditCsvExport.ExportAsync(context, query.ToInput(), audit, access);

    /// <summary>
    /// The lossless export (<see cref="AuditJsonLinesExport"/>): every entry of every type for the filter, with what the
    /// chain hashes, the hash and the previous hash, one JSON object a line; the same filter as the CSV.
    /// </summary>
    private static Task<IResult> ExportJsonLinesAsync(HttpContext context, [AsParameters] ExportQuery query, IDecisionLogAudit audit, IAccessAudit access) =>
        QueryProblem(context, query) is { } problem
            ? Task.FromResult(problem)
            : AuditJsonLinesExport.ExportAsync(context, query.ToInput(), audit, access);

    /// <summary>A 400 for a filter the exports do not read, or a patient named twice differently; null when the query can run.</summary>
    private static IResult? QueryProblem(HttpContext context, ExportQuery query)
    {
        if (UnknownFilters(context, ExportQuery.Names) is { } unknown)
        {
            return unknown;
        }

        if (query.Patient is { Length: > 0 } patient && query.PatientReference is { Length: > 0 } reference && patient != reference)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["patientReference"] = [ClinicalText.Shared.Message("Audit.PatientTwice")] },
                title: "The export's filter is not valid.");
        }

        return null;
    }

    /// <summary>
    /// The access log's CSV export for a SIEM or a script, with the bearer token: exactly what the auditor's "Export these
    /// as CSV" on /Audit/Access gives for the same filter (<see cref="AccessLogCsvExport"/>), recorded the same way. An
    /// unknown filter is refused, never ignored.
    /// </summary>
    private static Task<IResult> AccessExportAsync(HttpContext context, [AsParameters] AccessExportQuery query, [FromServices] EfAccessAudit accessLog, IAccessAudit access)
    {
        if (UnknownFilters(context, AccessExportQuery.Names) is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        return AccessLogCsvExport.ExportAsync(context, query.ToInput(), accessLog, access);
    }

    /// <summary>
    /// A 400 naming each query parameter an export does not read (<paramref name="names"/>), and each it reads given more
    /// than once, or null when there is none. A filter the export does not know is refused, never ignored: ignored, it
    /// exported the whole log (QA: ?patientReference= before that name was accepted). A filter given twice is refused
    /// too: the binder joined the values, leaving an empty one out, so <c>?patientReference=A&amp;patientReference=</c>
    /// exported A's entries, and two values were refused with the value's message (<c>QueryNames.Repeated</c>).
    /// Refused, nothing is exported or recorded, as for every other refused filter.
    /// </summary>
    private static IResult? UnknownFilters(HttpContext context, HashSet<string> names)
    {
        var errors = QueryNames.Unknown(context.Request.Query, names, "Audit.UnknownFilter");
        foreach (var (name, problem) in QueryNames.Repeated(context.Request.Query, names))
        {
            errors[name] = problem;
        }

        return errors.Count > 0 ? RefusedFilter(errors) : null;
    }

    /// <summary>The 400 of an export (API or page) whose query it cannot use: each problem under its query name.</summary>
    internal static IResult RefusedFilter(Dictionary<string, string[]> problems) =>
        Results.ValidationProblem(problems, title: "The export's filter is not valid.");

    /// <summary>
    /// What every export answers before its first byte, or null when it may run: a filter with problems
    /// (<paramref name="filterProblems"/>) is a 400 with a field message; then the export is recorded in the access log
    /// (<paramref name="subject"/>, <paramref name="detail"/>), and a log that cannot record it answers for it
    /// (<see cref="LogFailed"/>): no export goes out unrecorded.
    /// </summary>
    internal static async Task<IResult?> RefusedExportAsync(HttpContext context, Dictionary<string, string[]> filterProblems, IAccessAudit access, string subject, string detail)
    {
        if (filterProblems.Count > 0)
        {
            return RefusedFilter(filterProblems);
        }

        try
        {
            await access.RecordAsync(context, AccessEventKind.Export, subject, detail);
            return null;
        }
        catch (DecisionLogUnavailableException ex)
        {
            return LogFailed(context, ex);
        }
    }

    /// <summary>
    /// The answer of an audit route (or of a page's export) whose read or write of the logs failed, told apart as the audit
    /// pages tell it (<see cref="LogFailures"/>): the database answered and refused (a permission, a missing table: no
    /// outage) is a 409 without Retry-After, its cause logged at Error; the database could not be reached is a 503 with
    /// Retry-After. Every failure was a 503 "try again shortly" before, a refusal included.
    /// </summary>
    internal static IResult LogFailed(HttpContext context, Exception exception)
    {
        if (LogFailures.Of(context, exception) == LogFailure.Refused)
        {
            return Results.Problem(
                title: RefusedTitle,
                detail: RefusedDetail,
                statusCode: DatabaseUnavailableHandler.RefusedStatus);
        }

        DatabaseUnavailableHandler.MarkUnavailable(context.Response);
        return Results.Problem(
            title: "The decision log is unavailable",
            detail: "The database could not be reached; try again shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The title of an audit route's answer when the database refused the request.</summary>
    public const string RefusedTitle = "The database refused the request";

    /// <summary>The detail of that answer: no outage, so no invitation to try again.</summary>
    public const string RefusedDetail = "The database refused the request, so the log could not be read or written and no result is given. "
        + "This is not an outage, and trying again will not help; the cause is in KetamineCds's log for the administrator.";

    /// <summary>The access log export's query, as the page's filter (<see cref="AccessFilterInput"/>); dates bound as text, as below.</summary>
    private sealed record AccessExportQuery(
        [FromQuery(Name = "from")] string? From,
        [FromQuery(Name = "to")] string? To,
        [FromQuery(Name = "who")] string? Who,
        [FromQuery(Name = "kind")] string? Kind,
        [FromQuery(Name = "subject")] string? Subject)
    {
        /// <summary>Every filter the export reads (query names are matched without regard to case, as the binder does).</summary>
        public static readonly HashSet<string> Names = new(["from", "to", "who", "kind", "subject"], StringComparer.OrdinalIgnoreCase);

        public AccessFilterInput ToInput() => new()
        {
            From = DatePeriodInput.ReadDate(From),
            To = DatePeriodInput.ReadDate(To),
            Who = Who,
            Kind = Kind,
            Subject = Subject,
        };
    }

    /// <summary>
    /// The export's query. The dates are bound as text and read here: typed as dates, an unreadable one made the
    /// binder throw (the Development exception page, with the request's headers and bearer token in it; a bare 400 in
    /// Production). Read as text, it is named in a field-level problem like any other bad date.
    /// </summary>
    /// <remarks>The names are the contract's, in lower camel case; <c>patientReference</c>, as every other route names the
    /// patient, is the same filter as <c>patient</c>.</remarks>
    private sealed record ExportQuery(
        [FromQuery(Name = "from")] string? From,
        [FromQuery(Name = "to")] string? To,
        [FromQuery(Name = "clinician")] string? Clinician,
        [FromQuery(Name = "patient")] string? Patient,
        [FromQuery(Name = "patientReference")] string? PatientReference,
        [FromQuery(Name = "overall")] string? Overall,
        [FromQuery(Name = "ruleSet")] string? RuleSet)
    {
        /// <summary>Every filter the export reads (query names are matched without regard to case, as the binder does).</summary>
        public static readonly HashSet<string> Names = new(["from", "to", "clinician", "patient", "patientReference", "overall", "ruleSet"], StringComparer.OrdinalIgnoreCase);

        public AuditFilterInput ToInput() => new()
        {
            From = DatePeriodInput.ReadDate(From),
            To = DatePeriodInput.ReadDate(To),
            Clinician = Clinician,
            Patient = Patient is { Length: > 0 } ? Patient : PatientReference,
            Overall = Overall,
            RuleSet = RuleSet,
        };
    }
}
