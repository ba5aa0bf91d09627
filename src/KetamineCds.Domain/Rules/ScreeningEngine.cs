using System.Collections.ObjectModel;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// Evaluates a patient history against a rule set. Pure and deterministic: the same history and rule set always
/// give an equal assessment. The engine supports, and never replaces, the clinician's judgement.
/// </summary>
/// <remarks>
/// The rule set is compiled once (<see cref="ScreeningPlan"/>, <see cref="RulePlan"/>). A screening encodes the fields
/// the rules read in one pass, answers every rule from tables (no condition tree is walked), takes each fired rule's
/// finding from the findings kept for the same values, places findings in the assessment's order without sorting, and
/// takes the pathways and verdict kept for the same indications, contraindications and cautions. Everything kept is
/// immutable and keyed by the history's content, never by the history object. Each rule on its own
/// (<see cref="Rule.Evaluate(PatientHistory)"/>) and the policy as written are the definition the tests hold this
/// to. See docs/benchmarks.md.
/// </remarks>
public static class ScreeningEngine
{
    // Above these counts the scratch space comes from the heap instead of the stack.
    private const int MaxStackFields = 128;
    private const int MaxStackRules = 256;
    private const int MaxStackWords = 64;

    /// <summary>Screens a history with the current rule set.</summary>
    public static Assessment Evaluate(PatientHistory history) => Evaluate(history, RuleSetCatalog.Current);

    /// <summary>Screens a history with a given (possibly earlier) rule set, e.g. to replay a logged decision.</summary>
    public static Assessment Evaluate(PatientHistory history, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ruleSet);

        var plan = ruleSet.Plan;

        // Every field the rules read encoded once, in one pass; a field the pass does not know keeps -1 (no code: its
        // tests read the history itself).
        var codes = plan.CodeCount <= MaxStackFields ? stackalloc int[plan.CodeCount] : new int[plan.CodeCount];
        codes.Fill(-1);
        Fields.Encode(history, codes, plan.FieldsRead);

        // Which rules fire (the index of their explanation, or -1), in the assessment's order.
        var rules = plan.Rules;
        var answers = rules.Length <= MaxStackRules ? stackalloc int[rules.Length] : new int[rules.Length];
        var fired = rules.Length <= MaxStackRules ? stackalloc int[rules.Length] : new int[rules.Length];
        var words = plan.WordCount <= MaxStackWords ? stackalloc ulong[plan.WordCount] : new ulong[plan.WordCount];
        var findingCount = plan.Answer(codes, history, words, answers, fired);

        Finding[] findings = findingCount == 0 ? [] : new Finding[findingCount];
        for (var n = 0; n < findings.Length; n++)
        {
            var r = fired[n];
            findings[n] = plan.FindingFor(answers[r], codes, history);
        }

        var section = Decide(plan, answers, fired[..findingCount]);
        return new Assessment(ruleSet.Identity, section.Overall, section.Pathways, findings);
    }

    /// <summary>
    /// The pathways and the verdict. They depend only on which pathways are indicated and which contraindications and
    /// cautions fired, so a rule set keeps them by that key (<see cref="ScreeningPlan.SectionKey"/>): immutable values,
    /// valid for any history with the same key.
    /// </summary>
    private static PathwaySection Decide(ScreeningPlan plan, ReadOnlySpan<int> answers, ReadOnlySpan<int> fired)
    {
        var key = plan.SectionKey(answers, fired);
        if (key >= 0 && plan.Sections!.Find(key) is { } known)
        {
            return known;
        }

        var section = DecideFromAnswers(plan, answers);
        if (key >= 0)
        {
            plan.Sections!.Add(key, section);
        }

        return section;
    }

    /// <summary>The decision policy (<see cref="RuleSet.DecisionPolicy"/>) applied to the rules' answers.</summary>
    private static PathwaySection DecideFromAnswers(ScreeningPlan plan, ReadOnlySpan<int> answers)
    {
        var rules = plan.Rules;
        var blockingCount = CountFired(plan.Contraindications, answers);
        var cautionCount = CountFired(plan.Cautions, answers);

        var definitions = plan.Pathways;
        var pathways = new PathwayResult[definitions.Length];
        var anyOpen = false;
        var anyBlocked = false;
        for (var i = 0; i < pathways.Length; i++)
        {
            var definition = definitions[i];
            if (answers[plan.Indications[i]] < 0)
            {
                pathways[i] = plan.NotApplicable[i];
            }
            else if (blockingCount > 0)
            {
                pathways[i] = new PathwayResult(definition.Pathway, PathwayStatus.NotEligible,
                    WithIndication(definition.IndicationRuleId, plan.Contraindications, blockingCount, answers, rules));
                anyBlocked |= !definition.InvestigationalOnly;
            }
            else
            {
                if (cautionCount == 0)
                {
                    pathways[i] = plan.OpenWithoutCautions[i];
                }
                else
                {
                    pathways[i] = new PathwayResult(definition.Pathway,
                        definition.InvestigationalOnly ? PathwayStatus.InvestigationalOnly : PathwayStatus.EligibleWithCautions,
                        WithIndication(definition.IndicationRuleId, plan.Cautions, cautionCount, answers, rules));
                }

                anyOpen |= !definition.InvestigationalOnly;
            }
        }

        var overall = anyOpen
            ? (cautionCount > 0 ? Verdict.EligibleWithCautions : Verdict.Eligible)
            : anyBlocked ? Verdict.NotEligibleNow : Verdict.NotIndicated;

        return new PathwaySection(Array.AsReadOnly(pathways), overall);
    }

    private static int CountFired(int[] positions, ReadOnlySpan<int> answers)
    {
        var count = 0;
        foreach (var position in positions)
        {
            count += answers[position] >= 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// The indication's id, then the ids of the fired rules among <paramref name="positions"/>, in their order; read-only,
    /// because the pathway results that hold it are shared.
    /// </summary>
    private static ReadOnlyCollection<string> WithIndication(string indicationRuleId, int[] positions, int count, ReadOnlySpan<int> answers, RulePlan[] rules)
    {
        var result = new string[count + 1];
        result[0] = indicationRuleId;
        var n = 1;
        foreach (var position in positions)
        {
            if (answers[position] >= 0)
            {
                result[n++] = rules[position].Rule.Id;
            }
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>An assessment's pathway results and verdict; shared by the assessments with the same key, never changed.</summary>
    internal sealed class PathwaySection(IReadOnlyList<PathwayResult> pathways, Verdict overall)
    {
        public IReadOnlyList<PathwayResult> Pathways { get; } = pathways;

        public Verdict Overall { get; } = overall;
    }
}
