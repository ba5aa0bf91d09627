using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Fhir;
using KetamineCds.Infrastructure.CdsHooks;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Api;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Answers a hook call: reads the FHIR it was given into the screening's fields, and either runs the rules (every
/// required item recorded) and records the screening, or records an answer naming what the chart does not hold. The
/// answer is in the decision log, with the call's origin, before any card is returned.
/// </summary>
public sealed partial class CdsHookAnswering(IValidator<ScreeningRequest> validator, IDecisionLog log, IDecisionLogAudit audit, ScreeningRecorder recorder, CdsHookStore store, TimeProvider clock, ClinicCalendar calendar, IOptions<ClinicOptions> clinic)
{
    /// <summary>The role recorded for people who asked through an EHR (their EHR user id is the actor).</summary>
    public const string EhrUserRole = "EhrUser";

    /// <summary>The role recorded for a client's feedback (the spec's feedback names no user).</summary>
    public const string ClientRole = "CdsHooksClient";

    public async Task<IReadOnlyList<Card>> AnswerAsync(CdsHookService service, CdsHookCaller caller, byte[] body, string baseUrl, string correlationId, CancellationToken cancellationToken)
    {
        using var document = Parse(body);
        var call = HookCall.Read(document.RootElement, service);
        IReadOnlyList<OrderedMedication>? orders = null;
        if (service.OrderSign)
        {
            bool ordersKetamine;
            try
            {
                // Every order is of this patient (context.patientId, and the prefetch Patient's record numbers), or refused
                // as the prefetch's resources are.
                orders = DraftOrders.Read(call.DraftOrders!.Value, call.PatientId, call.Prefetch);
                ordersKetamine = DraftOrders.OrdersKetamine(orders);
            }
            catch (FormatException e)
            {
                throw new CdsHookRequestException(e.Message);
            }
            catch (FhirFormatException e)
            {
                // The same reason as the prefetch's, naming context.draftOrders and the entry; nothing is recorded.
                throw new CdsHookRequestException(Say("CdsHooks.Request.FhirUnreadable", e.Message), e);
            }

            if (!ordersKetamine)
            {
                // An order whose medicine cannot be identified may be ketamine: said, and recorded (QA120 F7); an order
                // identified as another medicine (amlodipine) gets no cards and nothing is recorded.
                var unidentified = DraftOrders.Unidentified(orders);
                return unidentified.Count == 0 ? [] : await AnswerUnidentifiedOrderAsync(call, service, caller, unidentified, baseUrl, correlationId, cancellationToken);
            }
        }

        // The chart's dates are read in the clinic's days: today's blood pressure is the clinic's today's, whatever offset
        // the EHR wrote its time in; an observation timed in the future is not read.
        FhirReading reading;
        try
        {
            // Every resource of the prefetch is of the call's patient (context.patientId), its Patient resource included, as
            // the draft orders are: a chart of another patient is refused naming the entry, with or without a Patient.
            reading = FhirHistoryReader.Read(call.Prefetch, clock.GetUtcNow(), calendar.Zone, call.PatientId);
        }
        catch (FhirFormatException e)
        {
            throw new CdsHookRequestException(Say("CdsHooks.Request.FhirUnreadable", e.Message));
        }

        var values = new Dictionary<string, object>(reading.Values, StringComparer.Ordinal);
        // The clinic's record number where the client names its system and the Patient gives it (QA158 F4), else the FHIR id
        // (A-Z, a-z, 0-9, '-', '.', at most 64), a valid patient reference too.
        values.TryAdd(Fields.PatientReference.Name, call.PatientReference(caller));
        var (kept, setAside) = SetAsideContradictions(values);
        var builder = new CardBuilder(baseUrl, service.OrderSign) { ChartNotAllSent = call.Gaps.Any(g => g.NotAllSent) };
        List<Card> contradiction = setAside.Count == 0 ? [] : [builder.Contradiction(CardBuilder.CurrentVersion, kept, setAside)];
        var actor = new Actor(Fit(call.UserId, 450), Fit(call.UserId, 256), EhrUserRole);

        var (required, safety) = NotRecorded(values);
        Completion? completedBy = null;
        HookDisagreement? loggedDisagreement = null;
        List<Card> identity = [];
        if (required.Count > 0)
        {
            // The chart rarely holds the trials or suicidality. When the clinician has recently completed a screening of
            // this patient in KetamineCds, its answers fill what the chart does not say; the chart's own values win.
            completedBy = await RecentScreeningAsync((string)values[Fields.PatientReference.Name], cancellationToken);
            if (completedBy is not null)
            {
                // Dated by the encounter the answers were recorded at (a correction's, the screening it corrects).
                var earlier = EarlierAnswers.Of(completedBy.Screening with { RecordedAt = completedBy.RecordedAt }, calendar).Request;
                // Helper 258: a sex at birth or an age on which the chart and the screening cannot both be right may mean that
                // they are not of the same patient: a card asks the clinician to check; the chart's answer is kept, and an
                // age its birth date does not allow nor fix is left not recorded, never the screening's.
                var mismatches = IdentityMismatches(reading, earlier, calendar.DayOf(completedBy.RecordedAt));
                if (mismatches.Count > 0)
                {
                    identity.Add(builder.Identity(CardBuilder.CurrentVersion, mismatches, completedBy.Screening.Id.ToString(), calendar.DayOf(completedBy.RecordedAt)));
                }

                // A measurement the chart and the clinician both give describes its moment: the newer reading is used, never
                // an older chart reading in place of the clinician's newer one (QA120 F2); where the order cannot be told,
                // item 9 takes the higher and any other measurement is left not recorded (unsettled).
                var (measured, unsettled) = TakeTheNewer(values, earlier, reading.Sources, ChartMoments.Of(reading, calendar), completedBy.RecordedAt, completedBy.Carried);
                // Where the chart answers less cautiously than the clinician did, the clinician's answer is kept and a card
                // names both (QA13 H1); where it answers more cautiously, its answer stays and the card names both too
                // (QA272 F6: a correction's "not pregnant" beside the chart's pregnancy); then the chart's gaps are filled.
                var disagreements = InCatalogueOrder([.. measured, .. TakeTheMoreCautious(values, earlier, reading.Sources, completedBy.Carried)]);
                if (disagreements.Count > 0)
                {
                    contradiction.Add(builder.Disagreement(CardBuilder.CurrentVersion, disagreements, completedBy.Screening.Id.ToString(), calendar.DayOf(completedBy.RecordedAt), new ClinicTime(calendar)));
                }

                // The auditor sees it too: the log's entry keeps what the cards name (in its origin, hashed with it), the
                // "Same patient?" card's facts among them (helper 261).
                if (disagreements.Count > 0 || mismatches.Count > 0)
                {
                    loggedDisagreement = Logged(disagreements, mismatches, completedBy.Screening.Id, calendar.DayOf(completedBy.RecordedAt));
                }

                // Helper 218: the chart's PHQ-9 items without a total, taken after the earlier screening (or when the order
                // cannot be told), are of a later administration: its total is not current, and they are named instead.
                // Helper 223: so are its PHQ-9 results without an item 9, beside the screening's item 9.
                reading = WithItemsLaterThan(reading, values, earlier, completedBy.RecordedAt);
                // A chart entry named to check (QA13 H3, M4: a ketamine allergy in words, a provisional aneurysm, a
                // schizophrenia diagnosis) keeps the earlier answer out too: that answer may not have weighed it.
                FillFrom(values, earlier, completedBy.Carried, [.. setAside, .. unsettled, .. reading.ToCheck.Select(c => c.Field), .. mismatches.Select(m => m.Field)]);
                (required, safety) = NotRecorded(values);
            }
        }

        // A clinician's decision against the recommendation in force where the answers came from goes with the verdict, as
        // on the screening's page, print and API (QA132 F1): the cards name it when it goes against this answer's verdict.
        var decisions = completedBy is null ? [] : await DecisionsInForceAsync(completedBy.Screening, cancellationToken);
        var needsAttention = new List<string>();
        ScreeningRequest? request = null;
        if (required.Count == 0)
        {
            (request, needsAttention) = await ReadAsync(values, cancellationToken);
        }

        if (request is null)
        {
            var patientReference = Fit(values[Fields.PatientReference.Name] as string ?? call.PatientReference(caller), 64);
            // A contraindication the chart records blocks a pathway whatever else is missing, or refused: its critical card
            // comes first. The form is then prefilled without the values it would refuse.
            var (contraindications, evaluated) = await RecordedContraindicationsAsync(values, cancellationToken);
            foreach (var field in needsAttention)
            {
                values.Remove(field);
            }

            var (prefill, prefillUrl) = NewPrefill(baseUrl, patientReference, values, completedBy, reading.ToCheck, reading.Rounded, call.FhirIdBecause(caller));
            // The items that call for care while not recorded, as the form's result page lists them (QA13 L1); one the chart
            // holds an entry to check about is among them, named by that entry's line (helper 228: it was left out, and a
            // blood pressure in kPa left the first-dose list).
            var care = CareNotRecorded(values, [.. needsAttention, .. setAside]);
            var answerCards = WithRounded(WithPrefetchGaps(
            [
                .. builder.ForContraindications(contraindications, CardBuilder.CurrentVersion),
                // Whether the chart and the screening are of the same patient comes first after them (helper 258).
                .. identity,
                // Imminent suicide risk in the answers is named whatever else is missing (QA281 F1), then a positive item 9
                // (QA132 F4): after the critical cards.
                .. ImminentRisk(builder, evaluated, reading),
                .. PositiveItem9(builder, RuleSetCatalog.Current, reading, null),
                .. DecisionCards(builder, CardBuilder.CurrentVersion, completedBy, decisions, contraindications.Count > 0 ? Verdict.NotEligibleNow : Verdict.Incomplete),
                .. contradiction,
                builder.Incomplete(CardBuilder.CurrentVersion, required, safety, needsAttention, care, prefillUrl, besideContraindication: contraindications.Count > 0, toCheck: reading.ToCheck),
            ], call.Gaps), Held(reading.Rounded, values, completedBy));
            var origin = call.Origin(caller, service, answerCards, loggedDisagreement, reading);
            var answer = await log.RecordHookAnswerAsync(
                new HookAnswerSubmission(patientReference, [.. required, .. safety, .. needsAttention, .. setAside, .. care], actor, correlationId, origin)
                {
                    Contraindications = contraindications,
                    RuleSet = RuleSetCatalog.Current.Identity,
                    // What those rules read, so that the auditor can replay the answer (QA158 F2).
                    Inputs = evaluated,
                },
                cancellationToken);
            // Overriding any of these cards is proceeding against it: a critical card (or the contradiction's), or the
            // incomplete card, whose override reasons the EHR collects when the clinician goes past the screening
            // unfinished (QA109 F3: that reason was once answered 200 and dropped).
            await SaveAnswerAsync([.. answerCards.Select(c => (c, (OverrideDecision?)OverrideDecision.Proceed))], prefill, service, caller, answer.Id, answer.Sequence, null, cancellationToken);
            return CardBuilder.WithRecordNote(answerCards, RecordNote(CardTexts.AnswerRecorded(answer.Id.ToString()), completedBy));
        }

        // Recorded like every screening (ScreeningRecorder), with the call as its origin: the cards are made once the rules
        // have run, so that the origin names their uuids, and sent only once the screening is recorded.
        List<Card> cards = [];
        (CdsHookPrefill? Prefill, string? Url) incomplete = (null, null);
        var history = request.ToHistory();
        var recording = await recorder.RecordAsync(request, NothingUnreadable, actor, correlationId, completedBy?.Screening.Id, cancellationToken, assessment =>
        {
            // The cards name what the result page lists as not recorded: the same summary, from the same history.
            var notRecorded = NotRecordedSummary.Of(assessment, history);
            var needsForm = CardBuilder.NeedsForm(assessment, notRecorded);
            incomplete = needsForm || reading.ToCheck.Count > 0
                ? NewPrefill(baseUrl, (string)values[Fields.PatientReference.Name], values, completedBy, reading.ToCheck, reading.Rounded, call.FhirIdBecause(caller))
                : (null, null);
            // A finding's input the rules read as a default says so (QA128 F6); the request holds the jurisdiction (ReadAsync).
            var screened = new CardBuilder(baseUrl, service.OrderSign) { ChartNotAllSent = builder.ChartNotAllSent, DefaultsApplied = Display.DefaultsApplied(request), History = history };
            // The card naming what is not recorded names the chart entries to check, each once, under what it blocks (helper
            // 231: they were appended to it after it was built, naming an item twice and leaving the summary's count short);
            // with no such card, the last card of the assessment names them, each once beside its first-dose section (helper 232).
            var assessed = screened.ForAssessment(assessment, notRecorded, incomplete.Url, reading.ToCheck);
            // After the critical cards (a contraindication stays first), before the rest: an eligible card's first.
            assessed.InsertRange(assessed.TakeWhile(c => c.Indicator == "critical").Count(), DecisionCards(screened, assessment.RuleSet.Version, completedBy, decisions, assessment.Overall));
            // A positive item 9 in the chart that no finding names (SUI-008 did not fire) comes right after them (QA132 F4).
            assessed.InsertRange(assessed.TakeWhile(c => c.Indicator == "critical").Count(), PositiveItem9(screened, RuleSetCatalog.Find(assessment.RuleSet.Version) ?? RuleSetCatalog.Current, reading, assessment.Findings));
            // Imminent suicide risk (SUI-007 fired) that no card names (beside a contraindication, or on an incomplete answer,
            // a requirement is on none) comes before it (QA281 F1); an eligible card lists it already.
            if (assessment.Findings.FirstOrDefault(f => f.RuleId == CardBuilder.ImminentRiskRuleId) is { } imminent && !CardBuilder.Names(assessment, imminent))
            {
                assessed.Insert(assessed.TakeWhile(c => c.Indicator == "critical").Count(), screened.ImminentRisk(assessment.RuleSet.Version, imminent, reading));
            }

            // Whether the chart and the screening are of the same patient before them all (helper 258).
            assessed.InsertRange(assessed.TakeWhile(c => c.Indicator == "critical").Count(), identity);
            cards = WithRounded(WithPrefetchGaps([.. assessed, .. contradiction], call.Gaps), Held(reading.Rounded, values, completedBy));
            return call.Origin(caller, service, cards, loggedDisagreement, reading);
        });
        var logged = recording.Status switch
        {
            RecordingStatus.Recorded => recording.Screening!,
            RecordingStatus.Invalid => throw new CdsHookRequestException(Say("CdsHooks.Request.ChartDataNotUsable", string.Join(", ", recording.Errors.Keys))),
            // The database answered and refused the entry: no outage (a 503 would tell the EHR to try again shortly).
            RecordingStatus.RefusedByDatabase => throw new CdsHookRefusedException(),
            _ => throw new DecisionLogUnavailableException("The decision log could not record the hook's screening.")
            {
                OutcomeUnknown = recording.Status == RecordingStatus.MayHaveBeenRecorded,
            },
        };
        var incompletePrefill = incomplete.Prefill;
        await SaveAnswerAsync(
            [.. cards.Select(c => (c, (OverrideDecision?)c.OverrideMeans))],
            incompletePrefill,
            service,
            caller,
            logged.Id,
            logged.Sequence,
            logged.Id,
            cancellationToken);

        return CardBuilder.WithRecordNote(cards, RecordNote(CardTexts.Recorded(logged.Id.ToString()), completedBy));
    }

