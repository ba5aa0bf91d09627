using Hl7.Fhir.Model;

namespace KetamineCds.Fhir;

/// <summary>The resources of one prefetch, by type, and the moment and clinic's day the screening is for.</summary>
internal sealed partial class PatientRecord
{
    /// <summary>How far in the future an observation's time may be (a clock a little fast) and still be read.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public PatientRecord(IReadOnlyList<SourcedResource> resources, DateTimeOffset now, TimeZoneInfo zone)
    {
        Now = now;
        Zone = zone;
        Today = DayOf(now);
        Resources = resources;
        Patients = Of<Patient>(resources);
        Conditions = Of<Condition>(resources);
        Observations = Of<Observation>(resources);
        MedicationRequests = Of<MedicationRequest>(resources);
        MedicationStatements = Of<MedicationStatement>(resources);
        Medications = Of<Medication>(resources);
        Allergies = Of<AllergyIntolerance>(resources);
    }

    /// <summary>The clinic's day at <see cref="Now"/>.</summary>
    public DateOnly Today { get; }

    /// <summary>When the data is read.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The clinic's time zone: a time is read as the clinic's day it falls on.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The clinic's day at <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The clinic's days a FHIR date or dateTime stands for: a time is converted from the offset it was written in to
    /// the clinic's time zone (an evening reading sent in UTC is the evening's day, not the next); a date without a time
    /// is the day (or month, or year) it names. Null when there is none, when a time has no zone (FHIR requires one; it
    /// is not guessed), or when it lies in the future (a time more than <see cref="ClockSkew"/> after now, a day after
    /// today).
    /// </summary>
    public DaySpan? DaysOf(string? text, DateTimeOffset? instant = null)
    {
        if (instant is null && text is not null && text.Contains('T', StringComparison.Ordinal))
        {
            if (!HasZone().IsMatch(text) || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                return null;
            instant = parsed;
        }

        if (instant is { } at)
        {
            if (at > Now + ClockSkew)
                return null;
            var day = DayOf(at);
            return new DaySpan(day, day);
        }

        return DaySpan.Parse(text) is { } span && span.Earliest <= Today ? span : null;
    }

    /// <summary>
    /// Whether a FHIR date or dateTime lies in the future by the clinic's clock, which <see cref="DaysOf"/> does not read
    /// (QA132 F11): a time with its zone more than <see cref="ClockSkew"/> after now, or a date (month, year) wholly after
    /// today. A time without a zone, or text that is not a date, is not: it is not read for another reason.
    /// </summary>
    public bool InFuture(string? text, DateTimeOffset? instant = null)
    {
        if (instant is null && text is not null && text.Contains('T', StringComparison.Ordinal))
        {
            if (!HasZone().IsMatch(text) || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                return false;
            instant = parsed;
        }

        if (instant is { } at)
            return at > Now + ClockSkew;
        return DaySpan.Parse(text) is { } span && span.Earliest > Today;
    }

    /// <summary>The instant a FHIR dateTime with a time and its zone names; null for a date alone or a time without its zone.</summary>
    public static DateTimeOffset? InstantOf(string text) =>
        text.Contains('T', StringComparison.Ordinal) && HasZone().IsMatch(text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed
            : null;

    /// <summary>
    /// An instant as the clinic reads it, as the cards write a clinic time: "2026-11-28 23:48 UTC-06:00", "2026-11-29 05:48
    /// UTC" where the offset is zero.
    /// </summary>
    public string ClinicTimeOf(DateTimeOffset instant)
    {
        DateTimeOffset local;
        try
        {
            local = TimeZoneInfo.ConvertTime(instant, Zone);
        }
        catch (ArgumentOutOfRangeException)
        {
            // At the ends of the calendar the zone's offset cannot be added: the instant in UTC.
            local = instant.ToUniversalTime();
        }

        var offset = local.Offset;
        var named = offset == TimeSpan.Zero ? "UTC"
            : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + named;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HasZone();

    /// <summary>Every resource read, with where it was sent (<c>prefetch.conditions, entry 0</c>), as messages name it.</summary>
    public IReadOnlyList<SourcedResource> Resources { get; }

    public IReadOnlyList<Sourced<Patient>> Patients { get; }

    public IReadOnlyList<Sourced<Condition>> Conditions { get; }

    public IReadOnlyList<Sourced<Observation>> Observations { get; }

    public IReadOnlyList<Sourced<MedicationRequest>> MedicationRequests { get; }

    public IReadOnlyList<Sourced<MedicationStatement>> MedicationStatements { get; }

    public IReadOnlyList<Sourced<Medication>> Medications { get; }

    public IReadOnlyList<Sourced<AllergyIntolerance>> Allergies { get; }

    private static Sourced<T>[] Of<T>(IReadOnlyList<SourcedResource> resources)
        where T : Resource =>
        resources.Where(r => r.Resource is T).Select(r => new Sourced<T>((T)r.Resource, r.Reference)).ToArray();
}

/// <summary>A typed resource and the reference that names it.</summary>
internal sealed record Sourced<T>(T Resource, string Reference)
    where T : Resource;

/// <summary>Collects the values the mappings decide and the resources behind each.</summary>
internal sealed class ReadingBuilder
{
    private readonly Dictionary<string, object> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<FhirSource>> sources = new(StringComparer.Ordinal);
    private readonly List<ChartEntryToCheck> toCheck = [];
    private readonly HashSet<string> outweighNo = new(StringComparer.Ordinal);
    private readonly HashSet<(string Field, string Reference)> besideValue = [];
    private readonly Dictionary<string, FhirValue> contradicting = new(StringComparer.Ordinal);
    private readonly List<RoundedValue> rounded = [];
    private readonly List<HeldEntryToCheck> heldItems = [];

    /// <summary>Keeps an item of the PHQ-9 for which the chart gives no total, with no total read (<see cref="FhirReading.ItemsWithoutTotal"/>), not named.</summary>
    public void HoldItemWithoutTotal(ChartEntryToCheck entry, FhirMoment? taken) => heldItems.Add(new HeldEntryToCheck(entry, taken));

    private readonly List<HeldEntryToCheck> heldWithoutPart = [];

    /// <summary>Keeps a result of a questionnaire that gives no answer to a part of its total (PHQ-9 item 9), not named (<see cref="FhirReading.ResultsWithoutPart"/>).</summary>
    public void HoldResultWithoutPart(ChartEntryToCheck entry, FhirMoment? takenBy) => heldWithoutPart.Add(new HeldEntryToCheck(entry, takenBy));

    public void Record(string field, object value, IEnumerable<string> references) =>
        Record(field, value, references.Select(r => new FhirSource(r)));

    /// <summary>Records a value with the entries it was read from, each with its moment where it has one (an Observation's).</summary>
    public void Record(string field, object value, IEnumerable<FhirSource> read)
    {
        values[field] = value;
        sources[field] = read.DistinctBy(s => s.Reference, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Names a chart entry the clinician checks (<see cref="FhirReading.ToCheck"/>). An entry that
    /// <paramref name="outweighsNo"/> (a Condition naming the question, QA132 F2) keeps a "no" the chart gave elsewhere
    /// (a recent "not pregnant" status beside a pregnancy diagnosis) from being recorded: the chart disagrees with itself,
    /// and missing the more cautious answer is the unsafe error. A yes still stands on its own evidence. A result set aside
    /// for its status or time keeps the <paramref name="value"/> it gives and its <paramref name="moment"/>
    /// (<see cref="ChartEntryToCheck.Value"/>), never read.
    /// </summary>
    public void Check(string field, ChartCheckKind kind, string reference, string what, bool outweighsNo = false, string? against = null, object? value = null, FhirMoment? moment = null, bool partTooLow = false, bool answersDisagree = false, DateTimeOffset? issued = null, bool sameValueAsRead = false, IReadOnlyList<int>? items = null, bool chartPartOlder = false, bool outOfRange = false, string? otherOutOfRange = null, UnitFault? unit = null)
    {
        toCheck.Add(new ChartEntryToCheck(field, kind, reference, what) { Against = against, PartTooLow = partTooLow, Value = value, Moment = value is null ? null : moment, AnswersDisagree = answersDisagree, OutOfRange = outOfRange, OtherOutOfRange = otherOutOfRange, Unit = unit, Issued = issued, SameValueAsRead = sameValueAsRead, Items = items, ChartPartOlder = chartPartOlder });
        if (outweighsNo)
            outweighNo.Add(field);
    }

    /// <summary>
    /// Names a chart entry that stays named even when the field is decided (<see cref="Build"/> leaves out the others):
    /// an entry whose subject does not show it is this patient's that gives a more cautious answer than the one read
    /// (helper 200: a Group's item 9 of 3 beside this patient's 0 vanished); a result issued before the value read was
    /// taken that does not give when it was taken (<see cref="ChartCheckKind.ResultTakenWhenNotGiven"/>, helper 205), with
    /// the <paramref name="value"/> it gives and when it was <paramref name="issued"/>; one whose time cannot be told that
    /// gives the very value read (<paramref name="sameValueAsRead"/>, helper 209). The value read stands on its own evidence.
    /// </summary>
    public void CheckBesideValue(string field, ChartCheckKind kind, string reference, string what, bool outweighsNo = false, object? value = null, DateTimeOffset? issued = null, bool sameValueAsRead = false)
    {
        Check(field, kind, reference, what, outweighsNo, value: value, issued: issued, sameValueAsRead: sameValueAsRead);
        besideValue.Add((field, reference));
    }

    /// <summary>
    /// The value the entries read give <paramref name="field"/>: the value recorded, else the first one a result set
    /// aside keeps (<see cref="ChartEntryToCheck.Value"/>); null when none.
    /// </summary>
    public object? ValueGiven(string field) =>
        values.TryGetValue(field, out var value) ? value : toCheck.FirstOrDefault(c => c.Field == field && c.Value is not null)?.Value;

    /// <summary>Says that the value recorded for <paramref name="field"/> is <paramref name="given"/> in <paramref name="reference"/>, read as <paramref name="readAs"/> (<see cref="FhirReading.Rounded"/>).</summary>
    public void Rounded(string field, string reference, decimal given, int readAs) => rounded.Add(new RoundedValue(field, reference, given, readAs));

    /// <summary>Every field given a value or an entry to check, and whether its value is yes (true).</summary>
    public IEnumerable<(string Field, bool Yes)> Answered() =>
        values.Keys.Concat(toCheck.Select(c => c.Field)).Distinct(StringComparer.Ordinal)
            .Select(f => (f, values.TryGetValue(f, out var value) && value is true));

    /// <summary>The value recorded for <paramref name="field"/> and the entries it was read from, or false when none is.</summary>
    public bool TryGet(string field, out object value, out IReadOnlyList<FhirSource> read)
    {
        read = sources.GetValueOrDefault(field) ?? [];
        return values.TryGetValue(field, out value!);
    }

    /// <summary>
    /// Takes back the value recorded for <paramref name="field"/>, which another of the chart's values contradicts
    /// (<see cref="FhirReading.Contradicting"/>): it is not read, and is kept only so that a signal it gives is not lost.
    /// </summary>
    public void SetAside(string field)
    {
        if (values.Remove(field, out var value) && sources.Remove(field, out var read))
            contradicting[field] = new FhirValue(value, read);
    }

    /// <summary>
    /// The reading; an entry to check about a field the data did decide is left out (the answer stands on its own
    /// evidence), except one named beside the value (<see cref="CheckBesideValue"/>), which then says so
    /// (<see cref="ChartEntryToCheck.BesideValueRead"/>). One named beside a value that was not read in the end says it
    /// gives no value read (<see cref="ChartEntryToCheck.SameValueAsRead"/> false).
    /// </summary>
    public FhirReading Build()
    {
        foreach (var field in outweighNo.Where(f => values.TryGetValue(f, out var value) && value is false))
        {
            values.Remove(field);
            sources.Remove(field);
        }

        return new(values, sources.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)[.. s.Value.Select(r => r.Reference)], StringComparer.Ordinal))
        {
            ReadFrom = sources,
            Contradicting = contradicting,
            // Helper 214: an entry named beside a value says so only where that value is read; another entry may have left the
            // field not recorded since (an untimed result that may be newer), and then it says no value stands beside it.
            ToCheck = [.. toCheck.Where(c => !values.ContainsKey(c.Field) || besideValue.Contains((c.Field, c.Reference))).DistinctBy(c => (c.Field, c.Reference))
                .Select(c => values.ContainsKey(c.Field) ? c with { BesideValueRead = true } : c with { SameValueAsRead = false })],
            Rounded = [.. rounded.Where(r => values.TryGetValue(r.Field, out var value) && Equals(value, r.ReadAs))],
            // Only where the field is still neither read nor named (another entry may have named it since).
            ItemsWithoutTotal = [.. heldItems.Where(h => !values.ContainsKey(h.Entry.Field) && !toCheck.Any(c => c.Field == h.Entry.Field))],
            ResultsWithoutPart = [.. heldWithoutPart.Where(h => !values.ContainsKey(h.Entry.Field) && !toCheck.Any(c => c.Field == h.Entry.Field))],
        };
    }
}
