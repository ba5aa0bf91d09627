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

    /// <summary>The entry's stored hash (the one it was recorded with: a screening is read only while it still gives it).</summary>
    public string Hash { get; init; } = "";

    /// <summary>The stored hash of the entry before it in the chain, as this entry links to it.</summary>
    public string PreviousHash { get; init; } = "";

    private readonly DateTimeOffset? _answersRecordedAt;

    /// <summary>
    /// When the encounter this entry's answers describe was recorded: the time its answers hold for (QA8 F11). For a
    /// screening or a re-screen, its own <see cref="RecordedAt"/>; for a correction, the <see cref="RecordedAt"/> of the
    /// screening it corrects, followed through corrections of corrections to the first entry that is not one: a
    /// correction puts right the record of that encounter and never makes its answers today's. When that entry cannot
    /// be read or found (only a tampered log has such a chain), <see cref="DateTimeOffset.MinValue"/>: no answer about
    /// the patient's present state is then taken as current. Answers that hold for a number of days
    /// (<c>FieldDefinition.CurrentForDays</c>) are counted from this time's day in the clinic, never from a
    /// correction's own time.
    /// </summary>
    public DateTimeOffset AnswersRecordedAt
    {
        get => _answersRecordedAt ?? RecordedAt;
        init => _answersRecordedAt = value;
    }

    /// <summary>True when <see cref="AnswersRecordedAt"/> could not be established (a correction whose earlier entry cannot be read).</summary>
    public bool AnswersRecordedAtUnknown => AnswersRecordedAt == DateTimeOffset.MinValue;
}
