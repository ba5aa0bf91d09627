using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// One screening's evaluation of one history. A shared condition (an indication, the safety items a pathway waits
/// for) is decided once per screening however many rules read it; everything else is evaluated as written.
/// </summary>
internal sealed class EvaluationScope(PatientHistory history)
{
    private static int s_slots;

    // 0 while undecided, otherwise the answer + 1; sized for the shared conditions that exist when the scope is made.
    private readonly byte[] _decided = new byte[Volatile.Read(ref s_slots)];

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
}
