using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A CDS Hooks answer that is not a screening: the EHR's data lacked items the engine needs, so the answer was a card
/// naming them, after a critical card for each contraindication the chart records all the same. Recorded so that an
/// auditor sees every answer given.
/// </summary>
/// <param name="PatientReference">The patient the call was about (the reference the intake form would use).</param>
/// <param name="MissingItems">The contract field names not recorded, required ones first.</param>
/// <param name="Actor">Who asked (context.userId, through the client).</param>
/// <param name="CorrelationId">The request's correlation id.</param>
/// <param name="Origin">The call.</param>
public sealed record HookAnswerSubmission(string PatientReference, IReadOnlyList<string> MissingItems, Actor Actor, string CorrelationId, HookOrigin Origin)
{
    /// <summary>The contraindications the chart records all the same (each a critical card of the answer); none by default.</summary>
    public IReadOnlyList<Finding> Contraindications { get; init; } = [];

    /// <summary>
    /// The rule set the answer was given with: it decided which items are required or could block a pathway, its version
    /// is on the answer's cards, and it found <see cref="Contraindications"/>. Null only in entries logged before it was
    /// always recorded.
    /// </summary>
    public RuleSetIdentity? RuleSet { get; init; }

    /// <summary>
    /// The verdict logged for the answer. A contraindication the chart records blocks every pathway whatever else is
    /// missing (screening-v1.md; the decision policy blocks every indicated pathway), so no pathway can open and the answer
    /// is <c>not-eligible-now</c>, as the precedence gives for blocked pathways. Without one, the missing items leave it
    /// <c>incomplete</c>. An auditor filtering the log by verdict finds a blocked patient either way.
    /// </summary>
    public Verdict Overall => OverallOf(Contraindications);

    /// <summary>
    /// What the rules evaluated to find <see cref="Contraindications"/> (stored and hashed with the entry, so that it can be
    /// replayed); null when no rule was evaluated (a draft order whose medicine could not be identified).
    /// </summary>
    public HookAnswerInputs? Inputs { get; init; }

    /// <summary>The verdict of an answer that found these contraindications (<see cref="Overall"/>; a replay's too).</summary>
    public static Verdict OverallOf(IReadOnlyCollection<Finding> contraindications) =>
        contraindications is { Count: > 0 } ? Verdict.NotEligibleNow : Verdict.Incomplete;
}
