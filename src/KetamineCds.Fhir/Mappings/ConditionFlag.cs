using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>Which Conditions answer a yes/no field yes.</summary>
internal enum ConditionTime
{
    /// <summary>A field about now ("aneurysmal vascular disease"): only a current Condition (active, recurrence, relapse) answers yes.</summary>
    Current,

    /// <summary>A field about the past ("history of ..."): a Condition in any clinical status, or none, answers yes.</summary>
    History,
}

/// <summary>
/// A yes/no field answered by Conditions coded in the value set. Yes: a matching Condition that is confirmed (or has
/// no verification status) and, for a field about now, current. No: only a matching Condition whose verification
/// status is <c>refuted</c>, and only when nothing answers yes. Everything else (uncertain verification, a past
/// Condition for a field about now, no Condition) leaves the field not recorded; <c>entered-in-error</c> is ignored.
/// Where ruling one code out does not answer the field (a refuted "moderate recurrent episode" does not show that no
/// episode is under way), <paramref name="refutedAnswersNo"/> is false and nothing answers no.
/// </summary>
internal sealed class ConditionFlag(ConditionTime time, bool refutedAnswersNo = true) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var yes = new List<string>();
        var refuted = new List<string>();
        foreach (var (condition, reference) in record.Conditions)
        {
            if (Codes.Matches(valueSet, condition.Code).Count == 0)
                continue;

            var verification = ConditionStatus.VerificationOf(condition);
            if (verification == Verification.Refuted)
                refuted.Add(reference);
            else if (verification == Verification.Confirmed && Counts(ConditionStatus.ClinicalOf(condition)))
                yes.Add(reference);
        }

        if (yes.Count > 0)
            reading.Record(field.Name, true, yes);
        else if (refuted.Count > 0 && refutedAnswersNo)
            reading.Record(field.Name, false, refuted);
    }

    private bool Counts(ClinicalState state) => time == ConditionTime.History || state == ClinicalState.Current;
}

/// <summary>
/// A yes/no field about a recent event ("myocardial infarction or stroke in the last 6 weeks"). Yes: a confirmed
/// matching Condition (any clinical status) whose onset lies certainly within the window. No: a refuted matching
/// Condition, when nothing answers yes. An older event or one without an onset date leaves the field not recorded:
/// it does not show that no other event happened.
/// </summary>
internal sealed class RecentConditionFlag(int windowDays) : FieldMapping
{
    public int WindowDays => windowDays;

    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var yes = new List<string>();
        var refuted = new List<string>();
        foreach (var (condition, reference) in record.Conditions)
        {
            if (Codes.Matches(valueSet, condition.Code).Count == 0)
                continue;

            var verification = ConditionStatus.VerificationOf(condition);
            if (verification == Verification.Refuted)
                refuted.Add(reference);
            else if (verification == Verification.Confirmed && ConditionStatus.OnsetOf(condition) is { } onset && onset.CertainlyWithin(record.Today, windowDays))
                yes.Add(reference);
        }

        if (yes.Count > 0)
            reading.Record(field.Name, true, yes);
        else if (refuted.Count > 0)
            reading.Record(field.Name, false, refuted);
    }
}
