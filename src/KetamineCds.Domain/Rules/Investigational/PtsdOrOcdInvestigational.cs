using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Investigational;

/// <summary>INV-001: PTSD or OCD: ketamine is investigational here; consider it only within research or a carefully designed protocol. (P-PTSD, P-OCD)</summary>
public class PtsdOrOcdInvestigational : Rule
{
    public override string Id => "INV-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Ptsd, Citations.Ocd];

    public override string ConditionText => "The primary diagnosis is PTSD or OCD.";

    public override Condition Condition { get; } = Indications.PtsdOrOcd;

    public override string Summary => "PTSD or OCD: ketamine is investigational here; consider it only within research or a carefully designed protocol.";

    public override string Detail =>
        "For PTSD the rationale (restoring prefrontal control over fear circuits) is theoretical and trial results are mixed; for OCD ketamine is an active research area, with off-label protocols reserved for the most refractory cases. Neither is an approved indication.";
}
