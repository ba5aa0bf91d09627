namespace KetamineCds.Fhir;

/// <summary>Why a chart entry is named for the clinician to check rather than read as an answer.</summary>
public enum ChartCheckKind
{
    /// <summary>A Condition in the field's value set whose verification status is unconfirmed, provisional or differential: a question, not an answer (QA13 M4).</summary>
    Unconfirmed,

    /// <summary>An active AllergyIntolerance whose words name ketamine, esketamine or Spravato: no code could be confirmed, so it is never read as yes (QA13 H3, ALG-001).</summary>
    AllergyNamingKetamine,

    /// <summary>A confirmed, current psychotic-disorder diagnosis, which does not say whether psychosis is active or controlled (QA13 M4, P-PSYCHOSIS).</summary>
    PsychoticDisorder,

    /// <summary>A Condition in the field's value set with no clinical status (or one not of the FHIR code system), for a question about now: it may be current.</summary>
    StatusUnknown,

    /// <summary>A Condition in the field's value set for a recent event (an infarction or stroke, a suicide attempt) whose onset does not show whether it falls within the period asked about: no onset, one that is not a date, one in the future, or a partial date reaching into the period.</summary>
    Undated,

    /// <summary>A medicine in the field's value set ordered or recorded but not as taken now: a MedicationRequest on hold, draft, of unknown status or only proposed; a MedicationStatement intended, on hold or of unknown status.</summary>
    MedicineNotActive,

    /// <summary>An Observation in the field's value set within the period the field reads that is not final: preliminary, registered (no result yet) or of unknown status.</summary>
    ResultNotFinal,

    /// <summary>
    /// A MedicationRequest or MedicationStatement, not stopped, completed, cancelled, not taken or entered in error, whose
    /// medicine is recorded only in words (a text or display, no code), or names a Medication not sent: no value set can
    /// read it, and it may be one of the medicines a question asks about. Named beside every medicine question, never
    /// matched by its words.
    /// </summary>
    MedicineInWordsOnly,

    /// <summary>
    /// A MedicationRequest or MedicationStatement, not stopped, completed, cancelled, not taken or entered in error, whose
    /// medicine is coded, but only in code systems none of the medication value sets uses (NDC, SNOMED CT, a local system,
    /// a code without its system; the value sets are RxNorm today): no value set can read it, and it may be one of the
    /// medicines a question asks about. Named beside every medicine question with each code and its system, never matched
    /// by its words. A medicine coded in a system the value sets use but in none of them is not named.
    /// </summary>
    MedicineCodeNotRead,
}

/// <summary>
/// A chart entry about a field that the reader does not turn into an answer, named so that it never vanishes: the field
/// stays not recorded, and the clinician is told what the chart holds (the card's "check" list, the form's question).
/// </summary>
/// <param name="Field">The contract name of the field the entry is about.</param>
/// <param name="Kind">Why it is not read as an answer.</param>
/// <param name="Reference">The resource (<c>Condition/123</c>).</param>
/// <param name="What">The chart's words for it: its code's text or display, or its code, cut short and made plain (no line breaks, markup or hidden marks).</param>
public sealed record ChartEntryToCheck(string Field, ChartCheckKind Kind, string Reference, string What);