    /// <summary>The cards' record note: what was recorded, then, for an answer completed from an earlier screening, which one (sentences joined as the language sets them).</summary>
    private string RecordNote(string recorded, Completion? completedBy) => completedBy is null
        ? recorded
        : ClinicalText.Sentences(recorded, CardTexts.CompletedFrom(completedBy.Screening.Id.ToString(), calendar.DayOf(completedBy.RecordedAt), calendar.Zone.Id));

    /// <summary>
    /// The answer to an order-sign whose draft orders name no ketamine but hold an order whose medicine cannot be identified
    /// (<see cref="DraftOrders.Unidentified"/>): one <c>info</c> card saying so, recorded as a hook answer (nothing is
    /// missing from a screening; the card's words are in its origin) before it is sent, its card stored for feedback.
    /// </summary>
    private async Task<IReadOnlyList<Card>> AnswerUnidentifiedOrderAsync(HookCall call, CdsHookService service, CdsHookCaller caller, IReadOnlyList<OrderedMedication> unidentified, string baseUrl, string correlationId, CancellationToken cancellationToken)
    {
        var builder = new CardBuilder(baseUrl, service.OrderSign);
        List<Card> cards = [builder.UnidentifiedOrder(CardBuilder.CurrentVersion, [.. unidentified.Select(DraftOrders.Describe)])];
        var actor = new Actor(Fit(call.UserId, 450), Fit(call.UserId, 256), EhrUserRole);
        var answer = await log.RecordHookAnswerAsync(
            new HookAnswerSubmission(Fit(call.PatientReference(caller), 64), [], actor, correlationId, call.Origin(caller, service, cards, null, null))
            {
                RuleSet = RuleSetCatalog.Current.Identity,
            },
            cancellationToken);
        await SaveAnswerAsync([.. cards.Select(c => (c, (OverrideDecision?)OverrideDecision.Proceed))], null, service, caller, answer.Id, answer.Sequence, null, cancellationToken);
        return CardBuilder.WithRecordNote(cards, CardTexts.AnswerRecorded(answer.Id.ToString()));
    }

