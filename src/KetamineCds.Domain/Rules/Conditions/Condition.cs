using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// A rule's condition as data. It answers three-valued (<see cref="Truth"/>): true, false, or unknown when the answer
/// turns on a field that is not recorded (Kleene's logic: <c>all</c> is false if any part is false, <c>any</c> is true
/// if any part is true). It explains itself either way: the inputs that made it hold (a finding's <c>because</c>),
/// or the unrecorded inputs it waits for. Its canonical text goes into the rule set's digest.
/// </summary>
public abstract class Condition(params Condition[] parts)
{
    /// <summary>The conditions this one is made of (none for a test of one field).</summary>
    private protected Condition[] Parts { get; } = parts;

    /// <summary>The condition's answer within one screening, where shared conditions are decided once.</summary>
    internal abstract Truth Evaluate(EvaluationScope scope);

    /// <summary>A canonical, unambiguous rendering, e.g. <c>(ageYears &lt; 18)</c>.</summary>
    public abstract string Canonical { get; }

    /// <summary>The fields the condition reads, each once, in tree order.</summary>
    public IReadOnlyList<FieldDefinition> FieldsRead()
    {
        var fields = new List<FieldDefinition>();
        CollectFields(fields);
        return fields;
    }

    /// <summary>
    /// The fields the condition tests for being not recorded (<c>Criteria.NotRecorded</c>, a test that
    /// holds exactly when the field is not recorded), each once, in tree order, wherever the test stands (under a negation
    /// too). Never a test that also holds for a recorded value (<see cref="Criteria.NotTrue"/>,
    /// <see cref="Criteria.BelowOrNotRecorded"/>). The structure, not the canonical text: what the text
    /// <c>(field is not recorded)</c> in <see cref="Canonical"/> says.
    /// </summary>
    public IReadOnlyList<FieldDefinition> FieldsTestedNotRecorded()
    {
        var fields = new List<FieldDefinition>();
        CollectNotRecordedTests(fields);
        return fields;
    }

    /// <summary>Adds the inputs that make this (true) condition hold; by default, what every part explains.</summary>
    internal virtual void Explain(EvaluationScope scope, List<Evidence> because)
    {
        foreach (var part in Parts)
        {
            part.Explain(scope, because);
        }
    }

    /// <summary>Adds every input this condition reads, with its value (how a negation explains itself).</summary>
    internal virtual void ExplainAll(EvaluationScope scope, List<Evidence> because)
    {
        foreach (var part in Parts)
        {
            part.ExplainAll(scope, because);
        }
    }

    /// <summary>Adds the unrecorded inputs that leave this (unknown) condition undecided: those of its unknown parts.</summary>
    internal virtual void ExplainUnknown(EvaluationScope scope, List<Evidence> because)
    {
        foreach (var part in Parts)
        {
            if (part.Evaluate(scope) == Truth.Unknown)
            {
                part.ExplainUnknown(scope, because);
            }
        }
    }

    /// <summary>
    /// Adds the inputs that make this (false) condition fail, and no other: by default, what its false parts explain so
    /// (an <c>all</c> fails by any false part; an unknown part did not decide it and is not named). Read only by
    /// <see cref="Criteria.RuledOut"/> (rule set 1.22.0), so that no earlier rule's explanation changes.
    /// </summary>
    internal virtual void ExplainFalse(EvaluationScope scope, List<Evidence> because)
    {
        foreach (var part in Parts)
        {
            if (part.Evaluate(scope) == Truth.False)
            {
                part.ExplainFalse(scope, because);
            }
        }
    }

    internal virtual void CollectFields(List<FieldDefinition> fields)
    {
        foreach (var part in Parts)
        {
            part.CollectFields(fields);
        }
    }

    internal virtual void CollectNotRecordedTests(List<FieldDefinition> fields)
    {
        foreach (var part in Parts)
        {
            part.CollectNotRecordedTests(fields);
        }
    }

    public override string ToString() => Canonical;

    /// <summary>Adds the field's evidence unless the list already names the field.</summary>
    private protected static void AddOnce(List<Evidence> because, FieldDefinition field, PatientHistory history)
    {
        foreach (var item in because)
        {
            if (string.Equals(item.Field, field.Name, StringComparison.Ordinal))
            {
                return;
            }
        }

        because.Add(field.EvidenceOf(history));
    }
}
