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

    /// <summary>
    /// An Observation in the field's value set within the period the field reads that is not final: preliminary, registered
    /// (no result yet) or of unknown status, that may be as late as the latest final one (helper 214: also one over a
    /// period running on to its time, or dated without a time on its day), which is then named beside it
    /// (<see cref="ResultBesideNewer"/>). For the PHQ-9 total, also an item of the questionnaire so, taken after the total
    /// read (<see cref="ItemWithoutTotal"/>), named without a score.
    /// </summary>
    ResultNotFinal,

    /// <summary>
    /// The latest final (amended, corrected) Observation in the field's value set within the period the field reads whose
    /// value the reader cannot read as an answer: a unit it does not convert (kPa), an answer not in the value set
    /// (pregnancy "unknown"; for PHQ-9 item 9 a code not among its four LOINC answers, or an answer whose codes and words
    /// name different answers), a value out of range, only in words, a
    /// <c>dataAbsentReason</c>, or a blood pressure whose systolic and diastolic do not pair. No older reading takes its
    /// place (QA120 F1).
    /// </summary>
    ResultNotReadable,

    /// <summary>
    /// Final Observations in the field's value set that may be the latest but give different values: taken at the same
    /// time, or dated without a time on the same day as another, so which one is the latest cannot be told (QA120 F1).
    /// </summary>
    ResultTimeUnclear,

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
    /// by its words. A medicine coded in a system the value sets use but in none of them is named too, as
    /// <see cref="MedicineCodeNotListed"/> (QA281 F4).
    /// </summary>
    MedicineCodeNotRead,

    /// <summary>
    /// A Condition, neither refuted nor entered in error, coded only in code systems none of the Condition value sets uses
    /// (WHO ICD-10 <c>http://hl7.org/fhir/sid/icd-10</c>, the ICD-10-CM or SNOMED CT OIDs, <c>http://snomed.info/sct/</c>
    /// with a trailing slash, a local system, a code without its system; the value sets use ICD-10-CM and SNOMED CT under
    /// their canonical URIs), or with no code at all: no value set can read it, and it may be one of the conditions a
    /// question asks about. Named beside every Condition question with each code and its system, never translated
    /// (QA120 F3).
    /// </summary>
    ConditionCodeNotRead,

    /// <summary>
    /// A confirmed Condition for a question where a record that is not current may still stand (aneurysmal vascular
    /// disease, a contraindication), recorded as inactive, resolved or in remission: read
    /// as neither yes nor no (QA120 F3, VAS-001).
    /// </summary>
    NotCurrentMayStand,

    /// <summary>
    /// An active AllergyIntolerance coded RxNorm 6130 (ketamine), 2201623 or 2201625 (esketamine nasal spray), the codes
    /// the order-sign hook reads as ketamine, with or without words: never read as yes (QA120 F6, ALG-001).
    /// </summary>
    AllergyCodedKetamine,

    /// <summary>
    /// A confirmed Condition, current or with no clinical status, whose code names a question but which the reader does not
    /// read as that question's answer (the <c>conditions-naming-questions</c> value set: a bipolar disorder of unstated
    /// type, a delusional or other psychotic disorder, an arteriovenous malformation of cerebral or precerebral vessels, a
    /// pregnancy, a hepatic failure or cirrhosis): the code does not give the contract's answer (which bipolar type, whether
    /// psychosis is active, how severe the impairment, whether the pregnancy still holds). Named beside that question, read
    /// as neither yes nor no; a "no" read from elsewhere in the chart is not recorded beside it (QA132 F2).
    /// </summary>
    ConditionNamesQuestion,

    /// <summary>
    /// The latest final pregnancy status, older than the days the field reads, with none final within them, that answered
    /// "pregnant" (its day is given with its words): too old to be read as an answer, and not "not pregnant" either (QA132 F2).
    /// </summary>
    ResultOlderThanPeriod,

    /// <summary>
    /// A final (amended, corrected) or preliminary Observation in the field's value set dated in the future by the clinic's
    /// clock (a time more than <see cref="PatientRecord.ClockSkew"/> after now, a date after today): an EHR clock or time
    /// zone error, so it may be the latest result. It is not read, and no older result takes its place (as for a result
    /// not readable, QA120 F1); its clinic time is given with its words (QA132 F11).
    /// </summary>
    ResultInFuture,

    /// <summary>
    /// Two results the chart gives together that cannot both be right: a value above the one it may not exceed (the
    /// field's <see cref="Domain.Screening.FieldDefinition.AtMost"/>: PHQ-9 item 9 above the PHQ-9 total), or below that
    /// total less what its other parts score at most (<see cref="Domain.Screening.FieldDefinition.OtherPartsAtMost"/>: a
    /// PHQ-9 total of 27 beside an item 9 of 0; <see cref="ChartEntryToCheck.PartTooLow"/>, QA157 F2). One of them is
    /// wrong (or they are of different questionnaires), so neither is read or prefilled; each is named, with its value and
    /// its time, beside its own field, <see cref="ChartEntryToCheck.Against"/> naming the other (QA132 F4).
    /// </summary>
    ResultsContradict,

    /// <summary>
    /// A MedicationRequest in the field's value set, active, with <c>doNotPerform</c> true: an order not to give the
    /// medicine, which says nothing of whether the patient takes it now. Read as neither yes nor no (helper 196: it was
    /// read as taken now).
    /// </summary>
    MedicineNotToBeGiven,

    /// <summary>
    /// An active MedicationStatement in the field's value set whose effective period ended before today, or whose
    /// effective time (effectiveDateTime, effectivePeriod.start) is after today: its status says "taken" but its dates
    /// say not now. Read as neither yes nor no (helper 196: it was read as taken now).
    /// </summary>
    MedicineDatedNotNow,

    /// <summary>
    /// An Observation, Condition, MedicationRequest, MedicationStatement or AllergyIntolerance that would answer the
    /// field but does not show that it is this patient's: no subject (or patient), a subject given only in words (a
    /// display), a subject that is not a Patient (a Group, a Device, a Location), or an Observation whose focus names
    /// something other than this patient (a fetus, a relative). Never read as this patient's answer, yes or no
    /// (helper 198: a Group's "not pregnant" answered this patient's pregnancy "no").
    /// </summary>
    SubjectNotShown,

    /// <summary>
    /// An active MedicationRequest (an order intent, not <c>doNotPerform</c>) in the field's value set whose prescription is
    /// not valid today: its <c>dispenseRequest.validityPeriod</c> ended before today, or starts after today, by the
    /// clinic's clock. An order no longer (or not yet) valid says nothing of whether the patient takes the medicine now:
    /// read as neither yes nor no (helper 200: it was read as taken now).
    /// </summary>
    OrderNotValidNow,

    /// <summary>
    /// The Patient resource records the patient as deceased (<c>deceasedBoolean</c> true, or a <c>deceasedDateTime</c>),
    /// named beside the patient reference: the chart may be another person's, or wrong, and the clinician checks which
    /// before relying on it. The chart's entries are still read as they are, each shown with where it came from, so that
    /// no signal they give is hidden (helper 200: it was screened with no mention).
    /// </summary>
    PatientDeceased,

    /// <summary>
    /// Two or more copies of one resource (the same type and id) that differ, sent in one prefetch, whose order cannot be
    /// told: no numeric <c>meta.versionId</c> on each that differs, and no <c>meta.lastUpdated</c> on each that differs.
    /// Which one is current is unknown, so none is read, yes or no; each is named beside every field it would have
    /// answered, and a "no" read elsewhere in the chart does not stand beside one that would answer yes. Where the order
    /// can be told, only the latest version is read; identical copies are read once (helper 203: a Condition confirmed in
    /// version 1 and entered in error in version 2 was read as yes).
    /// </summary>
    VersionUnclear,

    /// <summary>
    /// An Observation in the field's value set (final, amended, corrected, preliminary or of unknown status) that gives when
    /// it was issued (<c>issued</c>, when the result was made available) but not when it was taken (no <c>effective[x]</c>),
    /// issued within the days the field reads or after them (its <see cref="Domain.Screening.FieldDefinition.CurrentForDays"/>
    /// in the clinic's time zone; today for a blood pressure): a result the field may be about, which cannot be placed in
    /// those days. It is not read (reading it could wrongly satisfy a same-day window); its issued time is given with its
    /// words (<see cref="ChartEntryToCheck.Issued"/>). Issued at or after the time the value read was taken, it may be the
    /// latest result: the field is then not recorded, as beside a newer result not final; issued before, it is older and is
    /// named beside the value read (helper 205: such a result was neither read nor named).
    /// </summary>
    ResultTakenWhenNotGiven,

    /// <summary>
    /// An Observation in the field's value set (final, amended, corrected, preliminary or of unknown status) whose time
    /// taken cannot be placed within the days the field reads: no <c>effective[x]</c> and no <c>issued</c>; an
    /// <c>effectiveTiming</c>; an <c>effectivePeriod</c> without a <c>start</c>, or starting before those days and reaching
    /// into them (helper 209); a date given only to the month or year reaching into those days ("2026-11" on 28 November).
    /// One that shows it was taken before those days (a period ending before them, a month wholly before them, issued
    /// before them) is not named. For the PHQ-9 total, an item of the questionnaire so (helper 209), named without a score. It is never read; as it may be newer
    /// than the result the field would read, that result is not read either (<see cref="ResultBesideUntimed"/>), unless it
    /// shows it was taken before that result's day. Its words and its time as written are given (helper 207: such a
    /// result was neither read nor named).
    /// </summary>
    ResultUntimed,

    /// <summary>
    /// The result the field would read (the latest whose time is known), not read because the chart also holds a result
    /// of the field that may be newer but does not say when it was taken (<see cref="ResultUntimed"/>) or says only when
    /// it was issued, at or after this one was taken (<see cref="ResultTakenWhenNotGiven"/>). Named, with the score it
    /// gives (<see cref="ChartEntryToCheck.Value"/>), so that a positive PHQ-9 item 9 is never hidden behind a result
    /// whose time cannot be told (helper 207).
    /// </summary>
    ResultBesideUntimed,

    /// <summary>
    /// The result the field would read (the latest final one whose time is known), not read because the chart also holds a
    /// later result of the field that is not final (<see cref="ResultNotFinal"/>: taken after it, dated without a time on
    /// its day or later, or over a period that runs on to its time), or, for the PHQ-9 total, an item of the questionnaire
    /// taken later that gives no total (<see cref="ItemWithoutTotal"/>). Named, with the score it gives
    /// (<see cref="ChartEntryToCheck.Value"/>), so that a positive PHQ-9 item 9 is never hidden behind a later result not
    /// final (helper 214: it vanished, as helper 207 found beside a result whose time cannot be told).
    /// </summary>
    ResultBesideNewer,

    /// <summary>
    /// For the PHQ-9 total: a final (amended, corrected) answer to one of the questionnaire's items, taken within the days
    /// the total reads, for which the chart gives no total: no total Observation taken at its time, and its items taken at
    /// that time are not all nine, each final and readable, so no total is summed from them (a PHQ-2, an item missing).
    /// Named, without a score (an item's is not the total's), when it may be as late as the total read: it may belong to a
    /// later administration, whose total is not recorded, so the total read before it is not read
    /// (<see cref="ResultBesideNewer"/>; helper 214: before, such items were neither summed nor named, and an older total was
    /// read as the current one). With no total read, it is not named (the total is not recorded whatever it says).
    /// A panel (44249-1) giving only some items as components is one such entry, naming which items it gives
    /// (<see cref="ChartEntryToCheck.Items"/>). Helper 223: for PHQ-9 item 9, the mirror case: a result of the questionnaire
    /// (its total, another item's answer, a panel without item 9) that gives no answer to item 9, named only where an
    /// earlier screening's item 9 would otherwise fill the field and the result may be newer than that screening's answers
    /// (<see cref="FhirReading.ResultsWithoutPart"/>). Helper 225: and where the chart's own item 9 is older than the result
    /// (<see cref="ChartEntryToCheck.ChartPartOlder"/>): that item 9 is not read.
    /// </summary>
    ItemWithoutTotal,

    /// <summary>
    /// QA281 F4: a MedicationRequest or MedicationStatement, not stopped, completed, cancelled, not taken or entered in
    /// error, whose medicine is coded in a system the medication value sets use (RxNorm today) but with no code any of them
    /// holds: an ingredient-level code (oxycodone 7804, naltrexone 7243; no ingredient-level code could be confirmed from
    /// the value sets' sources, docs/fhir-mapping.md), or a medicine no question asks about (an amlodipine). Before, it was
    /// read as no question's medicine and named nowhere, so an earlier screening's "no" filled On opioids beside an active
    /// oxycodone order. Named beside every medicine question as <see cref="MedicineCodeNotRead"/> is, with each code and its
    /// system, never matched by its words. Added last, so that the kinds before it keep their numbers.
    /// </summary>
    MedicineCodeNotListed,

    /// <summary>
    /// QA284 F2: the Patient's birth date gives no age the screening can take: it is after today (no age at all), or the
    /// age it gives is above the most the age question accepts (<see cref="ChartEntryToCheck.OutOfRange"/>: born in 1890,
    /// 136 years, where the field accepts 0 to 120). Before, a birth date in 1890 filled the form's age with 136, which the
    /// form then refused, and the card did not list the age as missing; one after today left the age not recorded with no
    /// word why. Named beside the age with the birth year only (a full birth date is a direct identifier, QA14a P9); the age
    /// is not recorded. Added last, so that the kinds before it keep their numbers.
    /// </summary>
    BirthDateGivesNoAge,
}

