using System.Runtime.CompilerServices;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// A rule set compiled once for <see cref="ScreeningEngine"/>: each rule's <see cref="RulePlan"/> in the assessment's
/// order of findings, their tables laid out for one pass per screening, and what the pathways and the verdict need,
/// so that a screening looks answers up and places findings instead of evaluating conditions and sorting.
/// </summary>
/// <remarks>
/// <para>
/// Bit-sliced: each compiled rule owns a group of bits in a few 64-bit leaf words (bit i of its group is its leaf i).
/// For each field and each word its rules' leaves fall in (a "part"), a table gives, for every code of the field, the
/// bits of all those leaves that hold. A screening ORs one table entry per part into the words, then reads each
/// rule's group with a shift and a mask and looks up its answer: the bits when it fires, -1 when it does not. A field
/// read by ten rules is looked up once, not ten times; neither loop calls anything or branches on whether a rule
/// fires (such branches are unpredictable, and a call in the loop costs the registers the loop lives in).
/// </para>
/// <para>
/// Values without a code (outside the encoded range) contribute nothing in that pass; a second, rare pass tests
/// their leaves on the history and adds their bits. Rules too wide to compile answer -1 in that pass and are then
/// evaluated as <see cref="Rule.Evaluate(PatientHistory)"/> defines them.
/// </para>
/// </remarks>
internal sealed class ScreeningPlan
{
    // Rule slices and the concatenated answer tables (an explanation's index in _explanations, or -1); entry 0 of the
    // table is the -1 that rules without a group read.
    private readonly RuleSlice[] _slices;
    private readonly int[] _answers;

    // Every rule's explanations, rule after rule; a rule's first is at _firstExplanation[r].
    private readonly Explanation[] _explanations;
    private readonly int[] _firstExplanation;

    // Parts in word order: the parts of word w are _parts[_partEnd[w - 1] .. _partEnd[w]). Each part's table has one
    // entry per code and one more, 0, that a value without a code reads.
    private readonly FieldPart[] _parts;
    private readonly int[] _partEnd;
    private readonly ulong[] _partBits;
    private readonly (RulePlan.Term Term, int Shift)[][] _partTerms;

    // Positions in Rules of the rules that are not compiled.
    private readonly int[] _uncompiled;

