using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>
/// REMS-004 from 1.5.0: "never taken home" is stated as a US REMS requirement and the source document's principle, which
/// this clinic applies in every jurisdiction as the safer reading (C1). Its indication counts recent suicidal behaviour as
/// SUI-001 does (C2). (P-SAFETY-REMS, SPRAVATO-REMS; docs/clinical-review.md, section 13)
/// </summary>
public sealed class NeverTakenHomeUsRemsAppliedEverywhere : Rule
{
    public override string Id => "REMS-004";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoRems];

    public override string ConditionText => "An esketamine pathway applies (TRD, or acute suicidal ideation or recent suicidal behaviour).";

    public override Condition Condition { get; } = Indications.AnyEsketamineWithRecentBehaviour;

    public override string Summary => "Esketamine is never dispensed for home use: every dose is self-administered under direct observation (US REMS; this clinic applies it in every jurisdiction).";

    public override string Detail =>
        "Under the US REMS the nasal spray is never given to the patient to take home, and the source document also says it is not a take-home medicine: the patient uses it in the treatment setting under the direct observation of a healthcare professional. The fact base records no EU rule on this; this clinic applies it in every jurisdiction as the safer reading.";
}
