using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// One rule compiled for the engine: whether it fires and what its finding says, answered from tables built once
/// when the rule set is built, so that a screening neither walks the condition tree nor calls a predicate.
/// </summary>
/// <remarks>
/// <para>
/// The condition's distinct leaves (tests of one field each) are numbered 0 to k - 1. For each field the rule reads,
/// a table gives, for every code of the field's value, the bits of the leaves that hold; OR-ing them over the fields
/// gives the screening's leaf bits, and a table of 2^k answers (the condition evaluated once per combination) says
/// whether the rule fires. A value outside its field's codes (or a field without codes) has its leaves tested on the
/// history itself, as <see cref="Condition.IsMet(PatientHistory)"/> would.
/// </para>
/// <para>
/// The leaf bits also fix which fields the finding's <c>because</c> names, in which order (an <c>any</c> explains only
/// its parts that hold): an <see cref="Explanation"/> computed once per combination. The finding is then a function of
/// those fields' codes alone, and findings are immutable, so each is built once and kept in a bounded table keyed by
/// those codes. The key is the history's content (a fresh history with the same values gets the same finding;
/// different values, a different key), never the history object.
/// </para>
/// <para>
/// A condition with more than <see cref="MaxLeaves"/> distinct leaves is not compiled: the rule is evaluated as
/// <see cref="Rule.Evaluate(PatientHistory)"/> defines it.
/// </para>
/// </remarks>
internal sealed class RulePlan
{
    /// <summary>The most distinct leaves a compiled condition may have (its answer table has 2^k entries).</summary>
    public const int MaxLeaves = 16;

    private readonly Condition _condition;
    private readonly Term[] _terms;
    private readonly bool[]? _fires;
    private readonly int[] _explanationOf;

    public RulePlan(Rule rule, Condition condition, Func<IEncodedField, int> slotOf)
    {
        Rule = rule;
        _condition = condition;

        var leaves = new List<LeafCondition>();
        condition.CollectLeaves(leaves);
        if (leaves.Count > MaxLeaves)
        {
            _terms = [];
            _explanationOf = [];
            Explanations = [Explanation.Uncompiled(rule, condition)];
            return;
        }

        LeafCount = leaves.Count;
        _terms = [.. leaves.Select(l => l.Field).Distinct().Select(field => Term.For(field, slotOf(field), leaves))];

        var values = new LeafValues(leaves);
        var combinations = 1 << leaves.Count;
        _fires = new bool[combinations];
        _explanationOf = new int[combinations];
        var explanations = new List<IEncodedField[]>();
        for (var bits = 0; bits < combinations; bits++)
        {
            values.Bits = bits;
            _fires[bits] = condition.IsMet(values);
            _explanationOf[bits] = -1;
            if (_fires[bits])
            {
                var because = new List<IEncodedField>();
                condition.Explain(values, because);
                var index = explanations.FindIndex(e => e.SequenceEqual(because));
                if (index < 0)
                {
                    index = explanations.Count;
                    explanations.Add([.. because]);
                }

                _explanationOf[bits] = index;
            }
        }

        Explanations = [.. explanations.Select(fields => new Explanation(rule, fields, [.. fields.Select(slotOf)]))];
    }

    public Rule Rule { get; }

    /// <summary>How many distinct leaves the compiled condition has (its answer table has 2^k entries).</summary>
    public int LeafCount { get; }

    /// <summary>For each field the rule reads, its leaves' bits by code; empty when the rule is not compiled.</summary>
    public IReadOnlyList<Term> Terms => _terms;

    /// <summary>Whether the rule fires, for each combination of leaf bits; null when the rule is not compiled.</summary>
    public bool[]? Fires => _fires;

    /// <summary>For each combination of leaf bits where the rule fires, the index of its explanation; -1 elsewhere.</summary>
    public IReadOnlyList<int> ExplanationOf => _explanationOf;

    /// <summary>
    /// The <c>because</c> lists the rule can give, each with the findings made for it; a rule that is not compiled
    /// has one, which explains on the history itself.
    /// </summary>
    public Explanation[] Explanations { get; }

    /// <summary>
    /// The index in <see cref="Explanations"/> of the rule's explanation for the history when it fires, otherwise -1.
    /// The engine does the same from <see cref="ScreeningPlan"/>'s bit-sliced copy of these tables.
    /// </summary>
    public int Answer(ReadOnlySpan<int> codes, PatientHistory history)
    {
        if (_fires is null)
        {
            return _condition.IsMet(history) ? 0 : -1;
        }

        var bits = 0;
        foreach (var term in _terms)
        {
            var code = codes[term.Slot];
            bits |= (uint)code < (uint)term.Size ? term.BitsByCode![code] : term.BitsOf(history);
        }

        return _explanationOf[bits];
    }