    public ScreeningPlan(IReadOnlyList<Rule> rulesById, IReadOnlyList<Conditions.Condition> conditions, IReadOnlyList<PathwayDefinition> pathways)
    {
        // The fields any rule reads; a screening's code vector holds every field (Fields.Encode) at its index.
        var fields = new List<IEncodedField>();
        var leaves = new List<LeafCondition>();
        foreach (var condition in conditions)
        {
            leaves.Clear();
            condition.CollectLeaves(leaves);
            foreach (var leaf in leaves)
            {
                if (!fields.Contains(leaf.Field))
                {
                    fields.Add(leaf.Field);
                }
            }
        }

        CodeCount = Math.Max(Fields.Count, fields.Select(f => f.Index + 1).DefaultIfEmpty(0).Max());
        FieldsRead = new bool[CodeCount];
        foreach (var field in fields)
        {
            FieldsRead[field.Index] = true;
        }

        // Findings in the assessment's order: kind, then severity, then rule id.
        var byOutput = Enumerable.Range(0, rulesById.Count)
            .OrderBy(i => rulesById[i].Kind).ThenBy(i => rulesById[i].Severity).ThenBy(i => rulesById[i].Id, StringComparer.Ordinal)
            .ToArray();
        Rules = [.. byOutput.Select(i => new RulePlan(rulesById[i], conditions[i], static field => field.Index))];
        _explanations = [.. Rules.SelectMany(r => r.Explanations)];
        _firstExplanation = new int[Rules.Length];
        for (var r = 1; r < Rules.Length; r++)
        {
            _firstExplanation[r] = _firstExplanation[r - 1] + Rules[r - 1].Explanations.Length;
        }

        _slices = Slice(Rules, _firstExplanation, out _answers, out var wordCount);
        WordCount = wordCount;
        _parts = Parts(Rules, _slices, fields, wordCount, out _partEnd, out _partBits, out _partTerms);
        _uncompiled = [.. Enumerable.Range(0, Rules.Length).Where(r => Rules[r].Fires is null)];
        int OutputOf(string ruleId) => Array.FindIndex(Rules, r => r.Rule.Id == ruleId);

        // Contraindication and caution ids are listed in rule-id order in a pathway's rule ids.
        Contraindications = [.. Enumerable.Range(0, rulesById.Count).Where(i => rulesById[i].Kind == FindingKind.Contraindication).Select(i => OutputOf(rulesById[i].Id))];
        Cautions = [.. Enumerable.Range(0, rulesById.Count).Where(i => rulesById[i].Kind == FindingKind.Caution).Select(i => OutputOf(rulesById[i].Id))];

        Pathways = [.. pathways];
        Indications = [.. pathways.Select(p => OutputOf(p.IndicationRuleId))];

        // Pathway sections by key: the indicated pathways' bits, then one bit per contraindication and caution (their
        // output positions come first). Kept only while the key fits in a long.
        var keyBits = pathways.Count + Contraindications.Length + Cautions.Length;
        var leading = Contraindications.Concat(Cautions).Order().SequenceEqual(Enumerable.Range(0, Contraindications.Length + Cautions.Length));
        Sections = leading && keyBits <= 62 ? new BoundedTable<ScreeningEngine.PathwaySection>(1L << keyBits) : null;

        // A pathway's result when nothing blocks or cautions it is one of three values, made once: not indicated, or
        // indicated and open (investigational only, or eligible), each naming its indication rule alone.
        IndicationOnly = [.. pathways.Select(p => (IReadOnlyList<string>)Array.AsReadOnly(new[] { p.IndicationRuleId }))];
        NotApplicable = [.. pathways.Select((p, i) => new PathwayResult(p.Pathway, PathwayStatus.NotApplicable, IndicationOnly[i]))];
        OpenWithoutCautions = [.. pathways.Select((p, i) => new PathwayResult(
            p.Pathway, p.InvestigationalOnly ? PathwayStatus.InvestigationalOnly : PathwayStatus.Eligible, IndicationOnly[i]))];
    }

    /// <summary>How many 64-bit leaf words a screening needs.</summary>
    public int WordCount { get; }

    /// <summary>How long a screening's code vector is (every field's index fits).</summary>
    public int CodeCount { get; }

    /// <summary>By field index: whether any rule reads the field (the others need not be encoded).</summary>
    public bool[] FieldsRead { get; }

    /// <summary>The rules in the assessment's order of findings.</summary>
    public RulePlan[] Rules { get; }

    /// <summary>Positions in <see cref="Rules"/> of the contraindications, in rule-id order.</summary>
    public int[] Contraindications { get; }

    /// <summary>Positions in <see cref="Rules"/> of the cautions, in rule-id order.</summary>
    public int[] Cautions { get; }

    /// <summary>The pathways, in enumeration order.</summary>
    public PathwayDefinition[] Pathways { get; }

    /// <summary>For each pathway, the position in <see cref="Rules"/> of its indication rule.</summary>
    public int[] Indications { get; }

    /// <summary>For each pathway, its indication rule's id alone.</summary>
    public IReadOnlyList<string>[] IndicationOnly { get; }

    /// <summary>For each pathway, its result when not indicated.</summary>
    public PathwayResult[] NotApplicable { get; }

    /// <summary>For each pathway, its result when indicated and neither blocked nor cautioned.</summary>
    public PathwayResult[] OpenWithoutCautions { get; }

    /// <summary>The pathway results and verdicts made so far, by <see cref="SectionKey"/>; null when keys do not fit.</summary>
    public BoundedTable<ScreeningEngine.PathwaySection>? Sections { get; }

