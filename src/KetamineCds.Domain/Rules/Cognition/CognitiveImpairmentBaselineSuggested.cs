using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cognition;

/// <summary>
/// COG-001 from 1.5.0: the label's facts are stated as the fact base records them (a transient decline after a single dose,
/// "some hours" is gone), and the baseline screen and support after sessions are marked as the app's suggestions (C4).
/// (SPRAVATO-PI-US; docs/clinical-review.md, section 13)
/// </summary>
public sealed class CognitiveImpairmentBaselineSuggested : Rule
{
    public override string Id => "COG-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Cognitive impairment is recorded.";

    public override Condition Condition { get; } = True(Fields.CognitiveImpairment);

    public override string Summary => "Cognitive impairment: cognitive performance may drop for a time after a dose; consider a baseline cognitive screen.";

    public override string Detail =>
        "The label describes a transient decline in cognitive performance after a single dose in healthy volunteers, and long-term cognitive impairment with frequent misuse of ketamine. With impairment at baseline, this app suggests a cognitive screen before the course so that a decline can be noticed, and considering whether the patient needs extra support after each session.";
}