    /// <summary>One field the rule reads: its leaves' bits for each code, and the leaves to test when there is no code.</summary>
    internal sealed class Term
    {
        private readonly LeafCondition[] _leaves;
        private readonly int[] _bits;

        private Term(int slot, ushort[]? bitsByCode, LeafCondition[] leaves, int[] bits)
        {
            Slot = slot;
            BitsByCode = bitsByCode;
            _leaves = leaves;
            _bits = bits;
        }

        /// <summary>The field's position in a screening's code vector.</summary>
        public int Slot { get; }

        public ushort[]? BitsByCode { get; }

        /// <summary>How many codes <see cref="BitsByCode"/> covers (0 for a field without codes).</summary>
        public int Size => BitsByCode?.Length ?? 0;

        public static Term For(IEncodedField field, int slot, List<LeafCondition> leaves)
        {
            var mine = Enumerable.Range(0, leaves.Count).Where(i => ReferenceEquals(leaves[i].Field, field)).ToArray();
            ushort[]? bitsByCode = null;
            if (field.Size > 0)
            {
                bitsByCode = new ushort[field.Size];
                for (var code = 0; code < field.Size; code++)
                {
                    foreach (var i in mine)
                    {
                        if (leaves[i].TruthByCode![code])
                        {
                            bitsByCode[code] |= (ushort)(1 << i);
                        }
                    }
                }
            }

            return new Term(slot, bitsByCode, [.. mine.Select(i => leaves[i])], [.. mine.Select(i => 1 << i)]);
        }

        /// <summary>The leaves' bits tested on the history itself (a value without a code).</summary>
        public int BitsOf(PatientHistory history)
        {
            var bits = 0;
            for (var i = 0; i < _leaves.Length; i++)
            {
                if (_leaves[i].IsMet(history))
                {
                    bits |= _bits[i];
                }
            }

            return bits;
        }
    }
}

/// <summary>
/// The fields a rule's finding names in <c>because</c> for one combination of leaf answers, in order, and the
/// findings made for them. A finding is a function of the rule and those fields' codes, and is immutable, so each is
/// built once and kept (bounded, see <see cref="BoundedTable{T}"/>) under the key the codes make; a value without a code
/// gets a finding built from the history every time.
/// </summary>
internal sealed class Explanation
{
    private readonly Rule _rule;
    private readonly IEncodedField[] _fields;
    private readonly int[] _slots;
    private readonly int[] _sizes;
    private readonly BoundedTable<Finding>? _findings;
    private readonly Condition? _uncompiled;

    public Explanation(Rule rule, IEncodedField[] fields, int[] slots)
    {
        _rule = rule;
        _fields = fields;
        _slots = slots;
        _sizes = [.. fields.Select(f => f.Size)];

        // How many different keys the fields' codes make (mixed radix); none where a field has no codes or the count
        // would not fit in a long, and then the finding is built every time.
        long space = 1;
        foreach (var size in _sizes)
        {
            if (size <= 0 || space > long.MaxValue / size)
            {
                return;
            }

            space *= size;
        }

        _findings = new BoundedTable<Finding>(space);
    }

    private Explanation(Rule rule, Condition condition)
    {
        _rule = rule;
        _fields = [];
        _slots = [];
        _sizes = [];
        _uncompiled = condition;
    }

    /// <summary>The explanation of a rule that is not compiled: its condition explained on the history, as <see cref="Rule.Evaluate(PatientHistory)"/> does.</summary>
    public static Explanation Uncompiled(Rule rule, Condition condition) => new(rule, condition);

    public Finding FindingFor(ReadOnlySpan<int> codes, PatientHistory history)
    {
        if (_findings is null)
        {
            return Build(codes, history);
        }

        long key = 0;
        var slots = _slots;
        var sizes = _sizes;
        for (var i = 0; i < slots.Length && i < sizes.Length; i++)
        {
            var code = codes[slots[i]];
            if ((uint)code >= (uint)sizes[i])
            {
                return Build(codes, history);
            }

            key = (key * sizes[i]) + code;
        }

        if (_findings.Find(key) is { } known)
        {
            return known;
        }

        var finding = Build(codes, history);
        _findings.Add(key, finding);
        return finding;
    }

    private Finding Build(ReadOnlySpan<int> codes, PatientHistory history)
    {
        if (_uncompiled is not null)
        {
            var explained = new List<Evidence>(4);
            _uncompiled.Explain(history, explained);
            return _rule.FindingWith(explained);
        }

        var because = new Evidence[_fields.Length];
        for (var i = 0; i < because.Length; i++)
        {
            var code = codes[_slots[i]];
            because[i] = _fields[i].EvidenceByCode is { } byCode && (uint)code < (uint)byCode.Length ? byCode[code] : _fields[i].EvidenceOf(history);
        }

        return _rule.FindingWith(Array.AsReadOnly(because));
    }
}
