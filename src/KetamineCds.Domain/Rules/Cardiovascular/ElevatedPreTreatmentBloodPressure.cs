using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-002: Blood pressure is above 140/90 mmHg before treatment: weigh delaying today's session and recheck. (SPRAVATO-PI-US)</summary>
public class ElevatedPreTreatmentBloodPressure : Rule
{
    public override string Id => "CV-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Today's pre-treatment blood pressure is above 140/90 mmHg (systolic above 140 or diastolic above 90).";

    public override Condition Condition { get; } = Any(Above(Fields.SystolicBp, 140), Above(Fields.DiastolicBp, 90));

    public override string Summary => "Blood pressure is above 140/90 mmHg before treatment: weigh delaying today's session and recheck.";

    public override string Detail =>
        "Esketamine raises blood pressure, peaking about 40 minutes after the dose and lasting about 4 hours. As a general guide the label suggests weighing a delay when blood pressure exceeds 140/90 mmHg before dosing. A higher threshold quoted on some websites is not in the label and is not used.";
}
