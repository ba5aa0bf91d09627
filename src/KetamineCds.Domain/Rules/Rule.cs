using System.Collections.Concurrent;
using System.Text;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// One clinical rule: a stable id, a kind and severity, the principles and sources it cites, its condition in plain
/// words and as data, and what it tells the clinician when it fires. Rules are pure: no I/O, no clock.
/// A contraindication blocks every pathway now; a caution marks every open pathway "with cautions"; requirements
/// and information never change a status.
/// </summary>
public abstract class Rule
{
    /// <summary>Stable id, e.g. <c>PSY-001</c>; never reused for a different meaning.</summary>
    public abstract string Id { get; }

    public abstract FindingKind Kind { get; }

    public abstract Severity Severity { get; }

    /// <summary>Principle ids from <c>principles.md</c>.</summary>
    public virtual IReadOnlyList<string> Principles => [];

    /// <summary>Source keys from <c>label-and-literature.md</c>.</summary>
    public virtual IReadOnlyList<string> Sources => [];

    /// <summary>The condition in plain words, as <c>docs/rules.md</c> and the rule catalogue page show it.</summary>
    public abstract string ConditionText { get; }

    /// <summary>The condition as data: evaluated, explained and hashed.</summary>
    public abstract Condition Condition { get; }

    public abstract string Summary { get; }

    public abstract string Detail { get; }

    /// <summary>The clinical topic, from the rule's folder (Bipolar, Psychosis, Vascular ...).</summary>
    public string Topic => GetType().Namespace is { } ns ? ns[(ns.LastIndexOf('.') + 1)..] : "Rules";

    /// <summary>The finding if the rule fires for this history, otherwise null.</summary>
    public Finding? Evaluate(PatientHistory history)
    {
        if (!Condition.IsMet(history))
        {
            return null;
        }

        return Found(history);
    }

    // What this rule answered before, by the codes of the fields its condition reads: the answer (fired or not) and
    // the finding depend only on those values, and a finding is immutable, so the same values get the same answer.
    // Small key spaces use a table (no condition evaluation at all on a repeat); larger ones a bounded dictionary.
    private Memory? _memory;

    private const int MaxTableSize = 1 << 17;
    private const int MaxCachedFindings = 4096;

    /// <summary>The engine's fast path: a finding equal to <see cref="Evaluate(PatientHistory)"/>'s.</summary>
    internal Finding? Evaluate(Condition condition, PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo)
    {
        var memory = _memory;
        if (memory is null || !ReferenceEquals(memory.Condition, condition))
        {
            _memory = memory = new Memory(condition, FindingKey.For(condition));
        }

        var key = memory.Key?.Of(codes) ?? -1;
        if (key < 0)
        {
            return condition.IsMet(history, codes, memo) ? Explained(condition, history, codes, memo) : null;
        }

        if (memory.State is { } state)
        {
            var known = Volatile.Read(ref state[key]);
            if (known != 0)
            {
                return known == 2 ? memory.Table![key] : null;
            }

            var computed = condition.IsMet(history, codes, memo) ? Explained(condition, history, codes, memo) : null;
            if (computed is not null)
            {
                memory.Table![key] = computed;
            }

            Volatile.Write(ref state[key], computed is null ? (byte)1 : (byte)2);
            return computed;
        }

        if (!condition.IsMet(history, codes, memo))
        {
            return null;
        }

        if (memory.Findings.TryGetValue(key, out var found))
        {
            return found;
        }

        var finding = Explained(condition, history, codes, memo);
        if (memory.Findings.Count < MaxCachedFindings)
        {
            memory.Findings.TryAdd(key, finding);
        }

        return finding;
    }

    private Finding Explained(Condition condition, PatientHistory history, ReadOnlySpan<int> codes, Span<byte> memo)
    {
        var buffer = EvidenceBuffer.ForThread();
        condition.Explain(history, codes, memo, buffer);
        return new Finding(Id, Kind, Severity, Principles, Sources, Summary, Detail, Array.AsReadOnly(buffer.ToArray()));
    }

    /// <summary>A rule's remembered answers for one condition instance.</summary>
    private sealed class Memory
    {
        public Memory(Condition condition, FindingKey? key)
        {
            Condition = condition;
            Key = key;
            if (key is { Space: > 0 and <= MaxTableSize })
            {
                State = new byte[key.Space];
                Table = new Finding?[key.Space];
            }
        }

        public Condition Condition { get; }

        public FindingKey? Key { get; }

        /// <summary>Per key: 0 not yet known, 1 does not fire, 2 fires with the finding in <see cref="Table"/>.</summary>
        public byte[]? State { get; }

        public Finding?[]? Table { get; }

        public ConcurrentDictionary<long, Finding> Findings { get; } = new();
    }

    private Finding Found(PatientHistory history)
    {
        var because = new List<Evidence>(4);
        Condition.Explain(history, because);
        return new Finding(Id, Kind, Severity, Principles, Sources, Summary, Detail, because);
    }

    /// <summary>Everything that defines the rule, as one canonical line for the rule set's digest.</summary>
    public string CanonicalDefinition()
    {
        var sb = new StringBuilder();
        sb.Append("id=").Append(Id)
            .Append("|kind=").Append(WireNames.Of(Kind))
            .Append("|severity=").Append(WireNames.Of(Severity))
            .Append("|principles=").AppendJoin(',', Principles)
            .Append("|sources=").AppendJoin(',', Sources)
            .Append("|when=").Append(Condition.Canonical)
            .Append("|condition=").Append(ConditionText)
            .Append("|summary=").Append(Summary)
            .Append("|detail=").Append(Detail);
        return sb.ToString();
    }
}
