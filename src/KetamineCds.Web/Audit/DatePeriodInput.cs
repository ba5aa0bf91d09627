using System.Globalization;
using KetamineCds.Web.Api;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// A period as the query-string fields <c>from</c> and <c>to</c>: the clinic's whole days (<c>Clinic:TimeZone</c>, the
/// days the pages' times are in), <c>to</c> inclusive. The decision log's filter (<see cref="AuditFilterInput"/>) and the
/// access log's (<see cref="AccessFilterInput"/>) are periods with more fields; the impact analysis has only a period.
/// One place reads, checks and names the period, so that the pages, the CSV exports and the API agree.
/// </summary>
public class DatePeriodInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>The earliest date a filter may name: before the app existed nothing was logged.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The latest date a filter may name (a typo such as 9999-12-31 is refused, not turned into a server error).</summary>
    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    /// <summary>
    /// Field-level problems with the period (query-string names as keys), empty when it can run. Checked before anything
    /// is recorded or a response starts. <paramref name="query"/> is the request's query string: a date given there that
    /// the binder could not read left its property empty, and running without it would list (or export) more than the
    /// auditor asked for. Every spelling the binder reads the date from is looked at: <c>from</c> and, on the pages
    /// that bind the filter as a property, the prefixed <c>Filter.From</c> (any prefix, any letter case; QA11 F12).
    /// </summary>
    public Dictionary<string, string[]> ValidatePeriod(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("from", From), ("to", To) })
        {
            var given = Given(query, name);
            if (given.Any(text => ReadDate(text) is null))
            {
                errors[name] = [ClinicalText.Shared.Message("Audit.DateUnreadable", name)];
            }
            else if (given.Any(text => ReadDate(text) != value))
            {
                // Readable, but not the date the filter runs with: two different dates, or one under a spelling this
                // binding did not read (Filter.From=...&to=...: the binder read Filter.* only, so 'to' was dropped).
                errors[name] = [ClinicalText.Shared.Message("Audit.DateNotUsed", name)];
            }
            else if (value is { } date && (date < EarliestDate || date > LatestDate))
            {
                errors[name] = [ClinicalText.Shared.Message("Audit.DateOutOfRange", name, Text(EarliestDate), Text(LatestDate))];
            }
        }

        if (errors.Count == 0 && From is { } f && To is { } t && f > t)
        {
            errors["from"] = [ClinicalText.Shared.Message("Problem.FromAfterTo")];
        }

        return errors;
    }

    /// <summary>
    /// Adds to <paramref name="errors"/> a problem naming each query name an audit page does not read, with the page's
    /// filters (<paramref name="filterNames"/>) listed: ignored, an unknown filter (<c>?verdict=foo</c>) listed the whole
    /// log without a word (QA158 F11), where the exports refuse it by name. A page reads its filters, the
    /// <paramref name="otherNames"/> its own links and forms send (a paging cursor, an export's handler, <c>run</c>) and,
    /// when its filter is bound as a property named <paramref name="prefix"/>, each filter under that prefix
    /// (<c>Filter.From</c>, which the binder reads too; QA11 F12); all without regard to letter case, as the binder.
    /// The problem is the ClinicalText message <paramref name="message"/>, given the unknown name and the page's filters
    /// (<c>{0}</c>, <c>{1}</c>): a page whose filters need more saying than their names passes its own (Verify says what
    /// its one filter takes; Checkpoints has none), rather than replacing this one's after.
    /// </summary>
    public static void RefuseUnknownNames(
        IQueryCollection query,
        IReadOnlyList<string> filterNames,
        IReadOnlyList<string> otherNames,
        string? prefix,
        Dictionary<string, string[]> errors,
        string message = "Audit.UnknownPageFilter")
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filterNames);
        ArgumentNullException.ThrowIfNull(otherNames);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentException.ThrowIfNullOrEmpty(message);
        foreach (var name in query.Keys.Where(k => NameRead(k, filterNames, otherNames, prefix) is null))
        {
            errors[name] = [ClinicalText.Shared.Message(message, name, string.Join(", ", filterNames))];
        }
    }

    /// <summary>
    /// What the page's field shows for each of <paramref name="filterNames"/> that the query gives more than once (every
    /// spelling, any letter case, as <see cref="RefuseRepeatedNames"/> counts them): the one value given when the non-empty
    /// values agree (<c>patient=A&amp;patient=</c>, <c>patient=A&amp;Filter.Patient=A</c>: what the auditor meant is not in
    /// doubt), and null when they differ (<c>patient=A&amp;patient=B</c>). The field showed the value the binder kept, the
    /// first, as if the page had chosen it, while the refusal says it used neither; and a second "Filter" would then have
    /// listed A's entries without the auditor ever choosing A. Null, the field is as if the filter were not given (empty,
    /// "Any", the current rule set, "All of it"), beside the message asking for the one value to use.
    /// </summary>
    public static Dictionary<string, string?> RepeatedShown(IQueryCollection query, IReadOnlyList<string> filterNames, string? prefix)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filterNames);
        var shown = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var given in query
            .Select(pair => (Name: NameRead(pair.Key, filterNames, [], prefix), pair.Value))
            .Where(read => read.Name is not null)
            .GroupBy(read => read.Name!, StringComparer.Ordinal))
        {
            var values = given.SelectMany(read => read.Value).ToList();
            if (values.Count > 1)
            {
                var distinct = values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim()).Distinct(StringComparer.Ordinal).ToList();
                shown[given.Key] = distinct.Count == 1 ? distinct[0] : null;
            }
        }

        return shown;
    }

    /// <summary>
    /// Puts into each field of the filter that the query gives more than once what <see cref="RepeatedShown"/> says it
    /// shows. Call it after the filter's checks: nothing runs with a repeated filter, so this changes only what the
    /// page's form shows.
    /// </summary>
    protected void ShowRepeatedAsGiven(IQueryCollection query, IReadOnlyList<string> filterNames, string? prefix)
    {
        foreach (var (name, value) in RepeatedShown(query, filterNames, prefix))
        {
            Show(name, value);
        }
    }

    /// <summary>Sets the field <paramref name="name"/> (a query name of the filter) to <paramref name="value"/>, as <see cref="ShowRepeatedAsGiven"/> asks.</summary>
    protected virtual void Show(string name, string? value)
    {
        switch (name)
        {
            case "from":
                From = ReadDate(value);
                break;
            case "to":
                To = ReadDate(value);
                break;
        }
    }

    /// <summary>
    /// Adds to <paramref name="errors"/> a problem under <c>handler</c> when the query names an export the page does not
    /// have (<c>/Audit?handler=Jsonl</c>, <c>/Audit/Access?handler=JsonLines</c>): Razor Pages then runs the page's own
    /// GET, which listed the log with a 200 where the auditor asked for a file, and recorded a list view, not an export.
    /// Refused by name with the page's exports listed, as an unknown filter is. An empty <c>handler=</c> is the page
    /// itself, as an empty filter is no filter; a handler given twice is <see cref="RefuseRepeatedNames"/>'s to name, so
    /// this adds nothing where a problem with <c>handler</c> is already listed. The problem is the ClinicalText message
    /// <paramref name="message"/>, given the handler and <paramref name="exports"/> (<c>{0}</c>, <c>{1}</c>): an entry's
    /// page, which has no export and takes no handler, passes its own (<see cref="AuditEntryPages.RefuseQuery"/>).
    /// </summary>
    public static void RefuseUnknownExport(
        IQueryCollection query, IReadOnlyList<string> exports, Dictionary<string, string[]> errors, string message = "Audit.UnknownExport")
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentException.ThrowIfNullOrEmpty(message);
        var handler = query.FirstOrDefault(pair => string.Equals(pair.Key, "handler", StringComparison.OrdinalIgnoreCase)).Value;
        if (handler.Count == 1 && handler[0] is { Length: > 0 } name && !exports.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            errors.TryAdd("handler", [ClinicalText.Shared.Message(message, name, string.Join(", ", exports))]);
        }
    }

    /// <summary>
    /// Adds to <paramref name="errors"/> a problem for each name an audit page reads (as
    /// <see cref="RefuseUnknownNames"/> reads them) that the query gives more than once, in any letter case, an empty value
    /// included: the binder used one of the values without a word (<c>/Audit?patient=A&amp;patient=</c> listed A's entries),
    /// where the audit API refuses the repeat (<see cref="QueryNames.Repeated(IQueryCollection, string)"/>, the same check
    /// and message). A filter under both its spellings (<c>who</c> and <c>Filter.Who</c>) is given more than once too,
    /// whatever the values: the binder reads the prefixed spelling alone once the query uses it, so
    /// <c>/Audit/Access?who=a&amp;Filter.Who=b</c> listed b's events, dropping <c>who=a</c>; the message names both. A
    /// filter in the short spelling beside another in the prefixed one is refused too, naming both: the binder dropped it
    /// (<c>/Audit/Access?who=a&amp;Filter.Kind=export</c> listed every export). The message names the filter as the query spelled it (<c>Filter.Patient</c> or <c>patient</c>, in the page's letter
    /// case); the problem is kept under the page's own name for it (<c>patient</c>), so that it stands beside that field,
    /// and it replaces a problem with one of the values: the repeat is what is to be corrected. Call it after the
    /// filter's other checks.
    /// </summary>
    public static void RefuseRepeatedNames(
        IQueryCollection query, IReadOnlyList<string> filterNames, IReadOnlyList<string> otherNames, string? prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var reads = query.Keys
            .Select(key => (Key: key, Name: NameRead(key, filterNames, otherNames, prefix)))
            .Where(read => read.Name is not null)
            .ToList();
        var prefixed = reads.Where(read => read.Key.Contains('.', StringComparison.Ordinal)).Select(read => Prefixed(read.Name!)).FirstOrDefault();
        foreach (var given in reads.GroupBy(read => read.Name!, StringComparer.Ordinal))
        {
            var name = given.Key;
            // Named in the page's letter case, as the binder spells it under the prefix (Filter.Patient) when the query
            // used that: the query's key is in the letter case of whichever repeat it kept (who=a&WHO= keeps WHO). The
            // short spelling first.
            var spelled = given
                .Select(read => read.Key.Contains('.', StringComparison.Ordinal) ? Prefixed(name) : name)
                .OrderBy(spelling => spelling.Contains('.', StringComparison.Ordinal))
                .ToList();
            if (spelled.Count > 1)
            {
                errors[name] = [ClinicalText.Shared.Message("Audit.FilterUnderBothSpellings", spelled[0], spelled[1])];
            }
            else if (QueryNames.Repeated(query, spelled[0]) is { } problem)
            {
                errors[name] = [problem];
            }
            else if (prefixed is not null && spelled[0] == name && filterNames.Contains(name, StringComparer.Ordinal))
            {
                // Another filter in the prefixed spelling makes the binder read that spelling alone: this one, in the short
                // spelling, would be dropped (/Audit/Access?who=a&Filter.Kind=export listed every export). A date so given
                // already says it was not used as given (ValidatePeriod); that stands.
                errors.TryAdd(name, [ClinicalText.Shared.Message("Audit.FilterBesideOtherSpelling", name, prefixed)]);
            }
        }

        string Prefixed(string name) => $"{prefix}.{char.ToUpperInvariant(name[0])}{name[1..]}";
    }

    /// <summary>
    /// The name, as the page spells it, that query name <paramref name="key"/> gives (one of <paramref name="filterNames"/>
    /// or <paramref name="otherNames"/>, or a filter under <paramref name="prefix"/>; without regard to letter case, as
    /// the binder), or null when the page does not read it.
    /// </summary>
    private static string? NameRead(string key, IReadOnlyList<string> filterNames, IReadOnlyList<string> otherNames, string? prefix)
    {
        ArgumentNullException.ThrowIfNull(filterNames);
        ArgumentNullException.ThrowIfNull(otherNames);
        var unprefixed = prefix is not null && key.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase) ? key[(prefix.Length + 1)..] : null;
        return filterNames.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase) || string.Equals(n, unprefixed, StringComparison.OrdinalIgnoreCase))
            ?? otherNames.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Adds to <paramref name="errors"/> a problem under <paramref name="name"/> when its text filter
    /// (<paramref name="value"/>, matched whole against a log column <paramref name="longest"/> characters wide) is one no
    /// entry can hold: longer than the column, or holding a control character (a NUL, a line break) or an invisible mark
    /// that changes the direction of the text (<see cref="FreeText.HasHiddenCharacters"/>), which the access log writes
    /// escaped (LogText) and no account's email holds. Run, it listed or exported nothing, and an auditor read "nothing
    /// recorded" for a search that could match nothing. One check for every audit filter matched against a column (the
    /// access log's <c>who</c> and <c>subject</c>, the decision log's <c>clinician</c>), page, export and API alike.
    /// </summary>
    protected static void RefuseTextNoEntryHolds(string name, string? value, int longest, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return;
        }

        if (value.Trim().Length > longest)
        {
            errors[name] = [ClinicalText.Shared.Message("Audit.TooLong", name, longest)];
        }
        else if (FreeText.HasHiddenCharacters(value, multiLine: false))
        {
            errors[name] = [ClinicalText.Shared.Message("Audit.HiddenCharacters", name)];
        }
    }

    /// <summary>
    /// The values the query gives for <paramref name="name"/> under every spelling the binder may read it from: the name
    /// itself or a prefixed <c>Prefix.name</c>, in any letter case, blanks left out. A prefixed name no binder reads is
    /// counted too, and so is every value of a repeated name: the binder uses one of them, so one it could not read, or
    /// a date the filter does not run with (two different dates, or <c>to</c> beside <c>Filter.From</c>, which the binder
    /// does not read then), are refused. Refusing a hand-made URL is
    /// safe; listing more, or other, than was asked for is not.
    /// </summary>
    private static List<string> Given(IQueryCollection query, string name) =>
        query.Where(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)
                || pair.Key.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value)
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => text!)
            .ToList();

    /// <summary>
    /// A query-string date written exactly as <c>yyyy-mm-dd</c> (e.g. <c>2026-01-31</c>, the message's spelling), or null
    /// when it is absent or written otherwise; <see cref="ValidatePeriod"/> then names it. Nothing else is read as a
    /// date: read leniently, <c>2026-11-29T23:00</c> was the whole day 29 (the time silently dropped) and
    /// <c>11/30/2026</c> or <c>Nov 30 2026</c> a date in a spelling the message does not offer (QA14a P7). Surrounding
    /// spaces are allowed, as the binder allows them.
    /// </summary>
    public static DateOnly? ReadDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// The period as moments (UTC) in the clinic's days (<paramref name="calendar"/>): from the start of <c>from</c>'s day,
    /// up to (not including) the start of the day after <c>to</c>; null where the period is open. Call
    /// <see cref="ValidatePeriod"/> first.
    /// </summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Instants(ClinicCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return (From is { } from ? calendar.StartOf(from) : null, To is { } to ? calendar.StartOf(to.AddDays(1)) : null);
    }

    /// <summary>The filter as route values, for links (next page, export): the period first, then the filter's other fields.</summary>
    public virtual Dictionary<string, string?> RouteValues() => new()
    {
        ["from"] = From is { } from ? Text(from) : null,
        ["to"] = To is { } to ? Text(to) : null,
    };

    /// <summary>
    /// The filter in words, as a list states it above its entries and on paper (<see cref="ListContext"/>, QA318): each field
    /// given, labelled as the page's form labels it and valued as the list ran with it, in the order of the form; empty when
    /// none is given (no filter: the whole log). Each filter adds its own fields (<see cref="AuditFilterInput"/>,
    /// <see cref="AccessFilterInput"/>), so that what a filter holds is described where it is declared. Call it once the
    /// filter passed its checks.
    /// </summary>
    public virtual IReadOnlyList<FilterTerm> Described(IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var terms = new List<FilterTerm>();
        if (From is { } from)
        {
            terms.Add(new(localizer["Recorded from (the clinic's day)"], Text(from)));
        }

        if (To is { } to)
        {
            terms.Add(new(localizer["Recorded to (the clinic's day, inclusive)"], Text(to)));
        }

        return terms;
    }

    /// <summary>Adds a text field to <paramref name="terms"/> as the filter matches it, trimmed; nothing when it is blank.</summary>
    protected static void AddText(List<FilterTerm> terms, string label, string? value)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (value?.Trim() is { Length: > 0 } given)
        {
            terms.Add(new(label, given));
        }
    }

    /// <summary>The filter as the access log records it: <c>from=2026-01-01; to=2026-01-31; ...</c>, the fields given only.</summary>
    public override string ToString() => string.Join(
        "; ",
        RouteValues().Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => kv.Key + "=" + kv.Value));

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
