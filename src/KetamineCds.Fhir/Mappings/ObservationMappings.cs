using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;
using ValueSet = KetamineCds.Fhir.ValueSets.ValueSet;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// Observations that count: final, amended or corrected (never preliminary, cancelled or entered-in-error), with their
/// effective day. A preliminary, registered or unknown one is not final: it is named for the clinician to check where
/// it would be read were it final (QA13 M4), never read as a value.
/// </summary>
internal static class Observations
{
    public static bool Counts(Observation observation) => observation.Status is ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected;

    /// <summary>Preliminary, registered (no result yet) or of unknown status: a result that may stand, not yet one to read.</summary>
    public static bool NotFinal(Observation observation) => observation.Status is ObservationStatus.Preliminary or ObservationStatus.Registered or ObservationStatus.Unknown;

    /// <summary>
    /// Names for the clinician to check, beside <paramref name="field"/>, the not-final observations among
    /// <paramref name="candidates"/> that may have been taken as late as <paramref name="latest"/> (the answer's own
    /// reading; none: all; <see cref="MayBeLater"/>), and says whether there were any: an answer a newer, not yet final
    /// result may overturn is not recorded. With <paramref name="valueOf"/> (the field's value were the result read), each
    /// keeps the value it gives, never read (<see cref="ChartEntryToCheck.Value"/>).
    /// </summary>
    public static bool CheckNotFinal(string field, IEnumerable<Sourced<Observation>> candidates, ObservedValue? latest, PatientRecord record, ReadingBuilder reading, Func<Observation, object?>? valueOf = null)
    {
        var newer = candidates.Where(o => NotFinal(o.Resource) && (latest is null || MayBeLater(o.Resource, latest, record))).ToArray();
        foreach (var (observation, reference) in newer)
            reading.Check(field, ChartCheckKind.ResultNotFinal, reference, ChartWords.Of(observation.Code), value: valueOf?.Invoke(observation), moment: MomentOf(observation, record));
        return newer.Length > 0;
    }

    /// <summary>
    /// QA132 F11: names for the clinician to check, beside <paramref name="field"/>, the results among
    /// <paramref name="candidates"/> (final, amended, corrected or preliminary: a value given, not only a test registered)
    /// dated in the future by the clinic's clock (<see cref="InFuture"/>), each with its words and its clinic time
    /// (<see cref="ChartCheckKind.ResultInFuture"/>), and says whether there were any. Such a result is not read, and may be
    /// the latest one, misdated by an EHR clock or time zone error: the field is then not recorded, no older result taking
    /// its place (as for a newer result not readable, QA120 F1). With <paramref name="valueOf"/>, each keeps the value it
    /// gives, never read (<see cref="ChartEntryToCheck.Value"/>).
    /// </summary>
    public static bool CheckInFuture(string field, IEnumerable<Sourced<Observation>> candidates, PatientRecord record, ReadingBuilder reading, Func<Observation, object?>? valueOf = null)
    {
        var future = candidates
            .Where(o => (Counts(o.Resource) || o.Resource.Status == ObservationStatus.Preliminary) && InFuture(o.Resource, record))
            .ToArray();
        foreach (var (observation, reference) in future)
            reading.Check(field, ChartCheckKind.ResultInFuture, reference, $"{ChartWords.Of(observation.Code)}, {Dated(observation, record)}", value: valueOf?.Invoke(observation), moment: MomentOf(observation, record));
        return future.Length > 0;
    }

    /// <summary>
    /// Helper 205: the results among <paramref name="candidates"/> that give when they were issued (<c>issued</c>) but not
    /// when they were taken (no <c>effective[x]</c>), issued on <paramref name="from"/> (the clinic's day the field's
    /// period starts: today for a blood pressure) or later, even after now (a clock error, as a result dated in the
    /// future may be the latest): final, amended, corrected, preliminary or of unknown status (a value given, or one that
    /// may be), never registered (a test for later), cancelled or entered in error. They are never read: when one was
    /// taken is not known, so it cannot be placed within the period.
    /// </summary>
    public static Sourced<Observation>[] IssuedOnly(IEnumerable<Sourced<Observation>> candidates, PatientRecord record, DateOnly from) =>
        [.. candidates.Where(o => o.Resource.Effective is null && o.Resource.Issued is { } issued
            && (Counts(o.Resource) || o.Resource.Status is ObservationStatus.Preliminary or ObservationStatus.Unknown)
            && ClinicDay(issued, record) >= from)];

    /// <summary>
    /// Names each of <paramref name="issuedOnly"/> (<see cref="IssuedOnly"/>) beside <paramref name="field"/>, with its
    /// words and its issued time in the clinic's time (<see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>), and says
    /// whether one may have been taken as late as <paramref name="latest"/>, the result the field would read (none: any
    /// at all): issued at or after the time it was taken (for one dated without a time, on its day or later). Such a
    /// result may be the latest, so the field is not recorded, as beside a newer result not final; one issued before was
    /// taken before the result read, and is named beside its value (<see cref="ReadingBuilder.CheckBesideValue"/>). With
    /// <paramref name="valueOf"/>, each keeps the value it gives, never read (<see cref="ChartEntryToCheck.Value"/>: a
    /// positive PHQ-9 item 9 still raises its card). One that may be as late but is final and reads, by
    /// <paramref name="readAs"/>, as the very value of <paramref name="latest"/> (<see cref="GivesValueRead"/>) is named
    /// beside it instead, and the field is read (helper 209).
    /// </summary>
    public static bool CheckIssuedOnly(string field, IEnumerable<Sourced<Observation>> issuedOnly, ObservedValue? latest, PatientRecord record, ReadingBuilder reading, Func<Observation, object?>? valueOf = null, Func<Observation, object?>? readAs = null)
    {
        var mayBeLatest = false;
        foreach (var (observation, reference) in issuedOnly)
        {
            var issued = observation.Issued!.Value;
            var asLate = latest is null || (latest.DayOnly ? ClinicDay(issued, record) >= latest.Day : issued >= latest.When);
            var same = asLate && GivesValueRead(observation, latest, readAs);
            mayBeLatest |= asLate && !same;
            var what = $"{ChartWords.Of(observation.Code)}, {record.ClinicTimeOf(issued)}";
            if (asLate && !same)
                reading.Check(field, ChartCheckKind.ResultTakenWhenNotGiven, reference, what, value: valueOf?.Invoke(observation), issued: issued);
            else
                reading.CheckBesideValue(field, ChartCheckKind.ResultTakenWhenNotGiven, reference, what, value: valueOf?.Invoke(observation), issued: issued, sameValueAsRead: same);
        }

        return mayBeLatest;
    }

    /// <summary>
    /// Helper 207: the results among <paramref name="candidates"/> (final, amended, corrected, preliminary or of unknown
    /// status, as <see cref="IssuedOnly"/>) whose time taken cannot be placed within the field's days, from
    /// <paramref name="from"/> to today: neither <c>effective[x]</c> nor <c>issued</c>; an <c>effectiveTiming</c> or an
    /// <c>effectivePeriod</c> without a start; a period starting before those days that reaches into them (helper 209:
    /// read by its start alone, it was taken as older and vanished); a date to the month or year that reaches into those
    /// days but may fall outside them. Each with the last clinic day it may have been taken on (a month's last day, a
    /// period's end, its issued day), or none when nothing bounds it (a period still running, or ending after now). One that shows it was taken before <paramref name="from"/> (a period
    /// ending before, a year wholly before, issued before) is older and left out, as any older result; one in the future
    /// is named as such (<see cref="CheckInFuture"/>); one giving only <c>issued</c> is <see cref="IssuedOnly"/>'s. (A
    /// dateTime with a time but no zone never gets here: the FHIR parser refuses it, and the prefetch with it.)
    /// </summary>
    public static (Sourced<Observation> Observation, DateOnly? LatestDay)[] Untimed(IEnumerable<Sourced<Observation>> candidates, PatientRecord record, DateOnly from)
    {
        var found = new List<(Sourced<Observation>, DateOnly?)>();
        foreach (var candidate in candidates)
        {
            var observation = candidate.Resource;
            if (!(Counts(observation) || observation.Status is ObservationStatus.Preliminary or ObservationStatus.Unknown))
                continue;
            if (observation.Effective is null)
            {
                if (observation.Issued is null)
                    found.Add((candidate, null));
                continue;
            }

            if (InFuture(observation, record))
                continue;
            DateOnly? latestDay = null;
            if (observation.Effective is Period { Start: not null } period && DayOf(observation, record) is { } start && start.Earliest < from)
            {
                // Helper 209: taken over a period that starts before the days read: older only when it ended before them;
                // one reaching into them (or still running, or ending after now) may be as late as its end.
                var end = period.End is null ? null : record.DaysOf(period.End);
                if (end is { } ended && ended.Latest < from)
                    continue;
                latestDay = end?.Latest;
            }
            else if (DayOf(observation, record) is { } span)
            {
                // Placed within the days read (read as before), or wholly before them (older): not this.
                if (span.Latest < from || (span.Earliest >= from && span.Latest <= record.Today))
                    continue;
                latestDay = span.Latest;
            }
            else if (observation.Effective is Period { Start: null, End: { } end })
            {
                // Taken over a period ending then, or before: a period ending after now bounds nothing.
                latestDay = record.DaysOf(end)?.Latest;
            }

            if (observation.Issued is { } issued)
            {
                // Taken before it was issued.
                var issuedDay = ClinicDay(issued, record);
                latestDay = latestDay is { } day && day < issuedDay ? day : issuedDay;
            }

            if (latestDay is null || latestDay >= from)
                found.Add((candidate, latestDay));
        }

        return [.. found];
    }

    /// <summary>
    /// Names each of <paramref name="untimed"/> (<see cref="Untimed"/>) beside <paramref name="field"/>, with its words and
    /// its time as written (<see cref="ChartCheckKind.ResultUntimed"/>), and says whether one may have been taken as late
    /// as <paramref name="latest"/> (none: any at all): nothing bounds when it was taken, or its last possible day is on
    /// or after that result's day. Such a result may be the latest, so the field is not recorded; one that shows it was
    /// taken before is named beside the value read. With <paramref name="valueOf"/>, each keeps the value it gives, never
    /// read (a positive PHQ-9 item 9 still raises its card). One that may be as late but is final and reads, by
    /// <paramref name="readAs"/>, as the very value of <paramref name="latest"/> (<see cref="GivesValueRead"/>) is named
    /// beside it instead, and the field is read (helper 209).
    /// </summary>
    public static bool CheckUntimed(string field, IEnumerable<(Sourced<Observation> Observation, DateOnly? LatestDay)> untimed, ObservedValue? latest, PatientRecord record, ReadingBuilder reading, Func<Observation, object?>? valueOf = null, Func<Observation, object?>? readAs = null)
    {
        var mayBeLatest = false;
        foreach (var ((observation, reference), latestDay) in untimed)
        {
            var asLate = latest is null || latestDay is null || latestDay >= latest.Day;
            var same = asLate && GivesValueRead(observation, latest, readAs);
            asLate &= !same;
            mayBeLatest |= asLate;
            var written = observation.Effective switch
            {
                Period { Start: null, End: { } end } => "../" + end,
                Period { Start: { } start, End: var end } => $"{start}/{end ?? ".."}",
                _ => Written(observation),
            };
            var what = written is null ? ChartWords.Of(observation.Code) : $"{ChartWords.Of(observation.Code)}, {written}";
            if (asLate)
                reading.Check(field, ChartCheckKind.ResultUntimed, reference, what, value: valueOf?.Invoke(observation), moment: MomentOf(observation, record));
            else
                reading.CheckBesideValue(field, ChartCheckKind.ResultUntimed, reference, what, value: valueOf?.Invoke(observation), sameValueAsRead: same);
        }

        return mayBeLatest;
    }

