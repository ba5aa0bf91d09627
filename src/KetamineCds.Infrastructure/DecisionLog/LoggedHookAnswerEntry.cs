namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A recorded CDS Hooks answer that ran no screening, as the auditor reads it: who asked (the EHR user, through the client
/// named in <see cref="Origin"/>), when, for which patient, which required or safety items the chart did not hold, the
/// contraindications it recorded all the same, and the call itself (hook, hookInstance, cards, the FHIR data given). <see cref="InputJson"/> is the stored, hashed text.
/// </summary>
public sealed record LoggedHookAnswerEntry(
    Guid Id,
    long Sequence,
    DateTimeOffset RecordedAt,
    Actor AskedBy,
    string CorrelationId,
    string PatientReference,
    IReadOnlyList<string> MissingItems,
    HookOrigin Origin,
    string InputJson)
{
    /// <summary>The contraindications the chart recorded all the same (the answer's critical cards); none in older entries.</summary>
    public IReadOnlyList<HookAnswerContraindication> Contraindications { get; init; } = [];

    /// <summary>The version of the rule set that found <see cref="Contraindications"/>; null only in entries logged before it was always recorded (<see cref="HookAnswerSubmission.RuleSet"/>).</summary>
    public string? RuleSetVersion { get; init; }

    /// <summary>
    /// The inputs the rules evaluated, as stored (contract JSON, <c>null</c> where not recorded and in each of
    /// <see cref="Placeholders"/>), or null: an entry logged before they were kept (QA158 F2), or an answer that evaluated
    /// no rule. What the replay reads.
    /// </summary>
    public string? InputsJson { get; init; }

    /// <summary>The fields not recorded (or refused) that stood in for "not recorded": no rule that reads one was evaluated.</summary>
    public IReadOnlyList<string> Placeholders { get; init; } = [];

    /// <summary>
    /// The answers the rules read, each field's contract value by its name (<see cref="HookAnswerInputs.ContractValueOf"/>:
    /// null where not recorded and in each placeholder), so that a page can tell which questions the form asks of them;
    /// null when no inputs were kept, or when they cannot be read as a history (the replay then says the entry cannot be
    /// read; the entry's page shows every input as stored).
    /// </summary>
    public Func<string, object?>? AnswersRead()
    {
        if (InputsJson is null)
        {
            return null;
        }

        try
        {
            return HookAnswerInputs.Read(InputsJson, Placeholders).ContractValueOf;
        }
        catch (Exception ex) when (EfDecisionLog.IsUnreadable(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// What names the entry, its place in the chain with its stored hash and the previous one among it, from the same read
    /// as the answer, which still gives its hash.
    /// </summary>
    public required LoggedEntryHeader Header { get; init; }

    /// <summary>The overrides an EHR sent back for the answer's cards (CDS Hooks feedback), oldest first.</summary>
    public IReadOnlyList<LoggedOverride> Overrides { get; init; } = [];

    /// <summary>
    /// The verdict logged for the answer (<see cref="HookAnswerSubmission.Overall"/>): <c>not-eligible-now</c> when the chart
    /// records a contraindication, else <c>incomplete</c>. Entries logged before the contraindication decided it read
    /// <c>incomplete</c> whatever they hold.
    /// </summary>
    public string Overall { get; init; } = "incomplete";
}
