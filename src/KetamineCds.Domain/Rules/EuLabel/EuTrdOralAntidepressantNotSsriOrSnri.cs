using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>EU-002: EU: the oral antidepressant is recorded as neither an SSRI nor an SNRI: switch to or add one to give alongside esketamine for TRD. (P-TRD-PROCEDURE, SPRAVATO-SMPC-EU) From 1.3.0 a high caution (it was a moderate requirement), like EU-001: a class known to miss the label must not read better than a class not recorded (EU-003, a caution).</summary>
public class EuTrdOralAntidepressantNotSsriOrSnri : Rule
{
    public override string Id => "EU-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "EU jurisdiction, treatment-resistant depression, and the patient's oral antidepressant is recorded as a class other than SSRI or SNRI.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Eu), True(Fields.OnOralAntidepressant), Is(Fields.OralAntidepressantClass, (OralAntidepressantClass?)OralAntidepressantClass.Other));

    public override string Summary => "EU: the oral antidepressant is recorded as neither an SSRI nor an SNRI: switch to or add one to give alongside esketamine for TRD.";

    public override string Detail =>
        "Under the EU Summary of Product Characteristics, esketamine for TRD is given in combination with an SSRI or SNRI; an antidepressant of another class does not meet this. Start or switch to one before the first session, or record why treatment goes ahead outside the EU indication.";
}
