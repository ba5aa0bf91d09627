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
    /// The clinic's days of the onset (onsetDateTime, else onsetPeriod.start; <see cref="PatientRecord.DaysOf"/>), or
    /// null when it is not a date or lies in the future.
    /// </summary>
    public static DaySpan? OnsetOf(Condition condition, PatientRecord record) => condition.Onset switch
    {
        FhirDateTime dateTime => record.DaysOf(dateTime.Value),
        Period period => record.DaysOf(period.Start),
        _ => null,
    };
}
