namespace KetamineCds.Web.Screenings;

/// <summary>
/// What the page knows of one field's answer beyond the form's own state, for <see cref="FieldControl.For"/>: where
/// the answer came from and what the page adds to the catalogue's help.
/// </summary>
/// <param name="FromEhr">Whether an EHR's prefill gave the answer shown.</param>
/// <param name="MoreHint">A sentence the page adds to the catalogue's help (the jurisdiction: the clinic's default), or null.</param>
/// <param name="ReadOnlyBecause">Why the answer cannot be changed here (a re-screen's patient), or null.</param>
/// <param name="FromScreeningOn">The day of the earlier KetamineCds screening a CDS Hooks prefill took the answer from, or null.</param>
/// <param name="ChartChecks">The chart entries about this question a CDS Hooks prefill names for checking (the chart's words and the resource; QA13 H3, M4), or null.</param>
/// <param name="ChartRounded">The chart's values with a fraction a CDS Hooks prefill filled in as whole numbers (a blood pressure rounded up), or null.</param>
/// <param name="RecordedNotKnown">Whether the earlier screening a re-screen or correction starts from recorded this yes/no question as not known (<see cref="EarlierAnswers.NotKnown"/>).</param>
/// <param name="SourceNote">What the page says of where the answer shown came from, beside it for checking (the patient reference a CDS Hooks prefill took from the EHR's FHIR Patient id, QA295 F1), or null.</param>
public sealed record FieldContext(bool FromEhr = false, string? MoreHint = null, string? ReadOnlyBecause = null, string? FromScreeningOn = null, IReadOnlyList<(string What, string Reference)>? ChartChecks = null, IReadOnlyList<(string Given, int ReadAs, string Reference)>? ChartRounded = null, bool RecordedNotKnown = false, string? SourceNote = null)
{
    /// <summary>Nothing beyond the form's state.</summary>
    public static FieldContext None { get; } = new();
}
