using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Who did something: the signed-in user and the role they acted in.</summary>
public sealed record Actor(string UserId, string Email, string Role);

/// <summary>A screening to record: the history, the input exactly as submitted, and the assessment shown.</summary>
/// <param name="History">The parsed, validated history the engine evaluated.</param>
/// <param name="InputJson">The input exactly as submitted, in the contract's JSON spelling.</param>
/// <param name="Assessment">The assessment the engine returned and the user is about to see.</param>
/// <param name="Actor">The psychiatrist who screened.</param>
/// <param name="CorrelationId">The request's correlation id.</param>
public sealed record ScreeningSubmission(PatientHistory History, string InputJson, Assessment Assessment, Actor Actor, string CorrelationId)
{
    /// <summary>
    /// The screening this one re-screens (the form prefilled from it, answers added), or null. The new entry points
    /// to it; the earlier entry is never changed.
    /// </summary>
    public Guid? RescreenOf { get; init; }

    /// <summary>The EHR's CDS Hooks call this screening answered, or null for the form and the JSON API.</summary>
    public HookOrigin? Origin { get; init; }
}

/// <summary>
/// The CDS Hooks call behind a log entry: the client (its JWT <c>iss</c>), <c>context.userId</c> as who asked, the hook
/// and its <c>hookInstance</c>, the service called, the uuids of the cards answered, and the FHIR data the call gave,
/// verbatim. Stored (and hashed) with the entry.
/// </summary>
public sealed record HookOrigin(string Issuer, string UserId, string Hook, string HookInstance, string ServiceId, IReadOnlyList<Guid> CardUuids, string FhirJson)
{
    /// <summary>The origin as the JSON the log stores and hashes: fixed property order, the FHIR embedded as it came.</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("issuer", Issuer);
            writer.WriteString("userId", UserId);
            writer.WriteString("hook", Hook);
            writer.WriteString("hookInstance", HookInstance);
            writer.WriteString("service", ServiceId);
            writer.WriteStartArray("cards");
            foreach (var uuid in CardUuids)
            {
                writer.WriteStringValue(uuid.ToString("D"));
            }

            writer.WriteEndArray();
            writer.WritePropertyName("fhir");
            writer.WriteRawValue(FhirJson);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static HookOrigin FromJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        return new HookOrigin(
            root.GetProperty("issuer").GetString()!,
            root.GetProperty("userId").GetString()!,
            root.GetProperty("hook").GetString()!,
            root.GetProperty("hookInstance").GetString()!,
            root.GetProperty("service").GetString()!,
            root.GetProperty("cards").EnumerateArray().Select(c => c.GetGuid()).ToList(),
            root.GetProperty("fhir").GetRawText());
    }
}

/// <summary>
/// A CDS Hooks answer that is not a screening: the EHR's data lacked items the engine needs, so the answer was one
/// card naming them. Recorded so that an auditor sees every answer given.
/// </summary>
/// <param name="PatientReference">The patient the call was about (the reference the intake form would use).</param>
/// <param name="MissingItems">The contract field names not recorded, required ones first.</param>
/// <param name="Actor">Who asked (context.userId, through the client).</param>
/// <param name="CorrelationId">The request's correlation id.</param>
/// <param name="Origin">The call.</param>
public sealed record HookAnswerSubmission(string PatientReference, IReadOnlyList<string> MissingItems, Actor Actor, string CorrelationId, HookOrigin Origin);

/// <summary>A recorded <see cref="HookAnswerSubmission"/>.</summary>
public sealed record LoggedHookAnswer(Guid Id, long Sequence, DateTimeOffset RecordedAt);

/// <summary>A screening as the decision log holds it.</summary>
public sealed record LoggedScreening(
    Guid Id,
    long Sequence,
    DateTimeOffset RecordedAt,
    Actor RecordedBy,
    string CorrelationId,
    PatientHistory History,
    string InputJson,
    Assessment Assessment,
    IReadOnlyList<LoggedOverride> Overrides)
{
    /// <summary>The assessment exactly as stored (and hashed) and shown, in the contract's JSON spelling.</summary>
    public string AssessmentJson { get; init; } = "";

    /// <summary>The screening this entry corrects, if it is a correction.</summary>
    public Guid? Corrects { get; init; }

    /// <summary>Why the correction was made.</summary>
    public string? CorrectionReason { get; init; }

    /// <summary>The earlier screening this one re-screens (a new screening from its answers), if any.</summary>
    public Guid? RescreenOf { get; init; }

    /// <summary>The CDS Hooks call this screening answered, if it came from an EHR.</summary>
    public HookOrigin? Origin { get; init; }
}

