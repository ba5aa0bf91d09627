using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-012: Suicide risk not fully assessed: record intent, and preparatory acts or an aborted attempt (C-SSRS), before treatment. (P-SAFETY-REMS, C-SSRS)</summary>
public sealed class SuicideRiskNotFullyAssessed : Rule
{
    public override string Id => "SUI-012";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Cssrs];

    public override string ConditionText => "Some suicidality is recorded and whether the risk is imminent cannot be decided: suicidal intent or preparatory acts are not recorded.";

    public override Condition Condition { get; } = All(Indications.AnySuicidality, Undetermined(Indications.ImminentSuicideRisk));

    public override string Summary => "Suicide risk not fully assessed: record intent, and preparatory acts or an aborted attempt (C-SSRS), before treatment.";

    public override string Detail =>
        "Until intent and recent suicidal behaviour are recorded, imminent risk (SUI-007) can be neither confirmed nor ruled out; a blank answer is never read as no. Ask the C-SSRS screen questions and record the answers.";
}
