using System.Text.Json;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The shape of the contract's screening body (shared/api/screening-v1.md, "Response"), for the OpenAPI document.
/// The body itself is written by <c>ScreeningResponseJson</c> from the bytes the decision log stored.
/// </summary>
public sealed record ScreeningResponse(
    Guid Id,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    RuleSetIdentity RuleSet,
    Verdict Overall,
    IReadOnlyList<PathwayResult> Pathways,
    IReadOnlyList<Finding> Findings,
    JsonElement Input)
{
    /// <summary>
    /// The earlier screening this one re-screens (it started from that one's answers; the earlier entry is unchanged);
    /// present only on a re-screen, after <c>recordedBy</c>.
    /// </summary>
    public Guid? RescreenOf { get; init; }

    /// <summary>
    /// The earlier screening this one corrects (answers entered wrongly there, put right here; that entry is unchanged);
    /// present only on a correction, after <c>recordedBy</c>.
    /// </summary>
    public Guid? Corrects { get; init; }

    /// <summary>Why the earlier screening was corrected; present only with <see cref="Corrects"/>.</summary>
    public string? CorrectionReason { get; init; }

    /// <summary>
    /// The later screenings that re-screen or correct this one, newest first; present only when there are any (on
    /// <c>GET</c>, and on each item of the patient's list), before <c>ruleSet</c>. Each one's own body names this one
    /// (<c>rescreenOf</c> or <c>corrects</c>).
    /// </summary>
    public IReadOnlyList<LaterEntry>? LaterEntries { get; init; }

    /// <summary>Later entries that point to this one but cannot be read (the log may have been altered); present only when there are any.</summary>
    public IReadOnlyList<UnreadableListEntry>? UnreadableLaterEntries { get; init; }

    /// <summary>
    /// The clinicians' decisions against (or in spite of) this screening's recommendation, oldest first: the last is the
    /// decision in force. Present only when there are any (on <c>GET</c>, on each item of the patient's list, and on a
    /// repeated <c>POST</c> answered as the first), after <c>laterEntries</c> and before <c>ruleSet</c>. Presentation
    /// only: each is an entry of its own in the decision log, never part of the screening's stored or hashed entry.
    /// </summary>
    public IReadOnlyList<ScreeningOverride>? Overrides { get; init; }

    /// <summary>
    /// The statement every page, print and CDS card carries, "KetamineCds supports, and never replaces, the clinician's
    /// judgement.", in the request's language (as <c>summary</c>), last, after <c>input</c>. The API
    /// adds it to every screening body; presentation only, never in the decision log's stored or hashed entry.
    /// </summary>
    public string? Notice { get; init; }

    /// <summary>
    /// Only on a screening decided under a rule set that predates "not recorded is never no" (1.0.0), last, after
    /// <c>notice</c>: the warning its result page and print give, that under that rule set a screening with safety
    /// questions unanswered can read eligible, so its verdict is history, not a safe answer today, in the request's
    /// language. Presentation only, never in the decision log's stored or hashed entry.
    /// </summary>
    public string? RuleSetNotice { get; init; }
}

/// <summary>A later screening that re-screens or corrects a screening: an item of its <c>laterEntries</c>.</summary>
/// <param name="Id">The later screening's id.</param>
/// <param name="Kind">A re-screen (its <c>rescreenOf</c> is the earlier id) or a correction (its <c>corrects</c> is).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="Link">Where the API answers it: <c>/api/v1/screenings/{id}</c>.</param>
public sealed record LaterEntry(Guid Id, LaterScreeningKind Kind, DateTimeOffset RecordedAt, string RecordedBy, string Link)
{
    /// <summary>Why the earlier screening was corrected; present only on a correction.</summary>
    public string? CorrectionReason { get; init; }
}

/// <summary>A clinician's decision against (or in spite of) a screening's recommendation: an item of its <c>overrides</c>.</summary>
/// <param name="Id">The override's own entry in the decision log (the audit CSV's <c>id</c> of its row).</param>
/// <param name="Decision">What the clinician decided: <c>proceed</c> or <c>do-not-proceed</c> (the audit CSV's <c>overrideDecision</c>).</param>
/// <param name="Reason">The coded reason (the audit CSV's <c>overrideReason</c>).</param>
/// <param name="Explanation">The clinician's explanation in their own words, as recorded (the audit CSV's <c>overrideExplanation</c>).</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record ScreeningOverride(Guid Id, OverrideDecision Decision, OverrideReason Reason, string Explanation, string RecordedBy, DateTimeOffset RecordedAt);
