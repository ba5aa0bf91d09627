using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-008: PHQ-9 item 9 is positive although no suicidality is recorded: assess suicide risk now and reconcile the record. (PHQ-9, C-SSRS) From 1.2.0 a high caution (it was a moderate requirement): a positive item 9 contradicts "no suicidality", and that answer alone turns off every suicide-risk rule, so the result must not read as nothing calling for caution.</summary>
public sealed class PositivePhq9Item9CallsForCaution : PositivePhq9Item9WithoutRecordedSuicidality
{
    public override FindingKind Kind => FindingKind.Caution;
    public override Severity Severity => Severity.High;
}
