using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// One screening's evaluation of one history. A shared condition (an indication, the safety items a pathway waits
/// for) is decided once per screening however many rules read it, and explained once however many findings name its
/// inputs; everything else is evaluated as written.
/// </summary>
internal sealed class EvaluationScope(PatientHistory history)
{
    private static int s_slots;

    // 0 while undecided, otherwise the answer + 1; sized for the shared conditions that exist when the scope is made.
    private readonly byte[] _decided = new byte[Volatile.Read(ref s_slots)];

    // The inputs of each shared condition explained so far in this screening, by slot (a few per screening).
    private readonly List<(int Slot, List<Evidence> Because)> _explained = [];

    // The list a finding's inputs are gathered in; each finding keeps a copy of its own.
    private readonly List<Evidence> _because = new(8);

    public PatientHistory History { get; } = history;

    /// <summary>A slot for a new shared condition.</summary>
    public static int NewSlot() => Interlocked.Increment(ref s_slots) - 1;

    /// <summary>The answer of the shared condition in this slot, deciding it the first time.</summary>
    public Truth Decide(int slot, Condition condition)
    {
        if (slot >= _decided.Length)
        {
            return condition.Evaluate(this);
        }

        if (_decided[slot] == 0)
        {
            _decided[slot] = (byte)(condition.Evaluate(this) + 1);
        }

        return (Truth)(_decided[slot] - 1);
    }

    /// <summary>An empty list to gather one finding's inputs in, reused for every finding of the screening.</summary>
    public List<Evidence> EmptyBecause()
    {
        _because.Clear();
        return _because;
    }

    /// <summary>
    /// The inputs that explain the shared condition in this slot (<see cref="Condition.Explain"/>), made the first time:
    /// like its answer, they depend only on the history.
    /// </summary>
    public IReadOnlyList<Evidence> Explanation(int slot, Condition condition)
    {
        foreach (var (explained, inputs) in _explained)
        {
            if (explained == slot)
            {
                return inputs;
            }
        }

        var because = new List<Evidence>();
        condition.Explain(this, because);
        _explained.Add((slot, because));
        return because;
    }
}
