using System.Text.Json;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>The contract's screening body (shared/api/screening-v1.md, "Response").</summary>
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
    /// <summary>The contract body for a logged screening.</summary>
    public static ScreeningResponse From(LoggedScreening screening)
    {
        using var input = JsonDocument.Parse(screening.InputJson);
        return new(
            screening.Id,
            screening.RecordedAt,
            screening.RecordedBy.Email,
            screening.Assessment.RuleSet,
            screening.Assessment.Overall,
            screening.Assessment.Pathways,
            screening.Assessment.Findings,
            input.RootElement.Clone());
    }
}

/// <summary>The contract's list body: <c>{"items": [...]}</c>, newest first.</summary>
public sealed record ScreeningList(IReadOnlyList<ScreeningResponse> Items);