/// <summary>
/// A chart entry about a field that the reader does not turn into an answer, named so that it never vanishes: the field
/// stays not recorded, and the clinician is told what the chart holds (the card's "check" list, the form's question).
/// </summary>
/// <param name="Field">The contract name of the field the entry is about.</param>
/// <param name="Kind">Why it is not read as an answer.</param>
/// <param name="Reference">The resource (<c>Condition/123</c>).</param>
/// <param name="What">The chart's words for it: its code's text or display, or its code, cut short and made plain (no line breaks, markup or hidden marks).</param>
public sealed record ChartEntryToCheck(string Field, ChartCheckKind Kind, string Reference, string What)
{
    /// <summary>For <see cref="ChartCheckKind.ResultsContradict"/>: the contract name of the field whose result contradicts this one; otherwise null.</summary>
    public string? Against { get; init; }

    /// <summary>
    /// For <see cref="ChartCheckKind.ResultsContradict"/>: true when the part is too low for the total (below the total
    /// less what its other parts score at most, <see cref="Domain.Screening.FieldDefinition.OtherPartsAtMost"/>: a PHQ-9
    /// total of 27 beside an item 9 of 0, QA157 F2), false when it is above the total; false for any other kind.
    /// </summary>
    public bool PartTooLow { get; init; }

