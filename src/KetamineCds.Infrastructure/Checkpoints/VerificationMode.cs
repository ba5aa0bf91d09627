namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>How much of the chain a verification walks.</summary>
public enum VerificationMode
{
    /// <summary>Every entry from the first, and every checkpoint.</summary>
    Full,

    /// <summary>From the newest checkpoint that holds onward; older entries are vouched for by that checkpoint.</summary>
    FromCheckpoint,
}
