using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Investigational;

/// <summary>
/// INV-002 (from 1.10.0): the primary diagnosis is PTSD or OCD, with a current depressive episode and two or more failed
/// trials. The screening reads one primary diagnosis, so only the investigational use was shown, and nothing said that the
/// TRD pathways were closed by the diagnosis answer rather than the history (QA148 F10; candidate rule R40(a) limits
/// "investigational only" to PTSD or OCD without a qualifying MDD). (P-PTSD, P-OCD, P-TRD-DEFINITION, SPRAVATO-PI-US;
/// docs/clinical-review.md, section 18)
/// </summary>
public sealed class PtsdOrOcdWithTrdHistory : Rule
{
    public override string Id => "INV-002";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Ptsd, Citations.Ocd, Citations.TrdDefinition];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "The primary diagnosis is PTSD or OCD, with a current depressive episode and two or more failed adequate antidepressant trials in it.";

    public override Condition Condition { get; } = All(Indications.PtsdOrOcd, True(Fields.CurrentDepressiveEpisode), AtLeast(Fields.FailedAdequateTrials, 2));

    public override string Summary => "PTSD or OCD with a current depressive episode and two or more failed trials: the TRD pathways need major depressive disorder as the primary diagnosis.";

    public override string Detail =>
        "Esketamine's TRD indication and the off-label TRD pathway are for major depressive disorder, and this screening reads one primary diagnosis: with PTSD or OCD it shows only the investigational use. If major depressive disorder is also diagnosed, screen again with it as the primary diagnosis to see the TRD pathways; the PTSD or OCD stays part of the clinical picture.";
}
