using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.OffLabel;

/// <summary>KET-001: Off-label intravenous racemic ketamine for TRD is described in expert consensus statements: a supervised procedure under the clinic's own protocol. (P-TRD-PROCEDURE, APA-KETAMINE-2017, MCINTYRE-2021)</summary>
public sealed class OffLabelKetamineProcedure : Rule
{
    public override string Id => "KET-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure];

    public override IReadOnlyList<string> Sources { get; } = [Citations.ApaKetamine2017, Citations.McIntyre2021];

    public override string ConditionText => "Treatment-resistant depression as defined in TRD-001.";

    public override Condition Condition { get; } = Indications.TreatmentResistantDepression;

    public override string Summary => "Off-label intravenous racemic ketamine for TRD is described in expert consensus statements: a supervised procedure under the clinic's own protocol.";

    public override string Detail =>
        "Consensus statements give guidance for off-label IV ketamine in TRD while stressing small trials and the lack of long-term efficacy and safety data. Like esketamine it is a supervised procedure, not a prescription to take home; the clinic's protocol and informed consent apply.";
}