    /// <summary>
    /// Helper 209: whether <paramref name="observation"/>, whose time taken cannot be told, is final (amended, corrected:
    /// a result not final may still change) and reads, by <paramref name="readAs"/> (the field's value were it read, null
    /// when it cannot be read as one), as the very value of <paramref name="latest"/>, the result the field reads: then,
    /// whichever of the two is newer, the field's value is the same, and the value read stands. Never without a reader
    /// of the field's value (<paramref name="readAs"/>) or a result read.
    /// </summary>
    private static bool GivesValueRead(Observation observation, ObservedValue? latest, Func<Observation, object?>? readAs) =>
        latest?.Value is { } read && readAs is not null && Counts(observation) && readAs(observation) is { } value && Equals(value, read);

    /// <summary>
    /// Names every result among <paramref name="candidates"/> whose time taken is not given or cannot be placed within the
    /// field's days from <paramref name="from"/> (<see cref="IssuedOnly"/> with <see cref="CheckIssuedOnly"/>, then
    /// <see cref="Untimed"/> with <see cref="CheckUntimed"/>), and says whether one may be newer than
    /// <paramref name="latest"/>, the result the field would read: then the field is not recorded, unless it gives the
    /// very value read (<paramref name="readAs"/>, <see cref="GivesValueRead"/>).
    /// </summary>
    public static bool CheckWithoutPlaceableTime(string field, IReadOnlyCollection<Sourced<Observation>> candidates, ObservedValue? latest, PatientRecord record, DateOnly from, ReadingBuilder reading, Func<Observation, object?>? valueOf = null, Func<Observation, object?>? readAs = null)
    {
        var issuedLater = CheckIssuedOnly(field, IssuedOnly(candidates, record, from), latest, record, reading, valueOf, readAs);
        var untimedLater = CheckUntimed(field, Untimed(candidates, record, from), latest, record, reading, valueOf, readAs);
        return issuedLater || untimedLater;
    }

    /// <summary>
    /// Names <paramref name="latest"/>, the result the field would read, not read because a result whose time taken cannot
    /// be told may be newer (<see cref="ChartCheckKind.ResultBesideUntimed"/>); with <paramref name="keepValue"/>, with the
    /// value it gives (a positive item 9 is never hidden behind an untimed 0).
    /// </summary>
    public static void NameBesideUntimed(string field, ObservedValue latest, ReadingBuilder reading, bool keepValue) =>
        Name(field, ChartCheckKind.ResultBesideUntimed, latest, reading, keepValue);

    /// <summary>
    /// When the observation was taken (<see cref="FhirMoment"/>), for a result set aside, which may be dated in the future
    /// (<see cref="DayOf"/> does not read those): the instant where it gives a time with its zone, the days as written or
    /// of that instant; null when it has no effective time or one that cannot be read.
    /// </summary>
    public static FhirMoment? MomentOf(Observation observation, PatientRecord record)
    {
        if (Written(observation) is not { } written)
            return null;
        if (observation.Effective is Instant { Value: { } value })
            return new FhirMoment(written, value, ClinicDay(value, record), ClinicDay(value, record));
        if (DayOnly(observation))
            return DaySpan.Parse(written) is { } span ? new FhirMoment(written, null, span.Earliest, span.Latest) : null;
        return PatientRecord.InstantOf(written) is { } at ? new FhirMoment(written, at, ClinicDay(at, record), ClinicDay(at, record)) : null;
    }

