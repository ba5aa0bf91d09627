using System.Runtime.CompilerServices;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Completeness;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The questions whose answer could be a contraindication and that were asked of this history and not recorded (QA128 F4):
/// what keeps an empty Contraindications section from reading "None.". Derived from the screening's own rule set: every
/// field a contraindication rule's condition reads (<see cref="Domain.Rules.Conditions.Condition.FieldsRead"/>) that the
/// form asked for this history (<see cref="FieldDefinition.AskedWhen"/>) and that is blank, with those of the safety questions
/// the "Not recorded" summary lists (<see cref="NotRecordedSummary.SafetyQuestions"/>) that a contraindication reads or that a
/// pathway waits for on the contraindications' account (<see cref="PathwayCompleteness.WaitsForOnTheContraindicationsAccount"/>).
/// One a pathway waits for only as an item of its own decides whether it applies: the summary alone names it. A blood pressure or a hepatic status
/// that is not recorded is a care item for the verdict, yet each can give a contraindication (CV-003 at or above 180/110,
/// HEP-001 severe hepatic impairment): "None." is not established while they are blank, as "not recorded" is never "no"
/// (ADR 0005). But they are care items, not questions a pathway waits for (QA148 F2): <see cref="CouldBlock"/> and
/// <see cref="BeforeFirstDose"/> keep the two apart, by the field catalogue's own classification, and the page says of the
/// second that the pathway opens without them while the dose waits for them (CV-004, HEP-003).
/// </summary>
/// <param name="Questions">The questions, in the form's order (the field catalogue's).</param>
/// <param name="BeforeFirstDose">
/// The care items among them (<see cref="NotRecordedMeans.CallsForCare"/>, and not a safety item a pathway waits for: blood
/// pressure, hepatic status) that the "Not recorded" summary lists as care items the first dose waits for
/// (<see cref="NotRecordedSummary.BeforeFirstDoseListed"/>: the finding asking for each fired, CV-004, HEP-003): no pathway
/// waits for them, but each must be known before the first dose, as an answer could be a contraindication. Helper 252 (QA247
/// finding 8): this list was the catalogue's (every care item a contraindication reads), so with no indication holding, where
/// HEP-003 does not fire and no dose is in view, this section named the hepatic status as "must be known before the first
/// dose" while the "Not recorded" box, from the findings, did not list it: both now read the summary's one list.
/// </param>
/// <param name="NoDoseWaitsFor">
/// The other care items among them: an answer could show a contraindication, but no finding asks for them before a dose (no
/// pathway's indication holds, so none is in view). Named as care items that could show one, never as items the first dose
/// waits for. Helper 262: the "Not recorded" box lists them too, under a heading of their own, as the section names them and
/// links to it (it named the hepatic status while the box, built from the findings, did not). Left out of this section they
/// would let it read "None." while an answer that could show a contraindication (HEP-001, CV-003) is blank.
/// </param>
public sealed record ContraindicationsUnanswered(IReadOnlyList<FieldDefinition> Questions, IReadOnlyList<FieldDefinition> BeforeFirstDose, IReadOnlyList<FieldDefinition> NoDoseWaitsFor)
{
    /// <summary>Every care item among them, in the form's order: <see cref="BeforeFirstDose"/> and <see cref="NoDoseWaitsFor"/>.</summary>
    public IReadOnlyList<FieldDefinition> CareItems => [.. Questions.Where(q => BeforeFirstDose.Contains(q) || NoDoseWaitsFor.Contains(q))];

    /// <summary>How many such questions are not answered: 0 means the section may say "None.".</summary>
    public int Count => Questions.Count;

    /// <summary>The questions' labels, in the page's language.</summary>
    public IReadOnlyList<string> Labels => [.. Questions.Select(q => Display.Label(q.Name))];

    /// <summary>
    /// The safety questions among them (every one but the care items): a pathway they could block waits for them, or a
    /// contraindication recorded already blocks it.
    /// </summary>
    public IReadOnlyList<FieldDefinition> CouldBlock => [.. Questions.Where(q => !BeforeFirstDose.Contains(q) && !NoDoseWaitsFor.Contains(q))];

