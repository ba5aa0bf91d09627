namespace KetamineCds.Fhir.ValueSets;

/// <summary>
/// How a value set's codes are read from the FHIR data: which resources count and what they answer
/// (docs/fhir-mapping.md). Kept with the codes in the value set's file, so that a field an EHR can fill needs only its
/// catalogue entry and its value set, no code here. The field's type picks the reading where one source serves two
/// fields (a medicine answers "on an antidepressant" and its class; a disorder answers substance use and the substances).
/// </summary>
public sealed record ValueSetReading
{
    /// <summary>
    /// <c>condition</c>, <c>condition-choice</c>, <c>medication</c>, <c>substance-use</c>, <c>blood-pressure</c>,
    /// <c>observation-score</c> or <c>pregnancy-status</c>; or <c>named-to-check</c> for the one value set no field reads
    /// (<c>conditions-naming-questions</c>): each entry's value is the field its Condition is named beside, never an answer.
    /// </summary>
    public required string From { get; init; }

    /// <summary>For <c>condition</c>: <c>current</c> (active now), <c>history</c> (ever) or <c>recent</c> (onset within <see cref="WithinDays"/>).</summary>
    public string? When { get; init; }

    /// <summary>
    /// For a <c>recent</c> condition: how many days back its onset still counts. (How old an observation or a pregnancy
    /// status may be is the field's <see cref="KetamineCds.Domain.Screening.FieldDefinition.CurrentForDays"/>.)
    /// </summary>
    public int? WithinDays { get; init; }

    /// <summary>
    /// For <c>condition</c>: whether a refuted Condition records "no". False unless the value set says so: a refuted
    /// Condition is negative evidence for its own code only, and answers "no" only where ruling that code out rules out
    /// everything the field asks about (QA13 H2). No value set does today: each field covers more than any one code.
    /// </summary>
    public bool RefutedAnswersNo { get; init; }

    /// <summary>
    /// For a <c>current</c> condition: whether a confirmed Condition recorded as not current (remission, inactive,
    /// resolved) may still stand and is named for the clinician to check rather than dropped. True for aneurysmal
    /// vascular disease only, a contraindication: a problem list's "resolved" cannot tell whether it still stands or was
    /// treated, so the safer reading is to ask the clinician (QA120 F3, VAS-001).
    /// </summary>
    public bool NotCurrentMayStand { get; init; }

    /// <summary>For <c>condition</c> on a choice field: the value a yes records (<c>recent-attempt</c>).</summary>
    public string? YesValue { get; init; }

    /// <summary>For <c>condition-choice</c>: the clinical states that count (<c>current</c>, <c>remission</c>).</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary>For <c>condition-choice</c>: the values another present value supersedes (bipolar supersedes major depressive disorder).</summary>
    public IReadOnlyDictionary<string, string[]>? SupersededBy { get; init; }

    /// <summary>For <c>medication</c> on a choice field: which value wins when several are present.</summary>
    public IReadOnlyList<string>? Precedence { get; init; }

    /// <summary>For <c>blood-pressure</c>: <c>systolic</c> or <c>diastolic</c>.</summary>
    public string? Component { get; init; }
}
