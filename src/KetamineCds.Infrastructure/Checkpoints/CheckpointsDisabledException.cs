namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>Signed checkpoints are off: no key is configured.</summary>
public sealed class CheckpointsDisabledException : Exception
{
    public CheckpointsDisabledException()
        : base("Signed checkpoints are off.")
    {
    }

    public CheckpointsDisabledException(string message)
        : base(message)
    {
    }

    public CheckpointsDisabledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
