using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Psychosis;

/// <summary>PSY-003: Document a plan to stop treatment at once if psychotic symptoms emerge or worsen, and monitor for them at every session. (P-PSYCHOSIS)</summary>
public sealed class StopAtOnceAfterPsychosis : Rule
{
    public override string Id => "PSY-003";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Psychosis];

    public override string ConditionText => "Past psychotic symptoms, controlled on an antipsychotic or not.";

    public override Condition Condition { get; } = In(Fields.Psychosis, PsychosisStatus.HistoryControlled, PsychosisStatus.HistoryUntreated);

    public override string Summary => "Document a plan to stop treatment at once if psychotic symptoms emerge or worsen, and monitor for them at every session.";

    public override string Detail =>
        "The source document pairs any use after psychosis with a plan to stop at once if psychosis worsens. Record who watches for psychotic symptoms during and after each session, and what happens if they appear; keep any antipsychotic going.";
}
