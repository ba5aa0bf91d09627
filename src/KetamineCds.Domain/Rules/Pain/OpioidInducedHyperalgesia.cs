using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Pain;

/// <summary>PAIN-002: Opioid-induced hyperalgesia: ketamine may reduce hyperalgesia and help lower opioid use. (P-PAIN, ASRA-KETAMINE-PAIN-2018)</summary>
public sealed class OpioidInducedHyperalgesia : Rule
{
    public override string Id => "PAIN-002";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Pain];

    public override IReadOnlyList<string> Sources { get; } = [Citations.AsraKetaminePain2018];

    public override string ConditionText => "Opioid-induced hyperalgesia is suspected or diagnosed.";

    public override Condition Condition { get; } = True(Fields.OpioidInducedHyperalgesia);

    public override string Summary => "Opioid-induced hyperalgesia: ketamine may reduce hyperalgesia and help lower opioid use.";

    public override string Detail =>
        "Blocking the NMDA receptor that drives central sensitisation is the rationale. Opioid-sparing evidence is strongest around surgery and weaker in chronic pain (discrepancy D8); coordinate with the pain team and see the opioid caution (MED-002).";
}
