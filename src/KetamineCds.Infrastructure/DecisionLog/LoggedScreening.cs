using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.DecisionLog;

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
