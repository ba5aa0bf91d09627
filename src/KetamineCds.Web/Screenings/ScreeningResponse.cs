using System.Text.Json;
using KetamineCds.Domain.Screening;

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
}
