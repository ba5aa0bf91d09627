using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-004: Blood pressure not recorded: measure it before every dose, and do not dose until it is known. (P-SAFETY-REMS, SPRAVATO-PI-US)</summary>
public class BloodPressureNotRecorded : Rule
{
    public override string Id => "CV-004";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "A pathway is indicated and today's pre-treatment blood pressure is not recorded.";

    public override Condition Condition { get; } = All(Indications.AnyIndication, Any(NotRecorded(Fields.SystolicBp), NotRecorded(Fields.DiastolicBp)));

    public override string Summary => "Blood pressure not recorded: measure it before every dose, and do not dose until it is known.";

    public override string Detail =>
        "The label asks for blood pressure before each dose and about 40 minutes after. This screening cannot say whether today's blood pressure calls for caution (above 140/90) or for deferring the session (at or above 180/110) until it is measured.";
}
