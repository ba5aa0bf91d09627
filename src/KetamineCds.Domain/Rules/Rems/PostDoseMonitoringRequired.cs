using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>REMS-002: Monitor for at least 2 hours after each dose: blood pressure, sedation, dissociation and breathing with pulse oximetry. (P-SAFETY-REMS, SPRAVATO-PI-US, SPRAVATO-REMS)</summary>
public sealed class PostDoseMonitoringRequired : Rule
{
    public override string Id => "REMS-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoRems];

    public override string ConditionText => "An esketamine pathway applies (TRD or acute suicidal ideation).";

    public override Condition Condition { get; } = Indications.AnyEsketamine;

    public override string Summary => "Monitor for at least 2 hours after each dose: blood pressure, sedation, dissociation and breathing with pulse oximetry.";

    public override string Detail =>
        "Measure blood pressure before dosing and about 40 minutes after, then as needed until it settles; observe sedation and dissociation; monitor respiratory status with pulse oximetry; a clinician assesses stability before the patient leaves. The source document names blood pressure, sedation and perceptual change; the current label adds respiratory depression and pulse oximetry (discrepancy D4), and the fuller list is used here.";
}
