using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>
/// CV-005 from 1.9.0: a caution (it was a requirement). Recorded, a history of hypertensive encephalopathy read plainly
/// eligible, while the same question left unanswered read "eligible with cautions" through SAF-001: a recorded risk must
/// never read more reassuring than an unknown one (QA148 F3; SPRAVATO-PI-US; docs/clinical-review.md, section 17).
/// </summary>
public sealed class HypertensiveEncephalopathyHistoryCallsForCaution : HypertensiveEncephalopathyHistory
{
    public override FindingKind Kind => FindingKind.Caution;
}
