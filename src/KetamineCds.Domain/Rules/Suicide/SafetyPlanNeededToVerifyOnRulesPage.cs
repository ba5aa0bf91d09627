using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-003: Put a written safety plan in place with the patient. (P-SAFETY-REMS) From 1.11.0 its detail points to "To verify" on the Rules page, not to a repository file (QA137 F5); nothing else changes.</summary>
public sealed class SafetyPlanNeededToVerifyOnRulesPage : Rule
{
    public override string Id => "SUI-003";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override string ConditionText => "Any suicidality is recorded and a safety plan is not recorded as in place.";

    public override Condition Condition { get; } = All(Indications.AnySuicidality, NotTrue(Fields.SafetyPlanInPlace));

    public override string Summary => "Put a written safety plan in place with the patient.";

    public override string Detail =>
        "For a patient with suicidal thoughts the source document pairs treatment with a safety plan, restriction of lethal means and immediate follow-up. A safety plan is standard suicide-care practice (its specific source is not yet confirmed: see To verify on the Rules page).";
}
