using System.Runtime.CompilerServices;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The care items that must be known before the first dose (QA148 F2): the questions the field catalogue classes as calling
/// for care when not recorded (<see cref="NotRecordedMeans.CallsForCare"/>: no pathway waits for them) whose answer a
/// contraindication rule of the rule set reads, so that an answer could still rule treatment out. In rule set 1.8.0 these
/// are the blood pressure (CV-003 at or above 180/110) and the hepatic status (HEP-001, severe impairment): a pathway opens
/// while they are blank, and the dose waits for them (CV-004, HEP-003). They are never called questions that could keep a
/// pathway waiting (<see cref="NotRecordedMeans.CanBlock"/>): the form's introduction, its count of questions not recorded,
/// the result page and the print name them apart, in these words.
/// </summary>
public static class CareBeforeFirstDose
{
    private static readonly ConditionalWeakTable<RuleSet, IReadOnlyList<FieldDefinition>> ByRuleSet = new();

    /// <summary>The care items of <paramref name="ruleSet"/> that must be known before the first dose, in the form's order.</summary>
    public static IReadOnlyList<FieldDefinition> Questions(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ByRuleSet.GetValue(ruleSet, static r =>
        {
            var read = r.Rules.Where(rule => rule.Kind == FindingKind.Contraindication).SelectMany(rule => rule.Condition.FieldsRead()).ToHashSet();
            return [.. Fields.All.Where(f => f.NotRecorded == NotRecordedMeans.CallsForCare && read.Contains(f))];
        });
    }

    /// <summary>Whether <paramref name="field"/> is such a care item under <paramref name="ruleSet"/>.</summary>
    public static bool Includes(RuleSet ruleSet, FieldDefinition field) => Questions(ruleSet).Contains(field);
}
