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
}

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
