using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// A released rule with new words (<see cref="Rule.Reworded"/>): its summary, detail or condition in words as given, and
/// everything else its original's (id, kind, severity, principles, sources, condition, the pathways it concerns, the inputs
/// a finding names as its cause, and its topic). A rewording that changes no text is refused as a mistake. Or, from rule
/// set 1.14.0, a released rule with a new condition and its words (<see cref="Rule.Restated"/>): the inputs its finding
/// names are then the new condition's, and everything else is still the original's. Or, from rule set 1.22.0, a released
/// rule with a condition that fires exactly when its own does and is explained otherwise, its words unchanged
/// (<see cref="Rule.Reexplained"/>).
/// </summary>
public sealed class RewordedRule : Rule
{
    private readonly Condition? _condition;

    internal RewordedRule(Rule original, string? summary, string? detail, string? conditionText, Condition? condition = null)
    {
        if (((summary ?? detail ?? conditionText) is null && condition is null) || summary == original.Summary || detail == original.Detail || conditionText == original.ConditionText)
        {
            throw new ArgumentException($"Rewording {original.Id} must give a text, and every text it gives must differ from the rule's own.");
        }

        if (condition is not null && condition.Canonical == original.Condition.Canonical)
        {
            throw new ArgumentException($"Restating {original.Id} must give a condition that differs from the rule's own.");
        }

        Original = original is RewordedRule reworded ? reworded.Original : original;
        _condition = condition ?? (original as RewordedRule)?._condition;
        Summary = summary ?? original.Summary;
        Detail = detail ?? original.Detail;
        ConditionText = conditionText ?? original.ConditionText;
    }

    /// <summary>The rule class this rewords, whose definition it keeps but for the texts (the first one, if reworded again).</summary>
    public Rule Original { get; }

    public override Rule AsDefined => Original;

    public override string Id => Original.Id;

    public override FindingKind Kind => Original.Kind;

    public override Severity Severity => Original.Severity;

    public override IReadOnlyList<string> Principles => Original.Principles;

    public override IReadOnlyList<string> Sources => Original.Sources;

    public override string ConditionText { get; }

    public override Condition Condition => _condition ?? Original.Condition;

    public override string Summary { get; }

    public override IReadOnlyList<Pathway>? Concerns => Original.Concerns;

    public override string Detail { get; }

    public override string Topic => Original.Topic;

    internal override void Explain(EvaluationScope scope, List<Evidence> because)
    {
        if (_condition is null)
        {
            Original.Explain(scope, because);
        }
        else
        {
            _condition.Explain(scope, because);
        }
    }
}
