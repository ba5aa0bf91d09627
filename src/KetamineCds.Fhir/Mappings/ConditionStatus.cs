using Hl7.Fhir.Model;

namespace KetamineCds.Fhir.Mappings;

/// <summary>How a Condition's clinical status places it in time.</summary>
internal enum ClinicalState
{
    /// <summary>No clinical status (allowed for an encounter diagnosis): not known whether it is current.</summary>
    Unknown,

    /// <summary><c>active</c>, <c>recurrence</c> or <c>relapse</c>.</summary>
    Current,

    /// <summary><c>remission</c>: the diagnosis stands, the illness is quiet.</summary>
    Remission,

    /// <summary><c>inactive</c> or <c>resolved</c>.</summary>
    Past,
}

/// <summary>How far a Condition's verification status lets it count.</summary>
internal enum Verification
{
    /// <summary><c>confirmed</c>, or no verification status (a recorded diagnosis is taken as stated).</summary>
    Confirmed,

    /// <summary><c>unconfirmed</c>, <c>provisional</c> or <c>differential</c>: a question, not an answer.</summary>
    Uncertain,

    /// <summary><c>refuted</c>: explicit negative evidence.</summary>
    Refuted,

    /// <summary><c>entered-in-error</c>: ignored entirely.</summary>
    EnteredInError,
}

internal static class ConditionStatus
{
    public static ClinicalState ClinicalOf(Condition condition) => Codes.CodeIn(condition.ClinicalStatus, Codes.ConditionClinical) switch
    {
        "active" or "recurrence" or "relapse" => ClinicalState.Current,
        "remission" => ClinicalState.Remission,
        "inactive" or "resolved" => ClinicalState.Past,
        _ => ClinicalState.Unknown,
    };

    /// <summary>
    /// The verification status. Absent: taken as recorded (confirmed). Present but not a code of the FHIR code system
    /// (another system, no system, an unknown code): uncertain, so it decides nothing, never a silent "confirmed".
    /// </summary>
    public static Verification VerificationOf(Condition condition)
    {
        if (condition.VerificationStatus is null || (condition.VerificationStatus.Coding.Count == 0 && string.IsNullOrEmpty(condition.VerificationStatus.Text)))
            return Verification.Confirmed;
        return Codes.CodeIn(condition.VerificationStatus, Codes.ConditionVerification) switch
        {
            "confirmed" => Verification.Confirmed,
            "refuted" => Verification.Refuted,
            "entered-in-error" => Verification.EnteredInError,
            _ => Verification.Uncertain,
        };
    }

    /// <summary>
    /// The clinic's days the onset may have fallen on (<see cref="PatientRecord.DaysOf"/>): those of onsetDateTime, or for
    /// an onsetPeriod (the onset fell somewhere within it) from its start's first day to its end's last day, an end that
    /// is absent or in the future read as today (an onset is not in the future). Before helper 196 only the start was
    /// read, so a period that began long ago but ran into the days a recent event is read for (an infarction's onset
    /// "2026-01-01 to 2026-11-20") answered "older" and was not named. Null when it is not a date, when the onset or the
    /// period's start lies in the future, when the period has neither start nor end, or ends before it starts.
    /// </summary>
    public static DaySpan? OnsetOf(Condition condition, PatientRecord record) => condition.Onset switch
    {
        FhirDateTime dateTime => record.DaysOf(dateTime.Value),
        Period period => PeriodOf(period, record),
        _ => null,
    };

    private static DaySpan? PeriodOf(Period period, PatientRecord record)
    {
        if (string.IsNullOrWhiteSpace(period.Start) && string.IsNullOrWhiteSpace(period.End))
            return null;
        DaySpan? start = null;
        if (!string.IsNullOrWhiteSpace(period.Start) && (start = record.DaysOf(period.Start)) is null)
            return null;
        var end = string.IsNullOrWhiteSpace(period.End) || record.InFuture(period.End) ? null : record.DaysOf(period.End);
        if (!string.IsNullOrWhiteSpace(period.End) && !record.InFuture(period.End) && end is null)
            return null;
        var earliest = start?.Earliest ?? DateOnly.MinValue;
        var latest = end is { } e && e.Latest < record.Today ? e.Latest : record.Today;
        return earliest <= latest ? new DaySpan(earliest, latest) : null;
    }
}
