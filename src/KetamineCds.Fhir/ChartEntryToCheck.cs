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