    /// <summary>
    /// Helper 223: the moment by which the observation was taken, for ordering it against a moment from elsewhere (an
    /// earlier screening's answers): its time taken (<see cref="MomentOf"/>); for one taken over a period, the period's end
    /// (none: still running, nothing bounds it); for one that gives only when it was issued, that time (taken before it
    /// was issued); null when nothing bounds it (no time at all, a timing, a period without an end).
    /// </summary>
    public static FhirMoment? TakenBy(Observation observation, PatientRecord record)
    {
        if (observation.Effective is Period period)
        {
            if (period.End is not { } end)
                return null;
            if (PatientRecord.InstantOf(end) is { } at)
                return new FhirMoment(end, at, ClinicDay(at, record), ClinicDay(at, record));
            return DaySpan.Parse(end) is { } span ? new FhirMoment(end, null, span.Earliest, span.Latest) : null;
        }

        if (observation.Effective is null && observation.Issued is { } issued)
            return new FhirMoment(issued.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture), issued, ClinicDay(issued, record), ClinicDay(issued, record));
        return MomentOf(observation, record);
    }

    /// <summary>The clinic's day of an instant; at the ends of the calendar, where the zone's offset cannot be added, its UTC day.</summary>
    private static DateOnly ClinicDay(DateTimeOffset instant, PatientRecord record)
    {
        try
        {
            return record.DayOf(instant);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }
    }

    /// <summary>Whether the effective time (effectiveDateTime, effectivePeriod.start or effectiveInstant) lies in the future by the clinic's clock (<see cref="PatientRecord.InFuture"/>).</summary>
    public static bool InFuture(Observation observation, PatientRecord record) => observation.Effective switch
    {
        Instant { Value: { } instant } => record.InFuture(null, instant),
        FhirDateTime dateTime => record.InFuture(dateTime.Value),
        Period period => record.InFuture(period.Start),
        _ => false,
    };

    /// <summary>
    /// When the observation was taken, as a person reads it: a time in the clinic's time (<see cref="PatientRecord.ClinicTimeOf"/>),
    /// a date alone as written; "?" when it has none.
    /// </summary>
    public static string Dated(Observation observation, PatientRecord record)
    {
        if (observation.Effective is Instant { Value: { } instant })
            return record.ClinicTimeOf(instant);
        return Written(observation) is not { } written ? "?" : PatientRecord.InstantOf(written) is { } at ? record.ClinicTimeOf(at) : written;
    }

    /// <summary>
    /// The same from a value's source (<see cref="FhirSource.Moment"/>): its instant in the clinic's time, else its date as
    /// written; "?" when it has none.
    /// </summary>
    public static string Dated(FhirSource source, PatientRecord record) =>
        source.Moment is not { } moment ? "?" : moment.Instant is { } at ? record.ClinicTimeOf(at) : moment.Written;

    /// <summary>
    /// The effective day (effectiveDateTime, effectivePeriod.start or effectiveInstant) as the clinic's day
    /// (<see cref="PatientRecord.DaysOf"/>); null when there is none or it lies in the future.
    /// </summary>
    public static DaySpan? DayOf(Observation observation, PatientRecord record) => observation.Effective switch
    {
        Instant { Value: { } instant } => record.DaysOf(null, instant),
        FhirDateTime dateTime => record.DaysOf(dateTime.Value),
        Period period => record.DaysOf(period.Start),
        _ => null,
    };

    /// <summary>A sort key for "most recent": the effective instant where it parses, else the latest day.</summary>
    public static DateTimeOffset When(Observation observation)
    {
        var text = observation.Effective switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Period period => period.Start,
            _ => null,
        };
        if (observation.Effective is Instant { Value: { } value })
            return value;
        if (text is not null && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        return DaySpan.Parse(text) is { } day ? new DateTimeOffset(day.Latest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
    }

    /// <summary>
    /// The observation's value, or null when it also carries a <c>dataAbsentReason</c>: FHIR R4 obs-6 allows one only
    /// without a value, so both together contradict each other (an item 9 of 0 beside "asked-declined", a "not pregnant"
    /// beside "unknown"), and the Firely reader does not check the invariant. Such a value is never read: the result is
    /// named as not readable (helper 196; it was read before).
    /// </summary>
    public static DataType? ValueOf(Observation observation) => observation.DataAbsentReason is null ? observation.Value : null;

    /// <summary>The same for a component (obs-6 holds for components too: a systolic value beside "error").</summary>
    public static DataType? ValueOf(Observation.ComponentComponent component) => component.DataAbsentReason is null ? component.Value : null;

    public static bool HasCode(ValueSet valueSet, CodeableConcept? code, string role) =>
        Codes.Matches(valueSet, code).Any(e => e.Value == role || (role.Length == 0 && e.Value is null));

    /// <summary>
    /// A whole-number score: valueInteger, or a valueQuantity without a unit (or unit "{score}") that is whole. A quantity
    /// with a <c>comparator</c> (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;</c>, <c>ad</c>) is a bound, not a score:
    /// "&gt;= 8" is not 8, so it is not read. One beyond an <c>int</c> is none (helper 226: a quantity of 100000000000 threw
    /// an <see cref="OverflowException"/> out of the reader); <see cref="WholeNumberGiven"/> still tells it is out of range.
    /// </summary>
    public static int? WholeNumberOf(DataType? value) =>
        WholeNumberGiven(value) is { } whole && whole >= int.MinValue && whole <= int.MaxValue ? (int)whole : null;

    /// <summary>The whole number the value gives as <see cref="WholeNumberOf"/> reads it, however large; else null.</summary>
    public static decimal? WholeNumberGiven(DataType? value) => value switch
    {
        Integer { Value: { } i } => i,
        Quantity { Value: { } q, Comparator: null } quantity when IsScoreUnit(quantity) && q == decimal.Truncate(q) => q,
        _ => null,
    };

    /// <summary>
    /// Helper 228: the number a score's value gives, whole or not (a valueInteger, or a valueQuantity as
    /// <see cref="WholeNumberOf"/> reads one, without a comparator, a fraction included), for telling whether it is outside
    /// the field's range: a PHQ-9 total of 99.5 is no score and is out of range, one of 8.5 is no score but within it.
    /// </summary>
    public static decimal? NumberGiven(DataType? value) => value switch
    {
        Integer { Value: { } i } => i,
        Quantity { Value: { } q, Comparator: null } quantity when IsScoreUnit(quantity) => q,
        _ => null,
    };

    private static bool IsScoreUnit(Quantity quantity) =>
        string.IsNullOrEmpty(quantity.Code) ? string.IsNullOrEmpty(quantity.Unit) || quantity.Unit is "{score}" or "score"
        : quantity.Code is "{score}" or "1";

    /// <summary>
    /// A pressure in millimetres of mercury, rounded up to a whole number (140.4 is read as 141, never 140): every rule on
    /// blood pressure is an upper threshold (above 140/90, CV-002; at or above 180/110, CV-003), and a reading q is above a
    /// whole threshold exactly when its ceiling is, and at or above it whenever q is, so rounding up never reads a pressure
    /// above a threshold as at or below it (the safer reading; docs/clinical-review.md). The value as the chart gave it is
    /// kept beside the value read (<see cref="FhirReading.Rounded"/>), so that the clinician sees both. The quantity's <c>code</c> (whatever its system)
    /// or, without a code, its <c>unit</c> text is UCUM's <c>mm[Hg]</c> (or its case-insensitive form <c>MM[HG]</c>), or
    /// one of the common non-UCUM spellings of that same unit, <c>mmHg</c> and <c>mm Hg</c>: each names millimetres of
    /// mercury and nothing else. The coded unit (system and code) is the computable one; the <c>unit</c> text beside it is
    /// its display (<see cref="NamesMillimetresOfMercury"/>). Helper 257: a unit text naming millimetres of mercury in words,
    /// as UCUM's own name for <c>mm[Hg]</c> does ("millimeter of mercury"), beside such a code is read: a panel of 190/112
    /// coded <c>mm[Hg]</c> with that text was not read, and its critical blood pressure vanished into "not readable". A unit
    /// text beside the code that does not name millimetres of mercury (<c>kPa</c>, <c>cm[H2O]</c>, words the reader does
    /// not know) disagrees with it or cannot be told to agree: which unit the value is in cannot be told, so it is never
    /// guessed and the reading is not read (helper 228: a code <c>mm[Hg]</c> with a unit text <c>kPa</c> was read as
    /// millimetres of mercury), named with its cause (<see cref="UnitFault"/>). Any other unit (kPa, cm[H2O], none at all)
    /// is never converted or guessed: null, and the reading is named as not readable. So is a quantity with a
    /// <c>comparator</c> (<c>&gt;170</c> may be 200): a bound, not a reading, as for a score.
    /// </summary>
    public static int? MillimetresOfMercury(DataType? value) => value switch
    {
        Quantity { Value: { } q, Comparator: null } quantity when InMillimetresOfMercury(quantity) =>
            Math.Ceiling(q) is var whole && whole >= int.MinValue && whole <= int.MaxValue ? (int)whole : null,
        _ => null,
    };

    /// <summary>
    /// Helper 228: the pressure in millimetres of mercury rounded up as <see cref="MillimetresOfMercury"/> reads it, however
    /// large (a systolic of 400, of 1E+20), for telling whether it is outside the field's range; null where it reads none.
    /// </summary>
    public static decimal? MillimetresOfMercuryRoundedUp(DataType? value) => value switch
    {
        Quantity { Value: { } q, Comparator: null } quantity when InMillimetresOfMercury(quantity) => Math.Ceiling(q),
        _ => null,
    };

    /// <summary>Whether the quantity's code, or its unit text without a code, names millimetres of mercury, and a unit text beside a code does too.</summary>
    private static bool InMillimetresOfMercury(Quantity quantity) => UnitFaultOf(quantity) is null;

    /// <summary>
    /// Helper 257: why a blood pressure value (<see cref="MillimetresOfMercury"/>) is not read for its unit or comparator,
    /// so that the card names that cause, not every cause there may be: a bound (<c>&gt;170</c>), no unit, a unit that is
    /// not millimetres of mercury (never converted), or a unit code and unit text that do not name the same unit. Null
    /// when it is not a quantity with a value (named as not readable without a unit cause) or when its unit is read.
    /// </summary>
    public static UnitFault? UnitFaultOf(DataType? value)
    {
        if (value is not Quantity { Value: { } given } quantity)
            return null;
        var code = string.IsNullOrWhiteSpace(quantity.Code) ? null : quantity.Code.Trim();
        var text = string.IsNullOrWhiteSpace(quantity.Unit) ? null : quantity.Unit.Trim();
        if (quantity.Comparator is { } comparator)
            return new UnitFault(UnitFaultKind.Bound, code, text, ComparatorLiteral(comparator) + given.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code is null)
            return text is null ? new UnitFault(UnitFaultKind.NoUnit, null, null)
                : NamesMillimetresOfMercury(text) ? null : new UnitFault(UnitFaultKind.NotRead, null, text);
        if (!IsMillimetresOfMercury(code))
            return new UnitFault(UnitFaultKind.NotRead, code, text);
        return text is null || NamesMillimetresOfMercury(text) ? null : new UnitFault(UnitFaultKind.Disagree, code, text);
    }

    private static string ComparatorLiteral(Quantity.QuantityComparator comparator) => comparator switch
    {
        Quantity.QuantityComparator.LessThan => "<",
        Quantity.QuantityComparator.LessOrEqual => "<=",
        Quantity.QuantityComparator.GreaterOrEqual => ">=",
        Quantity.QuantityComparator.GreaterThan => ">",
        _ => comparator.ToString(),
    };

    /// <summary>
    /// Helper 257: whether a unit text (a quantity's <c>unit</c>, its display) names millimetres of mercury: a code spelling
    /// (<see cref="IsMillimetresOfMercury"/>), or, ignoring case, dots and repeated spaces, "mm hg", "mmhg", "mm[hg]", or
    /// millimetre(s)/millimeter(s) of mercury, UCUM's own name for <c>mm[Hg]</c> ("millimeter of mercury") among them.
    /// Nothing else is taken to name it (torr and inches of mercury are other units).
    /// </summary>
    public static bool NamesMillimetresOfMercury(string? text)
    {
        if (IsMillimetresOfMercury(text))
            return true;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var words = string.Join(' ', text.Replace(".", " ", StringComparison.Ordinal).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return words is "mm hg" or "mmhg" or "mm[hg]" or "mm of hg" or "mm of mercury"
            or "millimeter of mercury" or "millimeters of mercury" or "millimetre of mercury" or "millimetres of mercury"
            or "millimeter mercury" or "millimetre mercury";
    }

    /// <summary>The quantity's value as the chart gave it, when <see cref="MillimetresOfMercury"/> reads it; else null.</summary>
    public static decimal? MillimetresOfMercuryGiven(DataType? value) =>
        MillimetresOfMercury(value) is not null && value is Quantity { Value: { } q } ? q : null;

    /// <summary>
    /// The observation as a source of a value read from it: its reference and its moment (<see cref="FhirMoment"/>), from
    /// its effective time as written, the instant where it gives a time (<see cref="When"/>), and <paramref name="day"/>,
    /// the days <see cref="DayOf"/> read it as. Only an observation whose day was read is a source.
    /// </summary>
    public static FhirSource SourceOf(Sourced<Observation> observation, DaySpan day) => new(observation.Reference)
    {
        Moment = Written(observation.Resource) is { } written
            ? new FhirMoment(written, DayOnly(observation.Resource) ? null : When(observation.Resource), day.Earliest, day.Latest)
            : null,
    };

    /// <summary>The effective time as the FHIR wrote it (effectiveDateTime, effectivePeriod.start or effectiveInstant).</summary>
    private static string? Written(Observation observation) => observation.Effective switch
    {
        FhirDateTime dateTime => dateTime.Value,
        Period period => period.Start,
        Instant instant => instant.JsonValue as string
            ?? instant.Value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsMillimetresOfMercury(string? unit) => unit?.Trim() is "mm[Hg]" or "MM[HG]" or "mmHg" or "mm Hg";

    /// <summary>
    /// Whether the effective time is a date without a time (<c>2026-11-28</c>, or a partial date): such a reading cannot be
    /// ordered against another taken that day.
    /// </summary>
    public static bool DayOnly(Observation observation) => observation.Effective switch
    {
        FhirDateTime dateTime => dateTime.Value is { } text && !text.Contains('T', StringComparison.Ordinal),
        Period period => period.Start is { } text && !text.Contains('T', StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// The latest of the counting readings of a field (<paramref name="counting"/>: final, amended or corrected, in the
    /// field's value set and period, whether or not their value can be read), decided before any value is read; null
    /// when the field is not recorded. A not-final result that may be later than it is named (<see cref="CheckNotFinal"/>),
    /// and the latest is named beside it (<see cref="NameBesideNewer"/>, helper 214). When its
    /// value cannot be read (<see cref="ObservedValue.Value"/> null: an unknown unit, an answer not in the value set, a
    /// value absent or only in words, a pair that does not pair), it is named
    /// (<see cref="ChartCheckKind.ResultNotReadable"/>) and no older reading takes its place: a newer result the reader
    /// cannot read is doubtful data about now (QA120 F1; "not recorded is never no"). A reading that may be as late (the
    /// same time, or the same day without a time) and gives another value, or none that can be read, leaves the field not
    /// recorded too, each named (<see cref="ChartCheckKind.ResultTimeUnclear"/>, or not readable); one giving the same
    /// value does not. With <paramref name="valueOf"/> (the readings' values are the field's values: a score), a result
    /// set aside for its status or its time keeps the value it gives, never read (<see cref="ChartEntryToCheck.Value"/>,
    /// QA132 F4), as does the latest beside a rival as late that cannot be read, which is then named too.
    /// </summary>
    public static ObservedValue? Latest(string field, IReadOnlyList<ObservedValue> counting, IEnumerable<Sourced<Observation>> candidates, PatientRecord record, ReadingBuilder reading, Func<Observation, object?>? valueOf = null)
    {
        var latest = counting.OrderByDescending(c => c.When).FirstOrDefault();
        if (CheckNotFinal(field, candidates, latest, record, reading, valueOf))
        {
            // Helper 214: the latest final result beside a later one not final is named too (a final item 9 of 3 beside a
            // later preliminary 0 vanished), keeping its value, never read.
            if (latest is not null)
                NameBesideNewer(field, latest, reading, keepValue: valueOf is not null);
            return null;
        }

        if (latest is null)
            return null;
        if (latest.Value is null)
        {
            // A score that cannot be read keeps what it may mean (QA132 F4: a positive item 9 must not vanish), never read.
            Name(field, ChartCheckKind.ResultNotReadable, latest, reading, keepValue: valueOf is not null);
            return null;
        }

        // Helper 209: one taken over a period that runs on to the latest's time (or is still running) may be as late too.
        var reaching = candidates.Where(o => ReachesTo(o.Resource, latest, record)).Select(o => o.Reference).ToHashSet(StringComparer.Ordinal);
        var rivals = counting
            .Where(c => !ReferenceEquals(c, latest) && (MayBeAsLate(c, latest) || c.References.Any(reaching.Contains)) && !Equals(c.Value, latest.Value))
            .ToArray();
        if (rivals.Length == 0)
            return latest;
        // A latest beside rivals none of which can be read was not named before (QA132 F4): its value vanished unseen.
        if (rivals.Any(r => r.Value is not null) || valueOf is not null)
            Name(field, ChartCheckKind.ResultTimeUnclear, latest, reading, keepValue: valueOf is not null);
        foreach (var rival in rivals)
            Name(field, rival.Value is null ? ChartCheckKind.ResultNotReadable : ChartCheckKind.ResultTimeUnclear, rival, reading, keepValue: valueOf is not null);
        return null;
    }

    /// <summary>
    /// Whether <paramref name="other"/> may have been taken as late as <paramref name="latest"/>: at the same time, or
    /// dated without a time on its clinic day or later, or on the day of a <paramref name="latest"/> dated without a time.
    /// </summary>
    private static bool MayBeAsLate(ObservedValue other, ObservedValue latest) =>
        other.When == latest.When
        || (other.DayOnly && other.Day >= latest.Day)
        || (latest.DayOnly && other.Day == latest.Day);

    /// <summary>
    /// Whether <paramref name="observation"/> (one not final, or an item of a questionnaire, within the field's days) may
    /// have been taken as late as <paramref name="latest"/>: after its time; dated without a time on its clinic day or
    /// later; on the day of a <paramref name="latest"/> dated without a time; or over a period that runs on to its time
    /// (<see cref="ReachesTo"/>). Helper 214: a result not final was compared by its start alone, so one over a period
    /// running past the result read, or dated without a time on its day, was taken as older and vanished, where a final one
    /// so placed is named (<see cref="MayBeAsLate"/>). One taken at the very time of <paramref name="latest"/> is not later.
    /// </summary>
    public static bool MayBeLater(Observation observation, ObservedValue latest, PatientRecord record) =>
        When(observation) > latest.When
        || (DayOf(observation, record) is { } day && ((DayOnly(observation) && day.Latest >= latest.Day) || (latest.DayOnly && day.Latest == latest.Day)))
        || ReachesTo(observation, latest, record);

    /// <summary>
    /// Helper 225: whether <paramref name="observation"/>, a result of another field than the one <paramref name="latest"/>
    /// reads (a PHQ-9 total beside item 9), may have been taken as late as <paramref name="latest"/> or after it:
    /// <see cref="MayBeLater"/>; or, where its time taken cannot be placed (no <c>effective[x]</c>, a timing, a period without
    /// a start), when nothing bounds it (<see cref="TakenBy"/> none) or the moment by which it was taken is at or after
    /// <paramref name="latest"/>'s time (for either dated without a time, on or after its day), as
    /// <see cref="CheckIssuedOnly"/> and <see cref="CheckUntimed"/> decide for the field's own results.
    /// </summary>
    public static bool MayBeLaterOrUnplaced(Observation observation, ObservedValue latest, PatientRecord record)
    {
        if (MayBeLater(observation, latest, record))
            return true;
        if (DayOf(observation, record) is not null || InFuture(observation, record))
            return false;
        if (TakenBy(observation, record) is not { } by)
            return true;
        return by.Instant is { } at && !latest.DayOnly ? at >= latest.When : by.LastDay >= latest.Day;
    }

    /// <summary>
    /// Names <paramref name="latest"/>, the result the field would read, not read because a later result not final, or a
    /// later item of the questionnaire that gives no total, may overturn it (<see cref="ChartCheckKind.ResultBesideNewer"/>);
    /// with <paramref name="keepValue"/>, with the value it gives (helper 214: a final item 9 of 3 beside a later
    /// preliminary 0 vanished). With <paramref name="chartPartOlder"/>, the later results are of the questionnaire whose
    /// total it is a part of and give no answer to it (helper 225, <see cref="ChartEntryToCheck.ChartPartOlder"/>).
    /// </summary>
    public static void NameBesideNewer(string field, ObservedValue latest, ReadingBuilder reading, bool keepValue, bool chartPartOlder = false) =>
        Name(field, ChartCheckKind.ResultBesideNewer, latest, reading, keepValue, chartPartOlder);

    /// <summary>
    /// Whether <paramref name="observation"/> was taken over an <c>effectivePeriod</c> with a start that runs on to
    /// <paramref name="latest"/>'s time (helper 209): one with no end (still running) or ending after now; one ending at
    /// or after that time, or, where either is dated without a time, on or after that day. Read by its start alone, it was
    /// taken as older than the result read, and its value vanished.
    /// </summary>
    private static bool ReachesTo(Observation observation, ObservedValue latest, PatientRecord record)
    {
        if (observation.Effective is not Period { Start: not null } period)
            return false;
        if (period.End is null || record.InFuture(period.End))
            return true;
        if (PatientRecord.InstantOf(period.End) is { } end)
            return latest.DayOnly ? ClinicDay(end, record) >= latest.Day : end >= latest.When;
        return DaySpan.Parse(period.End) is { } day && day.Latest >= latest.Day;
    }

    /// <summary>
    /// Names each entry of <paramref name="observed"/>; with <paramref name="keepValue"/>, each keeps the value it gives,
    /// or, when it cannot be read, the value it may mean (<see cref="ObservedValue.Unread"/>), never read.
    /// </summary>
    private static void Name(string field, ChartCheckKind kind, ObservedValue observed, ReadingBuilder reading, bool keepValue, bool chartPartOlder = false)
    {
        foreach (var (source, what) in observed.Own is { } own ? [own] : observed.Sources.Select(s => (s, observed.What)))
            reading.Check(field, kind, source.Reference, what, value: keepValue ? observed.Value ?? observed.Unread : null, moment: source.Moment,
                answersDisagree: kind == ChartCheckKind.ResultNotReadable && observed.AnswersDisagree, chartPartOlder: chartPartOlder,
                outOfRange: kind == ChartCheckKind.ResultNotReadable && observed.OutOfRange,
                otherOutOfRange: kind == ChartCheckKind.ResultNotReadable ? observed.OtherOutOfRange : null,
                unit: kind == ChartCheckKind.ResultNotReadable ? observed.Unit : null);
    }
}

/// <summary>
/// A coded answer (a valueCodeableConcept) read against a value set's answer entries: the entries with a value (the
/// answer: a PHQ-9 item's score, "pregnant" or "not-pregnant") and a code, of one status. The answers its codings give
/// and the answers its words name (a coding's display or the concept's text that is, ignoring case and surrounding
/// spaces, an answer entry's display) are gathered; it is read only when at least one coding gives an answer and every
/// answer given or named is the same one. A code beside words naming another answer ("not pregnant" coded, "Pregnant"
/// written; a 0 coded beside "Nearly every day") is not read: which one the clinician meant cannot be told, so the
/// entry is named as not readable (<see cref="ChartCheckKind.ResultNotReadable"/>), never read as either. Any other
/// coding (a local code, another LOINC answer) or words that are no answer's display name no answer and do not stop
/// one being read. Used by every reader of a coded answer (PHQ-9 item 9 and the items of a total, pregnancy status).
/// </summary>
internal static class CodedAnswers
{
    /// <summary>The answer read (the entry's value), or null; and every answer the codes or words name, for a reader that keeps what an unread answer may mean.</summary>
    public static (string? Agreed, IReadOnlyList<string> Named) Of(ValueSet valueSet, CodeableConcept answer, string? status)
    {
        var answers = valueSet.Codes.Where(c => c.Value is not null && c.Code is not null && c.Status == status).ToArray();
        if (answers.Length == 0)
            return (null, []);
        var coded = Codes.Matches(valueSet, answer).Where(e => e.Value is not null && e.Status == status).Select(e => e.Value!).ToArray();
        var words = answer.Coding.Select(c => c.Display).Append(answer.Text)
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .SelectMany(w => answers.Where(a => string.Equals(a.Display, w!.Trim(), StringComparison.OrdinalIgnoreCase)).Select(a => a.Value!))
            .ToArray();
        var named = coded.Concat(words).Distinct(StringComparer.Ordinal).ToArray();
        return (coded.Length > 0 && named.Length == 1 ? named[0] : null, named);
    }

    /// <summary>
    /// Whether a value is a coded answer whose codes and words name different answers of the value set (two answer codes,
    /// or a code beside words naming another): the reason it is not read that the card names (helper 200).
    /// </summary>
    public static bool Disagree(ValueSet valueSet, DataType? value, string? status = null) =>
        value is CodeableConcept answer && Of(valueSet, answer, status).Named.Count > 1;
}

/// <summary>
/// One reading of a field from the chart: the Observations it comes from, when it was taken (its sort key, whether it is
/// dated without a time, and its clinic day), its value (a score, an answer, a pair), or null when the value cannot be
/// read, and the chart's words for it.
/// </summary>
internal sealed record ObservedValue(FhirSource[] Sources, DateTimeOffset When, bool DayOnly, DateOnly Day, object? Value, string What)
{
    /// <summary>
    /// For a reading whose value cannot be read (<see cref="Value"/> null) but which names a value it may mean (a PHQ-9
    /// item 9 answer whose codes or words name different answers: the highest score they name), that value, never read;
    /// kept on its chart entry (<see cref="ChartEntryToCheck.Value"/>) so that a possibly positive item 9 is still shown.
    /// </summary>
    public object? Unread { get; init; }

    /// <summary>Whether its value is an answer whose codes and words name different answers (<see cref="CodedAnswers.Disagree"/>), which is why it cannot be read.</summary>
    public bool AnswersDisagree { get; init; }

    /// <summary>Whether its value is a number outside the field's range (a PHQ-9 total of 99 or 99.5, a systolic of 400 mmHg), which is why it cannot be read (helpers 226, 228).</summary>
    public bool OutOfRange { get; init; }

    /// <summary>
    /// Helper 234: for a blood pressure reading not read whose value for the field read is within its range but whose other
    /// value is outside that value's range (400/80 mmHg, read for the diastolic), the other value's field; else null.
    /// </summary>
    public string? OtherOutOfRange { get; init; }

    /// <summary>
    /// Helper 237: for a blood pressure pair given as two Observations (a systolic and a diastolic at one time), the one of
    /// the value of the field read, with its own words: the chart checks name only it. Each value was named against both
    /// Observations with the systolic's code ("Systolic ... (Observation/d) ... outside 50 to 300"). The reading still comes
    /// from both (<see cref="Sources"/>). Null for anything else: each source is named with <see cref="What"/>.
    /// </summary>
    public (FhirSource Source, string What)? Own { get; init; }

    /// <summary>
    /// Helper 257: for a blood pressure reading not read for its unit or comparator (of the value read, else of the other
    /// value of the pair), that cause (<see cref="Observations.UnitFaultOf"/>); else null.
    /// </summary>
    public UnitFault? Unit { get; init; }

    /// <summary>The Observations it comes from, as the reading names them (the chart checks name <see cref="Own"/> where given).</summary>
    public IEnumerable<string> References => Sources.Select(s => s.Reference);

    public static ObservedValue Of(Sourced<Observation> observation, DaySpan day, object? value) =>
        new([Observations.SourceOf(observation, day)], Observations.When(observation.Resource), Observations.DayOnly(observation.Resource), day.Latest, value, ChartWords.Of(observation.Resource.Code));
}

/// <summary>
/// A whole-number score (PHQ-9 total, item 9): the value of the most recent counting Observation coded in the value set,
/// effective within <paramref name="windowDays"/> days up to today, when it is a whole number in the field's range. The
/// most recent is decided over every counting one first, then its value is read (<see cref="Observations.Latest"/>): a
/// newer final score the reader cannot read (a LOINC answer code, a <c>dataAbsentReason</c>, a <c>valueString</c>, a
/// unit, a value out of range) is named and leaves the field not recorded, never replaced by an older one. An answer of
/// 0 is a recorded value. A score within the window that is not final (preliminary, registered, unknown) and later than
/// that one, or the only one, leaves the field not recorded and is named for the clinician to check: a preliminary item
/// 9 of 3 after a final 0 must not vanish behind the 0. Where the value set names a questionnaire's items (the PHQ-9
/// total's nine), a complete set of their answers taken at one time is a reading of the total too, their sum
/// (<see cref="ItemSums"/>), decided against the total Observations as any other reading: the most recent is read, and
/// one as late that disagrees leaves the field not recorded, both named. An Observation carrying the question as a
/// component (a PHQ-9 panel with its item 9, helper 200) is a reading of it too, read from that component
/// (<see cref="ComponentScore"/>) with the panel's status and time.
/// </summary>
internal sealed class ObservationScore(int windowDays) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        // The question's code is the entry without a value; the entries with one are its answers (item 9's LL358-3). A
        // panel carrying the question as a component (a PHQ-9 panel with its item 9) is a reading of it too (helper 200).
        var coded = record.Observations.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "") || AsComponents(valueSet, o.Resource).Length > 0).ToArray();
        // A result set aside for its status or its time keeps the score it gives, never read (QA132 F4: a positive item 9),
        // or, when its answer cannot be read as one, the highest score its codes or words name: the safer reading.
        object? ScoreOf(Observation observation)
        {
            var (score, unread) = Score(field, valueSet, observation);
            return score ?? unread;
        }

        // Helper 209: an item of the questionnaire (the PHQ-9 total's nine) whose time cannot be placed in the window, or
        // dated in the future, is never summed (which administration it belongs to cannot be told), and may belong to one
        // later than the total read: it is named as a score of the total would be, without a score (an item's is not the
        // total's).
        // Helper 218: so is a panel (44249-1) carrying items as components and no total.
        var items = record.Observations.Where(o => !coded.Contains(o) && ItemAnswers(valueSet, o).Any()).ToArray();
        var future = Observations.CheckInFuture(field.Name, coded, record, reading, ScoreOf) | Observations.CheckInFuture(field.Name, items, record, reading);
        var inWindow = coded
            .Select(o => (Observation: o, Day: Observations.DayOf(o.Resource, record)))
            .Where(o => o.Day is { } day && day.CertainlyWithin(record.Today, windowDays))
            .ToArray();
        var counting = inWindow
            .Where(o => Observations.Counts(o.Observation.Resource))
            .Select(o =>
            {
                var (score, unread) = Score(field, valueSet, o.Observation.Resource);
                return ObservedValue.Of(o.Observation, o.Day!.Value, score) with
                {
                    Unread = unread,
                    AnswersDisagree = Disagrees(valueSet, o.Observation.Resource),
                    OutOfRange = score is null && OutOfRange(field, valueSet, o.Observation.Resource),
                };
            })
            .Concat(ItemSums(valueSet, record))
            .ToArray();
        var latest = Observations.Latest(field.Name, counting, inWindow.Select(o => o.Observation), record, reading, ScoreOf);
        // Helpers 205, 207: a score whose time taken is not given, or cannot be placed in the window, is named, never read, and
        // may be the latest; the score it may be newer than is named with its score.
        // One giving the very score read leaves it read (helper 209); so is an item of the questionnaire (above).
        var mayBeNewer = Observations.CheckWithoutPlaceableTime(field.Name, coded, future ? null : latest, record, record.Today.AddDays(-windowDays), reading, ScoreOf, o => Score(field, valueSet, o).Score)
            | Observations.CheckWithoutPlaceableTime(field.Name, items, future ? null : latest, record, record.Today.AddDays(-windowDays), reading);
        // Helper 214: items taken within the window that no total speaks for, and that may be later than the total read.
        var laterItems = latest is not null && !future && CheckItemsWithoutTotal(field.Name, valueSet, items, inWindow.Select(o => o.Observation), counting, latest, record, reading);
        // Helper 218: with no total in the chart, such items are kept (not named) for a caller that would fill the total from
        // elsewhere: an earlier screening's total recorded before them is not current either.
        if (latest is null && !future)
            HoldItemsWithoutTotal(field.Name, valueSet, items, inWindow.Select(o => o.Observation), counting, record, reading);
        // Helper 223: the questionnaire's results (totals, other items, panels) kept for the part of the total the chart
        // may not answer (item 9), for a caller that would fill that part from elsewhere.
        HoldResultsWithoutPart(field, valueSet, [.. coded, .. items], record, reading);
        // Helper 225: for that part (item 9), the questionnaire's results that give no answer to it and may be later than the
        // answer read: a newer administration whose item 9 the chart does not give.
        var laterWithoutPart = latest is not null && !future && CheckLaterResultsWithoutPart(field, valueSet, coded, latest, record, reading);
        if (latest is not null && !future)
        {
            if (mayBeNewer)
                Observations.NameBesideUntimed(field.Name, latest, reading, keepValue: true);
            else if (laterItems || laterWithoutPart)
                Observations.NameBesideNewer(field.Name, latest, reading, keepValue: true, chartPartOlder: laterWithoutPart);
            else
                reading.Record(field.Name, latest.Value!, latest.Sources);
        }
    }

    /// <summary>
    /// Helper 214: names beside <paramref name="field"/> each item of the questionnaire among <paramref name="items"/> (the
    /// PHQ-9 total's nine), final or not final, taken within the window, for which the chart gives no total: no total
    /// Observation among <paramref name="totals"/> (any status) and no reading among <paramref name="counting"/> (a total,
    /// or a complete set of the items, <see cref="ItemSums"/>) taken at its time, and that may be as late as
    /// <paramref name="latest"/>, the total read (<see cref="Observations.MayBeLater"/>): an older item is an older result.
    /// A final one is named as <see cref="ChartCheckKind.ItemWithoutTotal"/> with its words and time, one not final as
    /// <see cref="ChartCheckKind.ResultNotFinal"/>; neither with a score (an item's is not the total's). Says whether any
    /// was named: such an item may belong to an administration later than the total read, whose total the chart does not
    /// give, so the older total is not read in its place, as none is beside a later result not final. Before, such items
    /// were neither summed nor named: a total of 5 was read beside eight items taken a week later that sum to 18. With no
    /// total read, they are still not named (the field is not recorded whatever they say; docs/fhir-mapping.md).
    /// </summary>
    private bool CheckItemsWithoutTotal(string field, ValueSet valueSet, Sourced<Observation>[] items, IEnumerable<Sourced<Observation>> totals, IReadOnlyList<ObservedValue> counting, ObservedValue latest, PatientRecord record, ReadingBuilder reading)
    {
        var named = false;
        foreach (var (observation, reference) in WithoutTotal(items, totals, counting, record).Where(o => Observations.MayBeLater(o.Resource, latest, record)))
        {
            var (kind, what, answered) = AsItemWithoutTotal(valueSet, observation, record);
            reading.Check(field, kind, reference, what, items: answered);
            named = true;
        }

        return named;
    }

    /// <summary>
    /// Helper 218: with no total read (none in the chart), keeps each item among <paramref name="items"/> the chart gives no
    /// total for (<see cref="WithoutTotal"/>), as <see cref="CheckItemsWithoutTotal"/> would name it, with when it was taken
    /// (<see cref="FhirReading.ItemsWithoutTotal"/>): not named, the total being not recorded whatever they say, but a total
    /// from elsewhere recorded before one of them (an earlier screening's) is not current, and the item is named then.
    /// </summary>
    private void HoldItemsWithoutTotal(string field, ValueSet valueSet, Sourced<Observation>[] items, IEnumerable<Sourced<Observation>> totals, IReadOnlyList<ObservedValue> counting, PatientRecord record, ReadingBuilder reading)
    {
        foreach (var (observation, reference) in WithoutTotal(items, totals, counting, record))
        {
            var (kind, what, answered) = AsItemWithoutTotal(valueSet, observation, record);
            reading.HoldItemWithoutTotal(new ChartEntryToCheck(field, kind, reference, what) { Items = answered }, Observations.TakenBy(observation, record));
        }
    }

    /// <summary>
    /// Helper 223: keeps, for the part of this total the chart may not answer (PHQ-9 item 9: the field whose
    /// <see cref="FieldDefinition.AtMost"/> is this total, with <see cref="FieldDefinition.OtherPartsAtMost"/>), each of the
    /// questionnaire's results among <paramref name="results"/> (a total, another item's answer, a panel), final or not
    /// final, that gives no answer to that part (not coded as it, no component coded as it), whenever it was taken, with the
    /// moment by which it was taken (<see cref="Observations.TakenBy"/>; null when nothing bounds it)
    /// (<see cref="FhirReading.ResultsWithoutPart"/>): not named, the part being not recorded whatever they say, but an answer
    /// to the part from elsewhere recorded before one of them (an earlier screening's item 9) may be of an older
    /// administration, so it is not current, and the result is named then. Each as
    /// <see cref="ChartCheckKind.ItemWithoutTotal"/> with its words and time, or <see cref="ChartCheckKind.ResultNotFinal"/>.
    /// </summary>
    private static void HoldResultsWithoutPart(FieldDefinition field, ValueSet valueSet, IEnumerable<Sourced<Observation>> results, PatientRecord record, ReadingBuilder reading)
    {
        if (FieldReaders.All.FirstOrDefault(r => r.Field.AtMost == field.Name && r.Field.OtherPartsAtMost is not null && r.Reader is ObservationScore) is not { Field: { } part, ValueSet: { } partValueSet })
            return;
        foreach (var (observation, reference) in results.Distinct())
        {
            if (!(Observations.Counts(observation) || Observations.NotFinal(observation))
                || Observations.HasCode(partValueSet, observation.Code, "") || AsComponents(partValueSet, observation).Length > 0)
                continue;
            var (kind, what, _) = AsItemWithoutTotal(valueSet, observation, record);
            reading.HoldResultWithoutPart(new ChartEntryToCheck(part.Name, kind, reference, what), Observations.TakenBy(observation, record));
        }
    }

    /// <summary>
    /// Helper 225: for a part of a total (PHQ-9 item 9: <see cref="FieldDefinition.AtMost"/> names the total, with
    /// <see cref="FieldDefinition.OtherPartsAtMost"/>), names beside <paramref name="part"/> each result of the total's
    /// questionnaire (a total, another item's answer, a panel: as <see cref="HoldResultsWithoutPart"/> keeps them), final
    /// or not final, that gives no answer to the part and may be later than <paramref name="latest"/>, the answer read
    /// (<see cref="Observations.MayBeLaterOrUnplaced"/>: taken after it, or at a time that cannot be placed against it), as
    /// <see cref="ChartCheckKind.ItemWithoutTotal"/> or <see cref="ChartCheckKind.ResultNotFinal"/>, never with a score,
    /// marked <see cref="ChartEntryToCheck.ChartPartOlder"/>; and says whether any was. Such a result is of a newer
    /// administration whose answer to the part the chart does not give, so the older answer is not read (as an older total
    /// beside later items is not, helper 214): before, an item 9 of 0 taken ten days ago was read beside a total taken
    /// yesterday. One taken at the time of one of the part's own results (<paramref name="partResults"/>, any status) is of
    /// that administration and is not named; nor is one taken before.
    /// </summary>
    private static bool CheckLaterResultsWithoutPart(FieldDefinition part, ValueSet partValueSet, Sourced<Observation>[] partResults, ObservedValue latest, PatientRecord record, ReadingBuilder reading)
    {
        if (part.AtMost is null || part.OtherPartsAtMost is null
            || FieldReaders.All.FirstOrDefault(r => r.Field.Name == part.AtMost && r.Reader is ObservationScore) is not { ValueSet: { } totalValueSet })
            return false;
        var administered = partResults.Select(o => (Observations.When(o.Resource), Observations.DayOnly(o.Resource))).ToHashSet();
        var named = false;
        foreach (var (observation, reference) in QuestionnaireResults(totalValueSet, record))
        {
            if (!(Observations.Counts(observation) || Observations.NotFinal(observation))
                || Observations.HasCode(partValueSet, observation.Code, "") || AsComponents(partValueSet, observation).Length > 0
                || (Observations.DayOf(observation, record) is not null && administered.Contains((Observations.When(observation), Observations.DayOnly(observation))))
                || !Observations.MayBeLaterOrUnplaced(observation, latest, record))
                continue;
            var (kind, what, _) = AsItemWithoutTotal(totalValueSet, observation, record);
            reading.Check(part.Name, kind, reference, what, chartPartOlder: true);
            named = true;
        }

        return named;
    }

    /// <summary>
    /// The results of the questionnaire <paramref name="valueSet"/> reads a total from: those coded as the total, or
    /// carrying it as a component, and those giving an answer to one of its items (an item's own Observation, a panel).
    /// </summary>
    private static IEnumerable<Sourced<Observation>> QuestionnaireResults(ValueSet valueSet, PatientRecord record) =>
        record.Observations.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "") || AsComponents(valueSet, o.Resource).Length > 0 || ItemAnswers(valueSet, o).Any());

    /// <summary>
    /// The items among <paramref name="items"/>, final or not final, taken within the window, for which the chart gives no
    /// total: no total Observation among <paramref name="totals"/> (any status) and no reading among
    /// <paramref name="counting"/> (a total, or a complete set of the items, <see cref="ItemSums"/>) taken at its time.
    /// </summary>
    private IEnumerable<Sourced<Observation>> WithoutTotal(Sourced<Observation>[] items, IEnumerable<Sourced<Observation>> totals, IReadOnlyList<ObservedValue> counting, PatientRecord record)
    {
        var administered = totals.Select(o => (Observations.When(o.Resource), Observations.DayOnly(o.Resource)))
            .Concat(counting.Select(c => (c.When, c.DayOnly)))
            .ToHashSet();
        return items.Where(o => (Observations.Counts(o.Resource) || Observations.NotFinal(o.Resource))
            && Observations.DayOf(o.Resource, record) is { } day && day.CertainlyWithin(record.Today, windowDays)
            && !administered.Contains((Observations.When(o.Resource), Observations.DayOnly(o.Resource))));
    }

    /// <summary>
    /// How an item without a total is named: a final one as <see cref="ChartCheckKind.ItemWithoutTotal"/> with its words and
    /// time, one not final as <see cref="ChartCheckKind.ResultNotFinal"/>; neither with a score. Helper 223: for a panel
    /// (44249-1) giving its items as components, the numbers of the items it answers (<see cref="ChartEntryToCheck.Items"/>),
    /// so that its line says which they are; null for an item's own Observation.
    /// </summary>
    private static (ChartCheckKind Kind, string What, IReadOnlyList<int>? Items) AsItemWithoutTotal(ValueSet valueSet, Observation observation, PatientRecord record)
    {
        IReadOnlyList<int>? answered = ItemOf(valueSet, observation.Code) is null && !Observations.HasCode(valueSet, observation.Code, "")
            && ItemAnswers(valueSet, new Sourced<Observation>(observation, "")).Select(a => a.Item).Distinct().Order().ToArray() is { Length: > 0 } numbers
            ? numbers : null;
        return Observations.Counts(observation)
            ? (ChartCheckKind.ItemWithoutTotal, $"{ChartWords.Of(observation.Code)}, {Observations.Dated(observation, record)}", answered)
            : (ChartCheckKind.ResultNotFinal, ChartWords.Of(observation.Code), answered);
    }

    /// <summary>
    /// The score an observation gives (a whole number in the field's range, or a coded answer, <see cref="AnswerScore"/>),
    /// or none; and, when none, the highest score its answer's codes or words name, if any (never read).
    /// </summary>
    private static (int? Score, int? Unread) Score(FieldDefinition field, ValueSet valueSet, Observation observation)
    {
        if (!Observations.HasCode(valueSet, observation.Code, ""))
            return ComponentScore(field, valueSet, AsComponents(valueSet, observation));
        var (score, unread) = ScoreOf(field, valueSet, observation.Value);
        // A value beside a dataAbsentReason (Observations.ValueOf) is not read; the score it gives is kept, never read.
        return Observations.ValueOf(observation) is null && observation.Value is not null ? (null, score ?? unread) : (score, unread);
    }

    /// <summary>
    /// Helper 226: whether the value (or, for a panel, the value of one of the question's components), not beside a
    /// <c>dataAbsentReason</c>, is a number (helper 228: whole or not, a total of 99.5) outside the field's range (<see cref="FieldDefinition.Min"/>,
    /// <see cref="FieldDefinition.Max"/>): a PHQ-9 total of 99, an item 9 of 5.
    /// </summary>
    private static bool OutOfRange(FieldDefinition field, ValueSet valueSet, Observation observation)
    {
        bool Outside(DataType? value) =>
            Observations.NumberGiven(value) is { } s && ((field.Min is { } min && s < min) || (field.Max is { } max && s > max));
        return Observations.HasCode(valueSet, observation.Code, "")
            ? Outside(Observations.ValueOf(observation))
            : AsComponents(valueSet, observation).Any(c => Outside(Observations.ValueOf(c)));
    }

    /// <summary>
    /// Whether the answer (or, for a panel, an answer of one of the question's components) is coded with codes and words
    /// that name different answers (<see cref="CodedAnswers.Disagree"/>).
    /// </summary>
    private static bool Disagrees(ValueSet valueSet, Observation observation) =>
        Observations.HasCode(valueSet, observation.Code, "")
            ? CodedAnswers.Disagree(valueSet, Observations.ValueOf(observation))
            : AsComponents(valueSet, observation).Any(c => CodedAnswers.Disagree(valueSet, Observations.ValueOf(c)));

    /// <summary>
    /// The components of an Observation not itself coded as the question (a PHQ-9 panel, 44249-1) that are coded as the
    /// question (item 9, 44260-8): a completed questionnaire's answer, as the question's own Observation is (helper 200:
    /// item 9 sent only in a panel was neither read nor named). The panel's status and time are the reading's.
    /// </summary>
    private static Observation.ComponentComponent[] AsComponents(ValueSet valueSet, Observation observation) =>
        [.. observation.Component.Where(c => Observations.HasCode(valueSet, c.Code, ""))];

    /// <summary>
    /// The score the question's components give, read as the question's own value is (<see cref="ScoreOf"/>; a value beside
    /// a <c>dataAbsentReason</c> not read): only when every one gives one same score. Otherwise none, with the highest
    /// score any of them gives or names, never read (two item 9 components of 0 and 3: the safer reading).
    /// </summary>
    private static (int? Score, int? Unread) ComponentScore(FieldDefinition field, ValueSet valueSet, Observation.ComponentComponent[] components)
    {
        var scores = components.Select(c =>
        {
            var (score, unread) = ScoreOf(field, valueSet, c.Value);
            return Observations.ValueOf(c) is null && c.Value is not null ? (Score: (int?)null, Unread: score ?? unread) : (Score: score, Unread: unread);
        }).ToArray();
        if (scores.Length > 0 && scores.All(s => s.Score is not null) && scores.Select(s => s.Score).Distinct().Count() == 1)
            return (scores[0].Score, null);
        var named = scores.Select(s => s.Score ?? s.Unread).OfType<int>().ToArray();
        return (null, named.Length > 0 ? named.Max() : null);
    }

    private static (int? Score, int? Unread) ScoreOf(FieldDefinition field, ValueSet valueSet, DataType? value)
    {
        if (Observations.WholeNumberOf(value) is { } s)
            return ((field.Min is null || s >= field.Min) && (field.Max is null || s <= field.Max) ? s : null, null);
        return value is CodeableConcept answer ? AnswerScore(valueSet, answer, null) : (null, null);
    }

    /// <summary>
    /// The status of a value set's entries for the questionnaire's items a total may be summed from, the value the item's
    /// number (the PHQ-9's nine, phq9-total.json).
    /// </summary>
    private const string Item = "item";

    /// <summary>The status of the entries for the answers the items are read from, the value the score (LL358-3).</summary>
    private const string ItemAnswer = "item-answer";

    /// <summary>
    /// The totals the chart gives as its items' answers instead of a total Observation: for each effective time within
    /// the field's window (windowDays) at which every item of the value set (<see cref="Item"/>) has a final, amended
    /// or corrected Observation, and each item's Observations there read as one same score (<see cref="ItemScore"/>),
    /// the sum of the items' scores, read from all of them. An item may be its own Observation or a component of a panel
    /// (<see cref="ItemAnswers"/>), the panel's status and time its own. Nothing is summed from part of the items (a PHQ-2 asks items 1 and 2
    /// only; an item missing, not final, not readable, or given twice with two scores): such a set gives no total and is not
    /// named, as before items were read; the item 9 field reads its own item. A value set without items gives none.
    /// </summary>
    private IEnumerable<ObservedValue> ItemSums(ValueSet valueSet, PatientRecord record)
    {
        var items = valueSet.Codes.Where(c => c.Status == Item && c.Value is not null).ToArray();
        if (items.Length == 0)
            yield break;
        var answered = record.Observations
            .Where(o => Observations.Counts(o.Resource))
            .SelectMany(o => ItemAnswers(valueSet, o).Select(a => (Observation: o, a.Item, a.Score, Day: Observations.DayOf(o.Resource, record))))
            .Where(o => o.Day is { } day && day.CertainlyWithin(record.Today, windowDays))
            .GroupBy(o => (Observations.When(o.Observation.Resource), Observations.DayOnly(o.Observation.Resource)));
        foreach (var set in answered)
        {
            var scores = set.GroupBy(o => o.Item)
                .ToDictionary(i => i.Key, i => i.Select(o => o.Score).Distinct().ToArray());
            if (scores.Count != items.Length || scores.Values.Any(s => s is not [{ }]))
                continue;
            var first = set.OrderBy(o => o.Item).First();
            var sources = set.OrderBy(o => o.Item).Select(o => Observations.SourceOf(o.Observation, o.Day!.Value)).DistinctBy(s => s.Reference, StringComparer.Ordinal).ToArray();
            // Named by its items' codes, first to last (the chart's words are each item's own).
            var what = $"PHQ-9 {items[0].Code} … {items[^1].Code}";
            yield return new ObservedValue(sources, set.Key.Item1, set.Key.Item2, first.Day!.Value.Latest, scores.Values.Sum(s => s[0]!.Value), what);
        }
    }

    /// <summary>
    /// The number of the questionnaire's item (<see cref="Item"/>) an Observation is coded as; none when it is coded as
    /// none, or as two different items (then it is neither).
    /// </summary>
    private static int? ItemOf(ValueSet valueSet, CodeableConcept? code) =>
        Codes.Matches(valueSet, code).Where(e => e.Status == Item).Select(e => e.Value).Distinct().ToArray() is [var one]
            ? int.Parse(one!, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The answers to the questionnaire's items an Observation gives, each with its item's number and score
    /// (<see cref="ItemScore"/>; null when not readable): the one of an Observation coded as an item, or, for one coded as
    /// neither an item nor the total (a PHQ-9 panel, 44249-1), each of its components coded as an item, with the panel's
    /// status and time (helper 218: a panel sending its items only as components was neither summed nor named, as item 9
    /// sent so once was, helper 200). None for anything else.
    /// </summary>
    private static IEnumerable<(int Item, int? Score)> ItemAnswers(ValueSet valueSet, Sourced<Observation> observation)
    {
        var resource = observation.Resource;
        if (ItemOf(valueSet, resource.Code) is { } item)
            return [(item, ItemScore(valueSet, Observations.ValueOf(resource)))];
        if (Observations.HasCode(valueSet, resource.Code, ""))
            return [];
        return [.. resource.Component
            .Select(c => (Item: ItemOf(valueSet, c.Code), Score: ItemScore(valueSet, Observations.ValueOf(c))))
            .Where(a => a.Item is not null)
            .Select(a => (a.Item!.Value, a.Score))];
    }

    /// <summary>
    /// An item's score: a whole number 0-3, or one of the value set's <see cref="ItemAnswer"/> answers whose codes and
    /// words agree (<see cref="AnswerScore"/>, as item 9's own reading); null when neither.
    /// </summary>
    private static int? ItemScore(ValueSet valueSet, DataType? value)
    {
        var scores = valueSet.Codes.Where(c => c.Status == ItemAnswer).Select(c => int.Parse(c.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (Observations.WholeNumberOf(value) is { } s)
            return scores.Length > 0 && s >= scores.Min() && s <= scores.Max() ? s : null;
        return value is CodeableConcept answer ? AnswerScore(valueSet, answer, ItemAnswer).Score : null;
    }

    /// <summary>
    /// A coded answer's score: the value set's answer entries (those with a value, the score, and the given
    /// <paramref name="status"/>: none for item 9's four LOINC answers of the PHQ-9 answer list LL358-3, phq9-item9.json;
    /// <see cref="ItemAnswer"/> for the same answers of the items a total is summed from, phq9-total.json, which never
    /// answer the total itself), read by <see cref="CodedAnswers.Of"/>: only when its codes and words name one same
    /// answer. Otherwise none, with the highest score named (two answers, a code and words that disagree, words only),
    /// kept for the card, never read: a code of 0 beside the words "Nearly every day" may be a 3 wrongly coded.
    /// </summary>
    private static (int? Score, int? Unread) AnswerScore(ValueSet valueSet, CodeableConcept answer, string? status)
    {
        static int ScoreOf(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var (agreed, named) = CodedAnswers.Of(valueSet, answer, status);
        return agreed is not null ? (ScoreOf(agreed), null) : (null, named.Count > 0 ? named.Max(ScoreOf) : null);
    }
}

/// <summary>
/// Today's blood pressure, systolic and diastolic together (both or neither), from the most recent counting reading taken
/// on the screening's day: a panel (85354-9, or any Observation carrying systolic and diastolic components coded
/// 8480-6 / 8462-4) or a systolic and a diastolic Observation with the same effective time. The most recent reading is
/// decided over every one of them first, then its values are read (<see cref="Observations.Latest"/>): both in
/// millimetres of mercury (<see cref="Observations.MillimetresOfMercury"/>), within the contract's ranges, systolic above
/// diastolic. A newer reading that cannot be read so (kPa, a diastolic absent, a systolic whose diastolic has another
/// time) is named and leaves both fields not recorded, never replaced by an older pair. A separate systolic or diastolic
/// Observation at the time of a readable pair with the same value (an EHR sending a panel and its parts) is part of it.
/// A blood pressure taken today that is not final (preliminary, registered, unknown) and later than the pair, or today's
/// only one, leaves the field not recorded and is named for the clinician to check.
/// </summary>
internal sealed class BloodPressure(bool systolic) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var pressures = record.Observations.Where(o => IsBloodPressure(valueSet, o.Resource)).ToArray();
        var future = Observations.CheckInFuture(field.Name, pressures, record, reading);
        var today = pressures.Where(o => IsToday(o.Resource, record)).ToArray();
        var counting = Readings(field, valueSet, record, today.Where(o => Observations.Counts(o.Resource)).ToArray(), systolic ? "systolic" : "diastolic");
        var latest = Observations.Latest(field.Name, counting, today, record, reading);
        // Helpers 205, 207: a reading whose time taken is not given, or cannot be placed today, is named, never read, and may
        // be today's latest; the pair it may be newer than is named.
        var mayBeNewer = Observations.CheckWithoutPlaceableTime(field.Name, pressures, future ? null : latest, record, record.Today, reading, readAs: o => WholePair(valueSet, o));
        if (latest is not null && !future && mayBeNewer)
            Observations.NameBesideUntimed(field.Name, latest, reading, keepValue: false);
        if (latest is { Value: (int sys, int dia) } && !future && !mayBeNewer)
        {
            var read = systolic ? sys : dia;
            reading.Record(field.Name, read, latest.Sources);
            // A value with a fraction was rounded up (Observations.MillimetresOfMercury): what the chart gave is kept beside it.
            var role = systolic ? "systolic" : "diastolic";
            foreach (var source in today.Where(o => latest.References.Contains(o.Reference, StringComparer.Ordinal)))
            {
                var given = IsPanel(valueSet, source.Resource)
                    ? source.Resource.Component.Where(c => Observations.HasCode(valueSet, c.Code, role)).Select(c => Observations.MillimetresOfMercuryGiven(c.Value)).FirstOrDefault()
                    : Observations.HasCode(valueSet, source.Resource.Code, role) ? Observations.MillimetresOfMercuryGiven(source.Resource.Value) : null;
                if (given is { } q && q != read)
                    reading.Rounded(field.Name, source.Reference, q, read);
            }
        }
    }

    /// <summary>
    /// Helper 209: the pair a panel gives, both values whole numbers of millimetres of mercury as the chart gave them (no
    /// rounding: 119.6 is not the 120 it is read as), for comparing a panel whose time cannot be told with the pair read;
    /// null for anything else (a systolic or a diastolic alone, a fraction, a pair that does not fit).
    /// </summary>
    private static (int, int)? WholePair(ValueSet valueSet, Observation observation)
    {
        if (!IsPanel(valueSet, observation))
            return null;
        int? Whole(string role) =>
            observation.Component.FirstOrDefault(c => Observations.HasCode(valueSet, c.Code, role)) is { } component
            && Observations.MillimetresOfMercuryGiven(Observations.ValueOf(component)) is { } q && q == decimal.Truncate(q) ? (int)q : null;
        return Pair(Whole("systolic"), Whole("diastolic"));
    }

    private static bool IsToday(Observation observation, PatientRecord record) =>
        Observations.DayOf(observation, record) is { } day && day.Earliest == record.Today && day.Latest == record.Today;

    private static bool IsHalf(ValueSet valueSet, CodeableConcept? code) =>
        Observations.HasCode(valueSet, code, "systolic") || Observations.HasCode(valueSet, code, "diastolic");

    private static bool IsPanel(ValueSet valueSet, Observation observation) =>
        Observations.HasCode(valueSet, observation.Code, "panel")
        || (!IsHalf(valueSet, observation.Code) && observation.Component.Any(c => IsHalf(valueSet, c.Code)));

    private static bool IsBloodPressure(ValueSet valueSet, Observation observation) => IsPanel(valueSet, observation) || IsHalf(valueSet, observation.Code);

    /// <summary>The pair when both values are read and fit the contract (ranges, systolic above diastolic), else null.</summary>
    private static (int, int)? Pair(int? sys, int? dia) =>
        sys is { } s && dia is { } d && Within(Half("systolic"), s) && Within(Half("diastolic"), d) && s > d ? (s, d) : null;

    /// <summary>The field of one value of the pair: the one whose value set reads that component ("systolic", "diastolic").</summary>
    private static FieldDefinition Half(string component) =>
        FieldReaders.All.First(r => r.Reader is BloodPressure && r.ValueSet.Read.Component == component).Field;

    private static bool Within(FieldDefinition field, int value) =>
        (field.Min is null || value >= field.Min) && (field.Max is null || value <= field.Max);

    /// <summary>
    /// Helper 228: whether <paramref name="value"/>, in millimetres of mercury rounded up as it would be read, is outside
    /// <paramref name="field"/>'s range (the field catalogue's: a systolic of 400, a diastolic of 5).
    /// </summary>
    private static bool Outside(FieldDefinition field, DataType? value) =>
        Observations.MillimetresOfMercuryRoundedUp(value) is { } q && ((field.Min is { } min && q < min) || (field.Max is { } max && q > max));

    /// <summary>
    /// Every counting reading of today: each panel, each same-time systolic and diastolic pair, and each half left alone
    /// (not readable). A reading not read whose <paramref name="role"/> value (that of <paramref name="field"/>) is outside
    /// the field's range is marked so (<see cref="ObservedValue.OutOfRange"/>, helper 228); its other value's is not, but
    /// names the value outside its range (<see cref="ObservedValue.OtherOutOfRange"/>, helper 234: it was named as "cannot be
    /// read" among units, absent values and words).
    /// </summary>
    private static List<ObservedValue> Readings(FieldDefinition field, ValueSet valueSet, PatientRecord record, Sourced<Observation>[] today, string role)
    {
        var readings = new List<ObservedValue>();
        int? HalfValue(Observation observation, string role) => observation.Component
            .Where(c => Observations.HasCode(valueSet, c.Code, role)).Select(c => Observations.MillimetresOfMercury(Observations.ValueOf(c))).FirstOrDefault();
        bool OwnOutside(Observation panel) =>
            panel.Component.FirstOrDefault(c => Observations.HasCode(valueSet, c.Code, role)) is { } own && Outside(field, Observations.ValueOf(own));
        // Helper 234: the other value of the pair, and whether it is outside its own range (400/80 read for the diastolic).
        var otherRole = role == "systolic" ? "diastolic" : "systolic";
        var other = Half(otherRole);
        string? OtherOutside(DataType? value) => Outside(other, value) ? other.Name : null;
        UnitFault? HalfFault(Observation panel, string role) => panel.Component
            .Where(c => Observations.HasCode(valueSet, c.Code, role)).Select(c => Observations.UnitFaultOf(Observations.ValueOf(c))).FirstOrDefault();

        foreach (var panel in today.Where(o => IsPanel(valueSet, o.Resource)))
        {
            var pair = Pair(HalfValue(panel.Resource, "systolic"), HalfValue(panel.Resource, "diastolic"));
            readings.Add(ObservedValue.Of(panel, Observations.DayOf(panel.Resource, record)!.Value, pair) with
            {
                OutOfRange = pair is null && OwnOutside(panel.Resource),
                OtherOutOfRange = pair is null && !OwnOutside(panel.Resource)
                    ? OtherOutside(panel.Resource.Component.FirstOrDefault(c => Observations.HasCode(valueSet, c.Code, otherRole)) is { } o ? Observations.ValueOf(o) : null)
                    : null,
                Unit = pair is null ? HalfFault(panel.Resource, role) ?? HalfFault(panel.Resource, otherRole) : null,
            });
        }

        var systolics = today.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "systolic")).ToArray();
        var diastolics = today.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "diastolic")).ToList();
        var alone = new List<(Sourced<Observation> Observation, int Index)>();
        foreach (var sys in systolics)
        {
            var when = Observations.When(sys.Resource);
            var partner = diastolics.FirstOrDefault(d => Observations.When(d.Resource) == when);
            if (partner is null)
            {
                alone.Add((sys, 0));
                continue;
            }

            diastolics.Remove(partner);
            var pair = Pair(Observations.MillimetresOfMercury(Observations.ValueOf(sys.Resource)), Observations.MillimetresOfMercury(Observations.ValueOf(partner.Resource)));
            var day = Observations.DayOf(sys.Resource, record)!.Value;
            var sources = new[] { Observations.SourceOf(sys, day), Observations.SourceOf(partner, Observations.DayOf(partner.Resource, record)!.Value) };
            var (own, theOther) = role == "systolic" ? (sys, partner) : (partner, sys);
            var ownOutside = pair is null && Outside(field, Observations.ValueOf(own.Resource));
            readings.Add(new ObservedValue(sources, when, Observations.DayOnly(sys.Resource), day.Latest, pair, ChartWords.Of(sys.Resource.Code))
            {
                // Helper 237: each value is named against its own Observation, with its own code.
                Own = (sources[role == "systolic" ? 0 : 1], ChartWords.Of(own.Resource.Code)),
                OutOfRange = ownOutside,
                OtherOutOfRange = pair is null && !ownOutside ? OtherOutside(Observations.ValueOf(theOther.Resource)) : null,
                Unit = pair is null ? Observations.UnitFaultOf(Observations.ValueOf(own.Resource)) ?? Observations.UnitFaultOf(Observations.ValueOf(theOther.Resource)) : null,
            });
        }

        alone.AddRange(diastolics.Select(d => (d, 1)));
        foreach (var (half, index) in alone)
        {
            var when = Observations.When(half.Resource);
            var value = Observations.MillimetresOfMercury(Observations.ValueOf(half.Resource));
            // A part of a readable pair taken at the same time, with the same value, is that pair's, not a reading of its own.
            var partOfAPair = readings.Any(r => r.When == when && r.Value is (int s, int d) && (index == 0 ? s : d) == value);
            if (!partOfAPair)
            {
                readings.Add(ObservedValue.Of(half, Observations.DayOf(half.Resource, record)!.Value, null) with
                {
                    OutOfRange = Observations.HasCode(valueSet, half.Resource.Code, role) && Outside(field, Observations.ValueOf(half.Resource)),
                    Unit = Observations.UnitFaultOf(Observations.ValueOf(half.Resource)),
                });
            }
        }

        return readings;
    }
}

