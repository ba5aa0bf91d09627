using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Biomarkers;

/// <summary>BIO-001: EEG gamma power and BDNF are research markers: they do not change this decision. (P-BIOMARKERS)</summary>
public class BiomarkersResearchOnly : Rule
{
    public override string Id => "BIO-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Biomarkers];

    public override string ConditionText => "Any pathway is indicated.";

    public override Condition Condition { get; } = Indications.AnyIndication;

    public override string Summary => "EEG gamma power and BDNF are research markers: they do not change this decision.";

    public override string Detail =>
        "An early rise in EEG gamma-band power or peripheral BDNF may one day show that treatment is engaging its target, but findings are inconsistent. No rule reads a biomarker, and none ever changes a verdict.";
}
