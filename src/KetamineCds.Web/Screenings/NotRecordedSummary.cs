using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// What the result page and the printed rationale open with: the safety questions not recorded, then the care items
/// not recorded (every other finding with a "not recorded" <c>because</c>).
/// </summary>
/// <remarks>
/// The safety questions are of two kinds. Those a pathway waits for come from the completeness findings (REC-00x),
/// one item per field with every pathway that waits for it. Those no pathway waits for come from the field catalogue:
/// every question whose absence could block a pathway (<see cref="NotRecordedMeans.CanBlock"/>) that the form asked
/// for this history (<see cref="FieldDefinition.AskedWhen"/>) and that was not recorded. The completeness rules stay
/// silent once a recorded contraindication blocks the pathways, but the questions are still unanswered, and a blank
/// answer is never read as "no": an aneurysm matters most in exactly the hypertensive patient a blood pressure blocks.
/// </remarks>
/// <param name="SafetyQuestions">Every safety question not recorded that could block a pathway, in the form's order.</param>
/// <param name="CareItems">The findings that fired because something calling for care was not recorded.</param>
/// <param name="BlockedByContraindication">True when a recorded contraindication already makes a pathway not eligible.</param>
/// <param name="APathwayIsOpen">True when a pathway is eligible (with or without cautions) although these are not recorded.</param>
/// <param name="EveryPathwayBlocked">
/// True when the verdict is "Not eligible": a recorded contraindication or unmet precondition blocks every pathway in view, so
/// the answers not recorded are not all that stands between the patient and a first dose (helper 262).
/// </param>
public sealed record NotRecordedSummary(IReadOnlyList<MissingSafetyItem> SafetyQuestions, IReadOnlyList<CareItemNotRecorded> CareItems, bool BlockedByContraindication = false, bool APathwayIsOpen = false, bool EveryPathwayBlocked = false)
{
    public bool IsEmpty => SafetyQuestions.Count == 0 && CareItems.Count == 0;

    /// <summary>
    /// Helper 297: the answers recorded as not done that a pathway waits for as for a blank, each with the pathways waiting (from
    /// rule set 1.27.0, the suicide-risk assessment after a positive PHQ-9 item 9 recorded "No", which the completeness findings
    /// name with its answer). Never among the questions not recorded (<see cref="SafetyQuestions"/>): it is recorded, and the
    /// pages list it apart, as recorded as not done. Not counted by <see cref="IsEmpty"/>.
    /// </summary>
    public IReadOnlyList<RecordedNotDoneItem> RecordedNotDone { get; init; } = [];

    /// <summary>The safety items a pathway waits for (from REC-00x): each must be answered before it can open.</summary>
    public IReadOnlyList<MissingSafetyItem> BeforeAPathwayCanOpen => [.. SafetyQuestions.Where(i => i.Pathways.Count > 0)];

    /// <summary>
    /// Helper 271: the pathways that wait for an answer listed under <see cref="BeforeAPathwayCanOpen"/>, in pathway order.
    /// They wait for those answers, never for the care items the first dose waits for (<see cref="BeforeFirstDose"/>): the note
    /// on those names them (a PTSD history's investigational pathway waiting for the mania question read "No pathway waits
    /// for these answers" beside it).
    /// </summary>
    public IReadOnlyList<Pathway> PathwaysWaiting => [.. BeforeAPathwayCanOpen.SelectMany(i => i.Pathways).Distinct().Order()];

    /// <summary>
    /// Helper 279: which note stands under "Must be known before the first dose" (<see cref="BeforeFirstDose"/>), the one
    /// choice of the result page, the print and the CDS Hooks cards, each of which says it in its own words: a pathway is
    /// open without these answers; else a recorded contraindication or unmet precondition blocks every pathway (helper 262);
    /// else the pathways waiting wait for other answers, named (helper 271); else none waits for them. Either way no dose is
    /// given until they are known.
    /// </summary>
    public FirstDoseNote BeforeFirstDoseNote() =>
        APathwayIsOpen ? new FirstDoseNote(FirstDoseNoteCase.APathwayIsOpen, [])
        : EveryPathwayBlocked ? new FirstDoseNote(FirstDoseNoteCase.EveryPathwayBlocked, [])
        : PathwaysWaiting is { Count: > 0 } waiting ? new FirstDoseNote(FirstDoseNoteCase.OtherPathwaysWaiting, waiting)
        : FirstDoseNote.NoPathwayWaiting;

