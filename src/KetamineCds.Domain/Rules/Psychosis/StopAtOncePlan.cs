using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Psychosis;

/// <summary>PSY-003: Document a plan to stop treatment at once if psychotic symptoms emerge or worsen, and monitor for them at every session. (P-PSYCHOSIS, SPRAVATO-PI-US)</summary>
public sealed class StopAtOncePlan : Rule
{
    public override string Id => "PSY-003";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Psychosis];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Past psychotic symptoms, now controlled on an antipsychotic.";

    public override Condition Condition { get; } = Is(Fields.Psychosis, PsychosisStatus.HistoryControlled);

    public override string Summary => "Document a plan to stop treatment at once if psychotic symptoms emerge or worsen, and monitor for them at every session.";

    public override string Detail =>
        "The source document pairs any use after psychosis with a stop-at-once plan. Keep the antipsychotic going, record who watches for psychotic symptoms during and after each session, and what happens if they appear.";
}
