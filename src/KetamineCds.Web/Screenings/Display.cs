using System.Collections.Frozen;
using System.Globalization;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Html;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// How verdicts, pathways, statuses, findings and recorded answers are shown: always words and a symbol, with colour
/// only as a third cue (never colour alone). "Incomplete" has its own words, symbol and style: it is never shown as
/// eligible and never with a tick.
/// </summary>
public static partial class Display
{
    private static ClinicalText Text => ClinicalText.Shared;

    /// <summary>How a field that was not recorded is shown, in the request's language.</summary>
    public static string NotRecorded => Text.NotRecorded;

    /// <summary>The symbol of an incomplete verdict or pathway: a part-filled circle, never a tick.</summary>
    public const string IncompleteSymbol = "\u25D4";

    public static (string Text, string Symbol, string Css) Of(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => (Text.Verdict(verdict), "\u2714", "ok"),
        Verdict.EligibleWithCautions => (Text.Verdict(verdict), "!", "caution"),
        Verdict.Incomplete => (Text.Verdict(verdict), IncompleteSymbol, "incomplete"),
        Verdict.NotEligibleNow => (Text.Verdict(verdict), "\u2716", "blocked"),
        _ => (Text.Verdict(verdict), "\u2013", "neutral"),
    };

    public static string Explain(Verdict verdict) => Text.VerdictExplanation(verdict);

    /// <summary>
    /// The explanation of an assessment's verdict. "Not indicated" leaves the investigational pathway aside (contract
    /// 1.1), so where that pathway applies (any status but not-applicable) the explanation says that only an
    /// investigational use applies, never that no pathway does (P-PTSD, P-OCD; clinical audit QA10b C7); where that pathway
    /// is itself not eligible, it says that the investigational use is blocked too (QA148 F11); where it is incomplete, that
    /// whether the investigational use may be considered cannot be said yet, and where the answers it waits for are listed
    /// (helper 271: it said "only an investigational use applies" of a pathway still waiting).
    /// </summary>
    /// <remarks>
    /// "Incomplete" and "not eligible now" say that an indication exists only where a pathway that waits or is blocked has
    /// one. A pathway whose indication only cannot yet be ruled out (SUI-001 in 1.8.0 to 1.19.0, SUI-016 from 1.20.0, PAL-001 in 1.16.0 to 1.18.0, PAL-003 from 1.19.0: see
    /// <see cref="NotRuledOut"/>) has none yet: where every such pathway is of that kind the explanation says no indication
    /// is established and names it with the answers that decide it; beside an indication that holds, such a pathway is named
    /// under "incomplete" (its answer is one the verdict waits for), not under "not eligible now" (docs/clinical-review.md,
    /// section 29).
    /// </remarks>
    public static string Explain(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        // From rule set 1.27.0 (QA293 F2; docs/clinical-review.md, section 39) the pathways also wait for the suicide-risk
        // assessment after a positive PHQ-9 item 9 recorded as not done, which is no blank: the explanation never says that
        // answers are not recorded where that is all they wait for, and says it where they wait for it beside blanks.
        if (assessment.Overall == Verdict.Incomplete && Item9AssessmentNotDoneWaitedFor(assessment) is { NotDone: true } item9)
        {
            if (!item9.BlankToo && NotRuledOut(assessment).Count == 0)
            {
                var ruleSet = KetamineCds.Domain.Rules.RuleSetCatalog.Find(assessment.RuleSet.Version);
                var established = assessment.Pathways.Any(p => p.Status == PathwayStatus.Incomplete && p.RuleIds.Count > 0
                    && ruleSet?.Pathways.FirstOrDefault(d => d.Pathway == p.Pathway)?.IndicationRuleId == p.RuleIds[0]);
                return Text.Message(established ? "Verdict.incomplete.ExplainAssessmentNotDone" : "Verdict.incomplete.ExplainNotRuledOutAssessmentNotDone");
            }

            return ClinicalText.Sentences(ExplainBlanks(assessment), Text.Message("Verdict.incomplete.AssessmentNotDoneToo"));
        }

        return ExplainBlanks(assessment);
    }

