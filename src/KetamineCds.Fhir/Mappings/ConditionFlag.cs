using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// A yes/no field answered by Conditions coded in the value set. Yes: a matching Condition that is confirmed (or has
/// no verification status) and that the field's test answers yes for (current for a field about now, any for a field
/// about history, onset within the window for a recent event). No: only a matching Condition whose verification
/// status is <c>refuted</c>, and only when nothing answers yes and ruling that code out answers the whole field
/// (<paramref name="refutedAnswersNo"/>, false unless the value set says so: a refuted "moderate recurrent episode"
/// does not show that no episode is under way, a refuted abdominal aortic aneurysm does not rule out an intracranial
/// one; QA13 H2). Everything else leaves the field not recorded. A match that may mean yes but that the reader cannot
/// use is named for the clinician to check (<see cref="FhirReading.ToCheck"/>, QA13 M4), never dropped: an unconfirmed,
/// provisional or differential one; for a field about now, a confirmed one with no clinical status; for a recent event,
/// a confirmed one whose onset does not place it (undated, in the future, or a partial date reaching into the window).
/// One clearly not current (remission, inactive, resolved; unless the value set says such a record may still stand, as
/// for an aneurysm, when it is named), clearly older than the window, refuted or <c>entered-in-error</c> is not named. A choice field answered by one value (suicidality <c>recent-attempt</c>)
/// records <paramref name="yesValue"/> for yes.
/// </summary>
internal sealed class ConditionFlag(Func<Condition, PatientRecord, ConditionFlag.Answer> answer, bool refutedAnswersNo = false, object? yesValue = null) : FieldMapping
{
    /// <summary>What a confirmed matching Condition says about the field.</summary>
    internal enum Answer
    {
        Yes,

        /// <summary>Neither: clearly not current, or clearly outside the window.</summary>
        Nothing,

        /// <summary>It may be current: no clinical status says (<see cref="ChartCheckKind.StatusUnknown"/>).</summary>
        MaybeCurrent,

        /// <summary>It may be recent: its onset does not say (<see cref="ChartCheckKind.Undated"/>).</summary>
        MaybeRecent,

        /// <summary>Recorded as not current, where such a record may still stand (<see cref="ChartCheckKind.NotCurrentMayStand"/>).</summary>
        MaybeStands,
    }

    /// <summary>
    /// A field about now: only a current Condition (active, recurrence, relapse) answers yes; one with no clinical status
    /// may be current. One in remission, inactive or resolved answers nothing, unless <paramref name="notCurrentMayStand"/>
    /// (the value set's <c>notCurrentMayStand</c>: aneurysmal vascular disease, a contraindication whose "resolved" the
    /// clinician confirms), when it is named for the clinician to check (QA120 F3).
    /// </summary>
    public static ConditionFlag Current(bool refutedAnswersNo = false, bool notCurrentMayStand = false) =>
        new((condition, _) => ConditionStatus.ClinicalOf(condition) switch
        {
            ClinicalState.Current => Answer.Yes,
            ClinicalState.Unknown => Answer.MaybeCurrent,
            _ when notCurrentMayStand => Answer.MaybeStands,
            _ => Answer.Nothing,
        }, refutedAnswersNo);

    /// <summary>A field about the past ("history of ..."): a Condition in any clinical status, or none, answers yes.</summary>
    public static ConditionFlag History(bool refutedAnswersNo = false) => new((_, _) => Answer.Yes, refutedAnswersNo);

    /// <summary>
    /// A recent event: yes when the onset (onsetDateTime, or the whole onsetPeriod, <see cref="ConditionStatus.OnsetOf"/>) lies certainly within
    /// <paramref name="windowDays"/> days up to today (the clinic's days), whatever the clinical status. An event
    /// certainly older leaves the field not recorded (it does not show that no other event happened); an undated one, or
    /// one whose onset may fall within the window, is named for the clinician to check.
    /// </summary>
    public static ConditionFlag Recent(int windowDays, object? yesValue = null, bool refutedAnswersNo = false) =>
        new((condition, record) => ConditionStatus.OnsetOf(condition, record) switch
        {
            { } onset when onset.CertainlyWithin(record.Today, windowDays) => Answer.Yes,
            { } onset when onset.Latest < record.Today.AddDays(-windowDays) => Answer.Nothing,
            _ => Answer.MaybeRecent,
        }, refutedAnswersNo, yesValue);

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
            else if (verification == Verification.Confirmed)
            {
                switch (answer(condition, record))
                {
                    case Answer.Yes:
                        yes.Add(reference);
                        break;
                    case Answer.MaybeCurrent:
                        reading.Check(field.Name, ChartCheckKind.StatusUnknown, reference, ChartWords.Of(condition.Code));
                        break;
                    case Answer.MaybeRecent:
                        reading.Check(field.Name, ChartCheckKind.Undated, reference, ChartWords.Of(condition.Code));
                        break;
                    case Answer.MaybeStands:
                        reading.Check(field.Name, ChartCheckKind.NotCurrentMayStand, reference, ChartWords.Of(condition.Code));
                        break;
                }
            }
        }

        if (yes.Count > 0)
            reading.Record(field.Name, yesValue ?? true, yes);
        // A Condition no value set can read may be the yes (UnreadConditions): a refuted one then does not answer no.
        else if (refuted.Count > 0 && refutedAnswersNo && !UnreadConditions.Any(record))
            reading.Record(field.Name, false, refuted);
    }
}
