using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Hepatic;

/// <summary>
/// HEP-002 from 1.9.0: a caution (it was a requirement). Recorded, moderate hepatic impairment read plainly eligible beside
/// a detail citing the pain consensus's caution, while hepatic status left unanswered read "eligible with cautions" through
/// HEP-003 (QA148 F3; SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018; docs/clinical-review.md, section 17).
/// </summary>
public sealed class ModerateHepaticImpairmentCallsForCaution : ModerateHepaticImpairment
{
    public override FindingKind Kind => FindingKind.Caution;
}
