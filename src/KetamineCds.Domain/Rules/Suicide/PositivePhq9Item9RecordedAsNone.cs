namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-008 from 1.9.0: the same caution, its summary saying that suicidality is recorded as none. "Although no suicidality
/// is recorded" could be read as a blank, and its Chinese said "not recorded" (QA148 F6), the word the app keeps for blanks.
/// </summary>
public sealed class PositivePhq9Item9RecordedAsNone : PositivePhq9Item9UntilRiskAssessed
{
    public override string Summary => "PHQ-9 item 9 is positive although suicidality is recorded as none: assess suicide risk now and record the assessment.";
}
