using System.ComponentModel;
using System.Text.Json;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Infrastructure.Json;
using KetamineCds.Web.Audit;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Api;

/// <summary>The screening API, version 1 (shared/api/screening-v1.md).</summary>
public static class ScreeningsApi
{
    /// <summary>
    /// The optional request header that makes a POST safe to send again (QA11 F6): a UUID the client makes for each
    /// screening. A repeat with the same key records nothing and answers as the first did (201, the same Location, the
    /// screening as stored); a key another user recorded is a 409. The key with another body (another patient's answers,
    /// any answer changed) records nothing and is a 422 (draft-ietf-httpapi-idempotency-key-header: a key reused with a
    /// different payload; QA157 F8), naming the screening the key recorded to its own author only.
    /// </summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Every screening body's <c>notice</c> (QA13 L3): the statement every page, print and CDS card carries, that
    /// KetamineCds supports, and never replaces, the clinician's judgement, in the request's language (the cards' own
    /// text, ClinicalText <c>Card.SupportsNotReplaces</c>). Presentation only: the decision log neither stores nor hashes it.
    /// </summary>
    private static string Notice => CardTexts.SupportsNotReplaces;

    /// <summary>
    /// A screening body's <c>ruleSetNotice</c> (QA119 F2): for a screening decided under a rule set that predates "not
    /// recorded is never no" (1.0.0), the warning its result page and print give, in the request's language; null (no
    /// member) for any other. Presentation only, as <see cref="Notice"/> is.
    /// </summary>
    private static string? RuleSetNotice(HttpContext context, LoggedScreening screening) =>
        BeforeNotRecordedIsNeverNo.Applies(screening.Assessment.RuleSet.Version)
            ? BeforeNotRecordedIsNeverNo.Warning(context.RequestServices.GetRequiredService<IStringLocalizer<PageText>>(), screening.Assessment.RuleSet.Version).Value
            : null;

    /// <summary>The largest request body accepted; a screening with a full note is about 3 KB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// What the two routes that record a screening (a screening, a correction) share: the psychiatrist's policy, a JSON
    /// body of at most <see cref="MaxBodyBytes"/>, and their outcomes.
    /// </summary>
    private static RouteHandlerBuilder RecordsAScreening(this RouteHandlerBuilder endpoint) => endpoint
        .RequireApiPolicy(Policies.CreateScreening)
        .Accepts<JsonElement>("application/json")
        .Produces<ScreeningResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        // The Idempotency-Key was recorded by another user, or the database refused the entry (RefusedByDatabase).
        .ProducesProblem(StatusCodes.Status409Conflict)
        // The Idempotency-Key was recorded with another body, or for another request (QA157 F8): nothing recorded.
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        // A body not sent as application/json, or sent without a Content-Type: 415, nothing read (JsonRequestBody).
        .RequireJsonBody()
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static IEndpointRouteBuilder MapScreeningsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Screenings");

        // The routes of one screening, and the one that records a screening, read no query parameter: any is a 400 naming
        // it, nothing read or recorded (helper 235's walk: POST /api/v1/screenings?dryRun=true recorded the screening, and
        // GET /api/v1/screenings/{id}?x=1 answered as if x meant nothing), as the list and the audit routes refuse one.

        group.MapPost("/screenings", CreateAsync).RecordsAScreening();

        // A correction of a recorded screening: the corrected history with correctionReason, recorded as a new screening
        // that points to the one it corrects (never changed; it is shown as corrected).
        group.MapPost("/screenings/{id:guid}/corrections", CorrectAsync).RecordsAScreening()
            .ProducesProblem(StatusCodes.Status404NotFound)
            // Screening {id} cannot be read, or its two stored copies of its answers disagree: nothing is recorded.
            .ProducesProblem(UnreadableEntries.Status);

        group.MapGet("/screenings/{id:guid}", GetAsync)
            .RequireApiPolicy(Policies.ReadScreening)
            .Produces<ScreeningResponse>()
            // A query parameter: the route reads none (helper 235).
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            // The entry's stored content cannot be read (the log may have been altered): named, with a reference.
            .ProducesProblem(UnreadableEntries.Status);