    /// <summary>
    /// The safety questions no pathway waits for (a recorded contraindication already blocks, or the answers recorded
    /// leave no pathway waiting): each could still rule a pathway out.
    /// </summary>
    public IReadOnlyList<MissingSafetyItem> CouldAlsoBlock => [.. SafetyQuestions.Where(i => i.Pathways.Count == 0)];

    /// <summary>
    /// The care items that must be known before the first dose (blood pressure, CV-004; hepatic status, HEP-003; QA148 F2):
    /// no pathway waits for them, yet an answer could rule treatment out, so the dose waits. Listed apart from the safety
    /// questions, never as questions that could keep a pathway waiting.
    /// </summary>
    public IReadOnlyList<CareItemNotRecorded> BeforeFirstDose => [.. CareItems.Where(c => c.BeforeFirstDose)];

    /// <summary>The other care items: each calls for care meanwhile, and neither a pathway nor the dose waits for it.</summary>
    public IReadOnlyList<CareItemNotRecorded> OtherCareItems => [.. CareItems.Where(c => !c.BeforeFirstDose)];

    /// <summary>
    /// <see cref="BeforeFirstDose"/> as the result page, the print and the CDS Hooks card list it (<see cref="ListedOnce"/>):
    /// each question not already named as a safety question.
    /// </summary>
    public IReadOnlyList<CareItemNotRecorded> BeforeFirstDoseListed => ListedOnce()[0];

    /// <summary>
    /// <see cref="OtherCareItems"/> as the result page, the print and the CDS Hooks card list them (<see cref="ListedOnce"/>):
    /// each question not already named as a safety question or a care item the first dose waits for.
    /// </summary>
    public IReadOnlyList<CareItemNotRecorded> OtherCareListed => ListedOnce()[1];

    /// <summary>
    /// The questions (contract names) listed under each heading, in the page's order of headings: must be answered before a
    /// pathway can open, could block a pathway, must be known before the first dose, care items; each question once, under
    /// the first heading naming it (<see cref="ListedOnce"/>). What the CDS Hooks card naming what is not recorded lists
    /// (helper 251: it ordered them itself, a second implementation of the same rule) and what each heading counts.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> QuestionsByHeading
    {
        get
        {
            var listed = ListedOnce();
            return
            [
                [.. BeforeAPathwayCanOpen.Select(i => i.Field)],
                [.. CouldAlsoBlock.Select(i => i.Field)],
                [.. listed[0].SelectMany(c => c.Fields)],
                [.. listed[1].SelectMany(c => c.Fields)],
            ];
        }
    }

