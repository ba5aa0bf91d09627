using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-017, from 1.27.0 (QA293 F1; docs/clinical-review.md, sections 12, 27 and 39): suicidality recorded as none, a PHQ-9
/// total recorded and item 9 not recorded. SUI-008 checks the recorded "none" against item 9 (any score above zero calls for
/// immediate follow-up, PHQ-9, label-and-literature.md section 7.1); with item 9 blank that check cannot run, and the result
/// read "Eligible … nothing calls for caution". A moderate caution names item 9 as not recorded, so the result never reads
/// plainly eligible while the check has not run. A blank total and a blank item 9 stay as they were: no source asks for the
/// PHQ-9 itself (section 12). With some suicidality recorded the suicidality cautions stand already and the item's only check
/// is SUI-015 (information), so this caution is not raised there.
/// </summary>
public sealed class Phq9Item9NotRecordedBesideTotal : Rule
{
    public override string Id => "SUI-017";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.Phq9];

    public override string ConditionText => "Suicidality is recorded as none, a PHQ-9 total is recorded, and PHQ-9 item 9 is not recorded.";

    public override Condition Condition { get; } = All(Is(Fields.Suicidality, Suicidality.None), AtLeast(Fields.Phq9Total, 0), NotRecorded(Fields.Phq9Item9));

    public override string Summary => "PHQ-9 item 9 is not recorded beside the PHQ-9 total: the suicidality recorded as none could not be checked against it; record item 9.";

    public override string Detail =>
        "Any score above zero on PHQ-9 item 9 calls for immediate follow-up whatever the total. The total is recorded but item 9 is not, so the check of the suicidality recorded as none against item 9 (SUI-008) could not run; a blank item is never read as 0. Record item 9 from the questionnaire and screen again.";
}
