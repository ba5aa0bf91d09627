using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>Every part holds: false if any part is false, true if all are true, otherwise unknown.</summary>
internal sealed class AllOf(Condition[] parts) : Condition
{
    public override string Canonical { get; } = "all(" + string.Join(", ", parts.Select(p => p.Canonical)) + ")";

    public override Truth Evaluate(PatientHistory history)
    {
        var result = Truth.True;
        foreach (var part in parts)
        {
            var truth = part.Evaluate(history);
            if (truth == Truth.False)
            {
                return Truth.False;
            }

            if (truth == Truth.Unknown)
            {
                result = Truth.Unknown;
            }
        }

        return result;
    }

    internal override void Explain(PatientHistory history, List<Evidence> because)
    {
        foreach (var part in parts)
        {
            part.Explain(history, because);
        }
    }

    internal override void ExplainAll(PatientHistory history, List<Evidence> because)
    {
        foreach (var part in parts)
        {
            part.ExplainAll(history, because);
        }
    }

    internal override void ExplainUnknown(PatientHistory history, List<Evidence> because)
    {
        foreach (var part in parts)
        {
            if (part.Evaluate(history) == Truth.Unknown)
            {
                part.ExplainUnknown(history, because);
            }
        }
    }

    internal override void CollectFields(List<FieldDefinition> fields)
    {
        foreach (var part in parts)
        {
            part.CollectFields(fields);
        }
    }
}

/// <summary>Some part holds: true if any part is true, false if all are false, otherwise unknown.</summary>
internal sealed class AnyOf(Condition[] parts) : Condition
{
    public override string Canonical { get; } = "any(" + string.Join(", ", parts.Select(p => p.Canonical)) + ")";

    public override Truth Evaluate(PatientHistory history)
    {
        var result = Truth.False;
        foreach (var part in parts)
        {
            var truth = part.Evaluate(history);
            if (truth == Truth.True)
            {
                return Truth.True;
            }

            if (truth == Truth.Unknown)
            {
                result = Truth.Unknown;
            }
        }

        return result;
    }

    internal override void Explain(PatientHistory history, List<Evidence> because)
    {
        foreach (var part in parts)
        {
            if (part.Evaluate(history) == Truth.True)
            {
                part.Explain(history, because);
            }
        }
    }

    internal override void ExplainAll(PatientHistory history, List<Evidence> because)
    {
        foreach (var part in parts)
        {
            part.ExplainAll(history, because);
        }
    }

    internal override void ExplainUnknown(PatientHistory history, List<Evidence> because)
    {
        foreach (var part in parts)
        {
            if (part.Evaluate(history) == Truth.Unknown)
            {
                part.ExplainUnknown(history, because);
            }
        }
    }

    internal override void CollectFields(List<FieldDefinition> fields)
    {
        foreach (var part in parts)
        {
            part.CollectFields(fields);
        }
    }
}

/// <summary>The inner condition does not hold; unknown stays unknown. Explains itself with every input it reads.</summary>
internal sealed class NotCondition(Condition inner) : Condition
{
    public override string Canonical { get; } = "not" + inner.Canonical;

    public override Truth Evaluate(PatientHistory history) => inner.Evaluate(history) switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    internal override void Explain(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void ExplainUnknown(PatientHistory history, List<Evidence> because) => inner.ExplainUnknown(history, because);

    internal override void CollectFields(List<FieldDefinition> fields) => inner.CollectFields(fields);
}

/// <summary>
/// A condition shared by several rules (an indication), defined once. Its canonical text is the inner condition's, so
/// sharing never changes a digest.
/// </summary>
internal sealed class Shared(Condition inner) : Condition
{
    public override string Canonical => inner.Canonical;

    public override Truth Evaluate(PatientHistory history) => inner.Evaluate(history);

    internal override void Explain(PatientHistory history, List<Evidence> because) => inner.Explain(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void ExplainUnknown(PatientHistory history, List<Evidence> because) => inner.ExplainUnknown(history, because);

    internal override void CollectFields(List<FieldDefinition> fields) => inner.CollectFields(fields);
}

/// <summary>
/// True exactly when the inner condition is unknown: it might hold, and what would decide it is not recorded.
/// Explains itself with those unrecorded inputs. This is how a pathway waits for a safety item (contract 1.1).
/// </summary>
internal sealed class Undetermined(Condition inner) : Condition
{
    public override string Canonical { get; } = "undetermined" + inner.Canonical;

    public override Truth Evaluate(PatientHistory history) => inner.Evaluate(history) == Truth.Unknown ? Truth.True : Truth.False;

    internal override void Explain(PatientHistory history, List<Evidence> because) => inner.ExplainUnknown(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void ExplainUnknown(PatientHistory history, List<Evidence> because) => inner.ExplainUnknown(history, because);

    internal override void CollectFields(List<FieldDefinition> fields) => inner.CollectFields(fields);
}
