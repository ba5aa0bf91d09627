using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Scores;

/// <summary>
/// SCR-001 from 1.5.0: the cut-off is the source's; the possible reasons for a low score are now marked as the app's
/// suggestion (C4). (PHQ-9; docs/clinical-review.md, section 13)
/// </summary>
public sealed class Phq9BelowDepressionCutoffCheckSuggested : Rule
{
    public override string Id => "SCR-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Sources { get; } = [Citations.Phq9];

    public override string ConditionText => "A current depressive episode is recorded but the PHQ-9 total is below 10.";

    public override Condition Condition { get; } = All(True(Fields.CurrentDepressiveEpisode), Below(Fields.Phq9Total, Phq9Cutoff.Depression));

    public override string Summary => "PHQ-9 total is below 10 although a current depressive episode is recorded: check severity against the diagnosis.";

    public override string Detail =>
        "A PHQ-9 total of 10 or more is the usual cutoff for major depression. For a lower score in a patient recorded as currently depressed, this app suggests considering a partial response, under-reporting or a diagnosis that needs updating.";
}
