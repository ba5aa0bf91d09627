using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Trd;

/// <summary>
/// TRD-005 (from 1.10.0): failed trials are recorded, counted in the current episode, but no current depressive episode is
/// recorded. Every depression pathway stays closed, as before; the disagreement was accepted in silence unless a PHQ-9 of
/// 10 or more made SCR-002 fire (QA148 F9). (P-TRD-DEFINITION, SPRAVATO-SMPC-EU; docs/clinical-review.md, section 18)
/// </summary>
public sealed class FailedTrialsWithoutCurrentEpisode : Rule
{
    public override string Id => "TRD-005";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdDefinition];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu];

    public override string ConditionText => "No current depressive episode is recorded, and one or more failed adequate antidepressant trials in the current episode are.";

    public override Condition Condition { get; } = All(False(Fields.CurrentDepressiveEpisode), AtLeast(Fields.FailedAdequateTrials, 1));

    public override string Summary => "Failed trials in the current episode are recorded, but no current depressive episode is: check both answers.";

    public override string Detail =>
        "The failed trials asked for are those of the current episode, as the TRD definitions count them. With no current episode recorded, every depression pathway in this app stays closed. If the patient is in an episode, correct the episode answer; if not, trials of an earlier episode do not count here.";
}
