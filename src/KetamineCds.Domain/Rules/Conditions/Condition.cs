using System.Globalization;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// A rule's condition as data: it can be evaluated, it names the inputs that made it hold (a finding's
/// <c>because</c>), and it has a canonical text form that goes into the rule set's digest, so that any change to
/// a condition changes the digest.
/// </summary>
/// <remarks>
/// Two evaluations share this tree. <see cref="IsMet(PatientHistory)"/> and <see cref="Explain(PatientHistory, List{Evidence})"/>
/// are the definition: straightforward, used by <see cref="Rule.Evaluate(PatientHistory)"/> and by the tests as the
/// reference. The engine's compiled plan (<see cref="RulePlan"/>) instead asks each node how it combines its leaves
/// (<see cref="IsMet(LeafValues)"/>, <see cref="Explain(LeafValues, List{IEncodedField})"/>), once per combination of
/// leaf answers when the rule set is built, and then answers a screening from tables.
/// </remarks>
public abstract class Condition
{
    /// <summary>True when the condition holds for the history.</summary>
    public abstract bool IsMet(PatientHistory history);

    /// <summary>A canonical, unambiguous rendering, e.g. <c>(ageYears &lt; 18)</c>.</summary>
    public abstract string Canonical { get; }

    /// <summary>Adds the inputs that make this (met) condition hold.</summary>
    internal abstract void Explain(PatientHistory history, List<Evidence> because);

    /// <summary>Adds every input this condition reads, with its value (used for negations).</summary>
    internal abstract void ExplainAll(PatientHistory history, List<Evidence> because);

    /// <summary>Adds each distinct leaf, in tree order (for the compiled plan).</summary>
    internal abstract void CollectLeaves(List<LeafCondition> leaves);

    /// <summary><see cref="IsMet(PatientHistory)"/> given each leaf's answer.</summary>
    internal abstract bool IsMet(LeafValues leaves);

    /// <summary>
    /// The fields <see cref="Explain(PatientHistory, List{Evidence})"/> names, in the same order, given each leaf's
    /// answer: the field of every leaf it would explain, once each.
    /// </summary>
    internal abstract void Explain(LeafValues leaves, List<IEncodedField> because);

    /// <summary>The fields <see cref="ExplainAll(PatientHistory, List{Evidence})"/> names, in the same order.</summary>
    internal abstract void ExplainAll(List<IEncodedField> because);

    public override string ToString() => Canonical;
}

/// <summary>Each leaf's answer for one combination, as the compiled plan enumerates them.</summary>
internal sealed class LeafValues(IReadOnlyList<LeafCondition> leaves)
{
    /// <summary>The combination: bit i is the answer of leaf i.</summary>
    public int Bits { get; set; }

    public bool this[LeafCondition leaf] => (Bits & (1 << IndexOf(leaf))) != 0;

    private int IndexOf(LeafCondition leaf)
    {
        for (var i = 0; i < leaves.Count; i++)
        {
            if (leaves[i].SameTest(leaf))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Leaf {leaf.Canonical} was not collected.");
    }
}

/// <summary>A test of one field: the only place a condition reads the history.</summary>
internal abstract class LeafCondition : Condition
{
    /// <summary>The field the test reads.</summary>
    public abstract IEncodedField Field { get; }

    /// <summary>The test's answer for each code of the field, computed once; null where the field has no codes.</summary>
    public abstract bool[]? TruthByCode { get; }

    /// <summary>
    /// True when the other leaf is the same test of the same field: the same canonical text (which names the field
    /// and the test) and the same answer for every code. Such leaves answer alike for every history.
    /// </summary>
    public bool SameTest(LeafCondition other) =>
        ReferenceEquals(this, other)
        || (ReferenceEquals(Field, other.Field)
            && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal)
            && (TruthByCode is null ? other.TruthByCode is null : other.TruthByCode is not null && TruthByCode.AsSpan().SequenceEqual(other.TruthByCode)));

    internal override void Explain(PatientHistory history, List<Evidence> because) => ExplainAll(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because)
    {
        var name = Field.Name;
        for (var i = 0; i < because.Count; i++)
        {
            if (string.Equals(because[i].Field, name, StringComparison.Ordinal))
            {
                return;
            }
        }

        because.Add(Field.EvidenceOf(history));
    }