    /// <summary>
    /// Whether the completeness findings (REC-00x) of <paramref name="assessment"/> name the suicide-risk assessment after a
    /// positive PHQ-9 item 9 recorded as not done (rule set 1.27.0 waits for it as for a blank), and whether they name a blank
    /// answer too.
    /// </summary>
    public static (bool NotDone, bool BlankToo) Item9AssessmentNotDoneWaitedFor(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var completeness = (KetamineCds.Domain.Rules.RuleSetCatalog.Find(assessment.RuleSet.Version)?.Pathways ?? [])
            .Select(p => p.CompletenessRuleId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var waited = assessment.Findings.Where(f => completeness.Contains(f.RuleId)).SelectMany(f => f.Because).ToArray();
        return (waited.Contains(Item9AssessmentRecordedNotDone), waited.Any(e => string.Equals(e.Value, WireNames.NotRecorded, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The suicide-risk assessment after a positive PHQ-9 item 9 recorded as not done, as a completeness finding names it
    /// among its inputs from rule set 1.27.0 (it waits for it as for a blank).
    /// </summary>
    public static Evidence Item9AssessmentRecordedNotDone { get; } = new(Fields.SuicideRiskAssessedAfterItem9.Name, WireNames.Display(false));

    /// <summary>The explanation of <see cref="Explain(Assessment)"/> as it reads the answers not recorded.</summary>
    private static string ExplainBlanks(Assessment assessment)
    {
        if (assessment.Overall is Verdict.Incomplete or Verdict.NotEligibleNow)
        {
            var notRuledOut = NotRuledOut(assessment);
            if (notRuledOut.Count == 0)
            {
                return Text.VerdictExplanation(assessment.Overall);
            }

            var waiting = assessment.Overall == Verdict.Incomplete ? PathwayStatus.Incomplete : PathwayStatus.NotEligible;
            var established = assessment.Pathways.Any(p => p.Status == waiting && notRuledOut.All(n => n.Pathway != p.Pathway));
            if (established && assessment.Overall == Verdict.NotEligibleNow)
            {
                // "An indication exists" is true, and the recorded contraindication blocks every pathway whatever the answer
                // that would decide the other one: naming it adds nothing to this verdict (and the print stays one page).
                return Text.VerdictExplanation(assessment.Overall);
            }

            var named = Text.Message("Verdict.NotRuledOut", string.Join(Text.ListSeparator, notRuledOut.Select(n =>
                Text.Message("Verdict.NotRuledOut.Pathway", Of(n.Pathway), string.Join(Text.ListSeparator, n.Answers.Select(Label))))));
            return ClinicalText.Sentences(
                established ? Text.VerdictExplanation(assessment.Overall) : Text.Message("Verdict." + WireNames.Of(assessment.Overall) + ".ExplainNotRuledOut"),
                named);
        }

        var investigational = assessment.Pathways.FirstOrDefault(p => p.Pathway == Pathway.InvestigationalPtsdOcd)?.Status ?? PathwayStatus.NotApplicable;
        // QA148 F11: an investigational use that is itself not eligible (imminent suicide risk without a safety net, SUI-009)
        // does not "apply": the explanation says it is blocked too.
        return assessment.Overall != Verdict.NotIndicated || investigational == PathwayStatus.NotApplicable
            ? Text.VerdictExplanation(assessment.Overall)
            : investigational switch
            {
                PathwayStatus.NotEligible => Text.VerdictExplanationInvestigationalBlocked(),
                // Helper 271: waiting for answers, it cannot yet be said to apply (nor to be ruled out).
                PathwayStatus.Incomplete => Text.VerdictExplanationInvestigationalWaiting(),
                _ => Text.VerdictExplanationInvestigationalOnly(),
            };
    }

    /// <summary>
    /// The pathways that apply only in that their indication cannot yet be ruled out, each with the answers not recorded that
    /// decide it, in the assessment's pathway order. Read from the assessment alone: the pathway's indication finding (its
    /// first rule, <see cref="PathwayResult.RuleIds"/>) names an input "not recorded" in its <c>because</c>. Every indication
    /// rule of every rule set reads only answers the contract requires, except in the branch that keeps its pathway from
    /// being ruled out (SUI-001's passive ideation with recent behaviour not recorded, from 1.5.0, and "none" beside a
    /// positive PHQ-9 item 9 with the assessment since not recorded, from 1.8.0; PAL-001's life-limiting illness not
    /// recorded, 1.16.0 to 1.18.0), and that branch never holds together with the indication itself. From 1.19.0 that
    /// branch of the palliative pathway is a rule of its own, PAL-003, and from 1.20.0 that of the suicidal-ideation
    /// pathway, SUI-016; each then stands first in its pathway's rule ids
    /// (<see cref="KetamineCds.Domain.Rules.PathwayDefinition.NotRuledOutRuleId"/>), so it is read the same way.
    /// </summary>
    public static IReadOnlyList<(Pathway Pathway, IReadOnlyList<string> Answers)> NotRuledOut(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return [.. assessment.Pathways
            .Where(p => p.Status != PathwayStatus.NotApplicable && p.RuleIds.Count > 0)
            .Select(p => (p.Pathway, Answers: (IReadOnlyList<string>)[.. assessment.Findings
                .FirstOrDefault(f => string.Equals(f.RuleId, p.RuleIds[0], StringComparison.Ordinal))?.Because
                .Where(e => string.Equals(e.Value, WireNames.NotRecorded, StringComparison.Ordinal))
                .Select(e => e.Field)
                .Distinct(StringComparer.Ordinal) ?? []]))
            .Where(n => n.Answers.Count > 0)];
    }

    /// <summary>
    /// The findings that still call for action although no pathway applies: under "Not indicated", every high-severity
    /// contraindication, caution and requirement, by kind, in the assessment's order (QA13 M3: the headline must never
    /// read calmer than the findings, e.g. an imminent suicide risk under "standard care first"), each rule once. Empty for
    /// any other verdict: there <see cref="ActOnThePatientNow"/> names, from the same selection, the findings that act on
    /// the patient whatever the pathways. The pages name each contraindication and caution in words, its summary with its
    /// id (QA148 F11), and the requirements by id (the checklist below has their words).
    /// </summary>
    public static IReadOnlyList<(FindingKind Kind, IReadOnlyList<Finding> Findings)> StillCallForAction(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Overall != Verdict.NotIndicated
            ? []
            : [.. HighSeverityToAct(assessment)
                .GroupBy(f => f.Kind)
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, (IReadOnlyList<Finding>)[.. g]))];
    }

    /// <summary>
    /// Under every verdict but "Not indicated" (which names them with <see cref="StillCallForAction"/>), the findings of
    /// that same selection that call for action on the patient now, whatever the pathways (QA272 F1: an imminent suicide
    /// risk, SUI-007 "same-day evaluation", stood 5,000 px below a box that said only "Not eligible now" or named only the
    /// answer an "Incomplete" waits for). They are the cautions and requirements whose rule's condition reads the patient's
    /// suicide-risk answers and nothing else (<see cref="ReadsOnlySuicideRisk"/>): they fire for the risk itself, never for a
    /// pathway's indication, a medicine or a treatment, so no pathway verdict speaks of them. In rule set 1.24.0 that is
    /// SUI-007 (imminent risk: precautions now and a same-day evaluation), SUI-008 (positive PHQ-9 item 9: assess the risk
    /// now), SUI-010, SUI-011, SUI-012, SUI-013 and the safety net's SUI-003, SUI-004, SUI-005. A contraindication is left
    /// out: blocking is the verdict's own subject (SUI-009 never fires without SUI-007, which is named). In the assessment's
    /// order, each rule once, less the high-severity cautions the box already names under "Eligible with cautions"
    /// (<see cref="HighSeverityCautions"/>).
    /// </summary>
    public static IReadOnlyList<Finding> ActOnThePatientNow(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Overall == Verdict.NotIndicated)
        {
            return [];
        }

        var named = HighSeverityCautions(assessment).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        return [.. HighSeverityToAct(assessment).Where(f =>
            f.Kind is FindingKind.Caution or FindingKind.Requirement
            && !named.Contains(f.RuleId)
            && ReadsOnlySuicideRisk(assessment.RuleSet.Version, f.RuleId))];
    }

    /// <summary>
    /// The one selection of the findings a verdict box names as calling for action: every high-severity contraindication,
    /// caution and requirement (never information), in the assessment's order, each rule once.
    /// </summary>
    private static IEnumerable<Finding> HighSeverityToAct(Assessment assessment) =>
        assessment.Findings.Where(f => f.Kind != FindingKind.Information && f.Severity == Severity.High).DistinctBy(f => f.RuleId, StringComparer.Ordinal);

    /// <summary>
    /// The patient's suicide-risk answers: the suicidality section of the form (suicidality, intent, recent suicidal
    /// behaviour, the safety plan, lethal-means counselling, follow-up), PHQ-9 item 9 and the suicide-risk assessment since.
    /// </summary>
    private static readonly FrozenSet<string> SuicideRiskAnswers = Fields.All
        .Where(f => f.Section == FieldSection.Suicidality)
        .Select(f => f.Name)
        .Append(Fields.Phq9Item9.Name)
        .Append(Fields.SuicideRiskAssessedAfterItem9.Name)
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Version, string RuleId), bool> ReadsOnlySuicideRiskByRule = new();

    /// <summary>
    /// Whether a rule's condition, in the rule set the screening was decided under (the latest that has the rule, where that
    /// version is unknown: a rule id never changes meaning), reads the patient's suicide-risk answers and nothing else.
    /// </summary>
    public static bool ReadsOnlySuicideRisk(string ruleSetVersion, string ruleId) =>
        ReadsOnlySuicideRiskByRule.GetOrAdd((ruleSetVersion, ruleId), static key =>
            (KetamineCds.Domain.Rules.RuleSetCatalog.Find(key.Version)?.Find(key.RuleId)
                ?? KetamineCds.Domain.Rules.RuleSetCatalog.All.Reverse().Select(r => r.Find(key.RuleId)).FirstOrDefault(r => r is not null))
            is { } rule && rule.Condition.FieldsRead() is { Count: > 0 } read && read.All(f => SuicideRiskAnswers.Contains(f.Name)));

    /// <summary>
    /// The high-severity cautions under "Eligible with cautions", in the assessment's order, each rule once (QA157 Q2: 24
    /// cautions, seven of them high, under a box that read like one moderate caution). In the candidate rules of the fact
    /// base (label-and-literature.md section 9, Conventions) a high-severity caution means hold or defer pending a
    /// clinician's override, a moderate one proceed with safeguards; the verdict and the statuses stay as the decision
    /// policy gives them, and the verdict box names these so it never reads calmer than its findings. Empty for any other
    /// verdict ("Not indicated" has <see cref="StillCallForAction"/>, every verdict <see cref="ActOnThePatientNow"/>) and
    /// when no caution is of high severity.
    /// </summary>
    public static IReadOnlyList<Finding> HighSeverityCautions(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Overall != Verdict.EligibleWithCautions
            ? []
            : [.. HighSeverityToAct(assessment).Where(f => f.Kind == FindingKind.Caution)];
    }

    /// <summary>Whether the still-call-for-action line names a kind's findings in words (contraindications and cautions) or by id.</summary>
    public static bool NamedInWords(FindingKind kind) => kind is FindingKind.Contraindication or FindingKind.Caution;

    /// <summary>A logged verdict's contract value (<c>not-eligible-now</c>) in the reader's words; an unknown value as it is.</summary>
    public static string VerdictText(string? wire) =>
        WireNames.TryParse<Verdict>(wire, out var verdict) ? Text.Verdict(verdict) : wire ?? "";

    public static (string Text, string Symbol, string Css) Of(PathwayStatus status) => status switch
    {
        PathwayStatus.Eligible => (Text.PathwayStatus(status), "\u2714", "ok"),
        PathwayStatus.EligibleWithCautions => (Text.PathwayStatus(status), "!", "caution"),
        PathwayStatus.Incomplete => (Text.PathwayStatus(status), IncompleteSymbol, "incomplete"),
        PathwayStatus.NotEligible => (Text.PathwayStatus(status), "\u2716", "blocked"),
        PathwayStatus.InvestigationalOnly => (Text.PathwayStatus(status), "?", "investigational"),
        _ => (Text.PathwayStatus(status), "\u2013", "neutral"),
    };

    public static string Of(Pathway pathway) => Text.Pathway(pathway);

    /// <summary>A pathway's short name, for lists where the full name would not fit (the print's "waits for").</summary>
    public static string ShortName(Pathway pathway) => Text.PathwayShortName(pathway);

    /// <summary>
    /// A pathway's name where the print lists pathways in a line (the pathways that do not apply, the pathways waiting): its
    /// short name, but the investigational PTSD/OCD pathway keeps its full name, "PTSD / OCD (investigational)", so that on
    /// the chart's print an investigational use never reads as an established one (P-PTSD, P-OCD), as the result page names it.
    /// </summary>
    public static string ListedName(Pathway pathway) => pathway == Pathway.InvestigationalPtsdOcd ? Of(pathway) : ShortName(pathway);

    /// <summary>
    /// A kind's heading and style. The contraindication kind holds the preconditions not yet met as well as the features of
    /// the patient that forbid the medicine (BIP-002, BIP-003: no mood stabilizer, or one not recorded as optimized), so its
    /// heading names both, in the verdict's own words ("a contraindication or unmet precondition blocks treatment now";
    /// docs/clinical-review.md section 31 item 4; ClinicalText <c>FindingKind.contraindication.Heading</c>). Only the words
    /// shown change: the contract's kind stays <c>contraindication</c>.
    /// </summary>
    public static (string Heading, string Css) Of(FindingKind kind) => (Text.FindingKindHeading(kind), kind switch
    {
        FindingKind.Contraindication => "blocked",
        FindingKind.Caution => "caution",
        FindingKind.Requirement => "requirement",
        _ => "neutral",
    });

    public static string Of(Severity severity) => Text.Severity(severity);

    /// <summary>The clinician's words for a contract choice value of a field (the value itself, title-cased, if unknown).</summary>
    public static string ChoiceLabel(string field, string value) =>
        Fields.Find(field) is { } definition ? Text.Choice(definition, value)
        : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.Replace('-', ' '));

