using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-005: History of hypertensive encephalopathy: monitor blood pressure and neurological symptoms more intensively. (P-SAFETY-REMS, SPRAVATO-PI-US)</summary>
public class HypertensiveEncephalopathyHistory : Rule
{
    public override string Id => "CV-005";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "A history of hypertensive encephalopathy is recorded.";

    public override Condition Condition { get; } = True(Fields.HypertensiveEncephalopathyHistory);

    public override string Summary => "History of hypertensive encephalopathy: monitor blood pressure and neurological symptoms more intensively.";

    public override string Detail =>
        "The label asks for more intensive monitoring in patients with a history of hypertensive encephalopathy, and for immediate emergency care if its symptoms appear (sudden severe headache, visual disturbance, seizures, reduced consciousness, focal deficits).";
}