    /// <summary>
    /// The questions for this screening. A rule set the catalogue does not know (none is ever removed) leaves only the
    /// summary's safety questions.
    /// </summary>
    public static ContraindicationsUnanswered Of(Assessment assessment, PatientHistory history, NotRecordedSummary notRecorded)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Of(assessment, history, notRecorded, RuleSetCatalog.Find(assessment.RuleSet.Version));
    }

    /// <summary>The questions for this screening, read with <paramref name="ruleSet"/> (one the catalogue does not hold: a version being built).</summary>
    internal static ContraindicationsUnanswered Of(Assessment assessment, PatientHistory history, NotRecordedSummary notRecorded, RuleSet? ruleSet)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(notRecorded);
        var names = notRecorded.SafetyQuestions.Select(q => q.Field).ToHashSet(StringComparer.Ordinal);
        if (ruleSet is not null)
        {
            // A safety question of the summary belongs here only where an answer could give a contraindication of the rule set:
            // one reads it, or a pathway waits for it on the contraindications' account. One a pathway waits for only as an item
            // of its own decides whether the pathway applies: the summary names it, this section does not.
            var (read, belong) = ContraindicationQuestions(ruleSet);
            names.RemoveWhere(name => Fields.Find(name) is { } field && !belong.Contains(field));
            foreach (var field in read)
            {
                // A question read by a contraindication that no answer to could make one fire, the other answers as recorded,
                // is not one "that could block a pathway": sex at birth beside a blank pregnancy question (which is listed,
                // and decides), or at 60, where pregnancy is not asked. The summary applies the same test to the questions no
                // pathway waits for, so the two sections count the same questions (helper 201; clinical-review section 29).
                if (!field.IsRecorded(history) && field.IsAskedOf(history)
                    && (names.Contains(field.Name) || NotRecordedSummary.CouldBlock(field, history, assessment, ruleSet)))
                {
                    names.Add(field.Name);
                }
            }
        }

        // The one list the "Not recorded" box shows under "Must be known before the first dose" (helper 252): each of its
        // items is named here too, whatever the catalogue's test above found.
        var doseWaits = notRecorded.BeforeFirstDoseListed.SelectMany(c => c.Fields).ToHashSet(StringComparer.Ordinal);
        names.UnionWith(doseWaits);
        var safety = notRecorded.SafetyQuestions.Select(q => q.Field).ToHashSet(StringComparer.Ordinal);
        var questions = Fields.All.Where(f => names.Contains(f.Name)).ToList();
        var care = questions.Where(f => f.NotRecorded == NotRecordedMeans.CallsForCare && !safety.Contains(f.Name)).ToList();
        return new ContraindicationsUnanswered(questions, [.. care.Where(f => doseWaits.Contains(f.Name))], [.. care.Where(f => !doseWaits.Contains(f.Name))]);
    }

    /// <summary>What <see cref="ContraindicationQuestions"/> finds, worked out once per rule set (a rule set never changes).</summary>
    private static readonly ConditionalWeakTable<RuleSet, QuestionsOfContraindications> ContraindicationFields = new();

    /// <summary>
    /// The questions of <paramref name="ruleSet"/>'s contraindications: every field one reads, each once; and, to belong here,
    /// those and every question whose absence can block that a completeness rule waits for on the contraindications' account
    /// (<see cref="PathwayCompleteness.WaitsForOnTheContraindicationsAccount"/>).
    /// </summary>
    private static QuestionsOfContraindications ContraindicationQuestions(RuleSet ruleSet) =>
        ContraindicationFields.GetValue(ruleSet, static r =>
        {
            IReadOnlyList<FieldDefinition> read = [.. r.Rules.Where(rule => rule.Kind == FindingKind.Contraindication).SelectMany(rule => rule.Condition.FieldsRead()).Distinct()];
            var waited = r.Rules.Select(rule => rule.AsDefined).OfType<PathwayCompleteness>().SelectMany(rule => rule.WaitsForOnTheContraindicationsAccount);
            return new QuestionsOfContraindications(read, read.Concat(waited.Where(f => f.NotRecorded == NotRecordedMeans.CanBlock)).ToHashSet());
        });

    /// <summary>What <see cref="ContraindicationQuestions"/> finds.</summary>
    private sealed record QuestionsOfContraindications(IReadOnlyList<FieldDefinition> Read, IReadOnlySet<FieldDefinition> Belong);
}
