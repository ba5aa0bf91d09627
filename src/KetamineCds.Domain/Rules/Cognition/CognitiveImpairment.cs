using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cognition;

/// <summary>COG-001: Cognitive impairment: cognitive performance may drop for some hours after each dose; record a baseline cognitive screen. (SPRAVATO-PI-US)</summary>
public sealed class CognitiveImpairment : Rule
{
    public override string Id => "COG-001";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Cognitive impairment is recorded.";

    public override Condition Condition { get; } = True(Fields.CognitiveImpairment);

    public override string Summary => "Cognitive impairment: cognitive performance may drop for some hours after each dose; record a baseline cognitive screen.";

    public override string Detail =>
        "The label describes a transient decline in cognitive performance after a single dose, and long-term cognitive impairment with frequent misuse of ketamine. With impairment at baseline, a cognitive screen before the course lets a decline be noticed, and the patient may need more help after each session.";
}