    internal override void CollectLeaves(List<LeafCondition> leaves)
    {
        foreach (var leaf in leaves)
        {
            if (leaf.SameTest(this))
            {
                return;
            }
        }

        leaves.Add(this);
    }

    internal override bool IsMet(LeafValues leaves) => leaves[this];

    internal override void Explain(LeafValues leaves, List<IEncodedField> because) => ExplainAll(because);

    internal override void ExplainAll(List<IEncodedField> because)
    {
        foreach (var field in because)
        {
            if (string.Equals(field.Name, Field.Name, StringComparison.Ordinal))
            {
                return;
            }
        }

        because.Add(Field);
    }
}

internal sealed class Leaf<T> : LeafCondition
{
    private readonly Field<T> _field;
    private readonly Func<T, bool> _test;
    private readonly bool[]? _truth;

    public Leaf(Field<T> field, string test, Func<T, bool> predicate)
    {
        _field = field;
        _test = predicate;
        if (field.Codec is { } codec)
        {
            _truth = new bool[codec.Size];
            for (var code = 0; code < codec.Size; code++)
            {
                _truth[code] = predicate(codec.Decode(code));
            }
        }

        Canonical = "(" + field.Name + " " + test + ")";
    }

    public override string Canonical { get; }

    public override IEncodedField Field => _field;

    public override bool[]? TruthByCode => _truth;

    public override bool IsMet(PatientHistory history) => _test(_field.Of(history));
}

internal sealed class AllOf(Condition[] parts) : Condition
{
    public override string Canonical { get; } = "all(" + string.Join(", ", parts.Select(p => p.Canonical)) + ")";

    public override bool IsMet(PatientHistory history)
    {
        foreach (var part in parts)
        {
            if (!part.IsMet(history))
            {
                return false;
            }
        }

        return true;
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

    internal override void CollectLeaves(List<LeafCondition> leaves)
    {
        foreach (var part in parts)
        {
            part.CollectLeaves(leaves);
        }
    }

    internal override bool IsMet(LeafValues leaves)
    {
        foreach (var part in parts)
        {
            if (!part.IsMet(leaves))
            {
                return false;
            }
        }

        return true;
    }

    internal override void Explain(LeafValues leaves, List<IEncodedField> because)
    {
        foreach (var part in parts)
        {
            part.Explain(leaves, because);
        }
    }

    internal override void ExplainAll(List<IEncodedField> because)
    {
        foreach (var part in parts)
        {
            part.ExplainAll(because);
        }
    }
}

internal sealed class AnyOf(Condition[] parts) : Condition
{
    public override string Canonical { get; } = "any(" + string.Join(", ", parts.Select(p => p.Canonical)) + ")";

    public override bool IsMet(PatientHistory history)
    {
        foreach (var part in parts)
        {
            if (part.IsMet(history))
            {
                return true;
            }
        }

        return false;
    }

