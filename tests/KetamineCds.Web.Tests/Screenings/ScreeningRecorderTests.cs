using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;
using KetamineCds.Web.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace KetamineCds.Web.Tests.Screenings;

/// <summary>The one recording use case: each of its outcomes, and that nothing is stored unless the request is valid.</summary>
public sealed class ScreeningRecorderTests
{
    private static readonly Actor Psychiatrist = new("user-1", "psychiatrist@example.org", "psychiatrist");

    private static ScreeningRequest Valid() => Requests.OnlyTheRequiredAnswers();

    /// <summary>
    /// The race of one Idempotency-Key on two corrections sent at once: the first look for the key finds it free, the next
    /// finds the first request's correction of <c>corrects</c> stored under it with <c>reason</c>.
    /// </summary>
    private static (Guid Corrects, Guid SubmissionId, string Reason, RecordedSubmission Recorded) KeyFreeThenStoredByTheFirstRequest(Mock<IDecisionLog> log)
    {
        var corrects = Guid.NewGuid();
        var submissionId = Guid.NewGuid();
        const string reason = "Trials were 3, not 1.";
        var recorded = new RecordedSubmission(submissionId, Guid.NewGuid(), Psychiatrist.UserId, Valid().ToContractJson()) { Corrects = corrects, CorrectionReason = reason };
        log.SetupSequence(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>()))
            .ReturnsAsync((RecordedSubmission?)null)
            .ReturnsAsync(recorded);
        return (corrects, submissionId, reason, recorded);
    }

    private static (ScreeningRecorder Recorder, Mock<IDecisionLog> Log) Make()
    {
        var log = new Mock<IDecisionLog>(MockBehavior.Strict);
        // A correction is checked against the corrected entry's later corrections (QA8 F17): none here.
        log.Setup(l => l.FindLaterScreeningsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(LaterScreenings.None);
        return (new ScreeningRecorder(
            new ScreeningRequestValidator(), log.Object, new DatabaseOutageLog(TimeProvider.System, NullLogger<DatabaseOutageLog>.Instance), NullLogger<ScreeningRecorder>.Instance), log);
    }

    private static readonly Dictionary<string, List<string>> None = [];

    [Fact]
    public async Task RecordAsync_ValidRequest_RecordsTheEvaluatedHistoryAndReturnsTheLoggedScreening()
    {
        var (recorder, log) = Make();
        ScreeningSubmission? stored = null;
        var rescreenOf = Guid.NewGuid();
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .Callback<ScreeningSubmission, CancellationToken>((s, _) => stored = s)
            .ReturnsAsync((ScreeningSubmission s, CancellationToken _) =>
                new LoggedScreening(Guid.NewGuid(), 1, DateTimeOffset.UnixEpoch, s.Actor, s.CorrelationId, s.History, s.InputJson, s.Assessment, []));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", rescreenOf, CancellationToken.None);

        Assert.Equal(RecordingStatus.Recorded, result.Status);
        Assert.NotNull(result.Screening);
        Assert.Empty(result.Errors);
        Assert.NotNull(stored);
        Assert.Equal("MRN-1", stored!.History.PatientReference);
        Assert.Equal(rescreenOf, stored.RescreenOf);
        Assert.Equal("corr-1", stored.CorrelationId);
        Assert.Contains("\"ageYears\":45", stored.InputJson, StringComparison.Ordinal);
        Assert.Equal(Verdict.Incomplete, stored.Assessment.Overall); // no safety item recorded: never "eligible"
    }

    [Fact]
    public async Task RecordAsync_Correction_RecordsItAsACorrectionWithTheTrimmedReasonAndNoRescreen()
    {
        var (recorder, log) = Make();
        var corrects = Guid.NewGuid();
        ScreeningSubmission? stored = null;
        log.Setup(l => l.RecordCorrectionAsync(corrects, "Trials were 3, not 1.", It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .Callback<Guid, string, ScreeningSubmission, CancellationToken>((_, _, s, _) => stored = s)
            .ReturnsAsync((Guid c, string r, ScreeningSubmission s, CancellationToken _) =>
                new LoggedScreening(Guid.NewGuid(), 2, DateTimeOffset.UnixEpoch, s.Actor, s.CorrelationId, s.History, s.InputJson, s.Assessment, []) { Corrects = c, CorrectionReason = r });

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", Guid.NewGuid(), CancellationToken.None, correction: new Correction(corrects, "  Trials were 3, not 1.\n"));

        Assert.Equal(RecordingStatus.Recorded, result.Status);
        Assert.Equal(corrects, result.Screening!.Corrects);
        Assert.Null(stored!.RescreenOf); // a correction is not also a re-screen
        log.Verify(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" \t ")]
    public async Task RecordAsync_CorrectionWithoutReason_ReportsItWithTheFieldErrorsAndStoresNothing(string? reason)
    {
        var (recorder, log) = Make();
        var request = Valid();
        request[Fields.AgeYears] = 130;

        var result = await recorder.RecordAsync(request, None, Psychiatrist, "corr-1", null, CancellationToken.None, correction: new Correction(Guid.NewGuid(), reason));

        Assert.Equal(RecordingStatus.Invalid, result.Status);
        Assert.Equal(["ageYears", "correctionReason"], result.Errors.Keys.Order(StringComparer.Ordinal));
        log.Verify(l => l.FindLaterScreeningsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.AtMostOnce()); // only read
        log.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(false, RecordingStatus.NotRecorded)]
    [InlineData(true, RecordingStatus.MayHaveBeenRecorded)]
    public async Task RecordAsync_CorrectionAndTheLogFails_GivesTheSameOutcomesAsAScreening(bool outcomeUnknown, RecordingStatus expected)
    {
        var (recorder, log) = Make();
        log.Setup(l => l.RecordCorrectionAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DecisionLogUnavailableException("database down") { OutcomeUnknown = outcomeUnknown });

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, correction: new Correction(Guid.NewGuid(), "BP was 128/82."));

        Assert.Equal(expected, result.Status);
        Assert.Null(result.Screening);
    }

    [Fact]
    public async Task RecordAsync_AnotherCorrectionOfTheSameScreeningWasStoredFirst_NamesItUnderCorrectsAndShowsNoResult()
    {
        // Two corrections sent at once both find the screening uncorrected; the log stores one and refuses the other.
        var (recorder, log) = Make();
        var corrects = Guid.NewGuid();
        var first = new LaterScreening(Guid.NewGuid(), 7, DateTimeOffset.UnixEpoch, Psychiatrist, "BP was 128/82.");
        log.SetupSequence(l => l.FindLaterScreeningsAsync(corrects, It.IsAny<CancellationToken>()))
            .ReturnsAsync(LaterScreenings.None)
            .ReturnsAsync(new LaterScreenings([first], []));
        log.Setup(l => l.RecordCorrectionAsync(corrects, It.IsAny<string>(), It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ScreeningAlreadyCorrectedException(corrects, new DecisionLogUnavailableException("refused")));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, correction: new Correction(corrects, "Trials were 3, not 1."));

        Assert.Equal(RecordingStatus.Invalid, result.Status);
        Assert.Null(result.Screening);
        var message = Assert.Single(Assert.Single(result.Errors, e => e.Key == Correction.CorrectsName).Value);
        Assert.Contains(first.Id.ToString(), message, StringComparison.Ordinal); // the correction to correct instead
    }

    [Fact]
    public async Task RecordAsync_CorrectionWithItsKeySentAgainWhileTheFirstWasRecorded_IsThatCorrectionNeverAlreadyCorrected()
    {
        // The same Idempotency-Key on corrections sent at once (a second CI run caught one of four answered 400): both find
        // the key free and the screening uncorrected; the log stores the first, and refuses the second as "already
        // corrected" before its key is checked. The one stored first carries this key: it is this request's own correction.
        var (recorder, log) = Make();
        var (corrects, submissionId, reason, recorded) = KeyFreeThenStoredByTheFirstRequest(log);
        log.Setup(l => l.FindLaterScreeningsAsync(corrects, It.IsAny<CancellationToken>())).ReturnsAsync(LaterScreenings.None);
        log.Setup(l => l.RecordCorrectionAsync(corrects, It.IsAny<string>(), It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ScreeningAlreadyCorrectedException(corrects, new DecisionLogUnavailableException("refused")));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, correction: new Correction(corrects, reason), submissionId: submissionId);

        Assert.Equal(RecordingStatus.AlreadyRecorded, result.Status);
        Assert.Equal(recorded, result.Submission);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task RecordAsync_CorrectionWithItsKeyStoredBetweenTheLookForTheKeyAndTheAlreadyCorrectedCheck_IsThatCorrection()
    {
        // The same Idempotency-Key on corrections sent at once, the other interleaving (IdempotencyKeyApiTests
        // .Correct_SameKeySentFourTimesAtOnce failed so in CI): this request finds the key free, then the first request's
        // correction is stored, then this request's "already corrected" check finds that correction. It is this request's
        // own: answered as a repeat, nothing recorded (the strict mock has no RecordCorrectionAsync set up).
        var (recorder, log) = Make();
        var (corrects, submissionId, reason, recorded) = KeyFreeThenStoredByTheFirstRequest(log);
        log.Setup(l => l.FindLaterScreeningsAsync(corrects, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LaterScreenings([new LaterScreening(recorded.ScreeningId, 8, DateTimeOffset.UnixEpoch, Psychiatrist, reason)], []));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, correction: new Correction(corrects, reason), submissionId: submissionId);

        Assert.Equal(RecordingStatus.AlreadyRecorded, result.Status);
        Assert.Equal(recorded, result.Submission);
        Assert.Empty(result.Errors);
        log.Verify(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>()), Times.Exactly(2));
        log.Verify(l => l.RecordCorrectionAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RecordAsync_CorrectionOfAScreeningAnotherRequestCorrected_IsRefusedAsAlreadyCorrectedWithItsKeyLookedForAgain()
    {
        // The same check with a key that is not the other correction's: "already corrected", naming the correction to correct.
        var (recorder, log) = Make();
        var corrects = Guid.NewGuid();
        var submissionId = Guid.NewGuid();
        var other = new LaterScreening(Guid.NewGuid(), 8, DateTimeOffset.UnixEpoch, Psychiatrist, "BP was 128/82.");
        log.Setup(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>())).ReturnsAsync((RecordedSubmission?)null);
        log.Setup(l => l.FindLaterScreeningsAsync(corrects, It.IsAny<CancellationToken>())).ReturnsAsync(new LaterScreenings([other], []));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, correction: new Correction(corrects, "Trials were 3, not 1."), submissionId: submissionId);

        Assert.Equal(RecordingStatus.Invalid, result.Status);
        Assert.Contains(other.Id.ToString(), Assert.Single(result.Errors[Correction.CorrectsName]), StringComparison.Ordinal);
        log.Verify(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task RecordAsync_AnotherCorrectionWasStoredFirstAndCannotBeRead_SaysNotRecorded()
    {
        var (recorder, log) = Make();
        log.Setup(l => l.RecordCorrectionAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ScreeningAlreadyCorrectedException(Guid.NewGuid(), null));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, correction: new Correction(Guid.NewGuid(), "BP was 128/82."));

        Assert.Equal(RecordingStatus.NotRecorded, result.Status);
        Assert.Null(result.Screening);
    }

    [Fact]
    public async Task RecordAsync_InvalidRequest_ReturnsErrorsByContractNameAndStoresNothing()
    {
        var (recorder, log) = Make();
        var request = Valid();
        request[Fields.AgeYears] = 130;
        request[Fields.SubstancesUsed] = new List<string> { "alcohol", "tea" };
        request[Fields.SubstanceUse] = "active";

        var result = await recorder.RecordAsync(request, None, Psychiatrist, "corr-1", null, CancellationToken.None);

        Assert.Equal(RecordingStatus.Invalid, result.Status);
        Assert.Null(result.Screening);
        Assert.Contains("ageYears", result.Errors.Keys);
        Assert.Contains("substancesUsed", result.Errors.Keys); // a list item belongs to its field
        log.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RecordAsync_UnreadableField_KeepsItsMessageAndDoesNotRepeatTheValidators()
    {
        var (recorder, log) = Make();
        var request = Valid();
        request[Fields.AgeYears] = null; // the binder could not read "abc"
        var unreadable = new Dictionary<string, List<string>> { ["ageYears"] = ["\"abc\" is not a valid value for Age in years."] };

        var result = await recorder.RecordAsync(request, unreadable, Psychiatrist, "corr-1", null, CancellationToken.None);

        Assert.Equal(RecordingStatus.Invalid, result.Status);
        Assert.Equal(["\"abc\" is not a valid value for Age in years."], result.Errors["ageYears"]);
        log.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(false, RecordingStatus.NotRecorded)]
    [InlineData(true, RecordingStatus.MayHaveBeenRecorded)]
    public async Task RecordAsync_DecisionLogFails_SaysWhetherItMayHaveBeenStoredAndGivesNoScreening(bool outcomeUnknown, RecordingStatus expected)
    {
        var (recorder, log) = Make();
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DecisionLogUnavailableException("database down") { OutcomeUnknown = outcomeUnknown });

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Null(result.Screening);
    }

    [Theory]
    [InlineData("AgeYears", "ageYears")]
    [InlineData("SubstancesUsed[1]", "substancesUsed")]
    [InlineData("BenzodiazepineDiazepamEquivalentMg", "benzodiazepineDiazepamEquivalentMg")]
    public void NameOfProperty_ValidatorPath_GivesTheContractName(string path, string expected) =>
        Assert.Equal(expected, ScreeningRecorder.NameOfProperty(path));

    [Fact]
    public async Task RecordAsync_SubmissionIdAlreadyRecordedBySameUser_RecordsNothingAndNamesThatScreening()
    {
        // QA11 F6: looked for before anything is validated; the strict mock fails on any call to record.
        var (recorder, log) = Make();
        var submissionId = Guid.NewGuid();
        var recorded = new RecordedSubmission(submissionId, Guid.NewGuid(), Psychiatrist.UserId, new ScreeningRequest().ToContractJson());
        log.Setup(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>())).ReturnsAsync(recorded);

        var result = await recorder.RecordAsync(new ScreeningRequest(), None, Psychiatrist, "corr-1", null, CancellationToken.None, submissionId: submissionId);

        Assert.Equal(RecordingStatus.AlreadyRecorded, result.Status);
        Assert.Equal(recorded, result.Submission);
        Assert.Null(result.Screening);
    }

    [Fact]
    public async Task RecordAsync_SubmissionIdRecordedByAnotherUser_IsAConflictAndRecordsNothing()
    {
        var (recorder, log) = Make();
        var submissionId = Guid.NewGuid();
        log.Setup(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecordedSubmission(submissionId, Guid.NewGuid(), "another-user", Valid().ToContractJson()));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, submissionId: submissionId);

        Assert.Equal(RecordingStatus.SubmittedByAnother, result.Status);
        Assert.Null(result.Screening);
    }

    [Fact]
    public async Task RecordAsync_SubmissionIdRecordedByATwinWhileThisOneWasRecorded_NamesTheTwinsScreening()
    {
        // Two sent at once: both find the id free; the log stores one and refuses the other, naming the one stored.
        var (recorder, log) = Make();
        var submissionId = Guid.NewGuid();
        var recorded = new RecordedSubmission(submissionId, Guid.NewGuid(), Psychiatrist.UserId, Valid().ToContractJson());
        ScreeningSubmission? sent = null;
        log.Setup(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>())).ReturnsAsync((RecordedSubmission?)null);
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .Callback<ScreeningSubmission, CancellationToken>((s, _) => sent = s)
            .ThrowsAsync(new SubmissionAlreadyRecordedException(recorded));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, submissionId: submissionId);

        Assert.Equal(RecordingStatus.AlreadyRecorded, result.Status);
        Assert.Equal(recorded, result.Submission);
        Assert.Equal(submissionId, sent!.SubmissionId);
    }

    [Theory]
    [InlineData("another-user")]
    [InlineData(null)]
    public async Task RecordAsync_SubmissionIdRecordedWithOtherAnswers_IsReusedForAnybodyAndRecordsNothing(string? recordedBy)
    {
        // QA157 F8: the strict mock fails on any call to record.
        var (recorder, log) = Make();
        var submissionId = Guid.NewGuid();
        var recorded = new RecordedSubmission(submissionId, Guid.NewGuid(), recordedBy ?? Psychiatrist.UserId, Valid().ToContractJson().Replace("\"ageYears\":45", "\"ageYears\":46", StringComparison.Ordinal));
        Assert.NotEqual(Valid().ToContractJson(), recorded.InputJson);
        log.Setup(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>())).ReturnsAsync(recorded);

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, submissionId: submissionId);

        Assert.Equal(RecordingStatus.SubmissionReused, result.Status);
        Assert.Equal(recorded, result.Submission);
        Assert.Null(result.Screening);
    }

    [Fact]
    public async Task RecordAsync_TwinWithOtherAnswersRecordedWhileThisOneWasRecorded_IsReused()
    {
        // Two tabs with one id sent at once: both find the id free; the log stores the other and refuses this one.
        var (recorder, log) = Make();
        var submissionId = Guid.NewGuid();
        var recorded = new RecordedSubmission(submissionId, Guid.NewGuid(), Psychiatrist.UserId, Valid().ToContractJson().Replace("\"ageYears\":45", "\"ageYears\":46", StringComparison.Ordinal));
        log.Setup(l => l.FindSubmissionAsync(submissionId, It.IsAny<CancellationToken>())).ReturnsAsync((RecordedSubmission?)null);
        log.Setup(l => l.RecordScreeningAsync(It.IsAny<ScreeningSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SubmissionAlreadyRecordedException(recorded));

        var result = await recorder.RecordAsync(Valid(), None, Psychiatrist, "corr-1", null, CancellationToken.None, submissionId: submissionId);

        Assert.Equal(RecordingStatus.SubmissionReused, result.Status);
        Assert.Equal(recorded, result.Submission);
    }
}
