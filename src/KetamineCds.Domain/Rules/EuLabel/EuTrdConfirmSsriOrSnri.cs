using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>EU-002: EU: confirm that the oral antidepressant given alongside esketamine is an SSRI or SNRI. (P-TRD-PROCEDURE, SPRAVATO-SMPC-EU)</summary>
public sealed class EuTrdConfirmSsriOrSnri : Rule
{
    public override string Id => "EU-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "EU jurisdiction, treatment-resistant depression, and the patient takes an oral antidepressant.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Eu), True(Fields.OnOralAntidepressant));

    public override string Summary => "EU: confirm that the oral antidepressant given alongside esketamine is an SSRI or SNRI.";

    public override string Detail =>
        "Under the EU Summary of Product Characteristics, esketamine for TRD is combined with an SSRI or SNRI specifically; the form records only that an oral antidepressant is taken, not its class.";
}
