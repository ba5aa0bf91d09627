using System.Globalization;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// A rule's condition as data: it can be evaluated, it names the inputs that made it hold (a finding's
/// <c>because</c>), and it has a canonical text form that goes into the rule set's digest, so that any change to
/// a condition changes the digest.
/// </summary>
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

    public override string ToString() => Canonical;
}

internal sealed class Leaf<T> : Condition
{
    private readonly Field<T> _field;
    private readonly Func<T, bool> _test;

    public Leaf(Field<T> field, string test, Func<T, bool> predicate)
    {
        _field = field;
        _test = predicate;
        Canonical = "(" + field.Name + " " + test + ")";
    }

    public override string Canonical { get; }

    public override bool IsMet(PatientHistory history) => _test(_field.Of(history));

    internal override void Explain(PatientHistory history, List<Evidence> because) => ExplainAll(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because)
    {
        var name = _field.Name;
        for (var i = 0; i < because.Count; i++)
        {
            if (string.Equals(because[i].Field, name, StringComparison.Ordinal))
            {
                return;
            }
        }

        because.Add(_field.EvidenceOf(history));
    }
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
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public override string Canonical { get; } = "not" + inner.Canonical;

    public override bool IsMet(PatientHistory history) => !inner.IsMet(history);

    internal override void Explain(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);
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

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