    /// <summary>
    /// Records each <c>overridden</c> outcome as an override of the decision behind its card: the screening, or, for an
    /// answer that ran no screening, the hook answer itself (a contraindication the chart records, signed against, or
    /// the incomplete card, gone past without completing the screening). Returns the first unknown card uuid (then
    /// nothing is recorded), or null.
    /// </summary>
    public async Task<string?> FeedbackAsync(CdsHookService service, CdsHookCaller caller, byte[] body, string correlationId, CancellationToken cancellationToken)
    {
        using var document = Parse(body);
        var items = Feedback.Read(document.RootElement, clock.GetUtcNow());
        var found = new List<(Feedback Item, CdsHookCard Card)>();
        foreach (var item in items)
        {
            var card = Guid.TryParse(item.CardUuid, out var uuid) ? await store.FindCardAsync(uuid, service.Id, caller.Issuer, cancellationToken) : null;
            if (card is null)
            {
                return item.CardUuid;
            }

            found.Add((item, card));
        }

        // Each decision an overridden card is of is read before anything is recorded (its overrides, so that a retry is not
        // recorded twice): one that cannot be read refuses the whole call, as an unknown card does, never half of it.
        var earlierOf = new Dictionary<Guid, List<LoggedOverride>>();
        foreach (var (_, card) in found.Where(f => f.Item.Outcome == "overridden"))
        {
            var decisionId = card.ScreeningId ?? card.EntryId;
            if (!earlierOf.ContainsKey(decisionId))
            {
                try
                {
                    earlierOf[decisionId] = [.. (card.ScreeningId is { } screeningId
                        ? (await log.FindScreeningAsync(screeningId, cancellationToken))?.Overrides
                        : (await audit.FindHookAnswerAsync(card.EntryId, cancellationToken))?.Overrides) ?? []];
                }
                catch (DecisionLogEntryUnreadableException ex)
                {
                    throw new CdsHookFeedbackUnreadableException(decisionId, ex);
                }
            }
        }

        var actor = ClientActor(caller);
        foreach (var (item, card) in found)
        {
            if (item.Outcome != "overridden")
            {
                continue;
            }

            var decisionId = card.ScreeningId ?? card.EntryId;

            // In CDS Hooks 2.0 "overridden" says only that the clinician did not act on the card. With one of the reasons
            // the card offers, the clinician stated why they went against it: the decision the card's override means is
            // recorded (a card stored without one is the incomplete card of an answer without a screening, stored before
            // QA109 F3: going past it is proceeding). Without a reason, or with a code the card did not offer, no decision
            // and no reason is recorded, only that it was overridden (QA141 F3): never a "proceed" nobody stated.
            OverrideReason? reason = WireNames.TryParse<OverrideReason>(item.ReasonCode, out var parsed) ? parsed : null;
            OverrideDecision? decision = reason is null
                ? null
                : card.OverrideDecision == WireNames.Of(OverrideDecision.DoNotProceed) ? OverrideDecision.DoNotProceed : OverrideDecision.Proceed;
            // A reason code the card did not offer is kept in the explanation, with or without a comment: the log shows
            // what the EHR sent.
            var unknownCode = item.ReasonCode is { } given && reason is null
                ? $" Reason code given: {given}."
                : "";
            // The card is named in the explanation: a decision has several cards, and each overridden card is an outcome
            // of its own (the spec's feedback is one per card outcome). So is when the clinician acted on it in the EHR
            // (outcomeTimestamp, in UTC), which the log's own time (when the feedback arrived) may lag. The clinician's
            // words are cut, never these facts.
            var recordedFacts = unknownCode + $" CDS Hooks card: {card.Uuid}. Acted on in the EHR at {item.ActedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}.";
            var words = item.Comment is { Length: > 0 } comment ? comment : CardTexts.FeedbackExplanation;
            if (words.Length > OverrideExplanationMax - recordedFacts.Length)
            {
                // The log says when the clinician's words were cut, and how long they were (QA132 F5).
                recordedFacts = $" The EHR's comment was cut to fit: it had {FreeText.Length(words).ToString("N0", CultureInfo.InvariantCulture)} characters." + recordedFacts;
            }

            var explanation = Fit(words, OverrideExplanationMax - recordedFacts.Length) + recordedFacts;
            // An EHR may send the same feedback again (a retry): an override the log already holds from this client for
            // this card, with the same decision, reason and words, is not recorded twice. A different override of the same
            // card (the clinician changed their reason or words) is a new entry naming the same card: the log keeps both,
            // in order, as the clinician gave them.
            var submission = new OverrideSubmission(decisionId, decision, reason, explanation, actor, correlationId);
            var earlier = earlierOf[decisionId];
            if (earlier.Any(o => o.Decision == submission.Decision && o.Reason == submission.Reason
                    && string.Equals(o.Explanation, submission.Explanation, StringComparison.Ordinal)
                    && string.Equals(o.RecordedBy.Email, actor.Email, StringComparison.Ordinal)))
            {
                continue;
            }

            earlier.Add(await log.RecordOverrideAsync(submission, cancellationToken));
        }

        return null;
    }

    /// <summary>What the access log records of feedback refused because the entry its card is of cannot be read.</summary>
    public const string FeedbackDetail = "cds-hooks feedback";

    /// <summary>
    /// Who a client's feedback is recorded as (the spec's feedback names no user): the client, by its <c>iss</c>, in
    /// <see cref="ClientRole"/>; the decision log's overrides and the access log's events alike.
    /// </summary>
    public static Actor ClientActor(CdsHookCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new Actor(Fit("cds-hooks:" + caller.Issuer, 450), Fit(caller.Issuer, 256), ClientRole);
    }

    /// <summary>
    /// A chart that records yes to a question its other answers rule out (a pregnancy for a patient recorded male at
    /// birth) contradicts itself, and the validator would refuse the yes. The yes may be the true answer, and missing it
    /// is the unsafe error: the answers that rule it out are left out instead, so that the rules see the yes (a pregnancy
    /// blocks every pathway), and a card names both for the clinician to check.
    /// </summary>
    private static (List<string> Kept, List<string> SetAside) SetAsideContradictions(Dictionary<string, object> values)
    {
        List<string> kept = [], setAside = [];
        foreach (var field in Fields.All)
        {
            if (field.YesRuledOutWhen is { } ruledOut && values.GetValueOrDefault(field.Name) is true
                && ruledOut.Applies(name => values.GetValueOrDefault(name)))
            {
                kept.Add(field.Name);
                setAside.AddRange(ruledOut.Clauses.Select(c => c.Field).Where(values.Remove));
            }
        }

        return (kept, [.. setAside.Distinct(StringComparer.Ordinal)]);
    }

    private static readonly Dictionary<string, List<string>> NothingUnreadable = [];

    /// <summary>The longest override explanation the log keeps (as on the form).</summary>
    private const int OverrideExplanationMax = 2000;

