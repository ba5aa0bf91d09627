using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Psychosis;

/// <summary>PSY-004: History of psychosis without an antipsychotic now: a higher risk that ketamine brings psychosis back; weigh very carefully and plan to stop at once. (P-PSYCHOSIS, SPRAVATO-PI-US)</summary>
public sealed class UntreatedPsychosisHistory : Rule
{
    public override string Id => "PSY-004";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Psychosis];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Past psychotic symptoms, not on an antipsychotic now.";

    public override Condition Condition { get; } = Is(Fields.Psychosis, PsychosisStatus.HistoryUntreated);

    public override string Summary => "History of psychosis without an antipsychotic now: a higher risk that ketamine brings psychosis back; weigh very carefully and plan to stop at once.";

    public override string Detail =>
        "Ketamine can provoke psychotic symptoms. The source document considers use only once psychosis is well controlled by antipsychotics; without that protection the risk of a relapse is higher. Assess carefully with the treating team, consider whether antipsychotic cover is needed first, and document a plan to stop at once (PSY-003).";
}
