using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

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

    /// <summary>
    /// The one-time id of the form (or API request) that submitted it, or null. A screening is recorded at most once per
    /// id: a second submission with an id already recorded stores nothing and gets
    /// <see cref="SubmissionAlreadyRecordedException"/>, naming the entry recorded. Never <see cref="Guid.Empty"/>.
    /// </summary>
    public Guid? SubmissionId { get; init; }
}