    /// <summary>How recent a screening completed in KetamineCds must be for its answers to fill the chart's gaps.</summary>
    public static readonly TimeSpan CompletionWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// The screening a clinician recorded in KetamineCds (the form or the API; never an EHR's own earlier answer) whose
    /// answers complete the chart, with the day they were recorded, and the fields it filled.
    /// </summary>
    private sealed record Completion(LoggedScreening Screening, DateTimeOffset RecordedAt)
    {
        public HashSet<string> Carried { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>How many corrections of corrections are followed back to the encounter.</summary>
    private const int MaxCorrectionChain = 32;

    /// <summary>
    /// The newest screening a clinician recorded of this patient within <see cref="CompletionWindow"/>. An EHR's earlier
    /// automatic answers are never used: they would restart the window at each chart opening and re-date the answers they
    /// carried. A correction puts right the encounter it corrects, so its answers are dated by that encounter (followed
    /// back through corrections of corrections), and the window is counted from it.
    /// </summary>
    private async Task<Completion?> RecentScreeningAsync(string patientReference, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - CompletionWindow;
        if (await store.LatestClinicianScreeningSinceAsync(patientReference, since, cancellationToken) is not { } id)
        {
            return null;
        }

        try
        {
            if (await log.FindScreeningAsync(id, cancellationToken) is not { } screening)
            {
                return null;
            }

            // Its two stored copies of the answers disagree (only a log altered behind the app's back holds one): either may
            // be the altered one, so it fills nothing, as one that cannot be read; a re-screen from it is refused as well.
            if (!StoredInputs.Agree(screening.InputJson, screening.History))
            {
                return null;
            }

            var encounter = screening;
            for (var step = 0; encounter.Corrects is { } corrected && step < MaxCorrectionChain; step++)
            {
                if (await log.FindScreeningAsync(corrected, cancellationToken) is not { } earlier)
                {
                    return null;
                }

                encounter = earlier;
            }

            return encounter.Corrects is null && encounter.RecordedAt >= since ? new Completion(screening, encounter.RecordedAt) : null;
        }
        catch (DecisionLogEntryUnreadableException)
        {
            // A completed screening that cannot be read (only a tampered log holds one) fills nothing: the chart's gaps stay
            // not recorded, and the answer says so. Verify names the entry.
            return null;
        }
    }

    /// <summary>
    /// The decisions against the recommendation in force where an answer completed from <paramref name="completing"/> came
    /// from (QA132 F1): the clinician's decision in force on that screening, by the one rule its result page, print and the
    /// patient list read it by (<see cref="EarlierScreening.DecisionInForceAsync"/>: its last override, or, for a correction
    /// without one, the last recorded on the screening it corrects, QA137 F1); and that of KetamineCds's earlier answers to
    /// the EHR completed from it whose override is the newest (an EHR's feedback "do not proceed" of an eligible card is
    /// recorded on the hook's own screening). The two are kept apart: an EHR's later feedback never replaces the clinician's
    /// decision on the screening. An entry that cannot be read (only a log altered behind the app's back holds one; Verify
    /// names it) gives none.
    /// </summary>
    private async Task<List<DecisionInForce>> DecisionsInForceAsync(LoggedScreening completing, CancellationToken cancellationToken)
    {
        List<DecisionInForce> decisions = [];
        if (await EarlierScreening.DecisionInForceAsync(completing, id => EarlierScreening.FindByIdAsync(log, id, cancellationToken)) is { } inForce)
        {
            decisions.Add(new DecisionInForce(inForce.Override, inForce.Screening, HookAnswer: false) { CorrectedBy = inForce.Corrected ? completing.Id : null });
        }

        if (await store.LatestOverriddenHookScreeningAsync(completing.Id, cancellationToken) is { } id
            && await EarlierScreening.FindByIdAsync(log, id, cancellationToken) is { } hook
            && DecisionInForce.LastStated(hook.Overrides) is { } stated)
        {
            // An EHR's bare "overridden" states no decision (QA141 F3): the last override that states one is in force.
            decisions.Add(new DecisionInForce(stated, hook, HookAnswer: true));
        }

        return decisions;
    }

    /// <summary>
    /// QA281 F1: the card for imminent suicide risk (<see cref="CardBuilder.ImminentRisk"/>) when the answers hold it and the
    /// rules could not run: the current rule set's <see cref="CardBuilder.ImminentRiskRuleId"/> evaluated on the history the
    /// recorded contraindications were read from (<see cref="RecordedContraindicationsAsync"/>: each required field not
    /// recorded, or refused, has a stand-in there, and a refused value is not recorded), and only if the rule reads none of
    /// the stand-ins (suicidality not recorded: no card). Every other field it reads is as recorded or not recorded, so its
    /// condition holds only where no missing answer could change it. None otherwise.
    /// </summary>
    private static List<Card> ImminentRisk(CardBuilder builder, HookAnswerInputs? evaluated, FhirReading reading) =>
        evaluated is not null
        && RuleSetCatalog.Current.Find(CardBuilder.ImminentRiskRuleId) is { } rule
        && rule.Condition.FieldsRead().All(f => !evaluated.Placeholders.Contains(f.Name))
        && rule.Evaluate(evaluated.History) is { } finding
            ? [builder.ImminentRisk(CardBuilder.CurrentVersion, finding, reading)]
            : [];

    /// <summary>The card for a positive PHQ-9 item 9 in the chart (<see cref="CardBuilder.PositiveItem9"/>), or none.</summary>
    private List<Card> PositiveItem9(CardBuilder builder, RuleSet ruleSet, FhirReading reading, IReadOnlyList<Finding>? fired) =>
        builder.PositiveItem9(ruleSet, reading, new ClinicTime(calendar), fired) is { } card ? [card] : [];

    /// <summary>The card naming the decisions in force that go against <paramref name="verdict"/> (<see cref="CardBuilder.Decisions"/>), or none.</summary>
    private List<Card> DecisionCards(CardBuilder builder, string ruleSetVersion, Completion? completedBy, IReadOnlyList<DecisionInForce> decisions, Verdict verdict)
    {
        var against = decisions.Where(d => d.Against(verdict)).ToList();
        return completedBy is null || against.Count == 0 ? [] : [builder.Decisions(ruleSetVersion, completedBy.Screening.Id, against, new ClinicTime(calendar))];
    }

    /// <summary>
    /// Adds an earlier screening's answers still current (<see cref="EarlierAnswers"/>) for the fields the chart did not
    /// decide, naming each in <paramref name="carried"/>. The clinician's note is never carried: it describes one
    /// encounter (as for a re-screen). Nor is an answer the chart contradicts itself on (<paramref name="setAside"/>):
    /// the chart does record it, and an earlier answer filled in its place would bring the contradiction back and take
    /// the chart's yes with it.
    /// </summary>
    private static void FillFrom(Dictionary<string, object> values, ScreeningRequest stored, HashSet<string> carried, IReadOnlyCollection<string> setAside)
    {
        foreach (var field in Fields.All)
        {
            if (field.Name != Fields.ClinicianNote.Name && !values.ContainsKey(field.Name) && !setAside.Contains(field.Name)
                && stored.ContractValueOf(field.Name) is { } value)
            {
                values[field.Name] = value;
                carried.Add(field.Name);
            }
        }
    }

    /// <summary>
    /// Where the chart answers a field less cautiously than the clinician's earlier screening (that field's
    /// <see cref="FieldDefinition.MoreCautious"/>: a refuted aneurysm's "no" against the clinician's yes, a "not pregnant"
    /// status against a pregnancy, a disorder in remission against an active one), the two disagree, and missing the
    /// more cautious answer is the unsafe error (as for a chart that contradicts itself, <see cref="SetAsideContradictions"/>):
    /// the more cautious answer is used, carried from the screening (<paramref name="carried"/>), and each disagreement is
    /// returned for a card naming both sources. Only the answers the completion would carry count (<see cref="EarlierAnswers"/>:
    /// an answer about the present that is out of date is not compared). A chart answer as cautious or more stays; one more
    /// cautious than the screening's (a pregnancy in the chart, the clinician's latest answer, a correction, "not pregnant")
    /// is returned too, marked <see cref="ChartDisagreement.ChartMoreCautious"/> (helper 274, QA272 F6): the card named
    /// nothing, and the clinician could not tell why the answer stood against the screening, nor what to put right.
    /// </summary>
    private static List<ChartDisagreement> TakeTheMoreCautious(Dictionary<string, object> values, ScreeningRequest earlier, IReadOnlyDictionary<string, IReadOnlyList<string>> chartSources, HashSet<string> carried)
    {
        var disagreements = new List<ChartDisagreement>();
        foreach (var field in Fields.All)
        {
            if (!values.TryGetValue(field.Name, out var chart) || earlier.ContractValueOf(field.Name) is not { } screening)
            {
                continue;
            }

            var entries = chartSources.GetValueOrDefault(field.Name) ?? [];
            if (field.MoreCautiousOf(chart, screening) is { } used)
            {
                disagreements.Add(new ChartDisagreement(field.Name, chart, entries, screening, used));
                values[field.Name] = used;
                carried.Add(field.Name);
            }
            else if (field.MoreCautiousOf(screening, chart) is not null)
            {
                // The chart's answer holds all that is cautious in both: it is used, as it always was; nothing is carried.
                disagreements.Add(new ChartDisagreement(field.Name, chart, entries, screening, chart) { ChartMoreCautious = true });
            }
        }

        return disagreements;
    }

    /// <summary>
    /// Where the chart and the clinician's earlier screening (still current, <see cref="EarlierAnswers"/>) both give a
    /// measurement (<see cref="FhirHistoryReader.MeasurementGroups"/>: today's blood pressure, its two values one reading
    /// never mixed, the PHQ-9 total and item 9) and the readings differ, the newer is used (QA120 F2): the chart's
    /// observation time (<see cref="ChartMoments"/>, read from the entries <paramref name="chartSources"/> names) against
    /// when the screening's answers were recorded (<paramref name="screeningAt"/>). A screening's newer reading is carried
    /// (<paramref name="carried"/>). When the order cannot be told (a chart reading dated only by the screening's day),
    /// PHQ-9 item 9 takes the higher (any answer above 0 calls for follow-up, SUI-008; <c>PHQ-9</c>, <c>C-SSRS</c>), and
    /// any other measurement is left not recorded and returned as unsettled, so that neither fills it. Each difference is
    /// returned for the disagreement card (QA13 H1), naming both readings and their moments.
    /// </summary>
    private static (List<ChartDisagreement> Measured, List<string> Unsettled) TakeTheNewer(
        Dictionary<string, object> values,
        ScreeningRequest earlier,
        IReadOnlyDictionary<string, IReadOnlyList<string>> chartSources,
        IReadOnlyDictionary<string, ChartMoment> moments,
        DateTimeOffset screeningAt,
        HashSet<string> carried)
    {
        List<ChartDisagreement> measured = [];
        List<string> unsettled = [];
        foreach (var group in FhirHistoryReader.MeasurementGroups)
        {
            var inChart = group.Where(values.ContainsKey).ToList();
            var screening = group.ToDictionary(f => f, earlier.ContractValueOf, StringComparer.Ordinal);
            if (inChart.Count == 0 || group.All(f => screening[f] is null)
                || group.All(f => SameReading(values.GetValueOrDefault(f), screening[f])))
            {
                continue;
            }

            var entries = group.SelectMany(f => chartSources.GetValueOrDefault(f) ?? []).Distinct(StringComparer.Ordinal).ToList();
            var chartMoment = entries.Count == 0 ? null : ChartMoment.Covering(entries.Select(e => moments.GetValueOrDefault(e)));
            var order = chartMoment is null ? MeasurementOrder.NotKnown
                : chartMoment.Latest < screeningAt ? MeasurementOrder.ScreeningNewer
                : chartMoment.Earliest > screeningAt ? MeasurementOrder.ChartNewer
                : MeasurementOrder.NotKnown;
            var at = new MeasuredAt(chartMoment, screeningAt, order);
            var chart = inChart.ToDictionary(f => f, f => values[f], StringComparer.Ordinal);
            foreach (var field in group)
            {
                var used = order switch
                {
                    MeasurementOrder.ScreeningNewer => screening[field],
                    MeasurementOrder.ChartNewer => chart.GetValueOrDefault(field),
                    _ when field == Fields.Phq9Item9.Name => Higher(chart.GetValueOrDefault(field), screening[field]),
                    _ => null,
                };
                if (used is null)
                {
                    // Neither reading, nor an older half of a blood pressure filled in beside a newer one.
                    values.Remove(field);
                    unsettled.Add(field);
                }
                else
                {
                    values[field] = used;
                    if (!ReferenceEquals(used, chart.GetValueOrDefault(field)))
                    {
                        carried.Add(field);
                    }
                }

                if (chart.GetValueOrDefault(field) is { } chartValue && screening[field] is { } screeningValue)
                {
                    measured.Add(new ChartDisagreement(field, chartValue, chartSources.GetValueOrDefault(field) ?? [], screeningValue, used) { Measured = at });
                }
            }
        }

        return (measured, unsettled);
    }

    /// <summary>
    /// Helper 218: the reading with, among its entries to check, the chart's answers to the PHQ-9's items for which it gives
    /// no total (<see cref="FhirReading.ItemsWithoutTotal"/>) that may have been taken at or after the earlier screening's
    /// answers were recorded (<paramref name="screeningAt"/>; or whose time cannot be placed), where that screening gives
    /// the total the chart does not: that total may be of an older administration than the items, as a chart total taken
    /// before them is (helper 214), and the newer reading wins (QA120 F2), here one that gives no total. So the earlier
    /// total is not carried (<see cref="FillFrom"/> leaves out a field named to check) and each such item is named, never a
    /// later item set silently put beside an older total. Items all taken before the screening leave its total current.
    /// Helper 223: the same for PHQ-9 item 9 (<see cref="FhirReading.ResultsWithoutPart"/>): the chart's PHQ-9 results that
    /// give no item 9 (a total, other items, a panel without it) taken at or after the screening's answers, or that cannot
    /// be placed against them, are of a later administration whose item 9 the chart does not give: the screening's item 9
    /// (an old "0", no thoughts of self-harm) is not carried beside them, the field stays not recorded, and each is named
    /// beside item 9. Results all taken before the screening leave its item 9 current.
    /// </summary>
    private FhirReading WithItemsLaterThan(FhirReading reading, Dictionary<string, object> values, ScreeningRequest earlier, DateTimeOffset screeningAt)
    {
        List<ChartEntryToCheck> later =
        [
            .. reading.ItemsWithoutTotal.Concat(reading.ResultsWithoutPart)
                .Where(h => !values.ContainsKey(h.Entry.Field) && earlier.ContractValueOf(h.Entry.Field) is not null
                    && (h.Taken is null || ChartMoments.Of(h.Taken, calendar) is not { } taken || taken.Latest >= screeningAt))
                .Select(h => h.Entry),
        ];
        return later.Count == 0 ? reading : reading with { ToCheck = [.. reading.ToCheck, .. later] };
    }

    /// <summary>Two contract values of one measurement read alike (a whole number may be an int or a long).</summary>
    private static bool SameReading(object? a, object? b) =>
        a is null || b is null ? a is null && b is null
        : a is IConvertible && b is IConvertible && a is not string && b is not string
            ? Convert.ToDecimal(a, CultureInfo.InvariantCulture) == Convert.ToDecimal(b, CultureInfo.InvariantCulture)
            : Equals(a, b);

    private static object? Higher(object? a, object? b) =>
        a is null ? b : b is null ? a : Convert.ToDecimal(b, CultureInfo.InvariantCulture) > Convert.ToDecimal(a, CultureInfo.InvariantCulture) ? b : a;

    /// <summary>
    /// Helper 258 (QA255): the facts about the patient on which the chart (<paramref name="reading"/>, as the EHR sent it)
    /// and the clinician's screening that completes it (<paramref name="earlier"/>, its answers recorded on the clinic's day
    /// <paramref name="answersOn"/>) cannot both be right: a sex at birth male in one and female in the other (a fixed fact;
    /// "unknown" contradicts neither), and an age the chart's birth date does not allow on the day the screening recorded
    /// it (a year-only or year-month birth date allows every age some day of it gives; a 29 February birth, on 28 February
    /// of a common year, either reading's age: <see cref="ChartBirthDate.AgesOn"/>). The chart's answer is used; where its
    /// birth date does not fix today's age, the age is left not recorded (the caller keeps the screening's out). The card
    /// and the log name the birth date's year only, and the ages it gives on the screening's day (helper 268).
    /// </summary>
    private static List<IdentityMismatch> IdentityMismatches(FhirReading reading, ScreeningRequest earlier, DateOnly answersOn)
    {
        List<IdentityMismatch> mismatches = [];
        if (reading.Values.GetValueOrDefault(Fields.SexAtBirth.Name) is string chartSex && earlier.ContractValueOf(Fields.SexAtBirth.Name) is string screeningSex
            && chartSex is "male" or "female" && screeningSex is "male" or "female" && chartSex != screeningSex)
        {
            mismatches.Add(new IdentityMismatch(Fields.SexAtBirth.Name, chartSex, reading.Sources.GetValueOrDefault(Fields.SexAtBirth.Name) ?? [], screeningSex, chartSex));
        }

        if (reading.BirthDate is { } birth && earlier.ContractValueOf(Fields.AgeYears.Name) is { } screeningAge
            && !birth.AgeCanBe(Convert.ToInt32(screeningAge, CultureInfo.InvariantCulture), answersOn))
        {
            var chartAge = reading.Values.GetValueOrDefault(Fields.AgeYears.Name);
            mismatches.Add(new IdentityMismatch(Fields.AgeYears.Name, chartAge, [birth.Reference], screeningAge, chartAge) { BirthYear = birth.Year, ChartAgesThen = birth.AgesOn(answersOn) });
        }

        return mismatches;
    }

    private static List<ChartDisagreement> InCatalogueOrder(IEnumerable<ChartDisagreement> disagreements) =>
        [.. disagreements.OrderBy(d => Fields.All.ToList().FindIndex(f => f.Name == d.Field))];

    /// <summary>
    /// The disagreements as the decision log keeps them: each answer as its contract JSON value; for a measurement, how
    /// it was settled and both moments (written only in entries that have them, so older entries hash as they did); and
    /// the facts on which the chart and the screening could not both be right (<paramref name="mismatches"/>, the "Same
    /// patient?" card's; helper 261), the chart's birth date as its year only, as the log keeps it (QA14a P9).
    /// </summary>
    private static HookDisagreement Logged(IReadOnlyList<ChartDisagreement> disagreements, List<IdentityMismatch> mismatches, Guid screening, DateOnly answersOn) =>
        new(screening, answersOn, [.. disagreements.Select(d => new HookDisagreementField(d.Field, JsonSerializer.Serialize(d.Chart), d.ChartEntries, JsonSerializer.Serialize(d.Screening), JsonSerializer.Serialize(d.Used))
        {
            Measured = d.Measured is { } at
                ? new HookMeasuredAt(
                    at.Order switch { MeasurementOrder.ScreeningNewer => "screening-newer", MeasurementOrder.ChartNewer => "chart-newer", _ => "order-not-known" },
                    at.Chart?.Written,
                    at.Screening.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))
                : null,
            ChartMoreCautious = d.ChartMoreCautious,
        })])
        {
            Identity = mismatches.Count == 0
                ? null
                : [.. mismatches.Select(m => new HookIdentityField(m.Field, JsonSerializer.Serialize(m.Chart), m.ChartEntries, JsonSerializer.Serialize(m.Screening), JsonSerializer.Serialize(m.Used))
                {
                    ChartBirthYear = m.BirthYear,
                })],
        };

