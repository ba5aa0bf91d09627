using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Ocular;

/// <summary>
/// EYE-001 from 1.17.0: raised intraocular pressure recorded: weigh benefit and risk before treating (P-SAFETY-REMS,
/// ASRA-KETAMINE-PAIN-2018). The pain consensus lists raised intracranial or intraocular pressure as a relative
/// contraindication to IV ketamine; the esketamine sources read say nothing of it, and this caution marks every pathway,
/// esketamine's included, as the safer reading (docs/clinical-review.md, section 28). Moderate, as the consensus's other
/// relative contraindications graded as cautions here (moderate hepatic impairment HEP-002, CV-005, CV-008).
/// </summary>
public sealed class RaisedIntraocularPressure : Rule
{
    public override string Id => "EYE-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.AsraKetaminePain2018];

    public override string ConditionText => "Raised intraocular pressure (e.g. uncontrolled or angle-closure glaucoma) is recorded.";

    public override Condition Condition { get; } = True(Fields.RaisedIntraocularPressure);

    public override string Summary => "Raised intraocular pressure: weigh benefit and risk for this patient before treating.";

    public override string Detail =>
        "The ASRA pain consensus lists raised intracranial or intraocular pressure among the relative contraindications to intravenous ketamine. It speaks of intravenous ketamine only, and the esketamine sources read for this app say nothing of intraocular pressure: this app applies the caution to esketamine too, as the safer reading (not yet confirmed: see To verify on the Rules page). Raised intracranial pressure is asked with the serious conditions (CV-001).";
}
