namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A correction was not stored because the screening it corrects had been corrected already, by a correction stored
/// first (two sent at once: the log's trigger decides in the recording transaction). The caller corrects the latest
/// correction instead.
/// </summary>
public sealed class ScreeningAlreadyCorrectedException : Exception
{
    public ScreeningAlreadyCorrectedException()
    {
    }

    public ScreeningAlreadyCorrectedException(string message)
        : base(message)
    {
    }

    public ScreeningAlreadyCorrectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScreeningAlreadyCorrectedException(Guid corrects, Exception? innerException)
        : base($"Screening {corrects} was corrected already; the correction was not stored.", innerException)
    {
        Corrects = corrects;
    }

    /// <summary>The screening the refused correction was of.</summary>
    public Guid Corrects { get; }
}