    /// <summary>
    /// The fields that call for care while not recorded (<see cref="NotRecordedMeans.CallsForCare"/>: a requirement or a
    /// caution fires for each) that these answers ask, or may ask once the answers still to come are given
    /// (<see cref="AwaitedAnswers"/>, QA295 F3), and do not record, in the catalogue's order, leaving out those already
    /// named otherwise (<paramref name="namedElsewhere"/>).
    /// </summary>
    public static List<string> CareNotRecorded(IReadOnlyDictionary<string, object> values, IReadOnlyCollection<string> namedElsewhere)
    {
        object? Value(string name) => values.TryGetValue(name, out var v) ? v : null;
        var awaited = AwaitedAnswers(values);
        return
        [
            .. Fields.All
                .Where(f => f.NotRecorded == NotRecordedMeans.CallsForCare && !values.ContainsKey(f.Name) && !namedElsewhere.Contains(f.Name) && f.MayBeAskedGiven(Value, awaited.Contains))
                .Select(f => f.Name),
        ];
    }

    /// <summary>
    /// Stores the answer's cards (and its prefill) once its entry is in the decision log: a transaction of the card store's
    /// own, after the log's, so a failure here leaves the entry recorded and no card stored. It is then
    /// <see cref="CdsHookCardsNotStoredException"/>, naming the entry, never the log's "nothing was recorded".
    /// </summary>
    private async Task SaveAnswerAsync(IEnumerable<(Card Card, OverrideDecision? Decision)> cards, CdsHookPrefill? prefill, CdsHookService service, CdsHookCaller caller, Guid entryId, long sequence, Guid? screeningId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await store.SaveAnswerAsync(
                cards.Select(c => new CdsHookCard
                {
                    Uuid = Guid.Parse(c.Card.Uuid),
                    ServiceId = service.Id,
                    Issuer = caller.Issuer,
                    EntryId = entryId,
                    ScreeningId = screeningId,
                    OverrideDecision = c.Decision is { } decision ? WireNames.Of(decision) : "",
                    CreatedAt = now,
                }),
                prefill,
                cancellationToken);
        }
        catch (DecisionLogUnavailableException e)
        {
            throw new CdsHookCardsNotStoredException(entryId, sequence, screeningId is not null, e);
        }
    }

