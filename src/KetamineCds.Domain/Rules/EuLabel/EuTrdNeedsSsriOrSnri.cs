using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>EU-001: EU: start an SSRI or SNRI to be given alongside esketamine for TRD. (P-TRD-PROCEDURE, SPRAVATO-SMPC-EU)</summary>
public class EuTrdNeedsSsriOrSnri : Rule
{
    public override string Id => "EU-001";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "EU jurisdiction, treatment-resistant depression, and the patient takes no oral antidepressant.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Eu), False(Fields.OnOralAntidepressant));

    public override string Summary => "EU: start an SSRI or SNRI to be given alongside esketamine for TRD.";

    public override string Detail =>
        "Under the EU Summary of Product Characteristics, esketamine for TRD is given in combination with an SSRI or SNRI. The patient is recorded as taking no oral antidepressant.";
}