        group.MapGet("/screenings", ListAsync)
            .RequireApiPolicy(Policies.ReadScreening)
            .Produces<ScreeningList>()
            .ProducesValidationProblem();

        // An id that is not a UUID names no screening: answered as an unknown id is, under the same policy, saying why
        // (helper 230: the routes' {id:guid} constraint left it to the bare 404 "Not Found"). A UUID still matches the
        // constrained routes above, which take precedence; these are not in the OpenAPI document, which declares the id a UUID.
        group.MapGet("/screenings/{id}", NotAScreeningId)
            .RequireApiPolicy(Policies.ReadScreening)
            .ExcludeFromDescription();
        // Mapped as the correction route is (its policy and its body's media type): with only the policy, a body not sent as
        // application/json to a UUID's corrections matched this route instead of the other's 415, and was told "no screening".
        group.MapPost("/screenings/{id}/corrections", NotAScreeningId).RecordsAScreening()
            .ExcludeFromDescription();

        return app;
    }

    /// <summary>The title of the 404 for an id no screening has (ClinicalText <c>Problem.ScreeningNotFound</c>).</summary>
    private const string ScreeningNotFound = "No screening has this id.";

    /// <summary>
    /// The 404 for a UUID no screening in the decision log has, nothing read or recorded: the title an id that is not a UUID
    /// gets, and a detail naming the id looked for (QA: it had a title and no detail, where the id that is not a UUID had
    /// one), in the request's language (ClinicalText <paramref name="detailKey"/>).
    /// </summary>
    private static IResult UnknownScreening(string detailKey, Guid id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: ScreeningNotFound,
        detail: ClinicalText.Shared.Message(detailKey, id));

    /// <summary>
    /// The 404 for an id that is not a UUID, nothing read or recorded: the title of an unknown id's, and a detail that says
    /// a screening's id is a UUID (ClinicalText <c>Problem.ScreeningNotFound.NotAUuid</c>).
    /// </summary>
    private static IResult NotAScreeningId() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: ScreeningNotFound,
        detail: "A screening's id is a UUID, such as 0f8fad5b-d9cb-469f-a165-70867728950e; this one is not.");

    private static Task<IResult> CreateAsync(
        HttpContext context,
        ScreeningRecorder recorder,
        IDecisionLog log,
        IAccessAudit audit,
        ILoggerFactory loggers,
        [FromHeader(Name = IdempotencyKeyHeader), Description("Optional. A UUID made anew for each screening and sent again only with a repeat of the same request (a retry after a timeout): a repeat records nothing and answers 201 with the same Location and the screening recorded by the first. The key sent with a different body records nothing and answers 422. A key recorded by another user answers 409; one that is not a UUID answers 400 (errors[\"Idempotency-Key\"]).")] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        QueryNames.RefuseUnknown(context.Request.Query, QueryNames.None) is { } unknown
            ? Task.FromResult(unknown)
            : RecordAsync(context, recorder, null, cancellationToken, idempotency: (idempotencyKey, log, audit, loggers));

    /// <summary>
    /// A correction of screening <paramref name="id"/>. The same optional Idempotency-Key as <see cref="CreateAsync"/>, by the
    /// same mechanism (the recorder's submission id, QA158): a retry after a timeout records the correction once and answers
    /// with it, never "already corrected" by itself.
    /// </summary>
    private static async Task<IResult> CorrectAsync(
        Guid id,
        HttpContext context,
        ScreeningRecorder recorder,
        IDecisionLog log,
        IAccessAudit audit,
        ILoggerFactory loggers,
        [FromHeader(Name = IdempotencyKeyHeader), Description("Optional. A UUID made anew for each correction and sent again only with a repeat of the same request (a retry after a timeout): a repeat records nothing and answers 201 with the same Location and the correction recorded by the first, never \"already corrected\". The key sent with a different body (the answers or correctionReason), to another screening's corrections or to POST /api/v1/screenings records nothing and answers 422. A key recorded by another user answers 409; one that is not a UUID answers 400 (errors[\"Idempotency-Key\"]).")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (QueryNames.RefuseUnknown(context.Request.Query, QueryNames.None) is { } unknown)
        {
            return unknown;
        }

        try
        {
            if (await log.FindScreeningAsync(id, cancellationToken) is not { } corrected)
            {
                return UnknownScreening("Problem.ScreeningNotFound.Correction", id);
            }

            if (!StoredInputs.Agree(corrected.InputJson, corrected.History))
            {
                // Its two stored copies of the answers disagree (only a log altered behind the app's back holds one), as the
                // form refuses it: nobody can tell which copy is the altered one, and a correction recorded over either
                // would be a new entry whose copies agree, the doubt gone. Nothing is recorded.
                return InputsDisagree(context, id);
            }

            // A correction is of the corrected screening's patient (QA8 F16): another reference is a field-level 400.
            // One that changes no answer is a 400 under corrects (QA157 F3).
            return await RecordAsync(context, recorder, (id, corrected.History), cancellationToken, corrected.History.PatientReference, (idempotencyKey, log, audit, loggers));
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            // Nothing is corrected that cannot be read: the entry is named, as its own GET names it, and the refused attempt
            // is in the access log, as the form's correction records its own (QA318).
            var problem = UnreadableEntries.Problem(context, loggers.CreateLogger(typeof(ScreeningsApi)), ex);
            await audit.RecordRefusedAsync(context, AccessEventKind.ViewScreening, id, "api correction", ex.Entry, Roles.Psychiatrist);
            return problem;
        }
    }

    /// <summary>Records the body as a screening, or, with <paramref name="corrects"/>, as a correction of that screening (its id and stored answers).</summary>
    private static async Task<IResult> RecordAsync(
        HttpContext context,
        ScreeningRecorder recorder,
        (Guid Id, Domain.Screening.PatientHistory Answers)? corrects,
        CancellationToken cancellationToken,
        string? samePatientAs = null,
        (string? Key, IDecisionLog Log, IAccessAudit Audit, ILoggerFactory Loggers)? idempotency = null)
    {
        Guid? submissionId = null;
        if (idempotency?.Key is { } key)
        {
            if (!ScreeningRecorder.TryReadSubmissionId(key, out var parsed))
            {
                return Invalid(new Dictionary<string, string[]> { [IdempotencyKeyHeader] = [ClinicalText.Shared.Message("Validation.IdempotencyKey.NotAUuid")] });
            }

            submissionId = parsed;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        body = JsonBodyText.WithoutByteOrderMark(body);
        if (JsonBodyText.Problem(body) is { } badText)
        {
            return Invalid(new Dictionary<string, string[]> { [ScreeningJsonReader.BodyKey] = [badText] });
        }

        Correction? correction = null;
        string? reasonUnreadable = null;
        var screeningBody = new ReadOnlyMemory<byte>(body);
        if (corrects is { } corrected)
        {
            (screeningBody, var reason, reasonUnreadable) = WithoutCorrectionReason(body);
            correction = new Correction(corrected.Id, reason) { CorrectedAnswers = corrected.Answers };
        }

        var read = ScreeningJsonReader.Read(screeningBody);
        if (read.Errors.ContainsKey(ScreeningJsonReader.BodyKey))
        {
            return Invalid(read.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var unreadable = read.Errors;
        if (reasonUnreadable is not null)
        {
            // Named as a screening field of the wrong type or given twice is: the recorder does not say "give the reason".
            unreadable = new Dictionary<string, List<string>>(read.Errors, StringComparer.Ordinal) { [Correction.ReasonName] = [reasonUnreadable] };
        }

        if (JurisdictionRequiredByClinic(context, read.Request) is { } jurisdictionRequired && !unreadable.ContainsKey(Fields.Jurisdiction.Name))
        {
            unreadable = new Dictionary<string, List<string>>(unreadable, StringComparer.Ordinal) { [Fields.Jurisdiction.Name] = [jurisdictionRequired] };
        }

        var recording = await recorder.RecordAsync(
            read.Request, unreadable, context.User.ToActor(Roles.Psychiatrist), context.GetCorrelationId(), null, cancellationToken, correction: correction, samePatientAs: samePatientAs,
            submissionId: submissionId);
        switch (recording.Status)
        {
            case RecordingStatus.AlreadyRecorded:
                return await AsFirstAnsweredAsync(context, recording.Submission!, corrects is null ? RepeatDetail : CorrectionRepeatDetail, idempotency!.Value, cancellationToken);
            case RecordingStatus.SubmissionReused:
                return KeyReused(recording.Submission!, context.User.ToActor(Roles.Psychiatrist));
            case RecordingStatus.SubmittedByAnother:
                return Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: ClinicalText.Shared.Message("Problem.IdempotencyKeyOfAnother"),
                    detail: ClinicalText.Shared.Message("Problem.IdempotencyKeyOfAnother.Detail"));
            case RecordingStatus.Invalid:
                return Invalid(recording.Errors);
            case RecordingStatus.MayHaveBeenRecorded:
                return Unavailable(
                    context,
                    title: ClinicalText.Shared.Message("Problem.OutcomeUnknown"),
                    detail: ClinicalText.Shared.Message(submissionId is null ? "Problem.OutcomeUnknown.Detail" : "Problem.OutcomeUnknown.Detail.WithKey"));
            case RecordingStatus.RefusedByDatabase:
                // No outage (503 would tell the client to try again shortly): the database answered and refused the entry.
                return Results.Problem(
                    statusCode: DatabaseUnavailableHandler.RefusedStatus,
                    title: DatabaseUnavailableHandler.RefusedTitle,
                    detail: DatabaseUnavailableHandler.RefusedDetail);
            case RecordingStatus.NotRecorded:
                return Unavailable(
                    context,
                    title: "The screening was not saved.",
                    detail: "The decision log is unavailable, so no result can be given. Try again shortly; nothing was stored.");
        }

        var logged = recording.Screening!;
        context.Response.Headers.Location = ScreeningResponseJson.ApiPath + logged.Id;
        return ContractBody(ScreeningResponseJson.WriteUtf8(logged, notice: Notice, ruleSetNotice: RuleSetNotice(context, logged)), StatusCodes.Status201Created);
    }

    /// <summary>
    /// QA293 F3: the contract screens a request without <c>jurisdiction</c> under the US label (its default). The form
    /// preselects the clinic's jurisdiction and a CDS Hooks answer reads it, but an API client in a clinic configured for
    /// another label (<c>Clinic:Jurisdiction</c> eu) that leaves it out would have its patient screened, silently, under a
    /// label that is not the clinic's, and the EU label's conditions (EU-001, EU-003, EU-004, AGE-003) would not be
    /// checked. Such a clinic's API refuses the request (400 under <c>jurisdiction</c>, nothing stored) rather than
    /// reading "not recorded" as US; a clinic on the default (us) keeps the contract's rule exactly. Null when nothing is
    /// missing.
    /// </summary>
    private static string? JurisdictionRequiredByClinic(HttpContext context, ScreeningRequest request)
    {
        var clinic = context.RequestServices.GetRequiredService<IOptions<ClinicOptions>>().Value.Jurisdiction;
        var contractDefault = Fields.Jurisdiction.Default!;
        return request.ContractValueOf(Fields.Jurisdiction.Name) is null && !string.Equals(clinic, contractDefault, StringComparison.Ordinal)
            ? ClinicalText.Shared.Message(
                "Validation.Jurisdiction.RequiredByClinic",
                ClinicalText.Shared.Choice(Fields.Jurisdiction, clinic),
                ClinicalText.Shared.Choice(Fields.Jurisdiction, contractDefault))
            : null;
    }

    /// <summary>
    /// The Idempotency-Key recorded another body (QA157 F8): 422, as draft-ietf-httpapi-idempotency-key-header answers a key
    /// reused with a different payload. Nothing was recorded; the screening the key recorded is named to its author only
    /// (as <see cref="RecordingStatus.SubmittedByAnother"/> shows nothing of another user's).
    /// </summary>
    private static IResult KeyReused(RecordedSubmission recorded, Actor actor)
    {
        var key = recorded.SubmissionId.ToString();
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["idempotencyKey"] = key };
        string detail;
        if (recorded.RecordedBy(actor.UserId))
        {
            extensions["recordedScreening"] = ScreeningResponseJson.ApiPath + recorded.ScreeningId;
            detail = ClinicalText.Shared.Message("Problem.IdempotencyKeyReused.Detail", key, recorded.ScreeningId, ScreeningResponseJson.ApiPath + recorded.ScreeningId);
        }
        else
        {
            detail = ClinicalText.Shared.Message("Problem.IdempotencyKeyReused.Detail.ByAnother", key);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: ClinicalText.Shared.Message("Problem.IdempotencyKeyReused"),
            detail: detail,
            extensions: extensions);
    }

    /// <summary>What the access log records of a keyed repeat refused because its screening cannot be read (<see cref="AsFirstAnsweredAsync"/>).</summary>
    public const string RepeatDetail = "api repeat";

    /// <summary>The same for a keyed repeat of a correction.</summary>
    public const string CorrectionRepeatDetail = "api correction repeat";

    /// <summary>
    /// A repeat of a request already recorded under its Idempotency-Key: answered as the first was, 201 with the same
    /// Location and the screening as stored (with any override recorded since). When that screening (or an override of it)
    /// cannot be read, the repeat is refused as its GET is, 409 naming the entry, and the refused attempt is in the access
    /// log as every other refused opening is (<see cref="UnreadableEntries.RecordRefusedAsync"/>, <paramref name="detail"/>):
    /// the answer would have shown the entry, and who sent it is what an auditor asks.
    /// </summary>
    private static async Task<IResult> AsFirstAnsweredAsync(
        HttpContext context, RecordedSubmission recorded, string detail, (string? Key, IDecisionLog Log, IAccessAudit Audit, ILoggerFactory Loggers) idempotency, CancellationToken cancellationToken)
    {
        var (_, log, audit, loggers) = idempotency;
        try
        {
            if (await log.FindScreeningAsync(recorded.ScreeningId, cancellationToken) is not { } logged)
            {
                return Unavailable(context, ClinicalText.Shared.Message("Problem.KeyedScreeningUnreadable"), ClinicalText.Shared.Message("Problem.KeyedScreeningUnreadable.Detail"));
            }

            context.Response.Headers.Location = ScreeningResponseJson.ApiPath + logged.Id;
            return ContractBody(ScreeningResponseJson.WriteUtf8(logged, notice: Notice, ruleSetNotice: RuleSetNotice(context, logged)), StatusCodes.Status201Created);
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            var problem = UnreadableEntries.Problem(context, loggers.CreateLogger(typeof(ScreeningsApi)), ex);
            await audit.RecordRefusedAsync(context, AccessEventKind.ViewScreening, recorded.ScreeningId, detail, ex.Entry, Roles.Psychiatrist);
            return problem;
        }
        catch (DecisionLogUnavailableException)
        {
            return Unavailable(context, ClinicalText.Shared.Message("Problem.KeyedScreeningUnreadable"), ClinicalText.Shared.Message("Problem.KeyedScreeningUnreadable.Detail"));
        }
    }

    /// <summary>The database could not be reached: 503 with Retry-After (<see cref="DatabaseUnavailableHandler.MarkUnavailable"/>).</summary>
    private static IResult Unavailable(HttpContext context, string title, string detail)
    {
        DatabaseUnavailableHandler.MarkUnavailable(context.Response);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
    }

    /// <summary>
    /// A correction's body is the screening's body with <c>correctionReason</c> beside its fields: the reason (null when
    /// absent or null, which the recorder reports), the body without it, for the screening's reader, and what makes the
    /// reason unreadable: not a string, or given more than once (helper 229: a repeated reason was recorded with its last
    /// value, and a number was told "give the reason", as if none had been sent). A body that is not a JSON object is
    /// passed on as it is, for the reader to say what is wrong with it.
    /// </summary>
    private static (ReadOnlyMemory<byte> Screening, string? Reason, string? ReasonUnreadable) WithoutCorrectionReason(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (body, null, null);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (body, null, null);
            }

            string? reason = null;
            string? unreadable = null;
            var given = false;
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(body.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.NameEquals(Correction.ReasonName))
                    {
                        if (given)
                        {
                            unreadable = ClinicalText.Shared.Message("Json.Repeated", Correction.ReasonName);
                        }
                        else if (property.Value.ValueKind == JsonValueKind.String)
                        {
                            reason = property.Value.GetString();
                        }
                        else if (property.Value.ValueKind != JsonValueKind.Null)
                        {
                            unreadable = ClinicalText.Shared.Message("Json.String", Correction.ReasonName);
                        }

                        given = true;
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            return (buffer.WrittenMemory, reason, unreadable);
        }
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, IDecisionLog log, IAccessAudit audit, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (QueryNames.RefuseUnknown(context.Request.Query, QueryNames.None) is { } unknown)
        {
            return unknown;
        }

        LoggedScreening? screening;
        try
        {
            screening = await log.FindScreeningAsync(id, cancellationToken);
        }
        catch (DecisionLogEntryUnreadableException ex)
        {
            var problem = UnreadableEntries.Problem(context, loggers.CreateLogger(typeof(ScreeningsApi)), ex);
            // QA318 F6: the attempt is in the access log too, as the pages record theirs.
            await audit.RecordRefusedAsync(context, AccessEventKind.ViewScreening, id, "api", ex.Entry);
            return problem;
        }

        if (screening is null)
        {
            return UnknownScreening("Problem.ScreeningNotFound.Detail", id);
        }

        // Whether it was re-screened or corrected since, as its result page says: the later entries point to it.
        var later = await log.FindLaterScreeningsAsync(id, cancellationToken);
        await audit.RecordAsync(context, AccessEventKind.ViewScreening, id.ToString(), "api");
        return ContractBody(ScreeningResponseJson.WriteUtf8(screening, later, Notice, RuleSetNotice(context, screening)));
    }

    /// <summary>
    /// The one query parameter the list reads (in any letter case, as the binder reads it). Any other is a 400 naming it,
    /// as the audit exports refuse a filter they do not read: ignored, <c>?patientReference=X&amp;foo=1</c> answered as if
    /// <c>foo</c> meant something. So is <c>patientReference</c> given more than once: two references are two patients
    /// (<c>?patientReference=A&amp;patientReference=</c> listed A's screenings, and two references were refused as one
    /// reference holding a comma).
    /// </summary>
    private static readonly HashSet<string> ListQueryNames = new(["patientReference"], StringComparer.OrdinalIgnoreCase);

    private static async Task<IResult> ListAsync([FromQuery] string? patientReference, HttpContext context, ScreeningRequestValidator validator, IDecisionLog log, IAccessAudit audit, [FromServices] EfAccessAudit accessLog, CancellationToken cancellationToken)
    {
        var errors = QueryNames.Unknown(context.Request.Query, ListQueryNames, "Validation.UnknownQueryParameter");
        patientReference = patientReference?.Trim();
        var repeated = QueryNames.Repeated(context.Request.Query, "patientReference");
        var problem = repeated is null ? validator.CheckPatientReference(patientReference) : null;
        if ((repeated ?? problem) is { } refused)
        {
            errors["patientReference"] = [refused];
        }

        if (errors.Count > 0)
        {
            // Nothing is listed or recorded; the title says what to give.
            return Results.ValidationProblem(
                errors,
                title: repeated is not null ? ClinicalText.Shared.Message("Problem.ListPatientReferenceOnce")
                    : problem is not null ? "Give a valid patientReference to list a patient's screenings."
                    : "Give only patientReference to list a patient's screenings.");
        }

        var screenings = await log.ListScreeningsForPatientAsync(patientReference!, cancellationToken);
        // Each item is the body GET /api/v1/screenings/{id} answers, later entries included: a later entry may be under
        // another patient reference (a correction of the reference itself), so they are looked up, not inferred from the list.
        var later = await log.FindLaterScreeningsAsync([.. screenings.Screenings.Select(s => s.Id)], cancellationToken);
        // When the log was last verified in full, as Find screenings says it above the same list (QA284 F3): the list shows
        // entries only as stored, and one whose reference was altered is left out without a word. Every role reads the
        // clinicians' line, as on the page: when and what was found, never who nor the counts.
        var verification = LastFullVerificationResponse.From(await VerificationLine.ReadAsync(accessLog, forAuditor: false, cancellationToken));

        await audit.RecordAsync(context, AccessEventKind.ViewScreening, "patient:" + patientReference, "api list");
        return ContractBody(WriteList(context, screenings, later, verification));
    }

    /// <summary>
    /// A contract body written by the decision log's serializer: the stored assessment and input verbatim, exactly the
    /// bytes that were hashed, never a re-serialization that could drift. A request in Chinese gets the findings' texts
    /// translated on the way out (<see cref="LocalizedScreeningJson"/>); the log keeps the English.
    /// </summary>
    private static Utf8JsonResult ContractBody(string json, int status = StatusCodes.Status200OK) => new(System.Text.Encoding.UTF8.GetBytes(json), status);

    private static Utf8JsonResult ContractBody(ReadOnlyMemory<byte> utf8Json, int status = StatusCodes.Status200OK) => new(utf8Json, status);

    /// <summary>A JSON body already encoded as UTF-8, written as it is (in English) or with its texts translated.</summary>
    private sealed class Utf8JsonResult(ReadOnlyMemory<byte> stored, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var body = LocalizedScreeningJson.Localize(stored, httpContext.RequestServices.GetRequiredService<ClinicalText>());
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }

    /// <summary>
    /// The list body: the readable screenings, only when there are any the entries that cannot be read, then when the log
    /// was last verified in full (<see cref="ScreeningList"/>).
    /// </summary>
    private static string WriteList(HttpContext context, PatientScreenings screenings, IReadOnlyDictionary<Guid, LaterScreenings> later, LastFullVerificationResponse verification)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var screening in screenings.Screenings)
            {
                ScreeningResponseJson.Write(writer, screening, later.GetValueOrDefault(screening.Id), Notice, RuleSetNotice(context, screening));
            }

            writer.WriteEndArray();
            ScreeningResponseJson.WriteUnreadable(writer, "unreadable", screenings.Unreadable);
            writer.WritePropertyName("lastFullVerification");
            JsonSerializer.Serialize(writer, verification, ContractJson.Options);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Sized by Content-Length when the client sends one (already checked against the limit), else grown.
        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength.Value : 4096);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(), title: "The screening was not saved: some fields need attention.");

    /// <summary>
    /// The answer to a correction of a screening whose two stored copies of its answers disagree
    /// (<see cref="StoredInputs"/>): 409 problem details, in the request's language, naming the screening and saying why
    /// and what to do (an auditor verifies the log; a new screening of the patient), with the screening's id as
    /// <c>entryId</c>, as the answer for an entry that cannot be read names it.
    /// </summary>
    private static IResult InputsDisagree(HttpContext context, Guid id)
    {
        var text = context.RequestServices.GetRequiredService<ClinicalText>();
        return Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: text.Message("Problem.InputsDisagree"),
            detail: text.Message("Problem.InputsDisagree.Detail", id),
            extensions: new Dictionary<string, object?> { ["entryId"] = id });
    }

    private static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"A screening request may be at most {MaxBodyBytes / 1024} KB.");
}