    /// <summary>
    /// The contract's required items (always, or because of another answer) not recorded, and the safety items that could
    /// block a pathway while not recorded and that these answers ask, or may ask once the answers still to come are given
    /// (QA295 F3: with the age not recorded, pregnancy status, asked from 12 to 55, was left out as though the age ruled
    /// it out). A safety item that may be required (pregnancy status of a female patient whose age is to come) is listed
    /// with the safety items: it is not yet known to be needed before the rules can run. So is an optional answer not
    /// recorded on which it turns whether a listed safety item is asked (helper 306: the sex at birth beside pregnancy status).
    /// </summary>
    public static (List<string> Required, List<string> Safety) NotRecorded(IReadOnlyDictionary<string, object> values)
    {
        object? Value(string name) => values.TryGetValue(name, out var v) ? v : null;
        var awaited = AwaitedAnswers(values);
        var required = new List<string>();
        var safety = new List<string>();
        foreach (var field in Fields.All)
        {
            if (values.ContainsKey(field.Name))
            {
                continue;
            }

            if (field.Required || field.RequiredWhen?.Applies(Value) == true)
            {
                required.Add(field.Name);
            }
            else if (field.NotRecorded == NotRecordedMeans.CanBlock && field.MayBeAskedGiven(Value, awaited.Contains))
            {
                safety.Add(field.Name);
            }
        }

        // Helper 306: an optional answer not recorded on which it turns whether a safety item listed is asked (its AskedWhen)
        // is listed with them: the sex at birth beside pregnancy status. The pregnancy question is asked unless the patient is
        // male at birth, so with both blank the pathways wait for one of them (REC-00x name both once the rules run, and the
        // result page lists both under "Must be answered before a pathway can open"), and "not recorded" is never read as male.
        // The card named pregnancy alone. A required answer is listed as required already.
        var deciding = safety.SelectMany(name => Fields.Find(name)?.AskedWhen?.Clauses.Select(c => c.Field) ?? []).ToHashSet(StringComparer.Ordinal);
        safety = [.. Fields.All.Where(f => safety.Contains(f.Name) || (deciding.Contains(f.Name) && !values.ContainsKey(f.Name) && !required.Contains(f.Name))).Select(f => f.Name)];
        return (required, safety);
    }

    /// <summary>
    /// The answers not recorded that the rules wait for (QA295 F3): each required field, and each field a condition makes
    /// required, or may make required once those are given (the mood stabilizer while the diagnosis is to come), found
    /// until none is added. A condition on one of them is unknown, never false (<see cref="AnswerCondition.MayApply"/>).
    /// An optional answer not recorded is not among them: "not recorded" may be its answer, and is read as given (PHQ-9
    /// item 9 without a total that requires it; a sex at birth not recorded, which the pregnancy question reads as not male).
    /// </summary>
    public static HashSet<string> AwaitedAnswers(IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        object? Value(string name) => values.TryGetValue(name, out var v) ? v : null;
        var awaited = new HashSet<string>(StringComparer.Ordinal);
        bool added;
        do
        {
            added = false;
            foreach (var field in Fields.All.Where(f => !values.ContainsKey(f.Name) && !awaited.Contains(f.Name)))
            {
                if (field.Required || field.RequiredWhen?.MayApply(Value, awaited.Contains) == true)
                {
                    added = awaited.Add(field.Name) || added;
                }
            }
        }
        while (added);
        return awaited;
    }

    /// <summary>
    /// The contraindications the chart records although the screening cannot run yet: each required field it lacks gets a
    /// placeholder, and only the rules that read none of them are evaluated (<see cref="ScreeningEngine.ContraindicationsDespite"/>),
    /// so a placeholder never decides a finding. None, and no inputs, when even that history cannot be read. The inputs are
    /// the history evaluated and its placeholder fields, which the entry stores so that the answer can be replayed (QA158 F2).
    /// </summary>
    private async Task<(IReadOnlyList<Finding> Found, HookAnswerInputs? Inputs)> RecordedContraindicationsAsync(Dictionary<string, object> values, CancellationToken cancellationToken)
    {
        var provisional = new Dictionary<string, object>(values, StringComparer.Ordinal);
        var (required, _) = NotRecorded(values);
        var placeholders = new HashSet<string>(required, StringComparer.Ordinal);
        foreach (var name in required)
        {
            provisional[name] = HookAnswerInputs.StandIn(Fields.Find(name)!);
        }

        // A value the validator refuses (out of range, or one a required answer depends on) is read as not recorded, so
        // that the contraindications the rest of the chart records still count; a refused answer the form requires gets
        // a stand-in like the missing ones. Each round settles at least one field; a few are enough.
        for (var round = 0; round < 4; round++)
        {
            var (request, refused) = await ReadAsync(provisional, cancellationToken);
            if (request is not null)
            {
                var history = request.ToHistory();
                // In the catalogue's order, as the contract lists the fields.
                var standIns = Fields.All.Select(f => f.Name).Where(placeholders.Contains).ToList();
                return (ScreeningEngine.ContraindicationsDespite(history, placeholders, RuleSetCatalog.Current), new HookAnswerInputs(history, standIns));
            }

            foreach (var name in refused)
            {
                if (Fields.Find(name) is not { } field)
                {
                    continue;
                }

                if (placeholders.Add(name) && provisional.Remove(name))
                {
                    continue;
                }

                provisional[name] = HookAnswerInputs.StandIn(field);
            }
        }

        return ([], null);
    }

    /// <summary>
    /// Reads the values as a screening request and validates it. A chart never records the labelling jurisdiction; when a
    /// completed screening does not give one either, the clinic's (<c>Clinic:Jurisdiction</c>) is read, as the intake form
    /// preselects it: the service is the clinic's. It is added here only, never to the prefill, where it would be marked as
    /// the chart's answer (the form preselects it by itself).
    /// </summary>
    private async Task<(ScreeningRequest? Request, List<string> Refused)> ReadAsync(Dictionary<string, object> values, CancellationToken cancellationToken)
    {
        if (!values.ContainsKey(Fields.Jurisdiction.Name))
        {
            values = new Dictionary<string, object>(values, StringComparer.Ordinal) { [Fields.Jurisdiction.Name] = clinic.Value.Jurisdiction };
        }

        var read = ScreeningJsonReader.Read(ContractJson(values));
        var refused = read.Errors.Keys.ToList();
        if (!read.Errors.ContainsKey(ScreeningJsonReader.BodyKey))
        {
            var validation = await validator.ValidateAsync(read.Request, cancellationToken);
            refused.AddRange(validation.Errors.Select(f => ScreeningRecorder.NameOfProperty(f.PropertyName)));
        }

        refused = [.. refused.Where(n => n != ScreeningJsonReader.BodyKey).Distinct(StringComparer.Ordinal)];
        return (refused.Count == 0 && read.Errors.Count == 0 ? read.Request : null, refused);
    }

    /// <summary>
    /// The prefill of the form (stored with the cards, after the answer is recorded) and its link. The answers taken from
    /// a clinician's earlier screening are named apart from the chart's (<see cref="PrefillContent"/>), and a patient
    /// reference that is the EHR's FHIR id says why (<paramref name="fhirIdBecause"/>, QA295 F1).
    /// </summary>
    private (CdsHookPrefill Prefill, string Url) NewPrefill(string baseUrl, string patientReference, Dictionary<string, object> values, Completion? completedBy, IReadOnlyList<ChartEntryToCheck> toCheck, IReadOnlyList<RoundedValue> rounded, string? fhirIdBecause)
    {
        var id = CdsHookStore.NewPrefillId();
        var input = Encoding.UTF8.GetString(ContractJson(values));
        var stored = PrefillContent.Write(input, completedBy?.Screening.Id, completedBy is null ? null : calendar.DayOf(completedBy.RecordedAt), completedBy?.Carried.Where(values.ContainsKey) ?? [], toCheck, Held(rounded, values, completedBy), fhirIdBecause);
        return (store.NewPrefill(id, patientReference, stored), $"{baseUrl}/Screenings/New?prefill={id}");
    }