    /// <summary>
    /// The count after the heading at <paramref name="heading"/> (<see cref="QuestionsByHeading"/>'s order), as the result
    /// page and the print both say it: the questions it lists, never its findings (helper 251: "Care items not recorded (2)"
    /// listed 11 questions). Helper 262: the print's headings had no count; both now read this one.
    /// </summary>
    public string HeadingCount(IStringLocalizer<PageText> localizer, int heading)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return QuestionCount(localizer, QuestionsByHeading[heading].Count);
    }

    /// <summary><paramref name="count"/> questions, as a heading of the "Not recorded" box counts them.</summary>
    public static string QuestionCount(IStringLocalizer<PageText> localizer, int count)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return count == 1 ? localizer["1 question"].Value : localizer["{0} questions", count].Value;
    }

    /// <summary>
    /// Helper 248: the care items under their headings, each question once, under the most pressing heading naming it (the
    /// order of the page: must be answered before a pathway can open, could block a pathway, must be known before the first
    /// dose, care items), by the one ordering the CDS Hooks cards use too (<see cref="EachOnce"/>). A question a pathway waits
    /// for that also calls for care (sex at birth and pregnancy beside REP-003, suicidal intent beside SUI-012) was listed
    /// under both headings, each with its count, two counts adding to more than the questions to answer. A care item keeps
    /// the labels not named above; one with none left is not listed here: its finding, which names them, is still shown with
    /// its citation among the cautions (or requirements), and the questions are listed above.
    /// </summary>
    private List<CareItemNotRecorded>[] ListedOnce()
    {
        var beforeFirstDose = BeforeFirstDose;
        var other = OtherCareItems;
        var once = EachOnce([[.. SafetyQuestions.Select(q => q.Field)], .. beforeFirstDose.Select(c => c.Fields), .. other.Select(c => c.Fields)]);
        List<CareItemNotRecorded> Keep(IReadOnlyList<CareItemNotRecorded> items, int from)
        {
            var kept = new List<CareItemNotRecorded>();
            for (var i = 0; i < items.Count; i++)
            {
                var (item, left) = (items[i], once[from + i]);
                if (left.Count > 0)
                {
                    kept.Add(left.Count == item.Fields.Count ? item : item with { Fields = left, Labels = [.. left.Select(f => item.Labels[IndexOf(item.Fields, f)])] });
                }
            }

            return kept;
        }

        return [Keep(beforeFirstDose, 1), Keep(other, 1 + beforeFirstDose.Count)];
    }

    /// <summary>
    /// The one ordering of questions listed under headings (helper 251: the result page's, the print's and the CDS Hooks
    /// cards' alike): <paramref name="lists"/> of questions, the most pressing first, each kept with the questions no
    /// earlier list (nor an earlier place in its own) names, in its order. A question is listed once, under the first
    /// heading naming it.
    /// </summary>
    public static List<string>[] EachOnce(IReadOnlyList<IReadOnlyList<string>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var named = new HashSet<string>(StringComparer.Ordinal);
        return [.. lists.Select(list => list.Where(named.Add).ToList())];
    }

    private static int IndexOf(IReadOnlyList<string> fields, string field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i], field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The summary from the findings alone: the items a pathway waits for and the care items. Without the history it
    /// cannot name the questions no pathway waits for; use <see cref="Of(Assessment, PatientHistory)"/> where the
    /// history is at hand.
    /// </summary>
    public static NotRecordedSummary Of(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Build(assessment, null, RuleSetCatalog.Find(assessment.RuleSet.Version));
    }

    /// <summary>The summary of a screening, read with the pathway map of the rule set it was decided with and the field catalogue.</summary>
    public static NotRecordedSummary Of(Assessment assessment, PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Of(assessment, history, RuleSetCatalog.Find(assessment.RuleSet.Version));
    }

    /// <summary>The summary of a screening, read with <paramref name="ruleSet"/> (one the catalogue does not hold: a version being built).</summary>
    internal static NotRecordedSummary Of(Assessment assessment, PatientHistory history, RuleSet? ruleSet)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(history);
        return Build(assessment, history, ruleSet);
    }

    private static NotRecordedSummary Build(Assessment assessment, PatientHistory? history, RuleSet? ruleSet)
    {
        var beforeFirstDose = ruleSet is null ? new HashSet<string>(StringComparer.Ordinal) : CareBeforeFirstDose.Questions(ruleSet).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var completeness = (ruleSet?.Pathways ?? [])
            .Where(p => p.CompletenessRuleId is not null)
            .ToDictionary(p => p.CompletenessRuleId!, p => p.Pathway, StringComparer.Ordinal);

        // The answers a pathway that cannot yet be ruled out waits for (its indication finding names them), as the verdict says.
        var indicationWaitsFor = Display.NotRuledOut(assessment).SelectMany(n => n.Answers).ToHashSet(StringComparer.Ordinal);
        var waiting = new List<(string Field, List<Pathway> Pathways)>();
        var notDone = new List<(Evidence Answer, List<Pathway> Pathways)>();
        var care = new List<CareItemNotRecorded>();
        foreach (var finding in assessment.Findings)
        {
            // From rule set 1.14.0 the care and REMS rules also fire while the suicidal-ideation pathway cannot yet be ruled
            // out (Rule.Restated) and name the answers it waits for among their inputs: those are the pathway's waiting
            // items (the rule that keeps it from being ruled out names them: SUI-001 in 1.8.0 to 1.19.0, SUI-016 from
            // 1.20.0), listed once above, not care items of these rules.
            var restated = ruleSet?.Find(finding.RuleId) is { } rule && !ReferenceEquals(rule.Condition, rule.AsDefined.Condition);
            // A question the form did not ask of this history is not "not recorded" (QA189 F1): a rule may read it (SUI-014
            // reads intent beside passive ideation, where the form never asks it and refuses a yes), but listing it would
            // ask the clinician for an answer the re-screen form gives no way to record.
            var unrecorded = finding.Because.Where(b => b.Value == WireNames.NotRecorded).Select(b => b.Field).Distinct(StringComparer.Ordinal)
                .Where(field => !restated || !indicationWaitsFor.Contains(field))
                .Where(field => history is null || Fields.Find(field) is not { } asked || asked.IsAskedOf(history)).ToList();
            if (completeness.TryGetValue(finding.RuleId, out var pathway))
            {
                foreach (var field in unrecorded)
                {
                    var item = waiting.FirstOrDefault(w => w.Field == field);
                    if (item.Field is null)
                    {
                        waiting.Add(item = (field, []));
                    }

                    if (!item.Pathways.Contains(pathway))
                    {
                        item.Pathways.Add(pathway);
                    }
                }

                // From rule set 1.27.0 the pathway also waits for the item-9 assessment recorded as not done, named with its answer
                // (helper 297): a recorded answer, listed apart, never as not recorded.
                foreach (var answer in finding.Because.Where(b => b == Display.Item9AssessmentRecordedNotDone))
                {
                    var item = notDone.FirstOrDefault(n => n.Answer == answer);
                    if (item.Answer is null)
                    {
                        notDone.Add(item = (answer, []));
                    }

                    if (!item.Pathways.Contains(pathway))
                    {
                        item.Pathways.Add(pathway);
                    }
                }
            }
            else if (unrecorded.Count > 0 && finding.Kind != FindingKind.Information)
            {
                // An information finding (a pathway that cannot yet be ruled out: SUI-016, SUI-001 before 1.20.0; PAL-003)
                // asks for no care of its own: the completeness rule it leaves waiting names the item above.
                care.Add(new CareItemNotRecorded(unrecorded, [.. unrecorded.Select(Display.Label)], finding, unrecorded.Exists(beforeFirstDose.Contains)));
            }
        }

        if (history is not null)
        {
            // Every question the form asked of this history whose absence could block a pathway, waited for or not, and
            // whose answer could still block one given the answers recorded (with the whole safety net recorded, an
            // aborted attempt cannot: the list never says a question could block when no answer to it would).
            foreach (var field in Fields.All.Where(f => f.NotRecorded == NotRecordedMeans.CanBlock && !f.IsRecorded(history)))
            {
                if (field.IsAskedOf(history)
                    && !waiting.Exists(w => w.Field == field.Name)
                    && (ruleSet is null || CouldBlock(field, history, assessment, ruleSet)))
                {
                    waiting.Add((field.Name, []));
                }
            }
        }

        // The catalogue's order (the form's order), so the list reads like the form the clinician fills in next.
        var ordered = waiting
            .OrderBy(w => Fields.Find(w.Field) is { } f ? IndexOf(f) : int.MaxValue)
            .Select(w => new MissingSafetyItem(w.Field, Display.Label(w.Field), [.. w.Pathways.Order()]))
            .ToList();
        var blocked = assessment.Pathways.Any(p => p.Status == PathwayStatus.NotEligible) && assessment.OfKind(FindingKind.Contraindication).Any();
        var open = assessment.Pathways.Any(p => p.Status is PathwayStatus.Eligible or PathwayStatus.EligibleWithCautions);
        return new NotRecordedSummary(ordered, care, blocked, open, assessment.Overall == Verdict.NotEligibleNow)
        {
            RecordedNotDone = [.. notDone.Select(n => new RecordedNotDoneItem(n.Answer.Field, Display.Label(n.Answer.Field), Display.Value(n.Answer.Field, n.Answer.Value), [.. n.Pathways.Order()]))],
        };
    }

    /// <summary>
    /// Whether some answer to this unrecorded question, the other answers as recorded, would make a contraindication fire
    /// that does not fire now, or close a pathway that is open now (another question it makes required and not recorded).
    /// A question that is not a yes/no or a choice is assumed to be able to.
    /// </summary>
    internal static bool CouldBlock(FieldDefinition field, PatientHistory history, Assessment assessment, RuleSet ruleSet)
    {
        if (field.Type is not (FieldType.YesNo or FieldType.Choice))
        {
            return true;
        }

        object[] answers = field.Type == FieldType.YesNo ? [true, false] : [.. field.Choices];

        var firing = assessment.OfKind(FindingKind.Contraindication).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var open = assessment.Pathways.Where(p => p.Status is PathwayStatus.Eligible or PathwayStatus.EligibleWithCautions).Select(p => p.Pathway).ToHashSet();
        foreach (var answer in answers)
        {
            var variant = ScreeningEngine.Evaluate(PatientHistory.From(f => ReferenceEquals(f, field) ? answer : Fields.ContractValueOf(history, f.Name)), ruleSet);
            if (variant.OfKind(FindingKind.Contraindication).Any(f => !firing.Contains(f.RuleId))
                || variant.Pathways.Any(p => open.Contains(p.Pathway) && p.Status is PathwayStatus.NotEligible or PathwayStatus.Incomplete))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(FieldDefinition field)
    {
        for (var i = 0; i < Fields.All.Count; i++)
        {
            if (ReferenceEquals(Fields.All[i], field))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}

/// <summary>Which note stands under "Must be known before the first dose" (<see cref="NotRecordedSummary.BeforeFirstDoseNote"/>).</summary>
public enum FirstDoseNoteCase
{
    /// <summary>A pathway is open without these answers.</summary>
    APathwayIsOpen,

    /// <summary>The verdict is "Not eligible": a recorded contraindication or unmet precondition blocks every pathway.</summary>
    EveryPathwayBlocked,

    /// <summary>Pathways wait, for other answers (a safety question listed above), not for these.</summary>
    OtherPathwaysWaiting,

    /// <summary>No pathway waits for these answers.</summary>
    NoPathwayWaiting,
}

/// <summary>The note under "Must be known before the first dose": its case, and the pathways waiting (in pathway order) when they are named.</summary>
/// <param name="Case">Which note.</param>
/// <param name="PathwaysWaiting">The pathways waiting for other answers; empty unless <paramref name="Case"/> is <see cref="FirstDoseNoteCase.OtherPathwaysWaiting"/>.</param>
public sealed record FirstDoseNote(FirstDoseNoteCase Case, IReadOnlyList<Pathway> PathwaysWaiting)
{
    /// <summary>No pathway waits for these answers (also the note of a card sent before the rules could run).</summary>
    public static FirstDoseNote NoPathwayWaiting { get; } = new(FirstDoseNoteCase.NoPathwayWaiting, []);
}

/// <summary>An answer recorded as not done that pathways wait for as for a blank one (<see cref="NotRecordedSummary.RecordedNotDone"/>).</summary>
/// <param name="Field">The contract field name.</param>
/// <param name="Label">The clinician's label, in the request's language.</param>
/// <param name="Value">The answer recorded, in the request's language ("No").</param>
/// <param name="Pathways">The pathways that wait for it, in pathway order.</param>
public sealed record RecordedNotDoneItem(string Field, string Label, string Value, IReadOnlyList<Pathway> Pathways);
