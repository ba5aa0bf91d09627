using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>REMS-002: Monitor for at least 2 hours after each dose: blood pressure, sedation, dissociation and breathing with pulse oximetry. (P-SAFETY-REMS, SPRAVATO-PI-US, SPRAVATO-REMS, APA-KETAMINE-2017)</summary>
public class PostDoseMonitoringEveryPathway : Rule
{
    public override string Id => "REMS-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoRems, Citations.ApaKetamine2017];

    public override string ConditionText => "Any pathway is indicated.";

    public override Condition Condition { get; } = Indications.AnyIndication;

    public override string Summary => "Monitor for at least 2 hours after each dose: blood pressure, sedation, dissociation and breathing with pulse oximetry.";

    public override string Detail =>
        "Measure blood pressure before dosing and about 40 minutes after, then as needed until it settles; observe sedation and dissociation; monitor respiratory status with pulse oximetry; a clinician assesses stability before the patient leaves. The esketamine label and REMS require this; for racemic ketamine (off-label, bipolar adjunct, palliative) the consensus asks for the same vital-sign and mental-status monitoring, and the safer reading applies the full 2-hour observation there too. The source document names blood pressure, sedation and perceptual change; the current label adds respiratory depression and pulse oximetry (discrepancy D4).";
}
