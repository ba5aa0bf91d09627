using KetamineCds.Domain.Rules.Conditions;

namespace KetamineCds.Domain.Rules.Biomarkers;

/// <summary>
/// BIO-001 from 1.5.0: BiomarkersResearchOnly's texts, kind, severity and citations inherited unchanged; only its indication now counts recent suicidal
/// behaviour (an aborted or interrupted attempt, or preparatory acts) for the suicidal-ideation pathway, as SUI-001 does
/// (<see cref="Indications.SuicidalMddWithRecentBehaviour"/>; docs/clinical-review.md, section 13, C2).
/// </summary>
public sealed class BiomarkersResearchOnlyRecentBehaviourCounts : BiomarkersResearchOnly
{
    public override Condition Condition { get; } = Indications.AnyIndicationWithRecentBehaviour;
}
