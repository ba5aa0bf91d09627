using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-003: Blood pressure at or above 180/110 before treatment: defer today's session and treat the blood pressure. (P-SAFETY-REMS, SPRAVATO-PI-US)</summary>
public sealed class BloodPressureDefersSession : Rule
{
    public override string Id => "CV-003";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Today's pre-treatment blood pressure is at or above 180 mmHg systolic or 110 mmHg diastolic (clinic policy).";

    /// <summary>The reading that defers the session; from 1.4.0 CV-002 does not fire on it (docs/clinical-review.md, section 11).</summary>
    public static Condition DefersToday { get; } = Any(AtLeast(Fields.SystolicBp, 180), AtLeast(Fields.DiastolicBp, 110));

    public override Condition Condition => DefersToday;

    public override string Summary => "Blood pressure at or above 180/110 before treatment: defer today's session and treat the blood pressure.";

    public override string Detail =>
        "Ketamine and esketamine raise blood pressure, with a peak about 40 minutes after the dose. The label leaves the decision to delay above 140/90 to the clinician (CV-002); at or above 180/110 this clinic policy defers the session. The 180/110 threshold is a clinic-policy choice, not a number from the label (to verify with the clinic, docs/rules.md); a different threshold is a new rule-set version, so every decision stays replayable.";
}
