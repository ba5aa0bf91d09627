namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// A screening was submitted with a submission id the log already holds (the same form sent twice, or two at once):
/// nothing was stored, and <see cref="Recorded"/> names the entry the first submission made. Not a failure of the log.
/// </summary>
public sealed class SubmissionAlreadyRecordedException : Exception
{
    public SubmissionAlreadyRecordedException()
    {
    }

    public SubmissionAlreadyRecordedException(string message)
        : base(message)
    {
    }

    public SubmissionAlreadyRecordedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SubmissionAlreadyRecordedException(RecordedSubmission recorded, Exception? innerException = null)
        : base($"Submission {recorded?.SubmissionId} was already recorded as screening {recorded?.ScreeningId}; nothing was stored.", innerException)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        Recorded = recorded;
    }

    /// <summary>The entry recorded with the submission id.</summary>
    public RecordedSubmission? Recorded { get; }
}
