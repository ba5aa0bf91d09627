using System.Text;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// One clinical rule: a stable id, a kind and severity, the principles and sources it cites, its condition in plain
/// words and as data, and what it tells the clinician when it fires. Rules are pure: no I/O, no clock.
/// A contraindication blocks every pathway now; a caution marks every open pathway "with cautions", or only those it
/// <see cref="Concerns"/> (from rule set 1.7.0); requirements and information never change a status.
/// </summary>
public abstract class Rule
{
    // Read once: each rule is its own class, so reading its properties at every screening is a call the processor mispredicts.
    private Condition? _condition;
    private Finding? _finding;

    /// <summary>Stable id, e.g. <c>PSY-001</c>; never reused for a different meaning.</summary>
    public abstract string Id { get; }

    public abstract FindingKind Kind { get; }

    public abstract Severity Severity { get; }

    /// <summary>Principle ids from <c>principles.md</c>.</summary>
    public virtual IReadOnlyList<string> Principles => [];

    /// <summary>Source keys from <c>label-and-literature.md</c>.</summary>
    public virtual IReadOnlyList<string> Sources => [];

    /// <summary>The condition in plain words, as <c>docs/rules.md</c> and the rule catalogue page show it.</summary>
    public abstract string ConditionText { get; }

    /// <summary>The condition as data: evaluated, explained and hashed.</summary>
    public abstract Condition Condition { get; }

    public abstract string Summary { get; }

    /// <summary>
    /// For a caution that belongs to one indication (a label's condition for esketamine for TRD), the pathways it marks
    /// "with cautions"; null, as for every rule before 1.7.0, for a caution that marks every open pathway.
    /// </summary>
    public virtual IReadOnlyList<Pathway>? Concerns => null;

    public abstract string Detail { get; }

    /// <summary>The clinical topic, from the rule's folder (Bipolar, Psychosis, Vascular ...); a reworded rule's is its original's.</summary>
    public virtual string Topic => GetType().Namespace is { } ns ? ns[(ns.LastIndexOf('.') + 1)..] : "Rules";

    /// <summary>The rule as its class defines it: itself, or for a rule reworded or restated, its original.</summary>
    public virtual Rule AsDefined => this;

    /// <summary>
    /// This rule with new words and nothing else changed: for a release that only rewords a rule, so that it declares the
    /// new texts rather than a copy of the rule's class (<see cref="RewordedRule"/>). The texts not given stay this rule's.
    /// </summary>
    public RewordedRule Reworded(string? summary = null, string? detail = null, string? conditionText = null) =>
        new(this, summary, detail, conditionText);

    /// <summary>
    /// This rule with a new condition and its words, and nothing else changed: for a release that only widens or narrows
    /// when a rule fires (1.14.0), so that it declares the new condition rather than a copy of the rule's class.
    /// </summary>
    public RewordedRule Restated(Condition condition, string conditionText) =>
        new(this, null, null, conditionText, condition);

    /// <summary>
    /// This rule with a condition that holds exactly when its own does, explained otherwise, and nothing else changed, its
    /// words included: for a release that only changes the inputs a finding names as its cause (1.22.0: SUI-014 no longer
    /// names suicidal intent, not recorded, beside passive ideation, where the form never asks it). That the new condition
    /// fires where the old one does, and only there, is the release's to show (a property test comparing the versions).
    /// </summary>
    public RewordedRule Reexplained(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(this, null, null, null, condition);
    }

    /// <summary>The finding if the rule fires for this history, otherwise null.</summary>
    public Finding? Evaluate(PatientHistory history) => Evaluate(new EvaluationScope(history));

    /// <summary>The finding if the rule fires, within one screening.</summary>
    internal Finding? Evaluate(EvaluationScope scope)
    {
        if ((_condition ??= Condition).Evaluate(scope) != Truth.True)
        {
            return null;
        }

        var because = new List<Evidence>(4);
        Explain(scope, because);
        return (_finding ??= new(Id, Kind, Severity, Principles, Sources, Summary, Detail, [])) with { Because = because };
    }

    /// <summary>Adds the inputs that made the rule fire: by default, those that make its condition hold.</summary>
    internal virtual void Explain(EvaluationScope scope, List<Evidence> because) => (_condition ??= Condition).Explain(scope, because);

    /// <summary>Everything that defines the rule, as one canonical line for the rule set's digest.</summary>
    public string CanonicalDefinition()
    {
        var sb = new StringBuilder();
        sb.Append("id=").Append(Id)
            .Append("|kind=").Append(WireNames.Of(Kind))
            .Append("|severity=").Append(WireNames.Of(Severity))
            .Append("|principles=").AppendJoin(',', Principles)
            .Append("|sources=").AppendJoin(',', Sources)
            .Append("|when=").Append(Condition.Canonical)
            .Append("|condition=").Append(ConditionText)
            .Append("|summary=").Append(Summary)
            .Append("|detail=").Append(Detail);
        if (Concerns is { } concerns)
        {
            // Only where declared, so that every earlier rule's line, and every released digest, stays as it was.
            sb.Append("|concerns=").AppendJoin(',', concerns.Select(p => WireNames.Of(p)));
        }

        return sb.ToString();
    }
}
