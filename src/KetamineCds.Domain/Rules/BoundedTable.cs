namespace KetamineCds.Domain.Rules;

/// <summary>
/// Immutable values the engine has built, by a key made of the screening's content (never the history object): a
/// rule's findings by the codes of the fields they name (<see cref="Explanation"/>), a rule set's pathway results by
/// which pathways are indicated and which contraindications and cautions fired (<see cref="ScreeningPlan"/>).
/// Threads read without locks and add with one compare-and-swap. Where there are few keys (at most
/// <see cref="MaxDirectKeys"/>), a value sits at its key's index; otherwise in a fixed-size open-addressing hash
/// table that never holds more than <see cref="MaxEntries"/> values: once full, values for new keys are built every
/// time instead of kept, so a long-running process holds at most that many per table.
/// </summary>
/// <typeparam name="T">An immutable value: any instance kept for a key must be interchangeable with a new one built for it.</typeparam>
internal sealed class BoundedTable<T>
    where T : class
{
    /// <summary>The most keys kept by index (an array of that many references).</summary>
    public const int MaxDirectKeys = 4096;

    /// <summary>The most values a hash table keeps.</summary>
    public const int MaxEntries = 1024;

    private readonly T?[]? _direct;
    private readonly int _capacity;
    private readonly int _shift;
    private readonly int _limit;
    private Entry?[]? _slots;
    private int _reserved;

    /// <param name="keySpace">How many different keys there can be (keys are 0 to keySpace - 1).</param>
    public BoundedTable(long keySpace)
    {
        if (keySpace <= MaxDirectKeys)
        {
            _direct = new T?[keySpace];
            return;
        }

        _limit = (int)Math.Min(keySpace, MaxEntries);

        // At least twice as many slots as entries, so that a probe always meets an empty slot and stays short. The
        // slots are allocated with the first value.
        _capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(_limit * 2));
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)_capacity);
    }

    public T? Find(long key)
    {
        if (_direct is { } direct)
        {
            return Volatile.Read(ref direct[key]);
        }

        if (Volatile.Read(ref _slots) is not { } slots)
        {
            return null;
        }

        var mask = slots.Length - 1;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            var entry = Volatile.Read(ref slots[i]);
            if (entry is null)
            {
                return null;
            }

            if (entry.Key == key)
            {
                return entry.Value;
            }
        }
    }

    /// <summary>Keeps the value for the key, unless the table is full or the key is already there.</summary>
    public void Add(long key, T value)
    {
        if (_direct is { } direct)
        {
            // Two threads may both build the value for a new key; they are equal, and either may stay.
            Volatile.Write(ref direct[key], value);
            return;
        }

        // Reserve a place first, so that racing threads never fill more than half the slots.
        if (Volatile.Read(ref _reserved) >= _limit || Interlocked.Increment(ref _reserved) > _limit)
        {
            return;
        }

        var entry = new Entry(key, value);
        var slots = Volatile.Read(ref _slots) ?? Interlocked.CompareExchange(ref _slots, new Entry?[_capacity], null) ?? _slots!;
        var mask = slots.Length - 1;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            var existing = Volatile.Read(ref slots[i]) ?? Interlocked.CompareExchange(ref slots[i], entry, null);
            if (existing is null)
            {
                return;
            }

            if (existing.Key == key)
            {
                Interlocked.Decrement(ref _reserved);
                return;
            }
        }
    }

    // Fibonacci hashing: the high bits of the key times 2^64 / phi.
    private int Home(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    private sealed class Entry(long key, T value)
    {
        public long Key { get; } = key;

        public T Value { get; } = value;
    }
}