    /// <summary>
    /// For a result set aside for its status or its time (<see cref="ChartCheckKind.ResultNotFinal"/>,
    /// <see cref="ChartCheckKind.ResultTimeUnclear"/>, <see cref="ChartCheckKind.ResultInFuture"/>, and the latest beside a
    /// later or untimed one, <see cref="ChartCheckKind.ResultBesideNewer"/>, <see cref="ChartCheckKind.ResultBesideUntimed"/>) whose value reads as the
    /// field's value would were the result read (a score within its range: the PHQ-9 total and item 9): that value. For
    /// a PHQ-9 item 9 whose answer cannot be read as one of its LOINC answers but whose codes or words name some (they
    /// disagree, or words only; <see cref="ChartCheckKind.ResultNotReadable"/> or set aside as above): the highest score
    /// they name, the safer reading. Otherwise null. It is not read: never an answer, never prefilled, never seen by the rules. Kept so that a signal it
    /// gives (a positive PHQ-9 item 9) is still shown (QA132 F4).
    /// </summary>
    public object? Value { get; init; }

    /// <summary>
    /// For <see cref="ChartCheckKind.ResultNotReadable"/>: true when the answer is not read because its codes and words
    /// name different answers (a code for "not at all" beside the words "nearly every day", two answer codes), so that the
    /// card says so (helper 200); false for any other reason or kind.
    /// </summary>
    public bool AnswersDisagree { get; init; }

