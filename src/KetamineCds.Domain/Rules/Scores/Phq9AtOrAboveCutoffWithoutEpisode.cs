using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Scores;

/// <summary>
/// SCR-002 from 1.6.0, SCR-001's mirror: the PHQ-9 total is at or above SCR-001's cut-off although no current depressive
/// episode is recorded: check the episode answer against the score, a consistency check like SCR-001 (QA13 L5). (PHQ-9)
/// </summary>
public sealed class Phq9AtOrAboveCutoffWithoutEpisode : Rule
{
    public override string Id => "SCR-002";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Sources { get; } = [Citations.Phq9];

    public override string ConditionText => "No current depressive episode is recorded but the PHQ-9 total is 10 or more.";

    public override Condition Condition { get; } = All(False(Fields.CurrentDepressiveEpisode), AtLeast(Fields.Phq9Total, Phq9Cutoff.Depression));

    public override string Summary => "PHQ-9 total is 10 or more although no current depressive episode is recorded: check the episode answer against the PHQ-9 total.";

    public override string Detail =>
        "A PHQ-9 total of 10 or more is the usual cutoff for major depression. The episode answer and the score recorded here do not agree; this app suggests checking both, because every depression pathway in this app needs a current episode recorded.";
}
