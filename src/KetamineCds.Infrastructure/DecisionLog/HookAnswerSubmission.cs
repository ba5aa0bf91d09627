namespace KetamineCds.Infrastructure.DecisionLog;

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