    /// <summary>
    /// For <see cref="ChartCheckKind.ResultNotReadable"/>: true when the value is not read because it is a number
    /// outside the range the field accepts (the field catalogue's <see cref="Domain.Screening.FieldDefinition.Min"/> and
    /// <see cref="Domain.Screening.FieldDefinition.Max"/>: a PHQ-9 total of 99, helper 228: or of 99.5; a systolic blood
    /// pressure of 400 mmHg, a diastolic of 5, each in millimetres of mercury rounded up as it would be read), so that
    /// the card says so, with the range (helper 226: it was named among units, absent values and words, never as out of
    /// range); false for any other reason or kind, and for a blood pressure's other value when only one is out of range.
    /// The value itself is not kept: it is no score.
    /// </summary>
    public bool OutOfRange { get; init; }

    /// <summary>
    /// For <see cref="ChartCheckKind.ResultNotReadable"/> of a blood pressure reading whose value for this field is within its
    /// range but whose other value is not (systolic 400 beside diastolic 80, named for the diastolic): the contract name of
    /// that other value's field, so that the card names it with its range, as it does a value out of range itself (helper
    /// 234: this value was named "cannot be read" among units, absent values and words). Null otherwise.
    /// </summary>
    public string? OtherOutOfRange { get; init; }