/// <summary>
/// pregnant: the answer of the most recent counting pregnancy status Observation within <paramref name="windowDays"/>
/// days: "pregnant" records true, "not pregnant" false. The most recent is decided over every counting one first, then
/// its answer is read (<see cref="Observations.Latest"/>): a newer one whose answer is "unknown" (LOINC LA4489-6), any
/// other answer not in the value set, only words, a <c>valueString</c> or a <c>dataAbsentReason</c> is named and
/// leaves the field not recorded: it never lets an older "not pregnant" stand. Anything older leaves it not recorded.
/// A pregnancy status within the window that is not final (preliminary, registered, unknown) and later than that one,
/// or the only one, leaves the field not recorded and is named for the clinician to check, whatever its answer.
/// </summary>
internal sealed class PregnancyStatus(int windowDays) : FieldMapping
{
    public override void Read(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var asked = record.Observations.Where(o => Observations.HasCode(valueSet, o.Resource.Code, "question")).ToArray();
        var future = Observations.CheckInFuture(field.Name, asked, record, reading);
        var inWindow = asked
            .Select(o => (Observation: o, Day: Observations.DayOf(o.Resource, record)))
            .Where(o => o.Day is { } day && day.CertainlyWithin(record.Today, windowDays))
            .ToArray();
        var counting = inWindow
            .Where(o => Observations.Counts(o.Observation.Resource))
            .Select(o => Observed(valueSet, o.Observation, o.Day!.Value))
            .ToArray();
        var latest = Observations.Latest(field.Name, counting, inWindow.Select(o => o.Observation), record, reading);
        // Helpers 205, 207: a status whose time taken is not given, or cannot be placed in the window, is named, never read, and
        // may be the latest; the status it may be newer than is named.
        var mayBeNewer = Observations.CheckWithoutPlaceableTime(field.Name, asked, future ? null : latest, record, record.Today.AddDays(-windowDays), reading, readAs: o => Answer(valueSet, Observations.ValueOf(o)).Answer);
        if (latest is not null)
        {
            if (!future && mayBeNewer)
                Observations.NameBesideUntimed(field.Name, latest, reading, keepValue: false);
            else if (!future)
                reading.Record(field.Name, latest.Value!, latest.Sources);
        }
        else if (counting.Length == 0 && !future)
            NameOlderPregnant(field, valueSet, record, reading);
    }

