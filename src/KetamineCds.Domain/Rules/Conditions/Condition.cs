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

    /// <summary>
    /// The engine's fast path, equal in result to <see cref="IsMet(PatientHistory)"/>: <paramref name="codes"/> holds
    /// each field's value encoded once per screening (see <see cref="FieldCodes"/>), <paramref name="memo"/> the
    /// results of shared conditions already evaluated in this screening (0 not yet, 1 true, 2 false).
    /// </summary>
    internal abstract bool IsMet(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo);

    /// <summary>A canonical, unambiguous rendering, e.g. <c>(ageYears &lt; 18)</c>.</summary>
    public abstract string Canonical { get; }

    /// <summary>Adds the inputs that make this (met) condition hold.</summary>
    internal abstract void Explain(PatientHistory history, List<Evidence> because);

    /// <summary>Adds every input this condition reads, with its value (used for negations).</summary>
    internal abstract void ExplainAll(PatientHistory history, List<Evidence> because);

    /// <summary>The engine's fast path of <see cref="Explain(PatientHistory, List{Evidence})"/>: the same items in the same order.</summary>
    internal abstract void Explain(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because);

    /// <summary>Adds each field the condition reads, once: its index in the code vector and how many codes it has (-1: none).</summary>
    internal abstract void CollectFields(List<(int Index, int Size)> fields);

    /// <summary>The engine's fast path of <see cref="ExplainAll(PatientHistory, List{Evidence})"/>.</summary>
    internal abstract void ExplainAll(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because);

    public override string ToString() => Canonical;
}

internal sealed class Leaf<T> : Condition
{
    private readonly Field<T> _field;
    private readonly Func<T, bool> _test;
    private readonly int _index;

    // The predicate's answer for every encoded value of the field, computed once; null where the field has no codes.
    private readonly bool[]? _truth;

    // The field's (shared) evidence item for every encoded value; null where the field has no codes.
    private readonly Evidence[]? _evidence;

    public Leaf(Field<T> field, string test, Func<T, bool> predicate)
    {
        _field = field;
        _test = predicate;
        _index = field.Index;
        if (field.Codec is { } codec)
        {
            _truth = new bool[codec.Size];
            for (var code = 0; code < codec.Size; code++)
            {
                _truth[code] = predicate(codec.Decode(code));
            }

            _evidence = field.EvidenceByCode;
        }

        Canonical = "(" + field.Name + " " + test + ")";
    }

    public override string Canonical { get; }

    public override bool IsMet(PatientHistory history) => _test(_field.Of(history));

    internal override bool IsMet(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo)
    {
        var code = codes[_index];
        return code >= 0 && _truth is not null ? _truth[code] : _test(_field.Of(history));
    }

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

    internal override void Explain(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because) =>
        ExplainAll(history, codes, memo, because);

    internal override void CollectFields(List<(int Index, int Size)> fields)
    {
        foreach (var f in fields)
        {
            if (f.Index == _index)
            {
                return;
            }
        }

        fields.Add((_index, _truth?.Length ?? -1));
    }

