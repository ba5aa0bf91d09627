using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Trd;

/// <summary>TRD-001: Meets the regulatory definition of treatment-resistant depression: two or more adequate trials without response in the current episode. (P-TRD-DEFINITION, P-TRD-MECHANISM, SPRAVATO-PI-US, EU-PEARL-TRD-2022)</summary>
public sealed class TreatmentResistantDepression : Rule
{
    public override string Id => "TRD-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdDefinition, Citations.TrdMechanism];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.EuPearlTrd2022];

    public override string ConditionText => "Major depressive disorder in a current depressive episode with at least two failed adequate antidepressant trials in this episode.";

    public override Condition Condition { get; } = Indications.TreatmentResistantDepression;

    public override string Summary => "Meets the regulatory definition of treatment-resistant depression: two or more adequate trials without response in the current episode.";

    public override string Detail =>
        "The US label and the EU consensus define TRD as no response to at least two antidepressant trials of adequate dose and duration (at least 4 weeks) in the current episode. This opens the esketamine TRD pathway and the off-label ketamine TRD pathway. The source document's stricter reading, which also asks for different mechanisms, is reported separately (TRD-002) rather than used as a gate, as the discrepancy table (D2) recommends.";
}
