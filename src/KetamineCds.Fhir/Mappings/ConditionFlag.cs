using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// A yes/no field answered by Conditions coded in the value set. Yes: a matching Condition that is confirmed (or has
/// no verification status) and that <paramref name="answersYes"/> accepts (current for a field about now, any for a
/// field about history, onset within the window for a recent event). No: only a matching Condition whose
/// verification status is <c>refuted</c>, and only when nothing answers yes and ruling that code out answers the
/// whole field (<paramref name="refutedAnswersNo"/>, false unless the value set says so: a refuted "moderate recurrent
/// episode" does not show that no episode is under way, a refuted abdominal aortic aneurysm does not rule out an
/// intracranial one; QA13 H2). Everything else leaves the field not recorded; an unconfirmed, provisional or differential match is
/// named for the clinician to check (<see cref="FhirReading.ToCheck"/>, QA13 M4), never dropped; <c>entered-in-error</c> is ignored. A choice field
/// answered by one value (suicidality <c>recent-attempt</c>) records <paramref name="yesValue"/> for yes.
/// </summary>
internal sealed class ConditionFlag(Func<Condition, PatientRecord, bool> answersYes, bool refutedAnswersNo = false, object? yesValue = null) : FieldMapping
{
    /// <summary>A field about now: only a current Condition (active, recurrence, relapse) answers yes.</summary>
    public static ConditionFlag Current(bool refutedAnswersNo = false) =>
        new((condition, _) => ConditionStatus.ClinicalOf(condition) == ClinicalState.Current, refutedAnswersNo);

    /// <summary>A field about the past ("history of ..."): a Condition in any clinical status, or none, answers yes.</summary>
    public static ConditionFlag History(bool refutedAnswersNo = false) => new((_, _) => true, refutedAnswersNo);

    /// <summary>
    /// A recent event: yes when the onset (onsetDateTime, else onsetPeriod.start) lies certainly within
    /// <paramref name="windowDays"/> days up to today (the clinic's days), whatever the clinical status. An older or undated event leaves
    /// the field not recorded: it does not show that no other event happened.
    /// </summary>
    public static ConditionFlag Recent(int windowDays, object? yesValue = null, bool refutedAnswersNo = false) =>
        new((condition, record) => ConditionStatus.OnsetOf(condition, record) is { } onset && onset.CertainlyWithin(record.Today, windowDays), refutedAnswersNo, yesValue);

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
            else if (verification == Verification.Uncertain)
                reading.Check(field.Name, ChartCheckKind.Unconfirmed, reference, ChartWords.Of(condition.Code));
            else if (verification == Verification.Confirmed && answersYes(condition, record))
                yes.Add(reference);
        }

        if (yes.Count > 0)
            reading.Record(field.Name, yesValue ?? true, yes);
        else if (refuted.Count > 0 && refutedAnswersNo)
            reading.Record(field.Name, false, refuted);
    }
}
