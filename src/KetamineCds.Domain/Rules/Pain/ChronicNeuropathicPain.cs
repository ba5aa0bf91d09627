using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Pain;

/// <summary>PAIN-001: Depression with chronic neuropathic pain: ketamine may help both, though the pain evidence is limited. (P-PAIN, ASRA-KETAMINE-PAIN-2018)</summary>
public sealed class ChronicNeuropathicPain : Rule
{
    public override string Id => "PAIN-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Pain];

    public override IReadOnlyList<string> Sources { get; } = [Citations.AsraKetaminePain2018];

    public override string ConditionText => "Chronic neuropathic pain is recorded with a current depressive episode.";

    public override Condition Condition { get; } = All(True(Fields.ChronicNeuropathicPain), True(Fields.CurrentDepressiveEpisode));

    public override string Summary => "Depression with chronic neuropathic pain: ketamine may help both, though the pain evidence is limited.";

    public override string Detail =>
        "The source document describes a double role, on depression and on over-active pain circuits. The pain consensus finds moderate evidence only for complex regional pain syndrome and weak evidence for most other neuropathic pain (discrepancy D8); the depression pathways are judged on their own criteria.";
}
