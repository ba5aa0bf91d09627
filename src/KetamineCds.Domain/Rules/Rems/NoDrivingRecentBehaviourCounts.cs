using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>
/// REMS-003 from 1.5.0: NoDrivingUntilNextDayEveryPathway's texts, kind, severity and citations unchanged; only its indication now counts recent suicidal
/// behaviour (an aborted or interrupted attempt, or preparatory acts) for the suicidal-ideation pathway, as SUI-001 does
/// (<see cref="Indications.SuicidalMddWithRecentBehaviour"/>; docs/clinical-review.md, section 13, C2).
/// </summary>
public sealed class NoDrivingRecentBehaviourCounts : Rule
{
    private static readonly NoDrivingUntilNextDayEveryPathway Released = new();

    public override string Id => Released.Id;

    public override FindingKind Kind => Released.Kind;

    public override Severity Severity => Released.Severity;

    public override IReadOnlyList<string> Principles => Released.Principles;

    public override IReadOnlyList<string> Sources => Released.Sources;

    public override string ConditionText => Released.ConditionText;

    public override Condition Condition { get; } = Indications.AnyIndicationWithRecentBehaviour;

    public override string Summary => Released.Summary;

    public override string Detail => Released.Detail;
}
