using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>
/// REMS-001 from 1.5.0: the setting requirements are stated as the US REMS's, which this clinic applies in every
/// jurisdiction as the safer reading; the EU label's own setting requirements are named beside them (C1). Its indication
/// counts recent suicidal behaviour as SUI-001 does (C2). (P-SAFETY-REMS, SPRAVATO-REMS, SPRAVATO-SMPC-EU;
/// docs/clinical-review.md, section 13)
/// </summary>
public sealed class CertifiedSettingUsRemsAppliedEverywhere : Rule
{
    public override string Id => "REMS-001";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoRems, Citations.SpravatoSmpcEu];

    public override string ConditionText => "An esketamine pathway applies (TRD, or acute suicidal ideation or recent suicidal behaviour).";

    public override Condition Condition { get; } = Indications.AnyEsketamineWithRecentBehaviour;

    public override string Summary => "Esketamine only in a setting that meets the US REMS: certified, a prescriber on site, the patient enrolled; this clinic applies it in every jurisdiction.";

    public override string Detail =>
        "In the US esketamine is available only through the FDA's REMS: the setting is certified and has a prescriber and a pulse oximeter on site, and an outpatient setting enrols the patient before the first session and reports each session. The fact base records no REMS for the EU; there the Summary of Product Characteristics leaves the decision to prescribe to a psychiatrist and asks for resuscitation equipment and trained staff for patients with clinically significant or unstable cardiovascular or respiratory conditions. This clinic applies the REMS setting requirements in every jurisdiction as the safer reading: outside the US they are the clinic's own standard, not a requirement of the local label.";
}
