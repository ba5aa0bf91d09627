using System.Globalization;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// Builds conditions. A test of an unrecorded field is unknown (never "no"), except the tests that are about recording
/// itself: <c>NotRecorded</c>, <see cref="NotTrue"/> and <see cref="BelowOrNotRecorded"/>.
/// </summary>
public static class Criteria
{
    /// <summary>The field holds exactly this value.</summary>
    public static Condition Is<T>(Field<T> field, T value) =>
        new Leaf<T>(field, "= " + WireNames.Display(value), v => EqualityComparer<T>.Default.Equals(v, value));

    /// <summary>The field holds one of these values.</summary>
    public static Condition In<T>(Field<T> field, params T[] values) =>
        new Leaf<T>(field, "in [" + string.Join(", ", values.Select(v => WireNames.Display(v))) + "]",
            v => Array.IndexOf(values, v) >= 0);

    /// <summary>The recorded list holds this value.</summary>
    public static Condition Contains<T>(Field<ValueList<T>?> field, T value) =>
        new Leaf<ValueList<T>?>(field, "contains " + WireNames.Display(value), v => v!.Contains(value));

    /// <summary>The field is recorded as true.</summary>
    public static Condition True(Field<bool?> field) => new Leaf<bool?>(field, "= true", v => v == true);

    /// <summary>The field is true (a required boolean).</summary>
    public static Condition True(Field<bool> field) => new Leaf<bool>(field, "= true", v => v);

    /// <summary>The field is false (a required boolean).</summary>
    public static Condition False(Field<bool> field) => new Leaf<bool>(field, "= false", v => !v);

    /// <summary>
    /// The field is recorded as true; false when it is recorded false or not recorded. Only for a part of a condition
    /// that must not wait on the field because another part already does (see REP-001 of 1.1.0).
    /// </summary>
    public static Condition RecordedTrue(Field<bool?> field) => new Leaf<bool?>(field, "is recorded true", v => v == true, decidesNotRecorded: true);

    /// <summary>The field is not recorded as true: false, or not recorded (a safeguard not shown to be in place).</summary>
    public static Condition NotTrue(Field<bool?> field) => new Leaf<bool?>(field, "is not true", v => v != true, decidesNotRecorded: true);

    /// <summary>The field is not recorded.</summary>
    public static Condition NotRecorded<T>(Field<T?> field)
        where T : struct => new Leaf<T?>(field, "is not recorded", v => v is null, decidesNotRecorded: true, testsNotRecorded: true);

    /// <summary>The list field is not recorded.</summary>
    public static Condition NotRecorded<T>(Field<ValueList<T>?> field) =>
        new Leaf<ValueList<T>?>(field, "is not recorded", v => v is null, decidesNotRecorded: true, testsNotRecorded: true);

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
        new Leaf<int?>(field, "< " + N(bound) + " or is not recorded", v => v is null || v < bound, decidesNotRecorded: true);

    public static Condition Above(Field<decimal?> field, decimal bound) =>
        new Leaf<decimal?>(field, "> " + bound.ToString(CultureInfo.InvariantCulture), v => v > bound);

    public static Condition All(params Condition[] parts) => new AllOf(parts);

    public static Condition Any(params Condition[] parts) => new AnyOf(parts);

    public static Condition Not(Condition inner) => new NotCondition(inner);

    /// <summary>
    /// From rule set 1.22.0: the inner condition is ruled out, as <see cref="Not"/> decides it, explained by only the inputs
    /// that rule it out (never an unrecorded input that did not decide it, such as a question the form does not ask).
    /// </summary>
    public static Condition RuledOut(Condition inner) => new NotCondition(inner, namesOnlyWhatRulesItOut: true);

    /// <summary>True when the inner condition might hold but turns on something not recorded.</summary>
    public static Condition Undetermined(Condition inner) => new Undetermined(inner);

    /// <summary>None of the conditions certainly holds (an undecided one does not count).</summary>
    public static Condition NoneHolds(params Condition[] parts) => new NoneHolds(parts);

    /// <summary>The same condition, defined once for the rules that share it.</summary>
    internal static Condition Shared(Condition inner) => new Shared(inner);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
