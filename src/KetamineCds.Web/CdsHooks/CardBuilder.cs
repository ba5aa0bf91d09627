using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Builds the cards of one answer in the request's language: the card texts come from <see cref="CardTexts"/>, the
/// findings' summaries and details from the rule texts' translations.
/// </summary>
public sealed class CardBuilder(string baseUrl, bool orderSign)
{
    /// <summary>
    /// The EHR did not send part of the chart (QA120 F4, <see cref="PrefetchGap"/>): an incomplete card's summary then
    /// never says its items are "not recorded in the chart".
    /// </summary>
    public bool ChartNotAllSent { get; init; }

    /// <summary>
    /// The answers with a default that the screening's request left unrecorded (<see cref="Display.DefaultsApplied(ScreeningRequest)"/>):
    /// a finding's input the rule read as that default says it was not recorded and the default applied, as the result
    /// page does (QA128 F6). None by default: every value read as recorded.
    /// </summary>
    public IReadOnlySet<string> DefaultsApplied { get; init; } = Display.NoDefaultsApplied;

    /// <summary>
    /// The history the rules read, where there is one: a finding's inputs then leave out the questions the form does not
    /// ask of it (<see cref="Display.Inputs(Finding, PatientHistory)"/>), as the result page does. Null: every input as the engine gave it.
    /// </summary>
    public PatientHistory? History { get; init; }

    private static ClinicalText Text => ClinicalText.Shared;

    /// <summary>
    /// The rule of imminent suicide risk (<see cref="ImminentRisk"/>, QA281 F1): SUI-007, whose condition decides the card
    /// and whose words and citations it gives (a test pins its condition to <see cref="Indications.ImminentSuicideRisk"/>).
    /// </summary>
    public const string ImminentRiskRuleId = "SUI-007";

    /// <summary>
    /// Cards for an assessment: critical per contraindication, one warning listing cautions, incomplete, or eligible; and
    /// whenever the result page lists safety questions not recorded, a card naming them (<see cref="NotRecordedSummary"/>,
    /// the same set the page and the print name). Every card that names a care item the first dose waits for (blood
    /// pressure, CV-004; hepatic status, HEP-003: the not-recorded card, the eligible card, the cautions card that lists
    /// them) names them under the result page's heading, "Must be known before the first dose" (QA148 F2).
    /// </summary>
    /// <param name="assessment">The assessment the rules gave.</param>
    /// <param name="notRecorded">What the result page lists as not recorded: <see cref="NotRecordedSummary.Of(Assessment, PatientHistory)"/>.</param>
    /// <param name="prefillUrl">The prefilled form, when <see cref="NeedsForm"/> says a card links to it.</param>
    /// <param name="toCheck">
    /// The chart entries to check (<see cref="Fhir.FhirReading.ToCheck"/>), named on the card naming what is not recorded
    /// when there is one (<see cref="NeedsForm"/>; helper 231), each once, under what it blocks (<see cref="Listed"/>); else on
    /// the last card, linking it to the form, an entry about an item of its first-dose section in place of the labels (helper 232); none by default.
    /// </param>
    public List<Card> ForAssessment(Assessment assessment, NotRecordedSummary notRecorded, string? prefillUrl, IReadOnlyList<Fhir.ChartEntryToCheck>? toCheck = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(notRecorded);
        var version = assessment.RuleSet.Version;
        var cards = ForContraindications([.. assessment.OfKind(FindingKind.Contraindication)], version);

        // The care items the first dose waits for, as the not-recorded card names them; and the findings that ask for them
        // (CV-004, HEP-003), which a card listing them never lists without that section (QA148 F2, leftover). Helper 234: a
        // chart entry to check about one of them (a blood pressure in kPa) is named by its entry's line in place of the
        // labels on every card that carries the section (the cautions card, the eligible card, the not-recorded card), so
        // that the same item is named the same way wherever it is named; the cautions card named it by its labels while the
        // not-recorded card (or the eligible card) named the entry.
        var firstDoseFields = notRecorded.BeforeFirstDose.SelectMany(c => c.Fields).Distinct(StringComparer.Ordinal).ToList();
        List<string>? firstDoseItems = toCheck is { Count: > 0 } && firstDoseFields.Count > 0 ? [.. Listed([firstDoseFields, []], toCheck)[0].Select(i => i.Text)] : null;
        var beforeFirstDose = BeforeFirstDoseSection(notRecorded, withFindings: true, firstDoseItems);
        var waitingFindings = notRecorded.BeforeFirstDose.Select(c => c.Finding.RuleId).ToHashSet(StringComparer.Ordinal);
        var cautions = assessment.OfKind(FindingKind.Caution).ToList();
        var eligible = assessment.Overall is Verdict.Eligible or Verdict.EligibleWithCautions;

        // No card names what is not recorded: the chart entries to check go on the last card (helper 232), but for an entry
        // about an item of the first-dose section when a card carries it (the eligible card, else the cautions card): that
        // entry is named there, its line in place of the labels, as the not-recorded card does (Listed); the others under the
        // heading of entries the screening cannot use.
        var carriesFirstDose = beforeFirstDose is not null && (eligible || cautions.Any(f => waitingFindings.Contains(f.RuleId)));
        var entries = NeedsForm(assessment, notRecorded) || toCheck is not { Count: > 0 }
            ? null
            : Listed(carriesFirstDose ? [firstDoseFields, []] : [[]], toCheck);

        // The cautions card lists CV-004 and HEP-003 in full right under the section, so its section names only the items.
        string Leading(IEnumerable<Finding> listed) =>
            beforeFirstDose is not null && listed.Any(f => waitingFindings.Contains(f.RuleId))
                ? BeforeFirstDoseSection(notRecorded, withFindings: false, firstDoseItems) + "\n\n"
                : "";

        if (cautions.Count > 0)
        {
            // From rule set 1.2.0 CV-004 and HEP-003 are cautions: the warning card opens with the section, then lists every
            // caution (those two included) as before; its summary names what the first dose waits for.
            // The high-severity ones are said, by id, and marked where they are listed, as the result page's verdict box names
            // them (QA157 Q2): high means hold or defer until weighed.
            // Helper 252 (QA247): with no pathway open or waiting, a caution's own words for a session about to be given
            // (CV-002 "today's session") are framed first, as the result page and the print frame them (NoPathwayInView).
            var leading = Frame(assessment) + Leading(cautions);
            var high = cautions.Where(c => c.Severity == Severity.High).Select(c => c.RuleId).Distinct(StringComparer.Ordinal).ToList();
            var highSaid = high.Count == 0 ? "" : CardTexts.HighSeverityCautions(string.Join(Text.ListSeparator, high)) + "\n\n";
            cards.Add(NewCard(
                CardTexts.CautionsSummary(cautions.Count, high.Count, leading.Length == 0 ? null : string.Join(Text.ListSeparator, BeforeFirstDoseLabels(notRecorded))),
                "warning",
                leading + highSaid + string.Join("\n\n", cautions.Select(c => "### " + (c.Severity == Severity.High ? CardTexts.HighSeverityMark : "") + Text.FindingSummary(c) + "\n\n" + Markdown(c))),
                version,
                RuleUrl(cautions[0].RuleId)));
        }

        if (assessment.Overall == Verdict.Incomplete)
        {
            // Helper 242: the high-severity information findings are named here too, as on the eligible card (QA13 M1): from
            // rule set 1.20.0 the rule that keeps the suicidal-ideation pathway from being ruled out (SUI-016, passive ideation
            // with recent behaviour not recorded, or "none" beside a positive item 9 with the assessment not recorded) is one,
            // and the card named only the missing answer, never the rule nor what it cites, where the result page shows it.
            cards.Add(NotRecordedCard(version, notRecorded, incomplete: true, prefillUrl, toCheck ?? [], assessment.OfKind(FindingKind.Information).Where(f => f.Severity == Severity.High).ToList()));
        }
        else if (eligible)
        {
            var open = assessment.Pathways.Where(p => p.Status is PathwayStatus.Eligible or PathwayStatus.EligibleWithCautions).ToList();
            // A requirement the first dose waits for (CV-004, HEP-003 before rule set 1.2.0) is named once, under the section.
            var requirements = assessment.OfKind(FindingKind.Requirement).Where(r => beforeFirstDose is null || !waitingFindings.Contains(r.RuleId)).ToList();
            // The high-severity information findings (the label's Limitations of Use, SUI-006; the suicidal-ideation
            // indication, SUI-001) are the limits of what an open pathway means: the result page shows them, so the card does too, never more reassuring (QA13 M1).
            var important = assessment.OfKind(FindingKind.Information).Where(f => f.Severity == Severity.High).ToList();
            // The pathways are open, yet no dose may be given until blood pressure and hepatic status are known: said right under
            // the open pathways, as the result page says it under its verdict (QA148 F2). The card stays information, as the
            // contract fixes it; the cautions card beside it (CV-004, HEP-003 are cautions) is the warning.
            var detail = CardTexts.OpenPathwaysHeading + "\n\n"
                + string.Join("\n", open.Select(p => $"- {Display.Of(p.Pathway)}{Text.Colon}{Display.Of(p.Status).Text}"))
                + (beforeFirstDose is null ? "" : "\n\n" + beforeFirstDose)
                + (requirements.Count == 0 ? "" : "\n\n" + CardTexts.EligibleRequirementsHeading + "\n\n"
                    + string.Join("\n", requirements.Select(r => "- " + ClinicalText.Sentences(Text.FindingSummary(r), Text.Parenthesized(CardTexts.Cites(r.Principles, r.Sources))))))
                + (important.Count == 0 ? "" : "\n\n" + ImportantSection(important))
                + "\n\n" + CardTexts.SupportsNotReplaces;
            cards.Add(NewCard(
                CardTexts.EligibleSummary(string.Join(Text.ListSeparator, open.Select(p => Display.ShortName(p.Pathway))), assessment.Overall == Verdict.EligibleWithCautions),
                "info",
                detail,
                version,
                RuleUrl(requirements.FirstOrDefault()?.RuleId)) with
            { OverrideMeans = OverrideDecision.DoNotProceed });
        }
        else if (cards.Count == 0)
        {
            cards.Add(NewCard(CardTexts.NotIndicatedSummary, "info", Frame(assessment) + Markdown(assessment.Findings), version, RuleUrl(null)));
        }

        // Not incomplete, and still questions not answered that could block a pathway (a recorded contraindication already
        // blocks, or no pathway waits for them): the result page lists them, so the EHR user sees them too.
        if (assessment.Overall != Verdict.Incomplete && notRecorded.SafetyQuestions.Count > 0)
        {
            cards.Add(NotRecordedCard(version, notRecorded, incomplete: false, prefillUrl, toCheck ?? []));
        }

        if (entries is not null && cards.Count > 0)
        {
            var last = cards[^1];
            cards[^1] = last with
            {
                Detail = last.Detail + (entries[^1].Count == 0 ? "" : "\n\n" + CardTexts.NeedsAttentionHeading + "\n\n" + string.Join("\n", entries[^1].Select(i => "- " + i.Text))),
                Links = last.Links ?? (prefillUrl is null ? null : [new CardLink(CardTexts.OpenFormLabel, prefillUrl, "absolute")]),
            };
        }

        return cards;
    }

