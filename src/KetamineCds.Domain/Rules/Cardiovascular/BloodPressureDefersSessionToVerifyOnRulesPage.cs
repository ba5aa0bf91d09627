using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-003: Blood pressure at or above 180/110 before treatment: defer today's session and treat the blood pressure. (P-SAFETY-REMS, SPRAVATO-PI-US) From 1.11.0 its detail points to "To verify" on the Rules page, not to a repository file (QA137 F5); nothing else changes.</summary>
public sealed class BloodPressureDefersSessionToVerifyOnRulesPage : Rule
{
    public override string Id => "CV-003";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Today's pre-treatment blood pressure is at or above 180 mmHg systolic or 110 mmHg diastolic (clinic policy).";

    /// <summary>The same reading as 1.1.0 to 1.10.0's CV-003, which CV-002 stops at (<see cref="BloodPressureDefersSession.DefersToday"/>).</summary>
    public override Condition Condition => BloodPressureDefersSession.DefersToday;

    public override string Summary => "Blood pressure at or above 180/110 before treatment: defer today's session and treat the blood pressure.";

    public override string Detail =>
        "Ketamine and esketamine raise blood pressure, with a peak about 40 minutes after the dose. The label leaves the decision to delay above 140/90 to the clinician (CV-002); at or above 180/110 this clinic policy defers the session. The 180/110 threshold is a clinic-policy choice, not a number from the label (to verify with the clinic: see To verify on the Rules page); a different threshold is a new rule-set version, so every decision stays replayable.";
}