/// <summary>What the clinician decided against (or in spite of) the recommendation.</summary>
public enum OverrideDecision { Proceed, DoNotProceed }

/// <summary>Coded reasons for an override.</summary>
public enum OverrideReason
{
    BenefitOutweighsRiskAfterReview,
    SpecialistAdviceObtained,
    ContraindicationResolvedOrInaccurate,
    PatientPreference,
    ClinicalConcernNotCapturedByRules,
    RecordedDataIncorrect,
    Other,
}

/// <summary>An override to record against a logged screening.</summary>
public sealed record OverrideSubmission(Guid ScreeningId, OverrideDecision Decision, OverrideReason Reason, string Explanation, Actor Actor, string CorrelationId);

/// <summary>An override as the decision log holds it.</summary>
public sealed record LoggedOverride(Guid Id, Guid ScreeningId, DateTimeOffset RecordedAt, Actor RecordedBy, OverrideDecision Decision, OverrideReason Reason, string Explanation);

/// <summary>The result of checking the whole log for tampering (contract: GET /api/v1/audit/verify).</summary>
public sealed record ChainVerification(long Checked, bool Intact, Guid? FirstBrokenId);

/// <summary>
/// The database could not durably record an entry (or read the log); nothing may be shown as decided. Nothing was
/// stored, unless <see cref="OutcomeUnknown"/>: then the connection failed while the commit was under way, and the
/// entry may have been stored (a database cannot say which once the connection is gone).
/// </summary>
public sealed class DecisionLogUnavailableException : Exception
{
    /// <summary>The failure came during the commit: the entry may or may not have been stored.</summary>
    public bool OutcomeUnknown { get; init; }

    public DecisionLogUnavailableException()
    {
    }

    public DecisionLogUnavailableException(string message)
        : base(message)
    {
    }

    public DecisionLogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The append-only, tamper-evident decision log. A screening is recorded, in one transaction, before anybody sees
/// its result; if it cannot be, <see cref="DecisionLogUnavailableException"/> is thrown, and nothing is stored unless the
/// exception says the outcome is unknown (the connection failed during the commit).
/// </summary>
public interface IDecisionLog
{
    Task<LoggedScreening> RecordScreeningAsync(ScreeningSubmission submission, CancellationToken cancellationToken = default);

    Task<LoggedScreening?> FindScreeningAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A patient's screenings, newest first.</summary>
    Task<IReadOnlyList<LoggedScreening>> ListScreeningsForPatientAsync(string patientReference, CancellationToken cancellationToken = default);

    Task<LoggedOverride> RecordOverrideAsync(OverrideSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Records a CDS Hooks answer that is not a screening (see <see cref="HookAnswerSubmission"/>), before it is sent.</summary>
    Task<LoggedHookAnswer> RecordHookAnswerAsync(HookAnswerSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Verifies the whole log in bounded memory.</summary>
    Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}

/// <summary>Kinds of access that are audited, as health-record audit controls expect.</summary>
public enum AccessEventKind { SignIn, SignOut, SignInFailed, LockedOut, ViewScreening, PrintScreening, Export, Replay, ImpactAnalysis, Verify, UserAdministration, Checkpoint, AccountSecurity }

/// <summary>One access event: who, what, when.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="UserEmail">Who (the attempted user name for a failed sign-in).</param>
/// <param name="Role">The role acted in, if signed in.</param>
/// <param name="Subject">What was accessed, e.g. a screening id; null for sign-ins.</param>
/// <param name="Detail">Anything else worth keeping (never a password).</param>
/// <param name="CorrelationId">The request's correlation id.</param>
public sealed record AccessEvent(AccessEventKind Kind, string UserEmail, string? Role, string? Subject, string? Detail, string CorrelationId);

/// <summary>Records access events, append-only.</summary>
public interface IAccessAudit
{
    Task RecordAsync(AccessEvent accessEvent, CancellationToken cancellationToken = default);
}
