using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Age;

/// <summary>AGE-003: EU: patients aged 65 or over start TRD treatment at a lower dose (28 mg). (SPRAVATO-SMPC-EU)</summary>
public class EuOlderAdultStartingDose : Rule
{
    public override string Id => "AGE-003";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "EU jurisdiction, treatment-resistant depression, and the patient is 65 or older.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Eu), AtLeast(Fields.AgeYears, 65));

    public override string Summary => "EU: patients aged 65 or over start TRD treatment at a lower dose (28 mg).";

    public override string Detail =>
        "EU labelling starts patients aged 65 or over at 28 mg on day 1 for TRD. Whether the US label has a separate starting dose for this age group is not confirmed (see docs/rules.md).";
}
