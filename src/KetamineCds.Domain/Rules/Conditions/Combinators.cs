using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>Every part holds: false if any part is false, true if all are true, otherwise unknown.</summary>
internal sealed class AllOf(Condition[] parts) : Condition(parts)
{
    public override string Canonical { get; } = "all(" + string.Join(", ", parts.Select(p => p.Canonical)) + ")";

    internal override Truth Evaluate(EvaluationScope scope)
    {
        var result = Truth.True;
        foreach (var part in Parts)
        {
            switch (part.Evaluate(scope))
            {
                case Truth.False: return Truth.False;
                case Truth.Unknown: result = Truth.Unknown; break;
            }
        }

        return result;
    }
}

/// <summary>Some part holds: true if any part is true, false if all are false, otherwise unknown.</summary>
internal sealed class AnyOf(Condition[] parts) : Condition(parts)
{
    public override string Canonical { get; } = "any(" + string.Join(", ", parts.Select(p => p.Canonical)) + ")";

    internal override Truth Evaluate(EvaluationScope scope)
    {
        var result = Truth.False;
        foreach (var part in Parts)
        {
            switch (part.Evaluate(scope))
            {
                case Truth.True: return Truth.True;
                case Truth.Unknown: result = Truth.Unknown; break;
            }
        }

        return result;
    }

    /// <summary>Explained by the parts that hold.</summary>
    internal override void Explain(EvaluationScope scope, List<Evidence> because)
    {
        foreach (var part in Parts)
        {
            if (part.Evaluate(scope) == Truth.True)
            {
                part.Explain(scope, because);
            }
        }
    }

    /// <summary>False only when every part is false: each part explains how it fails.</summary>
    internal override void ExplainFalse(EvaluationScope scope, List<Evidence> because)
    {
        foreach (var part in Parts)
        {
            part.ExplainFalse(scope, because);
        }
    }
}

/// <summary>
/// The inner condition does not hold; unknown stays unknown. A negation (<see cref="Criteria.Not"/>) explains itself with
/// every input the inner condition reads. From rule set 1.22.0 a condition can instead be ruled out
/// (<see cref="Criteria.RuledOut"/>): it answers the same, but explains itself with only the inputs that make the inner
/// condition false, so an input that did not decide it, such as a question the form does not ask of this history and so
/// not recorded, is not named (suicidal intent beside passive ideation, SUI-014; psychiatrist QA, helper 247 finding 4).
/// Its canonical text differs from a negation's, so a rule that uses it is a new definition.
/// </summary>
internal sealed class NotCondition(Condition inner, bool namesOnlyWhatRulesItOut = false) : Condition(inner)
{
    public override string Canonical { get; } = (namesOnlyWhatRulesItOut ? "ruledout" : "not") + inner.Canonical;

    internal override Truth Evaluate(EvaluationScope scope) => inner.Evaluate(scope) switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    internal override void Explain(EvaluationScope scope, List<Evidence> because)
    {
        if (namesOnlyWhatRulesItOut)
        {
            inner.ExplainFalse(scope, because);
        }
        else
        {
            inner.ExplainAll(scope, because);
        }
    }

    /// <summary>False when the inner condition holds: explained by what makes it hold.</summary>
    internal override void ExplainFalse(EvaluationScope scope, List<Evidence> because) => inner.Explain(scope, because);
}

/// <summary>
/// A condition shared by several rules (an indication), defined once and decided once per screening. Its canonical
/// text is the inner condition's, so sharing never changes a digest.
/// </summary>
internal sealed class Shared(Condition inner) : Condition(inner)
{
    private readonly int _slot = EvaluationScope.NewSlot();

    public override string Canonical => inner.Canonical;

    internal override Truth Evaluate(EvaluationScope scope) => scope.Decide(_slot, inner);
}

/// <summary>
/// True exactly when the inner condition is unknown: it might hold, and what would decide it is not recorded.
/// Explains itself with those unrecorded inputs. This is how a pathway waits for a safety item (contract 1.1).
/// </summary>
internal sealed class Undetermined(Condition inner) : Condition(inner)
{
    public override string Canonical { get; } = "undetermined" + inner.Canonical;

    internal override Truth Evaluate(EvaluationScope scope) => inner.Evaluate(scope) == Truth.Unknown ? Truth.True : Truth.False;

    internal override void Explain(EvaluationScope scope, List<Evidence> because) => inner.ExplainUnknown(scope, because);

    /// <summary>False when the inner condition is decided: explained by what decides it.</summary>
    internal override void ExplainFalse(EvaluationScope scope, List<Evidence> because)
    {
        if (inner.Evaluate(scope) == Truth.True)
        {
            inner.Explain(scope, because);
        }
        else
        {
            inner.ExplainFalse(scope, because);
        }
    }
}

/// <summary>
/// None of the parts certainly holds: true unless some part is true (an unknown part does not count). Explains nothing:
/// it only keeps a rule quiet where something recorded already decides.
/// </summary>
internal sealed class NoneHolds(Condition[] parts) : Condition(parts)
{
    public override string Canonical { get; } = "noneholds(" + string.Join(", ", parts.Select(p => p.Canonical)) + ")";

    internal override Truth Evaluate(EvaluationScope scope)
    {
        foreach (var part in Parts)
        {
            if (part.Evaluate(scope) == Truth.True)
            {
                return Truth.False;
            }
        }

        return Truth.True;
    }

    internal override void Explain(EvaluationScope scope, List<Evidence> because)
    {
    }

    internal override void ExplainAll(EvaluationScope scope, List<Evidence> because)
    {
    }

    internal override void ExplainUnknown(EvaluationScope scope, List<Evidence> because)
    {
    }

    internal override void ExplainFalse(EvaluationScope scope, List<Evidence> because)
    {
    }
}