    internal override void ExplainAll(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because)
    {
        if (because.Contains(_field.Name))
        {
            return;
        }

        var code = codes[_index];
        if (code >= 0 && _evidence is not null)
        {
            because.Add(_evidence[code]);
        }
        else
        {
            because.Add(_field.EvidenceOf(history));
        }
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

    internal override bool IsMet(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo)
    {
        foreach (var part in parts)
        {
            if (!part.IsMet(history, codes, memo))
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

    internal override void Explain(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because)
    {
        foreach (var part in parts)
        {
            part.Explain(history, codes, memo, because);
        }
    }

    internal override void ExplainAll(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because)
    {
        foreach (var part in parts)
        {
            part.ExplainAll(history, codes, memo, because);
        }
    }

    internal override void CollectFields(List<(int Index, int Size)> fields)
    {
        foreach (var part in parts)
        {
            part.CollectFields(fields);
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

    internal override bool IsMet(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo)
    {
        foreach (var part in parts)
        {
            if (part.IsMet(history, codes, memo))
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

    internal override void Explain(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because)
    {
        foreach (var part in parts)
        {
            if (part.IsMet(history, codes, memo))
            {
                part.Explain(history, codes, memo, because);
            }
        }
    }

    internal override void ExplainAll(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because)
    {
        foreach (var part in parts)
        {
            part.ExplainAll(history, codes, memo, because);
        }
    }

    internal override void CollectFields(List<(int Index, int Size)> fields)
    {
        foreach (var part in parts)
        {
            part.CollectFields(fields);
        }
    }
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public override string Canonical { get; } = "not" + inner.Canonical;

    public override bool IsMet(PatientHistory history) => !inner.IsMet(history);

    internal override bool IsMet(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo) => !inner.IsMet(history, codes, memo);

    internal override void Explain(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => inner.ExplainAll(history, because);

    internal override void Explain(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because) =>
        inner.ExplainAll(history, codes, memo, because);

    internal override void ExplainAll(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because) =>
        inner.ExplainAll(history, codes, memo, because);

    internal override void CollectFields(List<(int Index, int Size)> fields) => inner.CollectFields(fields);
}

/// <summary>
/// A condition shared by several rules (an indication): evaluated at most once per screening on the engine's fast
/// path. Its canonical text is the inner condition's, so sharing never changes a digest.
/// </summary>
internal sealed class Shared : Condition
{
    private static int s_count;
    private readonly Condition _inner;
    private readonly int _slot;

    public Shared(Condition inner)
    {
        _inner = inner;
        _slot = Interlocked.Increment(ref s_count) - 1;
    }

    /// <summary>How many shared conditions exist: the size of the engine's memo.</summary>
    public static int Count => Volatile.Read(ref s_count);

    public override string Canonical => _inner.Canonical;

    public override bool IsMet(PatientHistory history) => _inner.IsMet(history);

    internal override bool IsMet(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo)
    {
        if ((uint)_slot >= (uint)memo.Length)
        {
            return _inner.IsMet(history, codes, memo);
        }

        var known = memo[_slot];
        if (known != 0)
        {
            return known == 1;
        }

        var met = _inner.IsMet(history, codes, memo);
        memo[_slot] = met ? (byte)1 : (byte)2;
        return met;
    }

    internal override void Explain(PatientHistory history, List<Evidence> because) => _inner.Explain(history, because);

    internal override void ExplainAll(PatientHistory history, List<Evidence> because) => _inner.ExplainAll(history, because);

    internal override void Explain(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because) =>
        _inner.Explain(history, codes, memo, because);

    internal override void ExplainAll(PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo, EvidenceBuffer because) =>
        _inner.ExplainAll(history, codes, memo, because);

    internal override void CollectFields(List<(int Index, int Size)> fields) => _inner.CollectFields(fields);
}

/// <summary>
/// A reusable, per-thread list of evidence items for the engine's fast path.
/// </summary>
internal sealed class EvidenceBuffer
{
    [ThreadStatic]
    private static EvidenceBuffer? t_current;

    private Evidence[] _items = new Evidence[16];

    public static EvidenceBuffer ForThread()
    {
        var buffer = t_current ??= new EvidenceBuffer();
        buffer.Count = 0;
        return buffer;
    }

    public int Count { get; private set; }

    public bool Contains(string field)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_items[i].Field, field, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(Evidence evidence)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = evidence;
    }

    public Evidence[] ToArray() => _items.AsSpan(0, Count).ToArray();
}

/// <summary>
/// The codes of the fields a condition reads, packed into one number: a condition's answer and its explanation depend
/// only on those values, so two histories with the same key get the same finding. Null where a field has no codes
/// (a decimal) or the packed key would not fit.
/// </summary>
internal sealed class FindingKey
{
    private readonly int[] _indexes;
    private readonly long[] _sizes;

    private FindingKey(int[] indexes, long[] sizes)
    {
        _indexes = indexes;
        _sizes = sizes;
    }

    public static FindingKey? For(Condition condition)
    {
        var fields = new List<(int Index, int Size)>();
        condition.CollectFields(fields);
        long space = 1;
        foreach (var (_, size) in fields)
        {
            if (size <= 0 || space > long.MaxValue / size)
            {
                return null;
            }

            space *= size;
        }

        return new FindingKey([.. fields.Select(f => f.Index)], [.. fields.Select(f => (long)f.Size)]) { Space = space };
    }

    /// <summary>How many different keys there are.</summary>
    public long Space { get; private init; }

    /// <summary>The history's key, or -1 where a field's value is outside its encoded range.</summary>
    public long Of(ReadOnlySpan<int> codes)
    {
        long key = 0;
        for (var i = 0; i < _indexes.Length; i++)
        {
            var code = codes[_indexes[i]];
            if (code < 0)
            {
                return -1;
            }

            key = (key * _sizes[i]) + code;
        }

        return key;
    }
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

    /// <summary>The same condition, evaluated once per screening however many rules use it.</summary>
    internal static Condition Shared(Condition inner) => new Shared(inner);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
