using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-006: Benzodiazepine above 8 mg diazepam-equivalent a day: the antidepressant effect may be weaker; weigh this in the decision and when judging the response. (FRONT-PSYCHIATRY-2020-BZD, FEENEY-2023)</summary>
public sealed class BenzodiazepineAboveEightMg : Rule
{
    public override string Id => "MED-006";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.FrontPsychiatry2020Benzodiazepines, Citations.Feeney2023];

    public override string ConditionText => "A daily benzodiazepine dose above 8 mg diazepam-equivalent is recorded.";

    public override Condition Condition { get; } = Above(Fields.BenzodiazepineDiazepamEquivalentMg, 8m);

    public override string Summary => "Benzodiazepine above 8 mg diazepam-equivalent a day: the antidepressant effect may be weaker; weigh this in the decision and when judging the response.";

    public override string Detail =>
        "In a cohort of 47 patients given ketamine for depression, a daily benzodiazepine dose above 8 mg diazepam-equivalent set apart those who did not respond, with worse outcomes on days 3 and 7. A secondary analysis of the RAPID intravenous ketamine trial found that higher doses weakened the effect on day 1 but not on day 3. Neither study used esketamine (the RAPID analysis was of intravenous ketamine); one is small and one a secondary analysis. The esketamine label, as far as the fact base shows, speaks only of the added sedation (MED-001).";
}
