using FluentValidation;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Security;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The one way a screening is recorded, for the intake form and the API alike: validate the request, evaluate it,
/// record it in the decision log, and say which of the outcomes happened (recorded; invalid; not recorded; may have
/// been recorded). A result is only ever shown after <see cref="RecordingStatus.Recorded"/>.
/// </summary>
public sealed class ScreeningRecorder(IValidator<ScreeningRequest> validator, IDecisionLog log, DatabaseOutageLog outage, ILogger<ScreeningRecorder> logger)
{
    /// <summary>
    /// A submission id as the intake form posts it or a client sends it (<c>Idempotency-Key</c>): a GUID, and not the empty
    /// one. False for anything else; the caller says so at its field.
    /// </summary>
    public static bool TryReadSubmissionId(string? text, out Guid submissionId) =>
        Guid.TryParse(text, out submissionId) && submissionId != Guid.Empty;

    /// <summary>Records a request on behalf of <paramref name="actor"/>.</summary>
    /// <param name="request">The request as read from the form or the JSON body.</param>
    /// <param name="unreadable">
    /// Messages for fields whose typed value could not be read (a number that is not a number), by contract name;
    /// the validator does not repeat them.
    /// </param>
    /// <param name="actor">Who screens.</param>
    /// <param name="correlationId">The request's correlation id.</param>
    /// <param name="rescreenOf">The screening this one re-screens, or null.</param>
    /// <param name="correction">
    /// The earlier screening this one corrects and why, or null. Its reason is validated with the fields (every problem
    /// reported at once) and the screening is recorded as a correction of that entry, by the same path and with the same
    /// outcomes.
    /// </param>
    /// <param name="cancellationToken">Cancels validation and recording.</param>
    /// <param name="samePatientAs">
    /// The patient reference of the screening this one re-screens or corrects, or null: a re-screen or a correction is of
    /// that patient (QA8 F16), so a request naming another is refused under <c>patientReference</c>. References equal
    /// but for letter case and surrounding spaces are one patient (<see cref="DecisionLogEntry.LookupKey"/>).
    /// </param>
    /// <param name="submissionId">
    /// The one-time id of the form or request, or null. One already recorded is not recorded again: the result is
    /// <see cref="RecordingStatus.AlreadyRecorded"/> with that screening when <paramref name="actor"/> recorded it,
    /// <see cref="RecordingStatus.SubmittedByAnother"/> otherwise; one recorded with other answers (the request's contract
    /// JSON compared with the input stored then) is <see cref="RecordingStatus.SubmissionReused"/>, nothing recorded
    /// (QA157 F8). It is looked for before anything is validated (a
    /// correction sent twice would otherwise be refused as "already corrected" by itself), and again, with the unique
    /// index behind it, in the recording transaction, for two sent at once.
    /// </param>
    /// <param name="originOf">
    /// For a screening an EHR asked for: the CDS Hooks call behind it, made once the rules have run and before it is
    /// recorded (the call's cards, whose uuids the origin names, depend on the assessment). Null for the form and the API.
    /// </param>
    public async Task<RecordingResult> RecordAsync(
        ScreeningRequest request,
        IReadOnlyDictionary<string, List<string>> unreadable,
        Actor actor,
        string correlationId,
        Guid? rescreenOf,
        CancellationToken cancellationToken,
        Func<Assessment, HookOrigin>? originOf = null,
        Correction? correction = null,
        string? samePatientAs = null,
        Guid? submissionId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (submissionId is { } submitted)
        {
            try
            {
                if (await log.FindSubmissionAsync(submitted, cancellationToken) is { } recorded)
                {
                    return Resubmitted(recorded, actor, request, correction);
                }
            }
            catch (DecisionLogUnavailableException e)
            {
                return NotRecorded(outage.NotRecorded("A screening", e, $" (its submission {submitted} could not be looked for in the decision log)"));
            }
        }

        var errors = unreadable.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal);
        // A reason that could not be read (not a string, or given twice) is named so by the caller; it is not "missing".
        if (!unreadable.ContainsKey(Correction.ReasonName) && correction?.ReasonProblem() is { } reasonProblem)
        {
            errors[Correction.ReasonName] = [reasonProblem];
        }