    /// <summary>A contract value (as a <c>because</c> item or the input summary spells it) in words.</summary>
    public static string Value(string field, string? value)
    {
        if (value is null || value == WireNames.NotRecorded)
        {
            return NotRecorded;
        }

        return Fields.Find(field)?.Type switch
        {
            Domain.Screening.FieldType.YesNo => value switch { "true" => Text.YesNo(true), "false" => Text.YesNo(false), _ => value },
            Domain.Screening.FieldType.Choice => ChoiceLabel(field, value),
            Domain.Screening.FieldType.ChoiceList => value.Length == 0 ? Text.NoneChosen : string.Join(Text.ListSeparator, value.Split(", ").Select(v => ChoiceLabel(field, v))),
            _ => Fields.Find(field) switch
            {
                { Unit: not null } numberField => $"{value} {Text.Unit(numberField, value)}",
                { } countField => Text.Count(countField, value),
                null => value,
            },
        };
    }

    /// <summary>A field's label in the request's language; the name itself if it is not a field.</summary>
    public static string Label(string field) => Text.FieldLabel(field);

    /// <summary>
    /// A "because" item in words: the field's label and the value the rule read ("Not recorded" where it was not). Use
    /// <see cref="Because(Evidence, IReadOnlySet{string})"/> where the screening's input is known: this reads a value as
    /// recorded, as it is on an entry whose request holds every answer with a default (a CDS Hooks answer's always holds
    /// the jurisdiction).
    /// </summary>
    public static string Because(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return Text.LabelAndValue(Label(evidence.Field), Value(evidence.Field, evidence.Value));
    }

