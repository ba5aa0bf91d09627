using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Trd;

/// <summary>
/// TRD-007 (from 1.15.0): the primary diagnosis is recorded as "other", with a current depressive episode and two or more
/// failed trials. The TRD pathways are for major depressive disorder (TRD-001), so none opened and the screening read "not
/// indicated" with no finding at all: nothing said that the diagnosis answer, not the history, closed them. INV-002 says
/// so for PTSD or OCD since 1.10.0 (QA148 F10); this is the same for another diagnosis. Information only: no verdict or
/// pathway status changes. (P-TRD-DEFINITION, SPRAVATO-PI-US; docs/clinical-review.md, section 25)
/// </summary>
public sealed class OtherDiagnosisWithTrdHistory : Rule
{
    public override string Id => "TRD-007";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdDefinition];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "The primary diagnosis is recorded as other, with a current depressive episode and two or more failed adequate antidepressant trials in it.";

    public override Condition Condition { get; } = All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Other), True(Fields.CurrentDepressiveEpisode), AtLeast(Fields.FailedAdequateTrials, 2));

    public override string Summary => "Primary diagnosis recorded as other, with a current depressive episode and two or more failed trials: the TRD pathways need major depressive disorder as the primary diagnosis.";

    public override string Detail =>
        "Esketamine's TRD indication and the off-label TRD pathway are for major depressive disorder, and this screening reads one primary diagnosis: recorded as another diagnosis, no TRD pathway opens, whatever the trials. If the episode is part of major depressive disorder, screen again with it as the primary diagnosis to see the TRD pathways.";
}
