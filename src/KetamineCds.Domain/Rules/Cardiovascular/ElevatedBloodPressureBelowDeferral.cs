using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>
/// CV-002 from 1.4.0: above 140/90 mmHg but below CV-003's 180/110. At or above 180/110 only CV-003's "defer today's
/// session" applies, so the result and the print no longer carry two instructions for one reading (the seventh QA pass,
/// docs/clinical-review.md, section 11). (SPRAVATO-PI-US)
/// </summary>
public sealed class ElevatedBloodPressureBelowDeferral : ElevatedPreTreatmentBloodPressure
{
    public override string ConditionText =>
        "Today's pre-treatment blood pressure is above 140/90 mmHg (systolic above 140 or diastolic above 90) but below CV-003's clinic-policy threshold of 180/110 mmHg (systolic below 180 and diastolic below 110); at or above that threshold CV-003 defers today's session instead.";

    public override Condition Condition { get; } = All(
        Any(Above(Fields.SystolicBp, 140), Above(Fields.DiastolicBp, 90)),
        NoneHolds(BloodPressureDefersSession.DefersToday));

    public override string Detail =>
        "Esketamine raises blood pressure, peaking about 40 minutes after the dose and lasting about 4 hours. As a general guide the label suggests weighing a delay when blood pressure exceeds 140/90 mmHg before dosing. A higher threshold quoted on some websites is not in the label and is not used. At or above 180/110 mmHg (systolic 180 or diastolic 110), the clinic's threshold, CV-003 applies instead and defers today's session; this caution is then not listed, so that one reading gives one instruction.";
}
