using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>EU-001: EU: start an SSRI or SNRI to be given alongside esketamine for TRD. (P-TRD-PROCEDURE, SPRAVATO-SMPC-EU) From 1.3.0 a high caution (it was a high requirement): with the label's combination not met the result never reads plainly eligible, as with another class (EU-002) or a class not recorded (EU-003).</summary>
public class EuTrdNeedsSsriOrSnriCallsForCaution : EuTrdNeedsSsriOrSnri
{
    public override FindingKind Kind => FindingKind.Caution;
}
