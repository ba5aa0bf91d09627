using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.OffLabel;

/// <summary>KET-001: Off-label intravenous racemic ketamine for TRD is described in expert consensus statements. (P-TRD-MECHANISM, APA-KETAMINE-2017, MCINTYRE-2021)</summary>
public sealed class OffLabelKetamineForTrd : Rule
{
    public override string Id => "KET-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdMechanism];

    public override IReadOnlyList<string> Sources { get; } = [Citations.ApaKetamine2017, Citations.McIntyre2021];

    public override string ConditionText => "Treatment-resistant depression as defined in TRD-001.";

    public override Condition Condition { get; } = Indications.TreatmentResistantDepression;

    public override string Summary => "Off-label intravenous racemic ketamine for TRD is described in expert consensus statements.";

    public override string Detail =>
        "Consensus statements give guidance for off-label IV ketamine in TRD while stressing small trials and the lack of long-term efficacy and safety data. This pathway is off-label everywhere; the clinic's own protocol and informed consent apply.";
}