    /// <summary>
    /// A "because" item in words, knowing which answers with a default the screening's input left unrecorded
    /// (<see cref="DefaultsApplied(KetamineCds.Infrastructure.DecisionLog.LoggedScreening)"/>): the engine's evidence gives
    /// the value the rule read, the default for such an answer ("us"), and this says so, "Labelling jurisdiction: Not
    /// recorded: US (FDA label) applied", in the words the screening's answers use (QA128 F6), never a recorded "US (FDA label)".
    /// </summary>
    public static string Because(Evidence evidence, IReadOnlySet<string> defaultsApplied)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(defaultsApplied);
        return IsDefaultApplied(evidence, defaultsApplied) && Fields.Find(evidence.Field) is { } field
            ? Text.LabelAndValue(Label(evidence.Field), Text.NotRecordedDefaultApplied(field))
            : Because(evidence);
    }

    /// <summary>
    /// The inputs that made a finding fire, as the result page, the print and the cards show them: its <c>because</c>, less
    /// each question not recorded that the form does not ask of this history (<see cref="FieldDefinition.IsAskedOf"/>).
    /// SUI-014 reads suicidal intent beside passive ideation too, where the form never asks it (QA walk, session 46): "Not
    /// recorded" there read as an answer the clinician owed, as <see cref="NotRecordedSummary"/> already does not (QA189 F1).
    /// Such an input never decides a finding (the Domain's <c>ExplanationOfUnaskedQuestionsTests</c>), so nothing that
    /// made it fire is hidden, and a question the form asks stays "Not recorded". The stored assessment keeps the engine's
    /// list whole: its replay compares it.
    /// </summary>
    public static IReadOnlyList<Evidence> Inputs(Finding finding, PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(history);
        return Inputs(finding.Because, AnswersOf(history));
    }

    /// <summary>
    /// The same for a stored <c>because</c> (a CDS Hooks answer's contraindication, which the log keeps without its
    /// finding), given each field's contract value in the answers the rule read, by its name (null: not recorded).
    /// </summary>
    public static IReadOnlyList<Evidence> Inputs(IReadOnlyList<Evidence> because, Func<string, object?> answers)
    {
        ArgumentNullException.ThrowIfNull(because);
        ArgumentNullException.ThrowIfNull(answers);
        return because.Any(e => IsUnasked(e, answers)) ? [.. because.Where(e => !IsUnasked(e, answers))] : because;
    }

    /// <summary>
    /// What <see cref="Inputs(Finding, PatientHistory)"/> leaves out of a finding's stored <c>because</c>: each question not recorded that the form
    /// does not ask of this history (SUI-014's suicidal intent beside passive ideation, stored so by rule sets up to 1.21.0).
    /// The auditor's trace shows the inputs as the result page does and names these beside them, so that what it shows
    /// and the stored record it shows below can be told apart, never silently.
    /// </summary>
    public static IReadOnlyList<Evidence> LeftOut(Finding finding, PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(history);
        return LeftOut(finding.Because, AnswersOf(history));
    }

    /// <summary>The same for a stored <c>because</c>, given the answers the rule read (<see cref="Inputs(IReadOnlyList{Evidence}, Func{string, object?})"/>).</summary>
    public static IReadOnlyList<Evidence> LeftOut(IReadOnlyList<Evidence> because, Func<string, object?> answers)
    {
        ArgumentNullException.ThrowIfNull(because);
        ArgumentNullException.ThrowIfNull(answers);
        return [.. because.Where(e => IsUnasked(e, answers))];
    }

    /// <summary>A history's answers by contract name, as <see cref="FieldDefinition.IsAskedOf"/> reads them.</summary>
    private static Func<string, object?> AnswersOf(PatientHistory history) => name => Fields.ContractValueOf(history, name);

    private static bool IsUnasked(Evidence evidence, Func<string, object?> answers) =>
        evidence.Value == WireNames.NotRecorded && Fields.Find(evidence.Field) is { } field && !field.IsAskedGiven(answers);

    /// <summary>Whether a "because" item is an answer that was not recorded and whose default the rule read.</summary>
    public static bool IsDefaultApplied(Evidence evidence, IReadOnlySet<string> defaultsApplied)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(defaultsApplied);
        return defaultsApplied.Contains(evidence.Field) && Fields.Find(evidence.Field)?.Default == evidence.Value;
    }

    /// <summary>
    /// The fields with a default (the jurisdiction) that the screening's input as submitted left unrecorded, so that the
    /// history the rules read holds the default. Empty when the input and the history disagree (the log altered, QA14a
    /// P1): every answer shown is then the one the verdict was decided on, as <see cref="Answers"/> shows them.
    /// </summary>
    public static IReadOnlySet<string> DefaultsApplied(KetamineCds.Infrastructure.DecisionLog.LoggedScreening screening)
    {
        ArgumentNullException.ThrowIfNull(screening);
        return KetamineCds.Infrastructure.DecisionLog.StoredInputs.Agree(screening.InputJson, screening.History)
            ? DefaultsApplied(ScreeningJsonReader.ReadStored(screening.InputJson))
            : NoDefaultsApplied;
    }

    /// <summary>The fields with a default (the jurisdiction) that a request leaves unrecorded.</summary>
    public static IReadOnlySet<string> DefaultsApplied(ScreeningRequest submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        return Fields.All.Where(f => f.Default is not null && submitted.ContractValueOf(f.Name) is null).Select(f => f.Name).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>No answer with a default left unrecorded: every value a rule read was recorded.</summary>
    public static readonly IReadOnlySet<string> NoDefaultsApplied = FrozenSet<string>.Empty;

    /// <summary>
    /// Every answer of the screening in the contract's order, each with its label and value in words, "Not recorded"
    /// where it was not; the patient reference, age and note are shown elsewhere and left out. An answer with a default
    /// that was not recorded (the jurisdiction) is read from the input as submitted, not from the history the rules
    /// read (which holds the default): "Not recorded: US (FDA label) applied", never a recorded "US (FDA label)" (QA8 F21).
    /// Only while the input and the history hold the same answers (<see cref="KetamineCds.Infrastructure.DecisionLog.StoredInputs"/>): when they disagree (the log
    /// altered, QA14a P1), every answer shown is the one the verdict was decided on, and the page says they disagree.
    /// </summary>
    public static IReadOnlyList<(FieldDefinition Field, string Value, bool Recorded)> Answers(KetamineCds.Infrastructure.DecisionLog.LoggedScreening screening)
    {
        ArgumentNullException.ThrowIfNull(screening);
        var history = screening.History;
        var defaultsApplied = DefaultsApplied(screening);
        return
        [
            .. Fields.All
                .Where(f => f.Name is not ("patientReference" or "ageYears" or "clinicianNote"))
                .Select(f => (f, AnswerOf(f, history, defaultsApplied), IsRecorded(f, history, defaultsApplied))),
        ];
    }

    /// <summary>
    /// The screening's <see cref="Answers"/> split by whether this history asks the question (the field catalogue's
    /// AskedWhen, <see cref="FieldDefinition.IsAskedOf"/>), as the result page and the print both list them: the questions
    /// asked, recorded or not ("Not recorded" then marks a question asked and not answered, QA11 F4); the answers recorded
    /// to a question this history does not ask, listed apart under their own heading (QA272 F3); and whether a question
    /// not asked was left blank, so left out (the page says so).
    /// </summary>
    public static AnswersByAsking AnswersAsked(KetamineCds.Infrastructure.DecisionLog.LoggedScreening screening)
    {
        ArgumentNullException.ThrowIfNull(screening);
        var history = screening.History;
        var answers = Answers(screening);
        return new AnswersByAsking(
            [.. answers.Where(x => x.Field.IsAskedOf(history))],
            [.. answers.Where(x => x.Recorded && !x.Field.IsAskedOf(history))],
            answers.Any(x => !x.Recorded && !x.Field.IsAskedOf(history)),
            screening.Assessment.RuleSet.Version);
    }

    /// <summary>
    /// The answers a correction changed, each as "label: before → after" in the request's language, in the form's order:
    /// the answers <see cref="CorrectionInForce.ChangedFields"/> finds changed between the screening corrected and the
    /// correction (the note left out), each in words as <see cref="Answers"/> shows it. A side whose entry was decided under
    /// a rule set older than the question (<see cref="AddedAfterEntry"/>) is shown as not asked then, in the words the result
    /// page, the print and the audit entry use ("Not asked: added in rule set 1.17.0, after this entry"), never "Not
    /// recorded", which would say the question was asked and left blank; a question asked then and left blank stays "Not
    /// recorded"; neither is ever a "no". Empty when none changed.
    /// </summary>
    public static IReadOnlyList<string> ChangedAnswers(
        KetamineCds.Infrastructure.DecisionLog.LoggedScreening corrected,
        KetamineCds.Infrastructure.DecisionLog.LoggedScreening correction,
        Microsoft.Extensions.Localization.IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(localizer);
        var before = DefaultsApplied(corrected);
        var after = DefaultsApplied(correction);
        return
        [
            .. CorrectionInForce.ChangedFields(corrected.History, correction.History).Select(f =>
                Label(f.Name) + Text.Colon + AnswerOf(f, corrected, before, localizer) + " → " + AnswerOf(f, correction, after, localizer)),
        ];
    }

    /// <summary>
    /// One answer of a logged screening in words, as the result page lists it: not asked then where the entry's rule set
    /// predates the question and it is blank (<see cref="AddedAfterEntry.Applies"/>, the one decision the pages share),
    /// otherwise as <see cref="AnswerOf(FieldDefinition, PatientHistory, IReadOnlySet{string})"/>.
    /// </summary>
    private static string AnswerOf(FieldDefinition field, KetamineCds.Infrastructure.DecisionLog.LoggedScreening screening, IReadOnlySet<string> defaultsApplied, Microsoft.Extensions.Localization.IStringLocalizer<PageText> localizer) =>
        AddedAfterEntry.Applies(field, IsRecorded(field, screening.History, defaultsApplied), screening.Assessment.RuleSet.Version)
            ? AddedAfterEntry.Text(localizer, field).Value
            : AnswerOf(field, screening.History, defaultsApplied);

    /// <summary>Whether an answer was recorded: given, and not a default the input left blank (<see cref="Answers"/>).</summary>
    private static bool IsRecorded(FieldDefinition field, PatientHistory history, IReadOnlySet<string> defaultsApplied) =>
        !defaultsApplied.Contains(field.Name) && field.ValueOf(history) is not null;

    /// <summary>One answer in words: "Not recorded" where it was not, or the default that applied (<see cref="Answers"/>).</summary>
    private static string AnswerOf(FieldDefinition field, PatientHistory history, IReadOnlySet<string> defaultsApplied) =>
        defaultsApplied.Contains(field.Name) ? Text.NotRecordedDefaultApplied(field)
        : field.ValueOf(history) is { } v ? Value(field.Name, WireNames.Display(v))
        : NotRecorded;

    public static string Of(KetamineCds.Infrastructure.DecisionLog.OverrideReason reason) => Text.Message("OverrideReason." + reason);

    /// <summary>An override's reason; "None given" for an override that gave none (an EHR's bare feedback, QA141 F3).</summary>
    public static string Of(KetamineCds.Infrastructure.DecisionLog.OverrideReason? reason) => reason is { } r ? Of(r) : Text.Message("OverrideReason.NoneGiven");

    /// <summary>
    /// What an override that stated no decision is shown as (an EHR's "overridden" feedback without an override reason says
    /// only that the clinician did not act on the card, QA141 F3): never "Proceed" or "Do not proceed".
    /// </summary>
    public static string DecisionNotStated => Text.Message("OverrideDecision.NotStated");

    /// <summary>The anchor of a rule on the rule catalogue page.</summary>
    public static string RuleLink(string ruleId) => $"/Rules#{ruleId}";

    /// <summary>The anchor of a principle on the principles page.</summary>
    public static string PrincipleLink(string principleId) => $"/Principles#{principleId}";

    /// <summary>The intake form, filled with a recorded screening's answers (a re-screen is a new log entry).</summary>
    public static string RescreenLink(Guid screeningId) => $"/Screenings/New?from={screeningId}";

    /// <summary>The intake form prefilled from a screening, to record a correction of it with a reason.</summary>
    public static string CorrectionLink(Guid screeningId) => $"/Screenings/New?corrects={screeningId}";

    /// <summary>
    /// A text cut where it names an identifier (a rule id such as <c>EU-004</c>, a source key, <c>C-SSRS</c>): the page keeps
    /// each identifier on one line (<c>_KeepIdsWhole</c>), so that a narrow line never breaks it at its hyphen, while the
    /// text itself, Chinese included, still wraps where it may. The identifier keeps its plain hyphen, so a copied id
    /// still searches.
    /// </summary>
    public static IEnumerable<(string Text, bool Identifier)> IdentifierPieces(string text) => WrapRule.Around(text, Identifier());

    /// <summary>Appends <paramref name="text"/> to <paramref name="into"/>, each identifier kept on one line as <c>_KeepIdsWhole</c> keeps it.</summary>
    public static IHtmlContentBuilder KeepIdsWhole(IHtmlContentBuilder into, string text)
    {
        ArgumentNullException.ThrowIfNull(into);
        foreach (var (piece, identifier) in IdentifierPieces(text))
        {
            if (identifier)
            {
                into.AppendHtml("<span class=\"id-whole\">").Append(piece).AppendHtml("</span>");
            }
            else
            {
                into.Append(piece);
            }
        }

        return into;
    }

    /// <summary>The longest citation <see cref="CitationPieces"/> keeps on one line.</summary>
    public const int LongestWholeCitation = 16;

    /// <summary>A long citation's wrap points: after its hyphens, a head of up to three characters kept with the word after it.</summary>
    private static readonly WrapRule Citation = new() { Between = WrapRule.After("-"), ShortestPiece = 4, WholeUpTo = LongestWholeCitation };

    /// <summary>A field name's wrap points: between its words.</summary>
    private static readonly WrapRule Name = new() { Between = WrapRule.BetweenWords };

    /// <summary>
    /// A principle id or source key in the pieces a narrow column (the audit's findings trace) may wrap between. A key up to
    /// <see cref="LongestWholeCitation"/> characters (every rule id, <c>SPRAVATO-PI-US</c>) is one piece; a longer one
    /// (<c>FRONT-PSYCHIATRY-2020-BZD</c>) is cut after its hyphens, a one- or two-letter head (<c>P-</c>) kept with the
    /// word after it, so that it wraps at a separator and never inside a word.
    /// </summary>
    public static IReadOnlyList<string> CitationPieces(string key) => Citation.Pieces(key);

    /// <summary>
    /// A field's name as the engine spells it (<c>seriousCardiovascularOrCerebrovascularDisease</c>) in the pieces a narrow
    /// column may wrap between: before each capital that follows a small letter or a digit, so that a long name wraps
    /// between its words and never inside one. Joined again, the pieces are the name.
    /// </summary>
    public static IReadOnlyList<string> NamePieces(string name) => Name.Pieces(name);

    // Capitals and digits joined by hyphens, starting with a capital; not inside a longer word of Latin letters or digits
    // (a Chinese character next to it is a boundary, as in "（EU-004）").
    [System.Text.RegularExpressions.GeneratedRegex("(?<![A-Za-z0-9-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![A-Za-z0-9-])")]
    private static partial System.Text.RegularExpressions.Regex Identifier();
}

