namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>A screening whose overall verdict would change under another rule set.</summary>
/// <param name="Id">The logged screening.</param>
/// <param name="RecordedAt">When it was logged.</param>
/// <param name="PatientReference">The patient.</param>
/// <param name="ClinicianEmail">Who screened.</param>
/// <param name="RecordedOverall">The verdict before: as logged, or under the baseline rule set when one was given.</param>
/// <param name="NewOverall">The verdict under the rule set analysed.</param>
/// <param name="NewlyFired">Rules that fire under the rule set analysed and did not before, by id.</param>
/// <param name="RecordedRuleSetVersion">The rule set it was logged under.</param>
/// <param name="StoppedFiring">Rules that fired before and no longer fire, by id.</param>
public sealed record ImpactChange(
    Guid Id, DateTimeOffset RecordedAt, string PatientReference, string ClinicianEmail, string RecordedOverall, string NewOverall, string RecordedRuleSetVersion,
    IReadOnlyList<string> NewlyFired, IReadOnlyList<string> StoppedFiring)
{
    /// <summary>
    /// Rules that fired before and still fire, with another kind or severity (a requirement become a caution changes a
    /// verdict without any rule starting or stopping): "SUI-008 requirement/high -> caution/high".
    /// </summary>
    public IReadOnlyList<string> ChangedKindOrSeverity { get; init; } = [];

    /// <summary>
    /// Compared against the verdicts as logged, the screening was logged under a rule set this build does not release: its
    /// verdict is compared, its rules cannot be (none is counted as newly fired or stopped), and the page says so (QA119 F5).
    /// </summary>
    public bool LoggedRuleSetUnknown { get; init; }

    /// <summary>The screening this one corrects, when it is a correction (it is then the decision in force for that encounter); null otherwise.</summary>
    public Guid? Corrects { get; init; }

    /// <summary>The clinicians' overrides of this screening, oldest first (the last is the one in force); empty when it has none.</summary>
    public IReadOnlyList<Guid> Overrides { get; init; } = [];
}
