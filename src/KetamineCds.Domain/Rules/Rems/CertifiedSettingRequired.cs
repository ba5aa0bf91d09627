using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>REMS-001: Esketamine only in a REMS-certified setting, with a prescriber on site and the patient enrolled. (P-SAFETY-REMS, SPRAVATO-REMS)</summary>
public sealed class CertifiedSettingRequired : Rule
{
    public override string Id => "REMS-001";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoRems];

    public override string ConditionText => "An esketamine pathway applies (TRD or acute suicidal ideation).";

    public override Condition Condition { get; } = Indications.AnyEsketamine;

    public override string Summary => "Esketamine only in a REMS-certified setting, with a prescriber on site and the patient enrolled.";

    public override string Detail =>
        "Esketamine is available only through the REMS: the setting must be certified, have a prescriber and a pulse oximeter on site, and outpatient settings enrol the patient before the first session and report each session.";
}
