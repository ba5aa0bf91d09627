using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// A rule set compiled once for <see cref="ScreeningEngine"/>: the fields its rules read (and only those, each
/// encoded by one call), each rule's <see cref="RulePlan"/> in the assessment's order of findings, and what the
/// pathways and the verdict need, so that a screening places findings instead of sorting them.
/// </summary>
internal sealed class ScreeningPlan
{
    public ScreeningPlan(IReadOnlyList<Rule> rulesById, IReadOnlyList<Conditions.Condition> conditions, IReadOnlyList<PathwayDefinition> pathways)
    {
        // The fields any rule reads, in the order the rules first read them: a screening's code vector.
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

        Encoders = [.. fields.Select(f => f.Encode)];
        int SlotOf(IEncodedField field) => fields.IndexOf(field);

        // Findings in the assessment's order: kind, then severity, then rule id.
        var byOutput = Enumerable.Range(0, rulesById.Count)
            .OrderBy(i => rulesById[i].Kind).ThenBy(i => rulesById[i].Severity).ThenBy(i => rulesById[i].Id, StringComparer.Ordinal)
            .ToArray();
        Rules = [.. byOutput.Select(i => new RulePlan(rulesById[i], conditions[i], SlotOf))];
        Flatten(Rules, out _termEnd, out _terms, out _termObjects, out _leafBits, out _firesAt, out _fires);
        int OutputOf(string ruleId) => Array.FindIndex(Rules, r => r.Rule.Id == ruleId);

        // Contraindication and caution ids are listed in rule-id order in a pathway's rule ids.
        Contraindications = [.. Enumerable.Range(0, rulesById.Count).Where(i => rulesById[i].Kind == FindingKind.Contraindication).Select(i => OutputOf(rulesById[i].Id))];
        Cautions = [.. Enumerable.Range(0, rulesById.Count).Where(i => rulesById[i].Kind == FindingKind.Caution).Select(i => OutputOf(rulesById[i].Id))];

        Pathways = [.. pathways];
        Indications = [.. pathways.Select(p => OutputOf(p.IndicationRuleId))];

        // A pathway's result when nothing blocks or cautions it is one of three values, made once: not indicated, or
        // indicated and open (investigational only, or eligible), each naming its indication rule alone.
        IndicationOnly = [.. pathways.Select(p => (IReadOnlyList<string>)Array.AsReadOnly(new[] { p.IndicationRuleId }))];
        NotApplicable = [.. pathways.Select((p, i) => new PathwayResult(p.Pathway, PathwayStatus.NotApplicable, IndicationOnly[i]))];
        OpenWithoutCautions = [.. pathways.Select((p, i) => new PathwayResult(
            p.Pathway, p.InvestigationalOnly ? PathwayStatus.InvestigationalOnly : PathwayStatus.Eligible, IndicationOnly[i]))];
    }

    // The compiled rules' tables copied into a few flat arrays, so that answering every rule is one tight loop over
    // contiguous memory (no call, no object per rule): rule r's terms are _terms[_termEnd[r - 1] .. _termEnd[r]), its
    // answers start at _fires[_firesAt[r]] (-1: not compiled), each term's bits by code at _leafBits[term.At].
    private readonly int[] _termEnd;
    private readonly TermRow[] _terms;
    private readonly RulePlan.Term[] _termObjects;
    private readonly ushort[] _leafBits;
    private readonly int[] _firesAt;
    private readonly bool[] _fires;

    /// <summary>One encoder per field read (a screening's code vector has one slot per field).</summary>
    public Func<PatientHistory, int>[] Encoders { get; }

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


    /// <summary>
    /// Fills <paramref name="answers"/> with each rule's <see cref="RulePlan.Answer"/> (the leaf bits when it fires,
    /// otherwise -1), in <see cref="Rules"/>' order, and returns how many fire.
    /// </summary>
    public int Answer(ReadOnlySpan<int> codes, PatientHistory history, Span<int> answers)
    {
        var termEnd = _termEnd;
        var terms = _terms;
        var leafBits = _leafBits;
        var firesAt = _firesAt;
        var fires = _fires;
        var fired = 0;
        var t = 0;
        for (var r = 0; r < answers.Length; r++)
        {
            var end = termEnd[r];
            var at = firesAt[r];
            int answer;
            if (at < 0)
            {
                answer = Rules[r].Answer(codes, history);
                t = end;
            }
            else
            {
                var bits = 0;
                for (; t < end; t++)
                {
                    ref readonly var term = ref terms[t];
                    var code = codes[term.Slot];
                    bits |= (uint)code < (uint)term.Size ? leafBits[term.At + code] : _termObjects[t].BitsOf(history);
                }

                answer = fires[at + bits] ? bits : -1;
            }

            answers[r] = answer;
            fired += answer >= 0 ? 1 : 0;
        }

        return fired;
    }

    private static void Flatten(RulePlan[] rules, out int[] termEnd, out TermRow[] terms, out RulePlan.Term[] termObjects,
        out ushort[] leafBits, out int[] firesAt, out bool[] fires)
    {
        var rows = new List<TermRow>();
        var objects = new List<RulePlan.Term>();
        var bits = new List<ushort>();
        var answers = new List<bool>();
        termEnd = new int[rules.Length];
        firesAt = new int[rules.Length];
        for (var r = 0; r < rules.Length; r++)
        {
            foreach (var term in rules[r].Terms)
            {
                rows.Add(new TermRow(term.Slot, bits.Count, term.Size));
                objects.Add(term);
                bits.AddRange(term.BitsByCode ?? []);
            }

            termEnd[r] = rows.Count;
            firesAt[r] = rules[r].Fires is null ? -1 : answers.Count;
            answers.AddRange(rules[r].Fires ?? []);
        }

        terms = [.. rows];
        termObjects = [.. objects];
        leafBits = [.. bits];
        fires = [.. answers];
    }

    /// <summary>One term of a compiled rule: the field's slot in the code vector, where its bits start, how many codes.</summary>
    private readonly record struct TermRow(int Slot, int At, int Size);
}
