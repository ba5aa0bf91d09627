using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-008 from 1.5.0: a high caution, as from 1.2.0; its detail says "immediate" follow-up, as the source does, where it
/// said "prompt" (C5). (PHQ-9, C-SSRS; docs/clinical-review.md, section 13)
/// </summary>
public sealed class PositivePhq9Item9ImmediateFollowUp : PositivePhq9Item9WithoutRecordedSuicidality
{
    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override string Detail =>
        "Any score above zero on PHQ-9 item 9 warrants immediate follow-up whatever the total. A structured screen such as the C-SSRS clarifies the risk; update the suicidality field and screen again.";
}