        if (correction is not null && await LatestCorrectionOfAsync(correction.Corrects, cancellationToken) is { } newer)
        {
            // The same Idempotency-Key sent again at once: the first request's correction may have been stored between the
            // look for the submission above and this check. It is this request's own correction, answered as a repeat.
            if (submissionId is { } sent && await FoundSubmissionAsync(sent, cancellationToken) is { } ownFirst)
            {
                return Resubmitted(ownFirst, actor, request, correction);
            }

            // QA8 F17: a second correction of one entry would start from its answers and undo the first one's; the
            // entry to correct is the latest correction, which holds what the first one put right.
            errors[Correction.CorrectsName] = [AlreadyCorrected(correction, newer)];
        }

        if (samePatientAs is not null && request[Fields.PatientReference] is string reference && !string.IsNullOrWhiteSpace(reference)
            && !string.Equals(DecisionLogEntry.LookupKey(reference), DecisionLogEntry.LookupKey(samePatientAs), StringComparison.Ordinal))
        {
            errors[Fields.PatientReference.Name] = [ClinicalText.Shared.Message(
                correction is null ? "Validation.PatientReference.RescreenSamePatient" : "Validation.PatientReference.CorrectionSamePatient", samePatientAs.Trim())];
        }

        foreach (var failure in (await validator.ValidateAsync(request, cancellationToken)).Errors)
        {
            var name = NameOfProperty(failure.PropertyName);
            if (unreadable.ContainsKey(name))
            {
                continue; // the wrong-type message already says what is wrong with this field
            }

            if (!errors.TryGetValue(name, out var list))
            {
                errors[name] = list = [];
            }

            list.Add(failure.ErrorMessage);
        }

        if (correction?.CorrectedAnswers is { } correctedAnswers && errors.Keys.All(k => k == Correction.ReasonName)
            && CorrectionInForce.ChangedFields(correctedAnswers, request.ToHistory()).Count == 0)
        {
            // QA157 F3: recorded, it would mark the screening corrected ("answers entered wrongly") when nothing was put
            // right. Compared as the re-screen notice compares a correction (QA128 F1): every answer, the note left out,
            // since a correction's note box starts empty and a note is no answer the rules read. Asked once the answers
            // are valid (the screening corrected held valid answers, so one not valid now is a change), beside a problem
            // with the reason, so that both show at once.
            errors[Correction.CorrectsName] = [ClinicalText.Shared.Message("Validation.Corrects.NothingChanged", correction.Corrects)];
        }

        if (errors.Count > 0)
        {
            return new(RecordingStatus.Invalid, null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var history = request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history);
        try
        {
            var submission = new ScreeningSubmission(history, request.ToContractJson(), assessment, actor, correlationId)
            {
                RescreenOf = correction is null ? rescreenOf : null,
                Origin = originOf?.Invoke(assessment),
                SubmissionId = submissionId,
            };
            var logged = correction is null
                ? await log.RecordScreeningAsync(submission, cancellationToken)
                : await log.RecordCorrectionAsync(correction.Corrects, correction.TrimmedReason, submission, cancellationToken);
            return new(RecordingStatus.Recorded, logged, NoErrors);
        }
        catch (SubmissionAlreadyRecordedException e) when (e.Recorded is { } recorded)
        {
            logger.LogInformation("Submission {SubmissionId} arrived again while it was being recorded; screening {ScreeningId} holds it.", recorded.SubmissionId, recorded.ScreeningId);
            return Resubmitted(recorded, actor, request, correction);
        }
        catch (ScreeningAlreadyCorrectedException e) when (correction is not null)
        {
            // Two corrections of one screening sent at once both passed the check above; the log stored the other one. When
            // that one carries this request's submission id (the same Idempotency-Key sent again while the first was being
            // recorded), it is this request's own correction: answered as a repeat, never "already corrected" by itself.
            if (submissionId is { } sent && await FoundSubmissionAsync(sent, cancellationToken) is { } ownFirst)
            {
                return Resubmitted(ownFirst, actor, request, correction);
            }

            logger.LogInformation("A correction of screening {ScreeningId} was refused: another correction of it was stored first.", e.Corrects);
            if (await LatestCorrectionOfAsync(correction.Corrects, cancellationToken) is not { } storedFirst)
            {
                return NotRecorded(outage.NotRecorded($"A correction of screening {correction.Corrects}", new DecisionLogUnavailableException($"Another correction of it was stored first, and could not be read: {e.Message}"), ", and no result was shown"));
            }

            return new(RecordingStatus.Invalid, null, new Dictionary<string, string[]>(StringComparer.Ordinal) { [Correction.CorrectsName] = [AlreadyCorrected(correction, storedFirst)] });
        }
        catch (DecisionLogUnavailableException e)
        {
            var what = correction is null ? "A screening" : $"A correction of screening {correction.Corrects}";
            return NotRecorded(outage.NotRecorded(what, e, ", and no result was shown"));
        }
    }

