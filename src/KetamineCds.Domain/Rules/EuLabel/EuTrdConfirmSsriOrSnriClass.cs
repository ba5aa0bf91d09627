using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>EU-002: EU: the oral antidepressant given alongside esketamine for TRD should be an SSRI or SNRI; its class is not recorded as one. (P-TRD-PROCEDURE, SPRAVATO-SMPC-EU)</summary>
public sealed class EuTrdConfirmSsriOrSnriClass : Rule
{
    public override string Id => "EU-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "EU jurisdiction, treatment-resistant depression, and the patient takes an oral antidepressant whose class is not recorded as an SSRI or SNRI.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Eu), True(Fields.OnOralAntidepressant), Any(NotRecorded(Fields.OralAntidepressantClass), Is(Fields.OralAntidepressantClass, (OralAntidepressantClass?)OralAntidepressantClass.Other)));

    public override string Summary => "EU: the oral antidepressant given alongside esketamine for TRD should be an SSRI or SNRI; its class is not recorded as one.";

    public override string Detail =>
        "Under the EU Summary of Product Characteristics, esketamine for TRD is combined with an SSRI or SNRI specifically. Record the class, or switch to or add an SSRI or SNRI before starting.";
}