    /// <summary>The values as contract JSON, in the catalogue's order.</summary>
    public static byte[] ContractJson(IReadOnlyDictionary<string, object> values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in Fields.All)
            {
                if (!values.TryGetValue(field.Name, out var value))
                {
                    continue;
                }

                writer.WritePropertyName(field.Name);
                switch (value)
                {
                    case string s: writer.WriteStringValue(s); break;
                    case bool b: writer.WriteBooleanValue(b); break;
                    case int i: writer.WriteNumberValue(i); break;
                    case long l: writer.WriteNumberValue(l); break;
                    case decimal d: writer.WriteNumberValue(d); break;
                    case IEnumerable<string> list:
                        writer.WriteStartArray();
                        foreach (var item in list)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    default: throw new InvalidOperationException($"The FHIR reader gave {field.Name} a value of type {value.GetType().Name}.");
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Names the prefetch keys the EHR did not send, or sent failed or in part (QA120 F4), on the card that links to the
    /// form, else on the last card: what the service reads from them is unknown here, not absent from the chart. The keys
    /// sent as <c>null</c>, for which the EHR reported no data (QA295 F2), under a heading of their own on the same card:
    /// what is read from them is not recorded, never "no".
    /// </summary>
    private static List<Card> WithPrefetchGaps(List<Card> cards, IReadOnlyList<PrefetchGap> gaps)
    {
        if (gaps.Count == 0 || cards.Count == 0)
        {
            return cards;
        }

        var index = cards.FindIndex(c => c.Links is { Count: > 0 });
        index = index < 0 ? cards.Count - 1 : index;
        var sections = new List<string>();
        if (gaps.Where(g => g.NotAllSent).ToList() is { Count: > 0 } notSent)
        {
            sections.Add(CardTexts.PrefetchGapsHeading + "\n\n" + string.Join("\n", notSent.Select(g => "- " + CardTexts.PrefetchGap(g))) + "\n\n" + CardTexts.PrefetchGapsNote);
        }

        if (gaps.Where(g => !g.NotAllSent).ToList() is { Count: > 0 } noData)
        {
            sections.Add(CardTexts.PrefetchNoDataHeading + "\n\n" + string.Join("\n", noData.Select(g => "- " + CardTexts.PrefetchGap(g))) + "\n\n" + CardTexts.PrefetchNoDataNote);
        }

        cards[index] = cards[index] with { Detail = cards[index].Detail + "\n\n" + string.Join("\n\n", sections) };
        return cards;
    }

    /// <summary>
    /// Names, on the first card (the critical card of a deferral, else the cautions card, else the answer's first), each
    /// chart value with a fraction read as a whole number (<see cref="FhirReading.Rounded"/>: a blood pressure of 140.4
    /// mmHg read as 141, rounded up): the value as the chart gave it and the value read, so that the rounding is never
    /// hidden behind the findings it decides.
    /// </summary>
    private static List<Card> WithRounded(List<Card> cards, List<RoundedValue> rounded)
    {
        if (rounded.Count == 0 || cards.Count == 0)
        {
            return cards;
        }

        var section = CardTexts.RoundedHeading + "\n\n" + string.Join("\n", rounded.Select(r => "- " + CardTexts.Rounded(r))) + "\n\n" + CardTexts.RoundedNote;
        cards[0] = cards[0] with { Detail = cards[0].Detail + "\n\n" + section };
        return cards;
    }

    /// <summary>
    /// The chart's rounded values (<see cref="FhirReading.Rounded"/>) that the answer still holds: not replaced by a
    /// clinician's newer or more cautious answer, nor taken from an earlier screening.
    /// </summary>
    private static List<RoundedValue> Held(IReadOnlyList<RoundedValue> rounded, Dictionary<string, object> values, Completion? completedBy) =>
        [.. rounded.Where(r => values.TryGetValue(r.Field, out var value) && Equals(value, r.ReadAs) && completedBy?.Carried.Contains(r.Field) != true)];

    /// <summary>A message of a refused call (<see cref="CdsHookRequestException"/>) in the answer's language (the cards').</summary>
    private static string Say(string key, params object?[] arguments) => ClinicalText.Shared.Message(key, arguments);

    /// <summary>The text cut to at most <paramref name="max"/> UTF-16 units, never between the two halves of a surrogate pair (QA132 F5).</summary>
    private static string Fit(string text, int max) =>
        text.Length <= max ? text : text[..(max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    private const int MaxDepth = 128;

    /// <summary>
    /// Parses the body, after checking that every string in it can be read as text (QA10c S1): System.Text.Json parses
    /// an escaped lone surrogate (<c>"\ud800"</c>) but throws when the string is read, wherever that is (the call's
    /// fields, a prefetch resource, feedback's comment), which would be a 500. Such a body is refused whole, naming the
    /// field, before anything is read or recorded, as the screening API refuses it.
    /// </summary>
    private static JsonDocument Parse(byte[] body)
    {
        if (JsonBodyText.Problem(body, MaxDepth, out var path, out var repeated) is { } badText)
        {
            throw new CdsHookRequestException(path is null ? badText : $"{path}: {badText}");
        }

        // QA180 F1: a property given twice is two answers to one question (which one the EHR meant is not ours to pick),
        // and the log's copy of the chart cannot hold it: refused whole, before anything is read or recorded. Found in the
        // same walk as the unreadable strings, which win when a body has both.
        if (repeated is not null)
        {
            throw new CdsHookRequestException(Say("CdsHooks.Request.RepeatedProperty", repeated));
        }

        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            // Valid JSON nested past the limit throws as text that is not JSON does: it is told apart, never "not JSON".
            throw new CdsHookRequestException(JsonBodyText.TooDeep(body, MaxDepth) ?? Say("CdsHooks.Request.NotJson"));
        }
    }

    /// <summary>
    /// Refuses text from the EHR that would not read as it was sent (QA8 F6, QA10c S4): a control character (other than a
    /// line break or tab in text of several lines) or an invisible mark that changes the direction of the text. The one
    /// check for every free string of a call or feedback that the log records (who asked, the call's id, a reason code,
    /// the clinician's comment), as the app's own forms refuse them in notes and reasons.
    /// </summary>
    private static string Readable(string text, string path, bool multiLine = false) =>
        FreeText.HasHiddenCharacters(text, multiLine)
            ? throw new CdsHookRequestException(Say(multiLine ? "CdsHooks.Request.HiddenCharacters.MultiLine" : "CdsHooks.Request.HiddenCharacters", path))
            : text;

    /// <summary>The parts of a hook request the service reads.</summary>
    private sealed record HookCall(string Hook, string HookInstance, string UserId, string PatientId, JsonElement? DraftOrders, IReadOnlyList<KeyValuePair<string, JsonElement>> Prefetch, string FhirJson)
    {
        /// <summary>The prefetch keys the EHR did not send, or sent failed or in part (QA120 F4).</summary>
        public IReadOnlyList<PrefetchGap> Gaps { get; init; } = [];

        /// <summary>The patient reference the answer is filed under: the record number, or the FHIR id (<see cref="ChartPatientReference"/>).</summary>
        public string PatientReference(CdsHookCaller caller) =>
            ChartPatientReference.RecordNumber(Prefetch, PatientId, caller.PatientIdentifierSystem, PatientIdPattern().IsMatch) ?? PatientId;

        /// <summary>Why the answer is filed under the FHIR id, or null (<see cref="ChartPatientReference.FhirIdBecause"/>).</summary>
        public string? FhirIdBecause(CdsHookCaller caller) =>
            ChartPatientReference.FhirIdBecause(Prefetch, PatientId, caller.PatientIdentifierSystem, PatientIdPattern().IsMatch);

        /// <summary>
        /// The call as the log keeps it, with the cards answered: their uuids, and what each said (P12), as built before the
        /// closing note that names the entry (<see cref="CardBuilder.WithRecordNote"/>), in the language they were written in.
        /// </summary>
        public HookOrigin Origin(CdsHookCaller caller, CdsHookService service, IReadOnlyList<Card> cards, HookDisagreement? disagreement, FhirReading? reading) =>
            new(caller.Issuer, UserId, Hook, HookInstance, service.Id, [.. cards.Select(c => Guid.Parse(c.Uuid))], FhirJson)
            {
                Disagreement = disagreement,
                ReadFromChart = reading is null ? null : ReadFromChart(reading),
                PrefetchGaps = Gaps.Count == 0 ? null : [.. Gaps.Select(g => new HookPrefetchGap(g.Key, g.State, g.Detail))],
                Shown = new HookCardsShown(
                    CultureInfo.CurrentUICulture.Name,
                    [.. cards.Select(c => new HookCardShown(Guid.Parse(c.Uuid), c.Indicator, c.Summary, c.Detail, c.Source.Label, [.. (c.Links ?? []).Select(l => l.Label)], []))]),
            };

        /// <summary>
        /// The values the chart gave, as read (QA120 F5), in the catalogue's order, each with the entries it was read from
        /// and when each was taken where it says; null when the chart gave none, so the origin is as before.
        /// </summary>
        private static List<HookChartValue>? ReadFromChart(FhirReading reading)
        {
            var catalogue = Fields.All.Select(f => f.Name).ToList();
            List<HookChartValue> read =
            [
                .. reading.Values
                    .OrderBy(v => catalogue.IndexOf(v.Key) is var i and >= 0 ? i : int.MaxValue)
                    .ThenBy(v => v.Key, StringComparer.Ordinal)
                    .Select(v => new HookChartValue(
                        v.Key,
                        JsonSerializer.Serialize(v.Value),
                        [.. (reading.ReadFrom.GetValueOrDefault(v.Key) ?? []).Select(s => new HookChartSource(s.Reference, s.Moment?.Written))])),
            ];
            return read.Count == 0 ? null : read;
        }

        public static HookCall Read(JsonElement root, CdsHookService service)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CdsHookRequestException(Say("CdsHooks.Request.NotAnObject"));
            }

            var hook = RequiredString(root, "hook", "hook");
            if (hook != service.Hook)
            {
                throw new CdsHookRequestException(Say("CdsHooks.Request.WrongHook", service.Hook, hook));
            }

            var hookInstance = Readable(AtMost(RequiredString(root, "hookInstance", "hookInstance"), MaxHookInstanceLength, "hookInstance"), "hookInstance");
            if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
            {
                throw new CdsHookRequestException(Say("CdsHooks.Request.ContextNotAnObject"));
            }

            var userId = Readable(AtMost(RequiredString(context, "userId", "context.userId"), MaxUserIdLength, "context.userId"), "context.userId");
            var patientId = RequiredString(context, "patientId", "context.patientId");
            // The patient reference the screening contract allows (and FHIR's ids fit): anything else is refused, never
            // recorded, so that the log holds only references the rest of the app can find. The value is not echoed.
            if (!PatientIdPattern().IsMatch(patientId))
            {
                throw new CdsHookRequestException(Say("CdsHooks.Request.PatientId"));
            }

            JsonElement? draftOrders = null;
            if (service.OrderSign)
            {
                if (!context.TryGetProperty("draftOrders", out var orders))
                {
                    throw new CdsHookRequestException(Say("CdsHooks.Request.DraftOrdersRequired"));
                }

                draftOrders = orders;
            }

            var prefetch = new List<KeyValuePair<string, JsonElement>>();
            JsonElement? prefetchJson = null;
            if (root.TryGetProperty("prefetch", out var items) && items.ValueKind != JsonValueKind.Null)
            {
                if (items.ValueKind != JsonValueKind.Object)
                {
                    throw new CdsHookRequestException(Say("CdsHooks.Request.PrefetchNotAnObject"));
                }

                foreach (var item in items.EnumerateObject())
                {
                    // CDS Hooks 2.0 has an EHR send null for a prefetch it has no data for (QA295 F2): nothing is read from it,
                    // and what the fields read from it is not recorded (PrefetchGaps names the key).
                    if (item.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    if (item.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new CdsHookRequestException(Say("CdsHooks.Request.PrefetchItem", item.Name));
                    }

                    prefetch.Add(new(item.Name, item.Value));
                }

                prefetchJson = items;
            }

            // The log keeps what the answer was read from, without the patient's direct identifiers (QA14a P9).
            var fhir = LoggedFhir.Of(prefetchJson, draftOrders);
            return new HookCall(hook, hookInstance, userId, patientId, draftOrders, prefetch, fhir) { Gaps = PrefetchGaps.Of(prefetchJson) };
        }
    }

    /// <summary>One feedback item of the spec's <c>{"feedback": [...]}</c>.</summary>
    private sealed record Feedback(string CardUuid, string Outcome, DateTimeOffset ActedAt, string? ReasonCode, string? Comment)
    {
        public static List<Feedback> Read(JsonElement root, DateTimeOffset now)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw new CdsHookRequestException(Say("CdsHooks.Request.FeedbackBody"));
            }

            var items = new List<Feedback>();
            foreach (var item in list.EnumerateArray())
            {
                // Every message names the item, counted from 0 as the body's path is written (feedback[1].outcome), so that
                // an EHR that sent several knows which one to put right.
                var path = $"feedback[{items.Count.ToString(CultureInfo.InvariantCulture)}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new CdsHookRequestException(Say("CdsHooks.Request.MustBeObject", path));
                }

                var card = RequiredString(item, "card", path + ".card");
                var outcome = RequiredString(item, "outcome", path + ".outcome");
                if (outcome is not ("accepted" or "overridden"))
                {
                    throw new CdsHookRequestException(Say("CdsHooks.Request.Outcome", path));
                }

                var actedAt = RequireOutcomeTimestamp(item, now, path + ".outcomeTimestamp");
                var (code, comment) = ReadOverrideReason(item, path + ".overrideReason");
                items.Add(new Feedback(card, outcome, actedAt, code, comment));
            }

            return items;
        }
    }

    /// <summary>
    /// A feedback item's <c>overrideReason</c>, as CDS Hooks 2.0 gives it: an object with a Coding <c>reason</c> (its
    /// <c>code</c> a string) and a string <c>userComment</c>, each optional (null reads as left out). Any other shape (a
    /// string, an array, a <c>reason</c> that is not an object, a <c>code</c> or <c>userComment</c> that is not a string)
    /// is refused naming the item and the member, for the whole call: it was ignored, and the override recorded without
    /// the reason the EHR meant to give (QA181).
    /// </summary>
    private static (string? Code, string? Comment) ReadOverrideReason(JsonElement item, string path)
    {
        if (!item.TryGetProperty("overrideReason", out var reason) || reason.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (reason.ValueKind != JsonValueKind.Object)
        {
            throw new CdsHookRequestException(Say("CdsHooks.Request.OverrideReason", path));
        }

        string? code = null, comment = null;
        if (reason.TryGetProperty("reason", out var coding) && coding.ValueKind != JsonValueKind.Null)
        {
            if (coding.ValueKind != JsonValueKind.Object)
            {
                throw new CdsHookRequestException(Say("CdsHooks.Request.OverrideReasonCoding", path));
            }

            if (coding.TryGetProperty("code", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                code = c.ValueKind == JsonValueKind.String
                    ? Readable(c.GetString()!, $"{path}.reason.code")
                    : throw new CdsHookRequestException(Say("CdsHooks.Request.OverrideReasonCode", path));
            }
        }

        if (reason.TryGetProperty("userComment", out var u) && u.ValueKind != JsonValueKind.Null)
        {
            // The clinician's words become the override's explanation, read by auditors and printed: they must read as
            // written (QA8 F6), as the form's explanation and the API's note must.
            comment = u.ValueKind == JsonValueKind.String
                ? Readable(u.GetString()!.Trim(), $"{path}.userComment", multiLine: true)
                : throw new CdsHookRequestException(Say("CdsHooks.Request.UserComment", path));
        }

        return (code, comment);
    }

    /// <summary>How far before now an <c>outcomeTimestamp</c> may lie: a card's prefill link lasts an hour, a card itself
    /// rarely longer than a clinic day; a week leaves room for an EHR that sends its feedback late.</summary>
    public static readonly TimeSpan OutcomeTimestampPast = TimeSpan.FromDays(7);

    /// <summary>How far after now an <c>outcomeTimestamp</c> may lie: the EHR's clock a little fast.</summary>
    public static readonly TimeSpan OutcomeTimestampSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The spec's required <c>outcomeTimestamp</c>: an ISO 8601 date and time with its time zone (UTC as the spec asks, or
    /// an offset), when the clinician acted on the card, within <see cref="OutcomeTimestampPast"/> before now and
    /// <see cref="OutcomeTimestampSkew"/> after it. Anything else is refused for the whole call, never guessed.
    /// </summary>
    private static DateTimeOffset RequireOutcomeTimestamp(JsonElement item, DateTimeOffset now, string path)
    {
        var expected = Say("CdsHooks.Request.OutcomeTimestamp", path);
        if (!item.TryGetProperty("outcomeTimestamp", out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new CdsHookRequestException(expected);
        }

        var text = value.GetString()!;
        if (!IsoDateTime().IsMatch(text)
            || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var actedAt))
        {
            throw new CdsHookRequestException(expected);
        }

        if (actedAt > now + OutcomeTimestampSkew || actedAt < now - OutcomeTimestampPast)
        {
            throw new CdsHookRequestException(Say("CdsHooks.Request.OutcomeTimestampRange", path, (int)OutcomeTimestampSkew.TotalMinutes, (int)OutcomeTimestampPast.TotalDays));
        }

        return actedAt;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IsoDateTime();

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PatientIdPattern();

    /// <summary>
    /// The longest <c>context.userId</c>, in UTF-16 units: the log's who-asked column (<c>ActorEmail</c>, shown as the
    /// audit list's Recorded by) holds it whole, never cut (QA132). A FHIR reference (<c>Practitioner/</c> and an id of at
    /// most 64 characters) is far shorter.
    /// </summary>
    public const int MaxUserIdLength = 256;

    /// <summary>The longest <c>hookInstance</c>, in UTF-16 units: the spec's UUID is 36 characters (QA132).</summary>
    public const int MaxHookInstanceLength = 128;

    /// <summary>The text, or a 400 naming the field and its limit when it is longer, without echoing it (as for context.patientId).</summary>
    private static string AtMost(string text, int max, string path) =>
        text.Length <= max
            ? text
            : throw new CdsHookRequestException(Say("CdsHooks.Request.TooLong", path, max, text.Length));

    private static string RequiredString(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new CdsHookRequestException(Say("CdsHooks.Request.NonEmptyString", path));
        }

        return value.GetString()!;
    }
}
