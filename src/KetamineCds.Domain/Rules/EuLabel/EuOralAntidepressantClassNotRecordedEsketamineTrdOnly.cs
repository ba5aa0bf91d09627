using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>
/// EU-003 from 1.7.0: the same caution, marking only the esketamine-trd pathway, whose label condition it is (QA108 F2;
/// label-and-literature.md D1, R03, R04; docs/clinical-review.md, section 15). Before, it marked every open pathway.
/// </summary>
public sealed class EuOralAntidepressantClassNotRecordedEsketamineTrdOnly : EuOralAntidepressantClassNotRecorded
{
    public override IReadOnlyList<Pathway>? Concerns { get; } = [Pathway.EsketamineTrd];
}