    /// <summary>
    /// What a screening's pathways and verdict depend on, as a number: bit i for each indicated pathway i, then, for
    /// each contraindication and caution that fired, the bit of its position (they lead the assessment's order). When
    /// a contraindication fired, cautions change nothing and are left out. -1 when <see cref="Sections"/> is null.
    /// </summary>
    /// <param name="answers">Each rule's answer.</param>
    /// <param name="fired">The positions of the rules that fired, in order.</param>
    public long SectionKey(ReadOnlySpan<int> answers, ReadOnlySpan<int> fired)
    {
        if (Sections is null)
        {
            return -1;
        }

        long key = 0;
        var indications = Indications;
        for (var i = 0; i < indications.Length; i++)
        {
            key |= (long)((uint)~answers[indications[i]] >> 31) << i;
        }

        var contraindicated = fired.Length > 0 && fired[0] < Contraindications.Length;
        var end = contraindicated ? Contraindications.Length : Contraindications.Length + Cautions.Length;
        foreach (var position in fired)
        {
            if (position >= end)
            {
                break;
            }

            key |= 1L << (indications.Length + position);
        }

        return key;
    }

    /// <summary>
    /// Fills <paramref name="answers"/> with each rule's answer in <see cref="Rules"/>' order (when it fires, the
    /// index of its explanation for <see cref="FindingFor"/>; otherwise -1), and the first entries of
    /// <paramref name="fired"/> with the positions of the rules that fire, in that order; returns how many fire.
    /// <paramref name="words"/> is scratch space of <see cref="WordCount"/> words.
    /// </summary>
    public int Answer(ReadOnlySpan<int> codes, PatientHistory history, Span<ulong> words, Span<int> answers, Span<int> fired)
    {
        if (SetLeafBits(codes, words))
        {
            AddSlowLeafBits(codes, history, words);
        }

        var count = AnswerRules(words, answers, fired);
        if (_uncompiled.Length > 0)
        {
            count = AnswerUncompiled(codes, history, answers, fired);
        }

        return count;
    }

    /// <summary>The finding of a rule that fired, given its answer.</summary>
    public Finding FindingFor(int answer, ReadOnlySpan<int> codes, PatientHistory history) => _explanations[answer].FindingFor(codes, history);

    /// <summary>The one pass over the parts; true if some value had no code (its leaves are left to the slow pass).</summary>
    private bool SetLeafBits(ReadOnlySpan<int> codes, Span<ulong> words)
    {
        var parts = _parts;
        var partEnd = _partEnd;
        var partBits = _partBits;
        var uncoded = 0u;
        var p = 0;
        for (var w = 0; w < words.Length && w < partEnd.Length; w++)
        {
            ulong bits = 0;
            for (var end = partEnd[w]; p < end; p++)
            {
                ref readonly var part = ref parts[p];
                var code = (uint)codes[part.Slot];
                var size = (uint)part.Size;

                // A value without a code reads the extra 0 entry.
                uncoded |= code >= size ? 1u : 0u;
                bits |= partBits[part.At + (int)Math.Min(code, size)];
            }

            words[w] = bits;
        }

        return uncoded != 0;
    }

    /// <summary>Adds the bits of values without a code: each of their leaves tested on the history itself.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddSlowLeafBits(ReadOnlySpan<int> codes, PatientHistory history, Span<ulong> words)
    {
        for (var p = 0; p < _parts.Length; p++)
        {
            var part = _parts[p];
            if ((uint)codes[part.Slot] >= (uint)part.Size)
            {
                foreach (var (term, shift) in _partTerms[p])
                {
                    words[part.Word] |= (ulong)term.BitsOf(history) << shift;
                }
            }
        }
    }

    private int AnswerRules(ReadOnlySpan<ulong> words, Span<int> answers, Span<int> fired)
    {
        var slices = _slices;
        var table = _answers;
        var count = 0;
        for (var r = 0; r < answers.Length && r < fired.Length && r < slices.Length; r++)
        {
            var slice = slices[r];
            var answer = table[slice.At + ((int)(words[slice.Word] >> slice.Shift) & slice.Mask)];
            answers[r] = answer;
            fired[count] = r;
            count += (answer >> 31) + 1;
        }

        return count;
    }