    internal override void Explain(PatientHistory history, List<Evidence> because)
    {
        foreach (var part in parts)
        {
            if (part.IsMet(history))
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

    internal override void CollectLeaves(List<LeafCondition> leaves)
    {
        foreach (var part in parts)
        {
            part.CollectLeaves(leaves);
        }
    }

    internal override bool IsMet(LeafValues leaves)
    {
        foreach (var part in parts)
        {
            if (part.IsMet(leaves))
            {
                return true;
            }
        }

        return false;
    }

    internal override void Explain(LeafValues leaves, List<IEncodedField> because)
    {
        foreach (var part in parts)
        {
            if (part.IsMet(leaves))
            {
                part.Explain(leaves, because);
            }
        }
    }

    internal override void ExplainAll(List<IEncodedField> because)
    {
        foreach (var part in parts)
        {
            part.ExplainAll(because);
        }
    }
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public override string Canonical { get; } = "not" + inner.Canonical;

    public override bool IsMet(PatientHistory history) => !inner.IsMet(history);

    internal override void Explain(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void CollectLeaves(List<LeafCondition> leaves) => inner.CollectLeaves(leaves);

    internal override bool IsMet(LeafValues leaves) => !inner.IsMet(leaves);

    internal override void Explain(LeafValues leaves, List<IEncodedField> because) => inner.ExplainAll(because);

    internal override void ExplainAll(List<IEncodedField> because) => inner.ExplainAll(because);
}

/// <summary>
/// A condition shared by several rules (an indication), defined once. Its canonical text is the inner condition's, so
/// sharing never changes a digest.
/// </summary>
internal sealed class Shared(Condition inner) : Condition
{
    public override string Canonical => inner.Canonical;

    public override bool IsMet(PatientHistory history) => inner.IsMet(history);

    internal override void Explain(PatientHistory history, List<Evidence> because) => inner.Explain(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void CollectLeaves(List<LeafCondition> leaves) => inner.CollectLeaves(leaves);

    internal override bool IsMet(LeafValues leaves) => inner.IsMet(leaves);

    internal override void Explain(LeafValues leaves, List<IEncodedField> because) => inner.Explain(leaves, because);

    internal override void ExplainAll(List<IEncodedField> because) => inner.ExplainAll(because);
}

/// <summary>Builds conditions. "Not recorded" (null) never satisfies a comparison or a <c>True</c> test.</summary>
public static class Criteria
{
    /// <summary>The field holds exactly this value.</summary>
    public static Condition Is<T>(Field<T> field, T value) =>
        new Leaf<T>(field, "= " + WireNames.Display(value), v => EqualityComparer<T>.Default.Equals(v, value));

    /// <summary>The field holds one of these values.</summary>
    public static Condition In<T>(Field<T> field, params T[] values) =>
        new Leaf<T>(field, "in [" + string.Join(", ", values.Select(v => WireNames.Display(v))) + "]",
            v => Array.IndexOf(values, v) >= 0);

    /// <summary>The field is recorded as true.</summary>
    public static Condition True(Field<bool?> field) => new Leaf<bool?>(field, "= true", v => v == true);

    /// <summary>The field is true (a required boolean).</summary>
    public static Condition True(Field<bool> field) => new Leaf<bool>(field, "= true", v => v);

    /// <summary>The field is false (a required boolean).</summary>
    public static Condition False(Field<bool> field) => new Leaf<bool>(field, "= false", v => !v);

    /// <summary>The field is not recorded as true: false, or not recorded.</summary>
    public static Condition NotTrue(Field<bool?> field) => new Leaf<bool?>(field, "is not true", v => v != true);

    /// <summary>The field is not recorded.</summary>
    public static Condition NotRecorded<T>(Field<T?> field)
        where T : struct => new Leaf<T?>(field, "is not recorded", v => v is null);

    public static Condition AtLeast(Field<int> field, int bound) => new Leaf<int>(field, ">= " + N(bound), v => v >= bound);

    public static Condition Below(Field<int> field, int bound) => new Leaf<int>(field, "< " + N(bound), v => v < bound);

    public static Condition Between(Field<int> field, int low, int high) =>
        new Leaf<int>(field, "in " + N(low) + ".." + N(high), v => v >= low && v <= high);

    public static Condition AtLeast(Field<int?> field, int bound) => new Leaf<int?>(field, ">= " + N(bound), v => v >= bound);

    public static Condition AtMost(Field<int?> field, int bound) => new Leaf<int?>(field, "<= " + N(bound), v => v <= bound);

    public static Condition Above(Field<int?> field, int bound) => new Leaf<int?>(field, "> " + N(bound), v => v > bound);

    public static Condition Below(Field<int?> field, int bound) => new Leaf<int?>(field, "< " + N(bound), v => v < bound);

    /// <summary>The field is below the bound, or not recorded.</summary>
    public static Condition BelowOrNotRecorded(Field<int?> field, int bound) =>
        new Leaf<int?>(field, "< " + N(bound) + " or is not recorded", v => v is null || v < bound);

    public static Condition Above(Field<decimal?> field, decimal bound) =>
        new Leaf<decimal?>(field, "> " + bound.ToString(CultureInfo.InvariantCulture), v => v > bound);

    public static Condition All(params Condition[] parts) => new AllOf(parts);

    public static Condition Any(params Condition[] parts) => new AnyOf(parts);

    public static Condition Not(Condition inner) => new NotCondition(inner);

    /// <summary>The same condition, defined once for the rules that share it.</summary>
    internal static Condition Shared(Condition inner) => new Shared(inner);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
