using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>What <see cref="ScreeningRecorder"/> did with a request.</summary>
/// <param name="Status">How the attempt ended.</param>
/// <param name="Screening">The recorded screening when <paramref name="Status"/> is <see cref="RecordingStatus.Recorded"/>.</param>
/// <param name="Errors">Per contract field name, when <see cref="RecordingStatus.Invalid"/>.</param>
public sealed record RecordingResult(RecordingStatus Status, LoggedScreening? Screening, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>
    /// The entry the submission id was recorded with, when <see cref="Status"/> is <see cref="RecordingStatus.AlreadyRecorded"/>,
    /// <see cref="RecordingStatus.SubmittedByAnother"/> or <see cref="RecordingStatus.SubmissionReused"/>.
    /// </summary>
    public RecordedSubmission? Submission { get; init; }
}