    /// <summary>
    /// Whether the cards <see cref="ForAssessment"/> gives for <paramref name="assessment"/> name <paramref name="finding"/>
    /// with its rule: a contraindication (its critical card), a caution (the cautions card), a high-severity information
    /// finding on the incomplete or eligible card, a requirement on the eligible card, and every finding on the card of an
    /// answer with neither a contraindication nor a caution that is neither incomplete nor eligible. A requirement beside a
    /// contraindication, or on an incomplete answer, is named by no card (QA281 F1: SUI-007 beside SUI-004).
    /// </summary>
    public static bool Names(Assessment assessment, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(finding);
        var eligible = assessment.Overall is Verdict.Eligible or Verdict.EligibleWithCautions;
        var notIndicatedCard = !eligible && assessment.Overall != Verdict.Incomplete
            && !assessment.Findings.Any(f => f.Kind is FindingKind.Contraindication or FindingKind.Caution);
        return finding.Kind switch
        {
            FindingKind.Contraindication or FindingKind.Caution => true,
            _ when notIndicatedCard => true,
            FindingKind.Requirement => eligible,
            FindingKind.Information => finding.Severity == Severity.High && (eligible || assessment.Overall == Verdict.Incomplete),
            _ => false,
        };
    }

    /// <summary>
    /// QA281 F1: the <c>warning</c> card for imminent suicide risk in the answers, as the rule <see cref="ImminentRiskRuleId"/>
    /// defines it (its <paramref name="finding"/>: a suicide attempt within 3 months, active ideation with a plan or with
    /// intent, preparatory acts), on both hooks, as the positive item-9 card is (<see cref="PositiveItem9"/>): a chart that
    /// records a confirmed attempt 30 days ago gave only "Ketamine screening incomplete: 31 items are not recorded" and
    /// named the attempt nowhere, since the rules cannot run on a chart alone. It names what is recorded (each answer, with
    /// the chart entries it was read from where the chart gave it), then the rule's own summary, detail and citations: the
    /// same-day evaluation and the safety precautions in SUI-007's words, never new clinical words. The caller gives it
    /// whether or not the rules ran, unless a card of the answer already names the finding (<see cref="Names"/>).
    /// </summary>
    /// <param name="ruleSetVersion">The rule set the answer was given with.</param>
    /// <param name="finding">The finding of <see cref="ImminentRiskRuleId"/>.</param>
    /// <param name="reading">What the chart gave: the entries each answer was read from.</param>
    public Card ImminentRisk(string ruleSetVersion, Finding finding, Fhir.FhirReading reading)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(reading);
        var because = History is null ? finding.Because : Display.Inputs(finding, History);
        var recorded = because.Where(e => e.Value != WireNames.NotRecorded).Select(e =>
            reading.Values.TryGetValue(e.Field, out var chart) && ContractText(chart) == e.Value && reading.Sources.TryGetValue(e.Field, out var entries) && entries.Count > 0
                ? Display.Because(e, DefaultsApplied) + " " + Text.Parenthesized(string.Join(", ", entries))
                : Display.Because(e, DefaultsApplied));
        return NewCard(
            CardTexts.Summary(Text.FindingSummary(finding)),
            "warning",
            CardTexts.ImminentRiskIntro(string.Join(Text.Semicolon, recorded), finding.RuleId) + "\n\n"
                + Text.FindingDetail(finding) + "\n\n"
                + ClinicalText.Sentences(CardTexts.Cites(finding.Principles, finding.Sources), CardTexts.Rule(finding.RuleId)) + "\n\n"
                + CardTexts.SupportsNotReplaces,
            ruleSetVersion,
            RuleUrl(finding.RuleId));
    }

    /// <summary>True when a card of this answer links to the prefilled form: the result is incomplete, or safety questions are not recorded.</summary>
    public static bool NeedsForm(Assessment assessment, NotRecordedSummary notRecorded)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(notRecorded);
        return assessment.Overall == Verdict.Incomplete || notRecorded.SafetyQuestions.Count > 0;
    }

    /// <summary>
    /// The card naming what the result page lists as not recorded, under the page's headings: the safety items a pathway
    /// waits for (with the pathways waiting), the other safety questions that could block a pathway (saying why no pathway
    /// waits for them), the care items that must be known before the first dose (QA148 F2: each label, then the finding that
    /// asks for it with its citations and rule, CV-004, HEP-003, as the page names it; the section every card carrying it
    /// shares, <see cref="BeforeFirstDoseSection"/>), and the other care items. Helper 231: a chart entry to check about an
    /// item (<paramref name="toCheck"/>: a provisional aneurysm, a blood pressure in kPa) names it once, by the entry's line,
    /// under the heading of what it blocks, as on the card of an answer the rules could not give (<see cref="Listed"/>);
    /// the entries of no item listed, under the heading of entries the screening cannot use. The entries' lines were
    /// appended after the card was built, naming such an item twice, and the summary counted 3 items over 5 lines; it
    /// counts the lines listed.
    /// </summary>
    private Card NotRecordedCard(string ruleSetVersion, NotRecordedSummary notRecorded, bool incomplete, string? prefillUrl, IReadOnlyList<Fhir.ChartEntryToCheck> toCheck, IReadOnlyList<Finding>? important = null)
    {
        // Each field once, a chart entry to check about it in place of its label, under what it blocks (helper 231, as the
        // card of an answer the rules could not give lists them): the entries' lines were appended after the card was built.
        // Helper 251: the questions under each heading as the result page and the print list them, by the summary's one
        // ordering (NotRecordedSummary.QuestionsByHeading), never a second one of the card's own.
        var waiting = notRecorded.BeforeAPathwayCanOpen;
        var listed = Listed([.. notRecorded.QuestionsByHeading, []], toCheck);
        // Helper 245: what the card rests on: the completeness rules of the pathways waiting (REC-00x), the high-severity
        // findings, the contraindications a question no pathway waits for could show, the findings that ask for the care
        // items. Helper 290: each list cites its own, in a short line at its end, as on the card of an answer the rules could
        // not give (CitedPerList); a finding the card names (a high-severity one, CV-004 and HEP-003 in the first-dose
        // section) keeps its own citations beside it, and no later line cites them again; the last line cites P-SAFETY-REMS,
        // what the card as a whole rests on, with what no list shown cites. The card ended with one line of every key (10
        // for active suicidal ideation), a reader unable to tell which backed which list.
        var ruleSet = RuleSetCatalog.Find(ruleSetVersion) ?? RuleSetCatalog.Current;
        var waitingPathways = waiting.SelectMany(w => w.Pathways).ToHashSet();
        List<(IReadOnlyList<string>, IReadOnlyList<string>)> waitingRules = [.. ruleSet.Pathways.Where(p => waitingPathways.Contains(p.Pathway) && p.CompletenessRuleId is not null)
            .Select(p => ruleSet.Find(p.CompletenessRuleId!)).OfType<Rule>().Select(Cited)];
        List<(IReadOnlyList<string>, IReadOnlyList<string>)> importantFindings = [.. (important ?? []).Select(Cited)];
        List<(IReadOnlyList<string>, IReadOnlyList<string>)> couldAlsoBlock = [.. RulesBehind(ruleSet, notRecorded.CouldAlsoBlock.Select(i => i.Field), Behind.SafetyQuestion).Select(Cited)];
        List<(IReadOnlyList<string>, IReadOnlyList<string>)> firstDoseFindings = [.. notRecorded.BeforeFirstDose.Select(c => Cited(c.Finding))];
        List<(IReadOnlyList<string>, IReadOnlyList<string>)> careFindings = [.. notRecorded.OtherCareItems.Select(c => Cited(c.Finding))];
        var cites = new CitedPerList();

        var parts = new List<string> { incomplete ? CardTexts.IncompleteIntro : CardTexts.NotRecordedIntro };

        // Helper 306: the answers recorded as not done that pathways wait for as for a blank one (from rule set 1.27.0, the
        // suicide-risk assessment after a positive PHQ-9 item 9 recorded "No"), as the result page's "Recorded as not done"
        // box lists them, before what is not recorded: the card named neither it nor why the pathways wait ("0 items are not
        // recorded"). Never among the items not recorded: it is recorded. Cited by the completeness rules of the pathways waiting.
        var notDone = notRecorded.RecordedNotDone;
        var notDonePathways = notDone.SelectMany(n => n.Pathways).ToHashSet();
        List<(IReadOnlyList<string>, IReadOnlyList<string>)> notDoneRules = [.. ruleSet.Pathways.Where(p => notDonePathways.Contains(p.Pathway) && p.CompletenessRuleId is not null)
            .Select(p => ruleSet.Find(p.CompletenessRuleId!)).OfType<Rule>().Select(Cited)];
        if (notDone.Count > 0)
        {
            var notDoneCites = cites.After(true, notDoneRules);
            parts.Add(CardTexts.RecordedNotDoneHeading + "\n\n"
                + CardTexts.RecordedNotDoneNote + "\n\n"
                + string.Join("\n", notDone.Select(n => "- " + CardTexts.RecordedNotDoneItem(n.Label, n.Value, string.Join(Text.ListSeparator, n.Pathways.Select(Display.ShortName)))))
                + (notDoneCites.Length == 0 ? "" : "\n\n" + notDoneCites));
        }

        AddList(
            parts,
            CardTexts.WaitingHeading,
            [.. listed[0].Select(i => CardTexts.WaitingItem(i.Text, string.Join(Text.ListSeparator, waiting
                .Where(w => i.Fields.Contains(w.Field, StringComparer.Ordinal)).SelectMany(w => w.Pathways).Distinct().Order().Select(Display.ShortName))))],
            cites.After(listed[0].Count > 0, waitingRules));
        if (important is { Count: > 0 })
        {
            // Right under what the pathways wait for: why the suicidal-ideation pathway waits (SUI-016), with its citations.
            parts.Add(ImportantSection(important));
            cites.CitedBeside(importantFindings);
        }

        if (listed[1].Count > 0)
        {
            var couldAlsoBlockCites = cites.After(true, couldAlsoBlock);
            parts.Add(CardTexts.CouldAlsoBlockHeading + "\n\n"
                + (notRecorded.BlockedByContraindication ? CardTexts.CouldAlsoBlockWhileBlocked : CardTexts.CouldAlsoBlockNoneWaiting) + "\n\n"
                + string.Join("\n", listed[1].Select(i => "- " + i.Text))
                + (couldAlsoBlockCites.Length == 0 ? "" : "\n\n" + couldAlsoBlockCites));
        }

        // The entries the screening cannot use cite their own (each line ends "Cites: P-SAFETY-REMS."), as before.
        AddList(parts, CardTexts.NeedsAttentionHeading, [.. listed[4].Select(i => i.Text)]);
        if (BeforeFirstDoseSection(notRecorded, withFindings: true, [.. listed[2].Select(i => i.Text)]) is { } beforeFirstDoseSection)
        {
            parts.Add(beforeFirstDoseSection);
            cites.CitedBeside(firstDoseFindings);
        }

        AddList(parts, CardTexts.CareHeading, [.. listed[3].Select(i => i.Text)], cites.After(listed[3].Count > 0, careFindings));
        parts.Add(cites.WholeCard([.. notDoneRules, .. waitingRules, .. importantFindings, .. couldAlsoBlock, .. firstDoseFindings, .. careFindings]));
        parts.Add(CardTexts.SupportsNotReplaces);
        // Counted as listed, each line once (a blood pressure's entry naming its systolic and diastolic is one line; helper
        // 245: an item a pathway waits for that also calls for care, once, under what it blocks: Listed); the summary of an
        // answer not incomplete counts the safety questions.
        var safetyLines = listed[0].Count + listed[1].Count;
        return NewCard(
            incomplete
                ? CardTexts.IncompleteSummary(listed.Sum(l => l.Count), notDone.Count, ChartNotAllSent, listed.Any(l => l.Any(i => i.Entry)))
                : CardTexts.NotRecordedSummary(safetyLines, listed[0].Concat(listed[1]).Any(i => i.Entry)),
            orderSign ? "warning" : "info",
            string.Join("\n\n", parts),
            ruleSetVersion,
            RuleUrl(null)) with
        {
            Links = prefillUrl is null ? null : [new CardLink(CardTexts.OpenFormLabel, prefillUrl, "absolute")],
        };
    }

    /// <summary>
    /// The high-severity information findings as the result page shows them (QA13 M1), each with what it cites and its rule:
    /// on the eligible card, the limits of what an open pathway means; on the incomplete card (helper 242), also why a
    /// pathway cannot yet be ruled out (SUI-016).
    /// </summary>
    private static string ImportantSection(IReadOnlyList<Finding> important) =>
        CardTexts.EligibleImportantHeading + "\n\n"
        + string.Join("\n", important.Select(f => "- " + ClinicalText.Sentences(Text.FindingSummary(f), Text.Parenthesized(ClinicalText.Sentences(CardTexts.Cites(f.Principles, f.Sources), CardTexts.Rule(f.RuleId))))));

    /// <summary>
    /// The card for a draft order whose medicine cannot be identified (QA120 F7): each such order (where it was sent and
    /// its codes), and why the service cannot tell whether it is ketamine or esketamine.
    /// </summary>
    public Card UnidentifiedOrder(string ruleSetVersion, IReadOnlyList<string> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return NewCard(
            CardTexts.UnidentifiedOrderSummary,
            "info",
            CardTexts.UnidentifiedOrderDetail + "\n\n" + string.Join("\n", orders.Select(o => "- " + o)) + "\n\n" + CardTexts.SupportsNotReplaces,
            ruleSetVersion,
            RuleUrl(null));
    }

    /// <summary>One critical card per contraindication.</summary>
    public List<Card> ForContraindications(IReadOnlyList<Finding> contraindications, string ruleSetVersion) =>
        [.. contraindications.Select(finding => NewCard(
            CardTexts.ContraindicationSummary(Text.FindingSummary(finding), finding.RuleId),
            "critical",
            Markdown(finding),
            ruleSetVersion,
            RuleUrl(finding.RuleId)))];

    /// <summary>
    /// The one card of an answer the engine could not give: the items not recorded and the prefilled form. The care items
    /// that must be known before the first dose (<see cref="CareBeforeFirstDose"/>; <paramref name="careFields"/> are the
    /// contract's field names, labelled here in the card's language) are listed apart from the other care items, as the
    /// result page lists them; no finding has fired, so they cite the rules that say those items are not recorded (CV-004,
    /// HEP-003), as the result page does once the rules ran (QA281 F8; they cited the contraindications an answer could
    /// show, CV-003 and HEP-001). Beside the critical card of a contraindication the chart records
    /// (<paramref name="besideContraindication"/>) it does not say the screening cannot give a result (QA158 F7).
    /// Helper 228: an item the chart holds in a form the screening cannot read (<paramref name="toCheck"/>: a schizophrenia
    /// diagnosis for psychosis, an item 9 of 5, a blood pressure in kPa) is named once, by its entry's line
    /// (<see cref="CardTexts.ChartChecks"/>) under the heading of what it blocks (needed before the rules can run, a safety
    /// item, must be known before the first dose, calls for care), in place of its label; the entries of items in none of
    /// those lists (a PHQ-9 total, a question not asked, one read beside its entry) are listed under the heading of entries
    /// the screening cannot use, as is a line naming items of several lists (a medicine in words, named beside every
    /// medicine question), each of its items keeping its place in its list. It was named twice, its label and its entry's
    /// line, and counted twice; a blood pressure left the first-dose list. The summary counts the lines the card lists,
    /// as it did: an item named by a line naming several (a blood pressure's systolic and diastolic) is counted with it.
    /// </summary>
    /// <param name="ruleSetVersion">The rule set the card names.</param>
    /// <param name="required">The required items not recorded, by contract name.</param>
    /// <param name="safety">The safety items not recorded that could block a pathway, by contract name.</param>
    /// <param name="needsAttention">The items whose value the screening refused, by contract name.</param>
    /// <param name="careFields">The items that call for care while not recorded, by contract name.</param>
    /// <param name="prefillUrl">The prefilled form.</param>
    /// <param name="besideContraindication">Whether the card stands beside the critical card of a contraindication.</param>
    /// <param name="toCheck">The chart entries to check (<see cref="Fhir.FhirReading.ToCheck"/>); none by default.</param>
    public Card Incomplete(
        string ruleSetVersion,
        IReadOnlyList<string> required,
        IReadOnlyList<string> safety,
        IReadOnlyList<string> needsAttention,
        IReadOnlyList<string> careFields,
        string? prefillUrl,
        bool besideContraindication = false,
        IReadOnlyList<Fhir.ChartEntryToCheck>? toCheck = null)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(safety);
        ArgumentNullException.ThrowIfNull(needsAttention);
        ArgumentNullException.ThrowIfNull(careFields);
        var entries = toCheck ?? [];
        var ruleSet = RuleSetCatalog.Find(ruleSetVersion) ?? RuleSetCatalog.Current;
        var fields = CareBeforeFirstDose.Questions(ruleSet).Where(f => careFields.Contains(f.Name, StringComparer.Ordinal)).ToList();
        var beforeFirstDoseFields = fields.Select(f => f.Name).ToList();
        var otherCare = careFields.Except(beforeFirstDoseFields, StringComparer.Ordinal).ToList();

        var listed = Listed([[.. required], [.. safety], beforeFirstDoseFields, otherCare, [.. needsAttention]], entries);
        List<string> Items(int list) => [.. listed[list].Select(i => i.Text)];

        var requiredItems = Items(0);
        var safetyItems = Items(1);
        var beforeFirstDose = Items(2);
        var careItems = Items(3);
        var needsAttentionItems = Items(4);
        // Counted as listed: each line once (a blood pressure's entry naming its systolic and diastolic is one line). Helper
        // 234: where a line names a chart entry, the summary says the items are not recorded or not readable (it said "not
        // recorded in the chart" of a blood pressure the chart holds in kPa).
        var count = requiredItems.Count + safetyItems.Count + beforeFirstDose.Count + careItems.Count + needsAttentionItems.Count;
        var unreadable = listed.Any(l => l.Any(i => i.Entry));

        // Helper 289: each list on the card cites what its items rest on, in a short line at its end (CitedPerList, the one
        // method of both cards naming what is not recorded), so that a reader sees which keys back which list. The
        // first-dose section cites its rules' keys beside their ids, first; each other list, in the card's order, the keys
        // not cited yet. Helper 245 chose the keys: the pathways' indications and the contraindications that read a required
        // item; the contraindications a safety item could show; the rules that say a care item the first dose waits for is
        // not recorded; the cautions and requirements that read another care item; the contraindications and cautions that
        // read a value the screening cannot use.
        var cites = new CitedPerList();
        var showing = RulesBehind(ruleSet, beforeFirstDoseFields, Behind.SaysNotRecorded(beforeFirstDoseFields)).ToList();
        var firstDoseCites = cites.After(beforeFirstDose.Count > 0, showing.Select(Cited));
        var requiredCites = cites.After(requiredItems.Count > 0, RulesBehind(ruleSet, required, Behind.Required(ruleSet)).Select(Cited));
        var safetyCites = cites.After(safetyItems.Count > 0, RulesBehind(ruleSet, safety, Behind.SafetyQuestion).Select(Cited));
        var needsAttentionCites = cites.After(needsAttentionItems.Count > 0, RulesBehind(ruleSet, needsAttention, Behind.ValueNotUsable).Select(Cited));
        var careCites = cites.After(careItems.Count > 0, RulesBehind(ruleSet, otherCare, Behind.CareItem).Select(Cited));

        var parts = new List<string> { besideContraindication ? CardTexts.IncompleteIntroBesideContraindication : CardTexts.IncompleteIntro };
        AddList(parts, CardTexts.RequiredHeading, requiredItems, requiredCites);
        AddList(parts, CardTexts.SafetyHeading, safetyItems, safetyCites);
        AddList(parts, CardTexts.NeedsAttentionHeading, needsAttentionItems, needsAttentionCites);
        if (beforeFirstDose.Count > 0)
        {
            parts.Add(BeforeFirstDoseText(beforeFirstDose, FirstDoseNote.NoPathwayWaiting, showing
                .Select(r => CardTexts.Rule(r.Id))
                .Prepend(firstDoseCites)
                .Where(s => s.Length > 0)
                .Aggregate(ClinicalText.Sentences)));
        }

        AddList(parts, CardTexts.CareHeading, careItems, careCites);
        parts.Add(cites.WholeCard(
        [
            .. RulesBehind(ruleSet, required, Behind.Required(ruleSet)).Select(Cited),
            .. RulesBehind(ruleSet, safety, Behind.SafetyQuestion).Select(Cited),
            .. (beforeFirstDose.Count > 0 ? showing : []).Select(Cited),
            .. RulesBehind(ruleSet, otherCare, Behind.CareItem).Select(Cited),
            .. RulesBehind(ruleSet, needsAttention, Behind.ValueNotUsable).Select(Cited),
        ]));
        parts.Add(CardTexts.SupportsNotReplaces);
        return NewCard(
            CardTexts.IncompleteSummary(count, ChartNotAllSent, unreadable),
            orderSign ? "warning" : "info",
            string.Join("\n\n", parts),
            ruleSetVersion,
            RuleUrl(null)) with
        {
            Links = prefillUrl is null ? null : [new CardLink(CardTexts.OpenFormLabel, prefillUrl, "absolute")],
        };
    }

    /// <summary>
    /// The card for a chart that contradicts itself: it records yes to <paramref name="kept"/>, which the answers in
    /// <paramref name="setAside"/> rule out (a pregnancy, sex at birth male). The yes was kept and those answers left out,
    /// so that the rules see it; the clinician checks both.
    /// </summary>
    /// <param name="ruleSetVersion">The rule set the answer was given with.</param>
    /// <param name="kept">The contract names of the fields whose yes was kept.</param>
    /// <param name="setAside">The contract names of the fields left out.</param>
    public Card Contradiction(string ruleSetVersion, IReadOnlyList<string> kept, IReadOnlyList<string> setAside)
    {
        // It cites what the rules that read the kept answer cite (a pregnancy: REP-001's principles and sources).
        var citing = (RuleSetCatalog.Find(ruleSetVersion) ?? RuleSetCatalog.Current).Rules
            .Where(r => r.Kind == FindingKind.Contraindication && r.Condition.FieldsRead().Any(f => kept.Contains(f.Name)))
            .ToList();
        return NewCard(
            CardTexts.ContradictionSummary(Labels(setAside)),
            "warning",
            CardTexts.ContradictionDetail(Labels(kept), Labels(setAside)) + "\n\n"
                + CardTexts.Cites(citing.SelectMany(r => r.Principles).Distinct(), citing.SelectMany(r => r.Sources).Distinct()) + "\n\n"
                + CardTexts.SupportsNotReplaces,
            ruleSetVersion,
            RuleUrl(citing.FirstOrDefault()?.Id));
    }

    /// <summary>
    /// The rules of <paramref name="ruleSet"/> that ask for action on PHQ-9 item 9 (SUI-008 today): what the positive item-9
    /// card cites, and whose finding, when it fired, already names the item (<see cref="PositiveItem9"/>). From 1.8.0 the rule
    /// that keeps the suicidal-ideation pathway from being ruled out (SUI-001 in 1.8.0 to 1.19.0, SUI-016 from 1.20.0) and
    /// the completeness rules read item 9 too, to wait for the suicide-risk assessment; they are information or completeness
    /// rules and say nothing about the item's value, so they are not among these; nor, from 1.14.0, the rules restated to
    /// fire while that pathway cannot yet be ruled out (CV-004, HEP-003, …), whose condition as first defined does not read
    /// item 9; nor, from 1.27.0, SUI-017, which fires when item 9 is not recorded and so says nothing of a positive value
    /// (its finding names item 9 as not recorded: a chart's positive item 9 set aside still raises the card beside it).
    /// </summary>
    public static IReadOnlyList<Rule> RulesReadingItem9(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        // A completeness rule reworded (1.13.0's REC-001 to REC-006) is a completeness rule still; a restated rule is read
        // as its class defines it.
        return [.. ruleSet.Rules.Where(r => r.Kind != FindingKind.Information
            && r.AsDefined is not KetamineCds.Domain.Rules.Completeness.PathwayCompleteness
            && r.AsDefined.Condition.FieldsRead().Any(f => f.Name == Fields.Phq9Item9.Name)
            && !r.AsDefined.Condition.FieldsTestedNotRecorded().Any(f => f.Name == Fields.Phq9Item9.Name))];
    }

    /// <summary>
    /// The <c>warning</c> card for a positive PHQ-9 item 9 the chart gives (QA132 F4), or null: the chart's value when it
    /// is 1 or more (as the reader decides what is current, <see cref="Fhir.FhirReading.InChart"/>: a value set aside
    /// because the chart's total contradicts it counts too, and the card says so), the Observation and when it was taken
    /// in the clinic's time; that the clinician must assess suicidality and record it; and the detail of the rule that
    /// reads item 9 (SUI-008), citing what that rule cites. Without such a value, a positive item 9 the reader set aside
    /// for its status or time within the period it reads (a result not final, one as late as another that gives another
    /// value, one dated in the future, the latest final one beside a later one not final, helper 214:
    /// <see cref="Fhir.ChartEntryToCheck.Value"/>), or whose answer it could not read as one
    /// answer of item 9's LOINC list but which names a positive one (its codes and words disagree, or only words: the
    /// highest score named), raises the card too, which says it was not read and why; it stays unread, neither prefilled
    /// nor used by the rules (missing or uncertain information is never reassurance). An item 9 that cannot be read and
    /// names no score (an unknown answer, a <c>dataAbsentReason</c>, a number as a string) gives no card: it is named in
    /// the check list as not readable, never as "no". None when the rules ran and one that reads item 9 fired (<paramref name="fired"/>): its finding names
    /// the item already.
    /// </summary>
    /// <param name="ruleSet">The rule set the answer was given with.</param>
    /// <param name="reading">What the chart gave.</param>
    /// <param name="clinicTime">How a moment is written (the clinic's time).</param>
    /// <param name="fired">The findings of the rules, when they ran; null when they did not.</param>
    public Card? PositiveItem9(RuleSet ruleSet, Fhir.FhirReading reading, Screenings.ClinicTime clinicTime, IReadOnlyList<Finding>? fired)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(clinicTime);
        static long? Positive(object? value) =>
            value is int or long && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is var v && v >= 1 ? v : null;
        var item9 = reading.InChart(Fields.Phq9Item9.Name);
        var read = item9 is not null && Positive(item9.Value) is not null;
        List<Fhir.ChartEntryToCheck> unread = read ? [] : [.. reading.ToCheck.Where(c => c.Field == Fields.Phq9Item9.Name
            && c.Kind is Fhir.ChartCheckKind.ResultNotFinal or Fhir.ChartCheckKind.ResultTimeUnclear or Fhir.ChartCheckKind.ResultInFuture or Fhir.ChartCheckKind.ResultNotReadable
                or Fhir.ChartCheckKind.ResultTakenWhenNotGiven or Fhir.ChartCheckKind.ResultUntimed or Fhir.ChartCheckKind.ResultBesideUntimed
                or Fhir.ChartCheckKind.ResultBesideNewer
            && Positive(c.Value) is not null)];
        if (!read && unread.Count == 0)
        {
            return null;
        }

        var rules = RulesReadingItem9(ruleSet);
        if (fired is not null && fired.Any(f => rules.Any(r => r.Id == f.RuleId)))
        {
            return null;
        }

        string At(Fhir.FhirMoment? moment) => moment is null ? "?" : moment.Instant is { } at ? clinicTime.At(at) : moment.Written;
        string Value(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        var parts = new List<string>();
        string summary;
        if (read)
        {
            var value = Value(item9!.Value);
            var entries = string.Join(Text.Semicolon, item9.ReadFrom.Select(s => CardTexts.Item9Entry(s.Reference, At(s.Moment))));
            var first = item9.ReadFrom.Count > 0 ? item9.ReadFrom[0] : null;
            parts.Add(CardTexts.Item9Detail(value, entries));
            summary = CardTexts.Item9Summary(value, first?.Reference ?? "?", first is null ? "?" : At(first.Moment));
        }
        else
        {
            // The summary names the highest value not read (the first entry giving it); the detail names each.
            var highest = unread.MaxBy(c => Positive(c.Value))!;
            // Helper 205: a result that gives when it was issued but not when it was taken is named with when it was issued.
            string When(Fhir.ChartEntryToCheck c) => c.Issued is { } issued ? clinicTime.At(issued) : At(c.Moment);
            parts.Add(CardTexts.Item9UnreadDetail(string.Join(Text.Semicolon, unread.Select(c => CardTexts.Item9UnreadEntry(Value(c.Value!), c.Kind, c.Reference, When(c), c.ChartPartOlder)))));
            summary = CardTexts.Item9UnreadSummary(Value(highest.Value!), highest.Reference, highest.Issued is null ? At(highest.Moment) : CardTexts.Item9UnreadIssuedAt(When(highest)));
        }

        if (rules.Count > 0)
        {
            parts.Add(Text.RuleDetail(rules[0]));
        }

        if (reading.Contradicting.TryGetValue(Fields.Phq9Item9.Name, out var contradicted))
        {
            // Item 9 above the total, or the total too high for it (QA157 F2: the other eight items score at most 24, so a
            // total of 27 beside an item 9 of 1 means an item 9 of 3, were the total right).
            var totalLabel = Text.FieldLabel(Fields.Phq9Item9.AtMost!);
            parts.Add(reading.Contradicting.TryGetValue(Fields.Phq9Item9.AtMost!, out var total)
                && contradicted.Value is int contradictedItem9 && total.Value is int totalScore && Fields.Phq9Item9.OtherPartsAtMost is { } others
                && contradictedItem9 < totalScore - others
                    ? CardTexts.Item9ContradictedTotalTooHigh(totalLabel, others, totalScore - others)
                    : CardTexts.Item9Contradicted(totalLabel));
        }

        var cites = CardTexts.Cites(rules.SelectMany(r => r.Principles).Distinct(), rules.SelectMany(r => r.Sources).Distinct());
        if (cites.Length > 0)
        {
            parts.Add(cites + string.Concat(rules.Select(r => " " + CardTexts.Rule(r.Id))));
        }

        parts.Add(CardTexts.SupportsNotReplaces);
        return NewCard(
            summary,
            "warning",
            string.Join("\n\n", parts),
            ruleSet.Version,
            RuleUrl(rules.Count > 0 ? rules[0].Id : null));
    }

    /// <summary>
    /// The card for a chart that answers less cautiously than the clinician's recent screening (<see cref="ChartDisagreement"/>):
    /// for each field, what the chart records and where, what the screening recorded, and the more cautious answer used;
    /// the clinician decides which is right. Where the chart answers more cautiously (<see cref="ChartDisagreement.ChartMoreCautious"/>,
    /// helper 274), the same card says that the chart's answer was used and stays used while the chart records it, and to
    /// put the chart entry right if the screening's answer is. It cites what the contraindications and cautions that read
    /// those fields cite.
    /// </summary>
    /// <param name="ruleSetVersion">The rule set the answer was given with.</param>
    /// <param name="disagreements">The fields, in the catalogue's order.</param>
    /// <param name="screeningId">The clinician's screening.</param>
    /// <param name="answersOn">The clinic's day the screening's answers were given.</param>
    /// <param name="clinicTime">How a measurement's moments are written (the clinic's time); UTC when not given.</param>
    public Card Disagreement(string ruleSetVersion, IReadOnlyList<ChartDisagreement> disagreements, string screeningId, DateOnly answersOn, Screenings.ClinicTime? clinicTime = null)
    {
        ArgumentNullException.ThrowIfNull(disagreements);
        var fields = disagreements.Select(d => d.Field).ToList();
        var citing = (RuleSetCatalog.Find(ruleSetVersion) ?? RuleSetCatalog.Current).Rules
            .Where(r => r.Kind is FindingKind.Contraindication or FindingKind.Caution && r.Condition.FieldsRead().Any(f => fields.Contains(f.Name)))
            .OrderBy(r => r.Kind)
            .ToList();
        var cites = citing.Count == 0
            ? CardTexts.Cites([Citations.SafetyRems], [])
            : CardTexts.Cites(citing.SelectMany(r => r.Principles).Distinct(), citing.SelectMany(r => r.Sources).Distinct());
        string At(DateTimeOffset instant) => clinicTime?.At(instant) ?? instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
        var items = disagreements.Select(d =>
        {
            var (field, chart, entries, screening) = (Text.FieldLabel(d.Field), Display.Value(d.Field, ContractText(d.Chart)), string.Join(", ", d.ChartEntries), Display.Value(d.Field, ContractText(d.Screening)));
            if (d.Measured is not { } measured)
            {
                return "- " + (d.ChartMoreCautious
                    ? CardTexts.DisagreementItemChartMoreCautious(field, chart, entries, screening, Display.Value(d.Field, ContractText(d.Used!)))
                    : CardTexts.DisagreementItem(field, chart, entries, screening, Display.Value(d.Field, ContractText(d.Used!))));
            }

            // A day alone is written as the FHIR gave it: the clinic's day the reading was taken on, at an unknown time.
            var chartAt = measured.Chart is not { } moment ? "?" : moment.Exact ? At(moment.Earliest) : moment.Written;
            var screeningAt = At(measured.Screening);
            return "- " + (d.Used is { } used
                ? measured.Order == MeasurementOrder.NotKnown
                    ? CardTexts.DisagreementItemOrderNotKnownHigher(field, chart, entries, chartAt, screening, screeningAt, Display.Value(d.Field, ContractText(used)))
                    : CardTexts.DisagreementItemNewer(field, chart, entries, chartAt, screening, screeningAt, Display.Value(d.Field, ContractText(used)))
                : CardTexts.DisagreementItemOrderNotKnownNeither(field, chart, entries, chartAt, screening, screeningAt));
        });
        var intro = string.Join(
            " ",
            new[]
            {
                disagreements.Any(d => d.Measured is null && !d.ChartMoreCautious) ? CardTexts.DisagreementIntro(screeningId, Screenings.ClinicTime.Day(answersOn)) : null,
                disagreements.Any(d => d.Measured is not null) ? CardTexts.DisagreementIntroMeasurements(screeningId, Screenings.ClinicTime.Day(answersOn)) : null,
                disagreements.Any(d => d.ChartMoreCautious) ? CardTexts.DisagreementIntroChartMoreCautious(screeningId, Screenings.ClinicTime.Day(answersOn)) : null,
            }.OfType<string>());
        return NewCard(
            CardTexts.DisagreementSummary(Labels(fields)),
            "warning",
            intro + "\n\n"
                + string.Join("\n", items) + "\n\n"
                + cites + "\n\n"
                + CardTexts.SupportsNotReplaces,
            ruleSetVersion,
            RuleUrl(citing.FirstOrDefault()?.Id));
    }

    /// <summary>
    /// Helper 258: the card for facts about the patient on which the chart and the clinician's screening that completes it
    /// cannot both be right (<see cref="IdentityMismatch"/>: the sex at birth, or an age the chart's birth date does not
    /// allow on the screening's day): the chart and the screening may not be of the same patient, or one holds a data
    /// error, and the clinician must check. Each names both values, the chart entry, the screening's day and the answer
    /// used; for the age, the year of the chart's birth date, never the full date (helper 268: the log keeps the card's
    /// words, and keeps a birth date as its year only), and the ages it gives on the screening's day. A <c>warning</c> on both hooks; it cites P-SAFETY-REMS (the safety screening before treatment), as the cards
    /// that name what is not recorded do.
    /// </summary>
    /// <param name="ruleSetVersion">The rule set the answer was given with.</param>
    /// <param name="mismatches">The facts, the sex at birth first.</param>
    /// <param name="screeningId">The clinician's screening.</param>
    /// <param name="answersOn">The clinic's day the screening's answers were recorded.</param>
    public Card Identity(string ruleSetVersion, IReadOnlyList<IdentityMismatch> mismatches, string screeningId, DateOnly answersOn)
    {
        ArgumentNullException.ThrowIfNull(mismatches);
        var day = Screenings.ClinicTime.Day(answersOn);
        var items = mismatches.Select(m =>
        {
            var field = Text.FieldLabel(m.Field);
            var screening = Display.Value(m.Field, ContractText(m.Screening));
            if (m.BirthYear is not { } year)
            {
                return "- " + CardTexts.IdentitySex(field, Display.Value(m.Field, ContractText(m.Chart!)), string.Join(", ", m.ChartEntries), screening, day);
            }

            string Age(int age) => Display.Value(m.Field, age.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var then = m.ChartAgesThen is { } ages ? CardTexts.IdentityAgeThen(Age(ages.Youngest), Age(ages.Oldest)) : CardTexts.IdentityAgeThen(null, null);
            return "- " + (m.Used is { } used
                ? CardTexts.IdentityAge(field, year, string.Join(", ", m.ChartEntries), screening, day, then, Display.Value(m.Field, ContractText(used)))
                : CardTexts.IdentityAgeNotRecorded(field, year, string.Join(", ", m.ChartEntries), screening, day, then));
        });
        return NewCard(
            CardTexts.IdentitySummary(Labels(mismatches.Select(m => m.Field))),
            "warning",
            CardTexts.IdentityIntro(screeningId, day) + "\n\n"
                + string.Join("\n", items) + "\n\n"
                + CardTexts.Cites([Citations.SafetyRems], []) + "\n\n"
                + CardTexts.SupportsNotReplaces,
            ruleSetVersion,
            RuleUrl(null));
    }

    /// <summary>
    /// The card naming the decisions in force against this answer's recommendation where its answers came from (QA132 F1):
    /// a clinician's "do not proceed" on the screening that completed the chart (or the EHR's, sent back through feedback on
    /// an earlier answer completed from it), beside an eligible verdict; a "proceed" beside any other. A <c>warning</c> on
    /// both hooks, never information only: the verdict is the rules' alone and stays as it is, and the decision is the
    /// clinician's. It cites P-SAFETY-REMS (treatment under supervision, with the safety screening before it), as the
    /// cards that name what is not recorded do.
    /// </summary>
    /// <param name="ruleSetVersion">The rule set the answer was given with.</param>
    /// <param name="completing">The clinician's screening whose answers were used.</param>
    /// <param name="decisions">The decisions against the recommendation, the clinician's screening's first; all of one direction.</param>
    /// <param name="clinicTime">How the moments are written (the clinic's time).</param>
    public Card Decisions(string ruleSetVersion, Guid completing, IReadOnlyList<DecisionInForce> decisions, Screenings.ClinicTime clinicTime)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var first = decisions[0];
        return NewCard(
            CardTexts.DecisionSummary(first.Decision, Display.Of(first.Override.Reason)),
            "warning",
            CardTexts.DecisionIntro(completing.ToString()) + "\n\n"
                + string.Join("\n", decisions.Select(d => "- " + CardTexts.DecisionItem(d, clinicTime))) + "\n\n"
                + CardTexts.DecisionOutro + "\n\n"
                + CardTexts.Cites([Citations.SafetyRems], []) + "\n\n"
                + CardTexts.SupportsNotReplaces,
            ruleSetVersion,
            RuleUrl(null));
    }

    /// <summary>A contract value as <see cref="Display.Value"/> reads it: <c>true</c>, <c>active</c>, <c>alcohol, ketamine-or-pcp</c>.</summary>
    private static string ContractText(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => s,
        IEnumerable<string> list => string.Join(", ", list),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string Labels(IEnumerable<string> names) => string.Join(Text.ListSeparator, names.Select(Text.FieldLabel));

    /// <summary>Adds a line saying where the answer was recorded to each card's detail.</summary>
    public static List<Card> WithRecordNote(List<Card> cards, string note) =>
        cards.Select(c => c with { Detail = c.Detail + "\n\n" + note }).ToList();

    /// <summary>
    /// The items a card lists under its headings of fields not recorded (<paramref name="lists"/>, by contract name, in the
    /// card's order of headings, the most pressing first), the chart entries to check (<paramref name="toCheck"/>) among
    /// them: each field by its label once, in the first list that holds it (helper 245: a question a pathway waits for that
    /// also calls for care, sex at birth and pregnancy beside REP-003, suicidal intent beside SUI-012, was listed under both
    /// headings and counted twice in the summary; it is one question to answer, named under what it blocks, and the care
    /// finding that also names it is cited, and listed in full on the cautions card); a line of chart entries (<see cref="CardTexts.ChartCheckLines"/>) whose fields all have the same first
    /// list holding them is placed in it, and names them there in place of their labels in every list, so that each is
    /// named once, under the heading of what it blocks; a line naming fields of several lists or of none (a medicine in
    /// words beside every medicine question, an item 9 beside the total) goes whole to the last list, the entries' own,
    /// its fields keeping their labels in their first lists. Each item with the fields it names. Helper 228 for the card of an answer the rules could not
    /// give (<see cref="Incomplete"/>); helper 231 for the card naming what is not recorded once they ran
    /// (<see cref="NotRecordedCard"/>), where the entries' lines were appended after the card was built, naming twice.
    /// </summary>
    private static List<(string Text, List<string> Fields, bool Entry)>[] Listed(IReadOnlyList<IReadOnlyList<string>> lists, IReadOnlyList<Fhir.ChartEntryToCheck> toCheck)
    {
        // Each field in the first list naming it: the summary's one ordering (helper 251), the result page's and the print's.
        var once = NotRecordedSummary.EachOnce(lists);
        var listOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < once.Length; i++)
        {
            foreach (var name in once[i])
            {
                listOf.Add(name, i);
            }
        }

        // The one list first holding every field a line names that any list holds, else -1: the line goes whole to the last
        // list. Helper 234: a field no list holds (a PHQ-9 total read, named with the item 9 the line is about) does not send
        // the line there, which left item 9 named and counted twice, by its label under what it blocks and in the line.
        int ListOf(List<string> named) =>
            named.Where(listOf.ContainsKey).Select(f => listOf[f]).Distinct().ToList() is [var only] ? only : -1;
        var placed = CardTexts.ChartCheckLines(toCheck).Select(l => (l.Line, l.Fields, List: ListOf(l.Fields))).ToList();
        var named = placed.Where(p => p.List >= 0).SelectMany(p => p.Fields).ToHashSet(StringComparer.Ordinal);
        return [.. once.Select((fields, list) =>
            new List<(string Text, List<string> Fields, bool Entry)>(
            [
                .. fields.Where(f => !named.Contains(f)).Select(f => (Text.FieldLabel(f), new List<string> { f }, false)),
                .. placed.Where(p => p.List == list || (p.List < 0 && list == once.Length - 1)).Select(p => (p.Line, p.Fields, true)),
            ]))];
    }

    /// <summary>
    /// The care items that must be known before the first dose, under the result page's heading: why the dose waits for
    /// them, one label to a line (each counted in the summary, as every item listed), then what asks for them and its citations.
    /// </summary>
    private static string BeforeFirstDoseText(IReadOnlyList<string> labels, FirstDoseNote note, string cites) =>
        CardTexts.BeforeFirstDoseHeading + "\n\n"
            + CardTexts.BeforeFirstDoseNote(note) + "\n\n"
            + string.Join("\n", labels.Select(l => "- " + l))
            + (cites.Length == 0 ? "" : "\n\n" + cites);

    private static List<string> BeforeFirstDoseLabels(NotRecordedSummary notRecorded) =>
        [.. notRecorded.BeforeFirstDose.SelectMany(c => c.Labels).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The section naming the care items the first dose waits for once the rules ran (<see cref="NotRecordedSummary.BeforeFirstDose"/>),
    /// the same on every card that carries it: the heading, whether a pathway is open without them, the labels, then each
    /// finding that asks for them (CV-004, HEP-003) with its citations and rule, unless the card lists those findings in
    /// full itself (<paramref name="withFindings"/> false: the cautions card). Null when there are none.
    /// </summary>
    private static string? BeforeFirstDoseSection(NotRecordedSummary notRecorded, bool withFindings, List<string>? listed = null)
    {
        var labels = listed ?? BeforeFirstDoseLabels(notRecorded);
        if (labels.Count == 0)
        {
            return null;
        }

        var why = notRecorded.BeforeFirstDose.Select(c => ClinicalText.Sentences(
            Text.FindingSummary(c.Finding),
            Text.Parenthesized(ClinicalText.Sentences(CardTexts.Cites(c.Finding.Principles, c.Finding.Sources), CardTexts.Rule(c.Finding.RuleId)))));
        return BeforeFirstDoseText(labels, notRecorded.BeforeFirstDoseNote(), withFindings ? why.Aggregate(ClinicalText.Sentences) : "");
    }

    /// <summary>
    /// The rules behind fields a card lists as not recorded (or not usable): the rules of <paramref name="ruleSet"/> that
    /// read one of <paramref name="fields"/> (contract names) and that <paramref name="keeps"/> keeps (<see cref="Behind"/>:
    /// which kinds stand behind which heading), in the rule set's order. The one query of both cards naming what is not
    /// recorded (<see cref="Incomplete"/>, <see cref="NotRecordedCard"/>) for what they cite and what the first dose waits for.
    /// </summary>
    private static IEnumerable<Rule> RulesBehind(RuleSet ruleSet, IEnumerable<string> fields, Func<Rule, bool> keeps)
    {
        var names = fields.ToHashSet(StringComparer.Ordinal);
        return names.Count == 0 ? [] : ruleSet.Rules.Where(r => keeps(r) && r.Condition.FieldsRead().Any(f => names.Contains(f.Name)));
    }

    /// <summary>What a rule cites, as <see cref="CitedPerList"/> reads it.</summary>
    private static (IReadOnlyList<string> Principles, IReadOnlyList<string> Sources) Cited(Rule rule) => (rule.Principles, rule.Sources);

    /// <summary>What a finding cites, as <see cref="CitedPerList"/> reads it.</summary>
    private static (IReadOnlyList<string> Principles, IReadOnlyList<string> Sources) Cited(Finding finding) => (finding.Principles, finding.Sources);

    /// <summary>
    /// Which rules stand behind the fields under each heading of a card naming what is not recorded (helper 245), the
    /// differences kept explicit (helper 251): what an answer to the field could show, or what asks for it.
    /// </summary>
    internal static class Behind
    {
        /// <summary>A safety question not answered: the contraindications an answer could show.</summary>
        public static bool SafetyQuestion(Rule rule) => rule.Kind == FindingKind.Contraindication;

        /// <summary>
        /// A care item the first dose waits for (blood pressure, hepatic status), before the rules can run: the rules that say
        /// the item is not recorded (CV-004, HEP-003: a caution or requirement whose condition tests that the field is not
        /// recorded, <see cref="KetamineCds.Domain.Rules.Conditions.Condition.FieldsTestedNotRecorded"/>), which the result page names for the same items once the rules ran (QA281 F8: the
        /// card cited the contraindications an answer could show, CV-003 and HEP-001, while the page cited CV-004 and
        /// HEP-003).
        /// </summary>
        public static Func<Rule, bool> SaysNotRecorded(IEnumerable<string> fields)
        {
            // The condition's structure (Condition.FieldsTestedNotRecorded), never its canonical text (helper 286).
            var names = fields.ToHashSet(StringComparer.Ordinal);
            return rule => rule.Kind is FindingKind.Caution or FindingKind.Requirement
                && rule.AsDefined is not KetamineCds.Domain.Rules.Completeness.PathwayCompleteness
                && rule.Condition.FieldsTestedNotRecorded().Any(f => names.Contains(f.Name));
        }

        /// <summary>A required item, before the rules can run: the contraindications and the pathways' indications that read it.</summary>
        public static Func<Rule, bool> Required(RuleSet ruleSet)
        {
            var indications = ruleSet.Pathways.Select(p => p.IndicationRuleId).ToHashSet(StringComparer.Ordinal);
            return rule => rule.Kind == FindingKind.Contraindication || indications.Contains(rule.Id);
        }

        /// <summary>Another care item: the cautions and requirements that read it, never a pathway's completeness rule.</summary>
        public static bool CareItem(Rule rule) =>
            rule.Kind is FindingKind.Caution or FindingKind.Requirement && rule.AsDefined is not KetamineCds.Domain.Rules.Completeness.PathwayCompleteness;

        /// <summary>A value the screening cannot use (a chart entry to check): the contraindications and cautions that read it.</summary>
        public static bool ValueNotUsable(Rule rule) => rule.Kind is FindingKind.Contraindication or FindingKind.Caution;
    }

    /// <summary>
    /// The citations of a card naming what is not recorded, list by list (helper 289 for the card of an answer the rules
    /// could not give, <see cref="Incomplete"/>; helper 290 for the card once they ran, <see cref="NotRecordedCard"/>): the
    /// one method of both. Each list shown ends with a short line of the keys its items rest on (principle ids, then
    /// source keys) that no line above it cites (<see cref="After"/>); a finding the card names with its own citations
    /// (a high-severity finding, CV-004 in the first-dose section) keeps them in full beside it, as every card naming it
    /// does, and a later list does not cite them again (<see cref="CitedBeside"/>); the last line
    /// (<see cref="WholeCard"/>) cites P-SAFETY-REMS, on which the whole card rests ("not recorded" is never "no"; the
    /// safety screening before a dose), with what no line cites (a list whose items all went under the heading of entries
    /// the screening cannot use). P-SAFETY-REMS is on no list's line. The cards ended with one line of every key (up to
    /// 22), a reader unable to tell which backed which list; the keys are the same set as then.
    /// </summary>
    private sealed class CitedPerList
    {
        private readonly HashSet<string> cited = new(StringComparer.Ordinal) { Citations.SafetyRems };
        private bool listCites;
        private bool findingsCite;

        /// <summary>The line at the end of a list (empty when it is not <paramref name="shown"/> or cites nothing new).</summary>
        public string After(bool shown, IEnumerable<(IReadOnlyList<string> Principles, IReadOnlyList<string> Sources)> restsOn)
        {
            if (!shown)
            {
                return "";
            }

            var line = CardTexts.Cites(New(restsOn, r => r.Principles), New(restsOn, r => r.Sources));
            listCites |= line.Length > 0;
            return line;
        }

        /// <summary>The findings the card names with their own citations beside them: a later line does not cite those again.</summary>
        public void CitedBeside(IEnumerable<(IReadOnlyList<string> Principles, IReadOnlyList<string> Sources)> findings)
        {
            foreach (var (principles, sources) in findings)
            {
                cited.UnionWith(principles.Concat(sources));
                findingsCite = true;
            }
        }

        /// <summary>The card's last line: P-SAFETY-REMS, then what of <paramref name="restsOn"/> (all the card rests on) no line cites.</summary>
        public string WholeCard(IEnumerable<(IReadOnlyList<string> Principles, IReadOnlyList<string> Sources)> restsOn) =>
            CardTexts.CitesWholeCard([Citations.SafetyRems, .. New(restsOn, r => r.Principles)], New(restsOn, r => r.Sources), listCites, findingsCite);

        private List<string> New(
            IEnumerable<(IReadOnlyList<string> Principles, IReadOnlyList<string> Sources)> restsOn,
            Func<(IReadOnlyList<string> Principles, IReadOnlyList<string> Sources), IReadOnlyList<string>> keys) =>
            [.. restsOn.SelectMany(keys).Distinct(StringComparer.Ordinal).Where(cited.Add)];
    }

    /// <summary>A list under its heading, when it has items; then, where given, what they rest on (helper 289).</summary>
    private static void AddList(List<string> parts, string heading, List<string> items, string cites = "")
    {
        if (items.Count > 0)
        {
            parts.Add(heading + "\n\n" + string.Join("\n", items.Select(i => "- " + i)) + (cites.Length == 0 ? "" : "\n\n" + cites));
        }
    }

    private string Markdown(Finding finding)
    {
        var lines = new List<string> { Text.FindingDetail(finding) };
        var because = History is null ? finding.Because : Display.Inputs(finding, History);
        if (because.Count > 0)
        {
            lines.Add(CardTexts.Because(string.Join(Text.Semicolon, because.Select(e => Display.Because(e, DefaultsApplied)))));
        }

        var cites = CardTexts.Cites(finding.Principles, finding.Sources);
        if (cites.Length > 0)
        {
            lines.Add(ClinicalText.Sentences(cites, CardTexts.Rule(finding.RuleId)));
        }

        lines.Add(CardTexts.SupportsNotReplaces);
        return string.Join("\n\n", lines.Where(l => l.Length > 0));
    }

    private string Markdown(IEnumerable<Finding> findings) =>
        string.Join("\n\n", findings.Select(f => "### " + Text.FindingSummary(f) + "\n\n" + Markdown(f)).DefaultIfEmpty(CardTexts.SupportsNotReplaces));

    private string RuleUrl(string? ruleId) => baseUrl + (ruleId is null ? "/Rules" : Display.RuleLink(ruleId));

    /// <summary>The framing of the cautions and requirements when no pathway is open or waiting (<see cref="NoPathwayInView"/>), as a leading paragraph; else empty.</summary>
    private static string Frame(Assessment assessment) => NoPathwayInView.FramesFindings(assessment) ? CardTexts.NoPathwayFrame + "\n\n" : "";

    private static Card NewCard(string summary, string indicator, string detail, string version, string url) =>
        new(Guid.NewGuid().ToString("D"), summary, indicator, detail, new CardSource(CardTexts.SourceLabel(version), url), CdsHooksJson.OverrideReasons);

    /// <summary>The current rule set's version, for cards of answers the engine did not give.</summary>
    public static string CurrentVersion => RuleSetCatalog.Current.Version;
}
