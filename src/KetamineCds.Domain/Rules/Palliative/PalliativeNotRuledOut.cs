using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Palliative;

/// <summary>
/// PAL-003, from 1.19.0: a current depressive episode with the life-limiting illness not recorded, so the palliative
/// pathway cannot yet be ruled out (P-PALLIATIVE, IRWIN-2013). 1.16.0 to 1.18.0 said this in PAL-001's own texts, which
/// then named both cases in one title ("a prognosis of weeks (or a life-limiting illness is not recorded)"); from 1.19.0
/// PAL-001 says only the prognosis of weeks and this rule only that the pathway cannot yet be ruled out, standing for the
/// pathway's indication while it does (<see cref="PathwayDefinition.NotRuledOutRuleId"/>; helper 233,
/// docs/clinical-review.md, section 31). No new clinical claim: the condition is 1.16.0's branch.
/// </summary>
public sealed class PalliativeNotRuledOut : Rule
{
    public override string Id => "PAL-003";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Palliative];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Irwin2013];

    public override string ConditionText =>
        "A current depressive episode with the life-limiting illness not recorded, so that the palliative pathway cannot yet be ruled out (REC-005).";

    public override Condition Condition { get; } = Indications.PalliativeNotRuledOut;

    public override string Summary =>
        "A life-limiting illness is not recorded: the palliative pathway cannot yet be ruled out. Record the illness and, if present, the prognosis.";

    public override string Detail =>
        "With a life-limiting illness and a prognosis of weeks, a conventional antidepressant may act too late and a rapid-acting treatment is reasonable (PAL-001). A blank answer is never read as no: with a current depressive episode and the illness not recorded, the pathway stays incomplete (REC-005) until the illness, and with it the prognosis, is recorded. A life-limiting illness recorded as absent, or a prognosis above 8 weeks (PAL-002), does not open it.";
}
