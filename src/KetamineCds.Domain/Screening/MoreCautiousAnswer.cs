namespace KetamineCds.Domain.Screening;

/// <summary>
/// Which of two recorded answers to a field is the more cautious: the one whose being missed is the unsafe error. When
/// the chart and a clinician's recent screening disagree (CDS Hooks), the less cautious answer never wins in silence
/// (docs/cds-hooks.md, "The chart and a clinician's screening disagree"). Declared per field in the catalogue
/// (<see cref="FieldDefinition.MoreCautious"/>); a field without one has no such order (the diagnosis, the trials, a
/// measurement of its moment, a medicine's class).
/// </summary>
public enum MoreCautiousAnswer
{
    /// <summary>A yes over a no (an aneurysm, a pregnancy, a medicine taken): a yes missed is a contraindication or caution missed.</summary>
    Yes,

    /// <summary>A no over a yes (a safety plan, lethal-means counselling, follow-up, a mood stabilizer at a therapeutic level): a safeguard missing.</summary>
    No,

    /// <summary>A choice later in the catalogue's order (<see cref="FieldDefinition.Choices"/>) over an earlier one: none, in remission, active.</summary>
    LaterChoice,

    /// <summary>A list naming a choice the other does not: both lists together, so that no substance named by either is lost.</summary>
    EveryChoice,
}
