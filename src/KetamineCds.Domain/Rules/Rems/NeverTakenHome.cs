using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>REMS-004: Esketamine is never dispensed for home use: every dose is self-administered under direct observation. (P-SAFETY-REMS, SPRAVATO-REMS)</summary>
public sealed class NeverTakenHome : Rule
{
    public override string Id => "REMS-004";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoRems];

    public override string ConditionText => "An esketamine pathway applies (TRD or acute suicidal ideation).";

    public override Condition Condition { get; } = Indications.AnyEsketamine;

    public override string Summary => "Esketamine is never dispensed for home use: every dose is self-administered under direct observation.";

    public override string Detail =>
        "Under the REMS the nasal spray is never given to the patient to take home; the patient uses it in the certified setting under the direct observation of a healthcare professional.";
}
