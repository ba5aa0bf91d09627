namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// A field the chart answers otherwise than the clinician's recent screening in KetamineCds: both answers as contract
/// values, the chart entries the chart's answer was read from (<c>Condition/123</c>), and the answer used. For an answer
/// (the field's <see cref="Domain.Screening.FieldDefinition.MoreCautious"/>), the more cautious is used, the screening's
/// or, where the chart's is the more cautious (<see cref="ChartMoreCautious"/>), the chart's; for a measurement
/// (<see cref="Measured"/>), the newer reading (QA120 F2).
/// </summary>
public sealed record ChartDisagreement(string Field, object Chart, IReadOnlyList<string> ChartEntries, object Screening, object? Used)
{
    /// <summary>For a measurement: when each was taken and which is newer; null for an answer compared by caution.</summary>
    public MeasuredAt? Measured { get; init; }

    /// <summary>
    /// Helper 274 (QA272 F6): true where the chart answers more cautiously than the screening (a pregnancy in the chart, the
    /// clinician's correction "not pregnant"): the chart's answer is used (<see cref="Used"/>), as before, and the card now
    /// says so, so that the clinician sees why the answer stands and which chart entry to put right if the screening is.
    /// False for the screening's more cautious answer and for a measurement.
    /// </summary>
    public bool ChartMoreCautious { get; init; }
}

/// <summary>
/// When the chart's reading (<see cref="Chart"/>, null when its time could not be read) and the screening's were taken
/// (the screening's: when its answers were recorded, a correction's at the encounter it corrects), and which is newer.
/// </summary>
public sealed record MeasuredAt(ChartMoment? Chart, DateTimeOffset Screening, MeasurementOrder Order);

/// <summary>Which of two readings of one measurement was taken later.</summary>
public enum MeasurementOrder
{
    /// <summary>The screening's reading is newer: it is used.</summary>
    ScreeningNewer,

    /// <summary>The chart's reading is newer: it is used.</summary>
    ChartNewer,

    /// <summary>
    /// Which is newer cannot be told (the chart gives only the day of the screening): PHQ-9 item 9 takes the higher, any
    /// other measurement is not recorded.
    /// </summary>
    NotKnown,
}

/// <summary>
/// Helper 258: a fact about the patient on which the chart and the clinician's screening that completes it cannot both be
/// right: the sex at birth (male against female), or an age the chart's birth date (its year: <see cref="BirthYear"/>;
/// possibly year-only) does not allow on the day the screening recorded it. Either suggests that the chart and the screening are
/// not of the same patient, or a data error: a <c>warning</c> card asks the clinician to check. The chart's answer is
/// used (<see cref="Used"/>); an age the chart's birth date does not fix is not recorded (null), never the screening's.
/// </summary>
/// <param name="Field">The contract field (<c>sexAtBirth</c>, <c>ageYears</c>).</param>
/// <param name="Chart">The chart's answer, null for an age its birth date does not fix.</param>
/// <param name="ChartEntries">The Patient entries the chart's answer was read from (<c>Patient/p1</c>).</param>
/// <param name="Screening">The screening's answer.</param>
/// <param name="Used">The answer used, null when none.</param>
public sealed record IdentityMismatch(string Field, object? Chart, IReadOnlyList<string> ChartEntries, object Screening, object? Used)
{
    /// <summary>
    /// For the age: the year of the chart's birth date only (helper 268: the card's words, which the decision log keeps,
    /// named the full date, a direct identifier the log keeps nowhere else; QA14a P9).
    /// </summary>
    public string? BirthYear { get; init; }

    /// <summary>
    /// For the age: the ages the chart's birth date gives on the day the screening recorded its age, the youngest and the
    /// oldest (<see cref="KetamineCds.Fhir.ChartBirthDate.AgesOn"/>), or null when that day is before the birth date.
    /// </summary>
    public (int Youngest, int Oldest)? ChartAgesThen { get; init; }
}