    /// <summary>The entry recorded with <paramref name="submissionId"/>, or null when there is none or it cannot be read now.</summary>
    private async Task<RecordedSubmission?> FoundSubmissionAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        try
        {
            return await log.FindSubmissionAsync(submissionId, cancellationToken);
        }
        catch (DecisionLogUnavailableException)
        {
            return null;
        }
    }

    private static string AlreadyCorrected(Correction correction, LaterScreening newer) =>
        ClinicalText.Shared.Message("Validation.Corrects.AlreadyCorrected", correction.Corrects, newer.Id);

    private static RecordingResult NotRecorded(NotRecordedBecause because) => new(
        because switch
        {
            NotRecordedBecause.OutcomeUnknown => RecordingStatus.MayHaveBeenRecorded,
            NotRecordedBecause.RefusedByDatabase => RecordingStatus.RefusedByDatabase,
            _ => RecordingStatus.NotRecorded,
        },
        null,
        NoErrors);

    private static readonly Dictionary<string, string[]> NoErrors = [];

    /// <summary>
    /// What a submission already recorded comes to: sent again with the answers recorded then, that screening for its own
    /// author and a conflict for anybody else; with other answers (the id reused: a duplicated tab, a client reusing its
    /// key; QA157 F8), <see cref="RecordingStatus.SubmissionReused"/>, for anybody: that screening is not these answers'
    /// result, and these answers are not recorded under its id. A correction's request is its answers, the screening it
    /// corrects and its reason: the id sent with any of them changed, or a screening's id sent as a correction's (or the
    /// reverse), is reused too (the API's Idempotency-Key on corrections, QA158).
    /// </summary>
    private static RecordingResult Resubmitted(RecordedSubmission recorded, Actor actor, ScreeningRequest request, Correction? correction)
    {
        var status = !recorded.HoldsTheSameAnswersAs(request.ToContractJson()) || !recorded.IsTheSameCorrectionAs(correction?.Corrects, correction?.TrimmedReason)
            ? RecordingStatus.SubmissionReused
            : recorded.RecordedBy(actor.UserId) ? RecordingStatus.AlreadyRecorded
            : RecordingStatus.SubmittedByAnother;
        return new(status, null, NoErrors) { Submission = recorded };
    }

    /// <summary>The newest correction of screening <paramref name="id"/>, or null when it has none (or the log gave no answer).</summary>
    private async Task<LaterScreening?> LatestCorrectionOfAsync(Guid id, CancellationToken cancellationToken) =>
        (await log.FindLaterScreeningsAsync(id, cancellationToken))?.LatestCorrection;

    /// <summary>
    /// The contract name for a validator property path such as <c>AgeYears</c> or <c>SubstancesUsed[0]</c> (an item of
    /// a list belongs to its field).
    /// </summary>
    public static string NameOfProperty(string property)
    {
        var bracket = property.IndexOf('[', StringComparison.Ordinal);
        var name = bracket > 0 ? property[..bracket] : property;
        return Fields.All.FirstOrDefault(f => f.Property == name)?.Name
            ?? (name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..]);
    }
}
