namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>How much of the chain a verification walks.</summary>
public enum VerificationMode
{
    /// <summary>Every entry from the first, and every checkpoint.</summary>
    Full,

    /// <summary>
    /// From the newest checkpoint that holds onward; older entries' stored hashes are vouched for by that checkpoint, not
    /// their content: an older entry edited without re-hashing, or two older entries swapped, is found by
    /// <see cref="Full"/> only. The entries before it are counted (QA141 F1): one deleted, inserted or moved out of 1..N
    /// there is the finding <see cref="DecisionLog.ChainFinding.CountBeforeCheckpoint"/>.
    /// </summary>
    FromCheckpoint,
}