    /// <summary>Answers the rules that are not compiled, then lists the rules that fire again, in order.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AnswerUncompiled(ReadOnlySpan<int> codes, PatientHistory history, Span<int> answers, Span<int> fired)
    {
        foreach (var r in _uncompiled)
        {
            var explanation = Rules[r].Answer(codes, history);
            answers[r] = explanation < 0 ? -1 : _firstExplanation[r] + explanation;
        }

        var count = 0;
        for (var r = 0; r < answers.Length; r++)
        {
            if (answers[r] >= 0)
            {
                fired[count++] = r;
            }
        }

        return count;
    }

    /// <summary>
    /// Gives each compiled rule its group of bits (never across a word) and concatenates their answer tables: for each
    /// combination of leaf bits, the index of the explanation when the rule fires, -1 when it does not.
    /// </summary>
    private static RuleSlice[] Slice(RulePlan[] rules, int[] firstExplanation, out int[] answerTable, out int wordCount)
    {
        var slices = new RuleSlice[rules.Length];
        var answers = new List<int> { -1 };
        int word = 0, shift = 0;
        for (var r = 0; r < rules.Length; r++)
        {
            if (rules[r].Fires is null)
            {
                slices[r] = new RuleSlice(0, 0, 0, 0);
                continue;
            }

            var width = rules[r].LeafCount;
            if (shift + width > 64)
            {
                word++;
                shift = 0;
            }

            slices[r] = new RuleSlice(word, shift, (1 << width) - 1, answers.Count);
            answers.AddRange(rules[r].ExplanationOf.Select(e => e < 0 ? -1 : firstExplanation[r] + e));
            shift += width;
        }

        answerTable = [.. answers];

        // At least one word: rules without a group read word 0.
        wordCount = word + 1;
        return slices;
    }

    /// <summary>For each leaf word and each field its rules' leaves there read, the bits each code sets.</summary>
    private static FieldPart[] Parts(RulePlan[] rules, RuleSlice[] slices, List<IEncodedField> fields, int wordCount, out int[] partEnd,
        out ulong[] partBits, out (RulePlan.Term Term, int Shift)[][] partTerms)
    {
        var compiled = Enumerable.Range(0, rules.Length).Where(r => rules[r].Fires is not null).ToArray();
        var parts = new List<FieldPart>();
        var bits = new List<ulong>();
        var terms = new List<(RulePlan.Term, int)[]>();
        partEnd = new int[wordCount];
        for (var word = 0; word < wordCount; word++)
        {
            foreach (var field in fields)
            {
                var mine = compiled
                    .Where(r => slices[r].Word == word)
                    .SelectMany(r => rules[r].Terms.Where(t => t.Slot == field.Index).Select(t => (Term: t, slices[r].Shift)))
                    .ToArray();
                if (mine.Length == 0)
                {
                    continue;
                }

                var table = new ulong[field.Size + 1];
                foreach (var (term, shift) in mine)
                {
                    for (var code = 0; code < field.Size; code++)
                    {
                        table[code] |= (ulong)term.BitsByCode![code] << shift;
                    }
                }

                parts.Add(new FieldPart(field.Index, word, bits.Count, field.Size));
                bits.AddRange(table);
                terms.Add(mine);
            }

            partEnd[word] = parts.Count;
        }

        partBits = [.. bits];
        partTerms = [.. terms];
        return [.. parts];
    }

    /// <summary>A rule's group of bits: bits [Shift, Shift + width) of leaf word Word; its answers from At (0: always -1).</summary>
    private readonly record struct RuleSlice(int Word, int Shift, int Mask, int At);

    /// <summary>One field's look-up into one leaf word: the field's slot in the code vector, where its table starts, how many codes.</summary>
    private readonly record struct FieldPart(int Slot, int Word, int At, int Size);
}
