using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>EU-003: EU: the class of the oral antidepressant is not recorded: confirm that it is an SSRI or SNRI before starting esketamine for TRD. (P-TRD-PROCEDURE, SPRAVATO-SMPC-EU)</summary>
public class EuOralAntidepressantClassNotRecorded : Rule
{
    public override string Id => "EU-003";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "EU jurisdiction, treatment-resistant depression, the patient takes an oral antidepressant, and its class is not recorded.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Eu), True(Fields.OnOralAntidepressant), NotRecorded(Fields.OralAntidepressantClass));

    public override string Summary => "EU: the class of the oral antidepressant is not recorded: confirm that it is an SSRI or SNRI before starting esketamine for TRD.";

    public override string Detail =>
        "Under the EU Summary of Product Characteristics, esketamine for TRD is given in combination with an SSRI or SNRI specifically. Until the class is recorded the screening cannot tell whether this is met; a class other than these is a high caution (EU-002).";
}