    /// <summary>
    /// Helper 257: for <see cref="ChartCheckKind.ResultNotReadable"/> of a blood pressure reading not read for its unit or
    /// comparator (a unit not millimetres of mercury, no unit, a unit code and text naming different units, a bound), that
    /// cause with the unit as the chart gave it, so that the card says which cause applied; null otherwise (the card then
    /// names the causes there may be).
    /// </summary>
    public UnitFault? Unit { get; init; }

    /// <summary>When the result that gives <see cref="Value"/> was taken, as the entry says; null without a value or a time.</summary>
    public FhirMoment? Moment { get; init; }

    /// <summary>
    /// For <see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>: when the result was issued (its <c>issued</c> instant), the
    /// only time it gives, which is not when it was taken; null for any other kind.
    /// </summary>
    public DateTimeOffset? Issued { get; init; }

    /// <summary>
    /// For <see cref="ChartCheckKind.ResultUntimed"/> and <see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>: true when
    /// the result is final (amended, corrected) and reads as the very value the field reads, so that the field's value is
    /// the same whichever of the two is newer: the value read stands, and this result is named beside it (helper 209).
    /// False otherwise, and where the field is not read in the end (another result left it not recorded, helper 214).
    /// </summary>
    public bool SameValueAsRead { get; init; }

    /// <summary>
    /// True when the field is read from the chart and this entry, which shows it was taken before the value read (or gives
    /// the very value read, <see cref="SameValueAsRead"/>), is named beside that value (<see cref="ChartCheckKind.ResultUntimed"/>,
    /// <see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>, <see cref="ChartCheckKind.SubjectNotShown"/>), so that the card
    /// says the value read stands rather than that no result is read in its place (helper 214). False when the field is
    /// not read, whatever else left it so.
    /// </summary>
    public bool BesideValueRead { get; init; }

    /// <summary>
    /// Helper 225: true where the chart's own answer to a part of a total (PHQ-9 item 9) is not read because the chart
    /// holds a later result of its questionnaire that gives no answer to it (a total, another item's answer, a panel
    /// without it), or one whose time cannot be placed against it: on each such result's entry
    /// (<see cref="ChartCheckKind.ItemWithoutTotal"/>, <see cref="ChartCheckKind.ResultNotFinal"/>) and on the answer's own
    /// (<see cref="ChartCheckKind.ResultBesideNewer"/>), so that their lines say the chart's answer is the older one, not an
    /// earlier screening's or one beside a later result not final. False otherwise.
    /// </summary>
    public bool ChartPartOlder { get; init; }

    /// <summary>
    /// For <see cref="ChartCheckKind.ItemWithoutTotal"/> (or <see cref="ChartCheckKind.ResultNotFinal"/> so named) of a panel
    /// (44249-1) giving the questionnaire's items as components: the numbers of the items it answers, in order, so that its
    /// line says which they are and that the total is missing (helper 223); null for an item's own Observation and any
    /// other entry.
    /// </summary>
    public IReadOnlyList<int>? Items { get; init; }
}

/// <summary>Helper 257: why a quantity's unit is not read (<see cref="ChartEntryToCheck.Unit"/>).</summary>
public enum UnitFaultKind
{
    /// <summary>A unit the reader does not read (kPa, cm[H2O]): never converted.</summary>
    NotRead,

    /// <summary>No unit at all (no code, no unit text): never guessed.</summary>
    NoUnit,

    /// <summary>A unit code the reader reads (mm[Hg]) beside a unit text that does not name that unit (kPa): which unit the value is in cannot be told.</summary>
    Disagree,

    /// <summary>A value with a comparator (&gt;170): a bound, not a reading.</summary>
    Bound,
}

/// <summary>
/// Helper 257: a quantity's unit fault, with its unit <paramref name="Code"/> and unit <paramref name="Text"/> as the chart
/// gave them (trimmed; null when absent) and, for a bound, the <paramref name="Bound"/> as written (<c>&gt;170</c>).
/// </summary>
public sealed record UnitFault(UnitFaultKind Kind, string? Code, string? Text, string? Bound = null);