    /// <summary>
    /// QA132 F2: with no final status within the window, the latest final one before it that answered "pregnant" is named
    /// (<see cref="ChartCheckKind.ResultOlderThanPeriod"/>, with its day): too old to be read as an answer, but not "not
    /// pregnant" either, so an earlier screening's answer must not fill the field in silence.
    /// </summary>
    private void NameOlderPregnant(FieldDefinition field, ValueSet valueSet, PatientRecord record, ReadingBuilder reading)
    {
        var older = record.Observations
            .Where(o => Observations.HasCode(valueSet, o.Resource.Code, "question") && Observations.Counts(o.Resource))
            .Select(o => (Observation: o, Day: Observations.DayOf(o.Resource, record)))
            .Where(o => o.Day is { } day && day.Latest <= record.Today && !day.CertainlyWithin(record.Today, windowDays))
            .Select(o => Observed(valueSet, o.Observation, o.Day!.Value))
            .ToArray();
        if (older.Length == 0)
            return;
        // Of several taken at the latest time, one that answered "pregnant" is enough to name; so is one whose code and
        // words disagree, one of them "pregnant" (helper 198: the safer reading, never read).
        var when = older.Max(o => o.When);
        foreach (var pregnant in older.Where(o => o.When == when && (o.Value is true || o.Unread is true)))
        {
            foreach (var reference in pregnant.References)
                reading.Check(field.Name, ChartCheckKind.ResultOlderThanPeriod, reference, $"{pregnant.What}, {pregnant.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>
    /// The answer read (<see cref="CodedAnswers.Of"/>: its codes and words name one same answer; the question's own
    /// entry, 82810-3, is an entry with a value too, so a value coded or worded as the question is not an answer), and
    /// whether, unread, it names "pregnant" at all (a "not pregnant" code beside the words "Pregnant", helper 198).
    /// </summary>
    private static (bool? Answer, bool MayBePregnant) Answer(ValueSet valueSet, DataType? value)
    {
        if (value is not CodeableConcept answer)
            return (null, false);
        var (agreed, named) = CodedAnswers.Of(valueSet, answer, null);
        return (agreed switch
        {
            "pregnant" => true,
            "not-pregnant" => false,
            _ => null,
        }, named.Contains("pregnant"));
    }

    private static ObservedValue Observed(ValueSet valueSet, Sourced<Observation> observation, DaySpan day)
    {
        var (answer, mayBePregnant) = Answer(valueSet, Observations.ValueOf(observation.Resource));
        return ObservedValue.Of(observation, day, answer) with
        {
            Unread = answer is null && mayBePregnant ? true : null,
            AnswersDisagree = CodedAnswers.Disagree(valueSet, Observations.ValueOf(observation.Resource)),
        };
    }
}
