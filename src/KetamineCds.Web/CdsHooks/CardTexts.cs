using System.Globalization;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// Every text the CDS Hooks cards and service descriptions show, in the request's language (English, or Simplified
/// Chinese for an EHR that asks for it or a client configured for it; <c>Card.*</c> in ClinicalText.resx). Summaries
/// stay within 140 characters (the spec's limit; <see cref="Summary"/> enforces it).
/// </summary>
public static class CardTexts
{
    /// <summary>What a feedback override without a comment records as its explanation: stored, so always English.</summary>
    public const string FeedbackExplanation = "Overridden in the EHR (CDS Hooks feedback); no comment was given.";

    public static string PatientViewTitle => Text("Card.PatientViewTitle");

    public static string PatientViewDescription => Text("Card.PatientViewDescription");

    public static string OrderSignTitle => Text("Card.OrderSignTitle");

    public static string OrderSignDescription => Text("Card.OrderSignDescription");

    public static string SupportsNotReplaces => Text("Card.SupportsNotReplaces");

    /// <summary>The card's <c>source.label</c>: the contract's own words in every language, since an EHR may read it.</summary>
    public static string SourceLabel(string ruleSetVersion) => "KetamineCds rule set " + ruleSetVersion;

    public static string OpenFormLabel => Text("Card.OpenFormLabel");

    /// <summary>
    /// The incomplete card's summary: how many items it lists. Helper 234: when one of them is a chart entry the screening
    /// cannot read (<paramref name="unreadable"/>: a blood pressure in kPa, a value out of range), they are "not recorded or
    /// not readable", never all "not recorded in the chart" while the chart holds one.
    /// </summary>
    public static string IncompleteSummary(int notRecorded, bool chartNotAllSent = false, bool unreadable = false)
    {
        var key = "Card.IncompleteSummary" + (chartNotAllSent ? ".NotAllSent" : "") + (unreadable ? ".Unreadable" : "");
        return Summary(notRecorded == 1 ? Text(key + ".One") : Text(key + ".Many", Number(notRecorded)));
    }

    /// <summary>
    /// Helper 306: the incomplete card's summary when answers recorded as not done are waited for
    /// (<see cref="Screenings.NotRecordedSummary.RecordedNotDone"/>, from rule set 1.27.0): with <paramref name="notRecorded"/>
    /// items listed as not recorded, <see cref="IncompleteSummary(int, bool, bool)"/> and how many are recorded as not done; with
    /// none, only that (it read "0 items are not recorded in the chart", naming nothing the pathways wait for).
    /// </summary>
    public static string IncompleteSummary(int notRecorded, int recordedNotDone, bool chartNotAllSent = false, bool unreadable = false)
    {
        if (recordedNotDone == 0)
        {
            return IncompleteSummary(notRecorded, chartNotAllSent, unreadable);
        }

        var key = (notRecorded == 0 ? "Card.IncompleteSummary.OnlyRecordedNotDone" : "Card.IncompleteSummary.AndRecordedNotDone") + (recordedNotDone == 1 ? ".One" : ".Many");
        var notDone = Text(key, Number(recordedNotDone));
        return Summary(notRecorded == 0 ? notDone : IncompleteSummary(notRecorded, chartNotAllSent, unreadable) + notDone);
    }

    /// <summary>
    /// Helper 306: the heading of the answers recorded as not done that pathways wait for as for a blank one, the result
    /// page's "Recorded as not done" box (<see cref="Screenings.NotRecordedSummary.RecordedNotDone"/>).
    /// </summary>
    public static string RecordedNotDoneHeading => Text("Card.RecordedNotDoneHeading");

    /// <summary>What those answers mean, in the result page's words.</summary>
    public static string RecordedNotDoneNote => Text("Card.RecordedNotDoneNote");

    /// <summary>One such answer: its label, its value recorded as not done (the page's words), with the pathways waiting (<see cref="WaitingItem"/>).</summary>
    public static string RecordedNotDoneItem(string label, string value, string pathways) =>
        WaitingItem(label + ClinicalText.Shared.Colon + Text("Card.RecordedNotDoneValue", value), pathways);

    /// <summary>
    /// QA281 F1: the opening of the card for imminent suicide risk in the answers (<see cref="CardBuilder.ImminentRisk"/>):
    /// what is recorded (each answer, with the chart entries it was read from), that it is imminent risk as the rule
    /// defines it, and that it is said whether or not the screening can give a result.
    /// </summary>
    public static string ImminentRiskIntro(string recorded, string ruleId) => Text("Card.ImminentRiskIntro", recorded, ruleId);

    /// <summary>The summary of the card for a draft order whose medicine cannot be identified (QA120 F7).</summary>
    public static string UnidentifiedOrderSummary => Summary(Text("Card.UnidentifiedOrderSummary"));

    /// <summary>Why such an order cannot be told from a ketamine order, and what to do, with its citation.</summary>
    public static string UnidentifiedOrderDetail => Text("Card.UnidentifiedOrderDetail");

    /// <summary>The heading of the prefetch keys the EHR did not send, or sent failed or in part (QA120 F4).</summary>
    public static string PrefetchGapsHeading => Text("Card.PrefetchGapsHeading");

    /// <summary>What those gaps mean for the items read from them, with its citation.</summary>
    public static string PrefetchGapsNote => Text("Card.PrefetchGapsNote");

    /// <summary>The heading of the prefetch keys the EHR sent as <c>null</c>, reporting no data for them (QA295 F2).</summary>
    public static string PrefetchNoDataHeading => Text("Card.PrefetchNoDataHeading");

    /// <summary>What those keys mean for the items read from them (not recorded, never "no"), with its citation.</summary>
    public static string PrefetchNoDataNote => Text("Card.PrefetchNoDataNote");

    /// <summary>The heading of the chart values with a fraction read as whole numbers (<see cref="KetamineCds.Fhir.FhirReading.Rounded"/>).</summary>
    public static string RoundedHeading => Text("Card.RoundedHeading");

    /// <summary>One such value: the question, the value as the chart gave it, its entry, and the whole number read.</summary>
    public static string Rounded(KetamineCds.Fhir.RoundedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Text("Card.Rounded", ClinicalText.Shared.FieldLabel(value.Field), value.Given.ToString(CultureInfo.InvariantCulture), value.Reference, Number(value.ReadAs));
    }

    /// <summary>Why blood pressure is rounded up (the safer reading for upper thresholds), with its citations.</summary>
    public static string RoundedNote => Text("Card.RoundedNote");

    /// <summary>One gap: the key and how the EHR left it.</summary>
    public static string PrefetchGap(PrefetchGap gap) => gap.Kind switch
    {
        PrefetchGapKind.NotSent => Text("Card.PrefetchGap.NotSent", gap.Key),
        PrefetchGapKind.Null => Text("Card.PrefetchGap.Null", gap.Key),
        PrefetchGapKind.Failed => Text("Card.PrefetchGap.Failed", gap.Key, gap.Detail),
        _ when gap.Found is { } found && gap.Sent is { } sent => Text("Card.PrefetchGap.Partial", gap.Key, Number(sent), Number(found)),
        _ => Text("Card.PrefetchGap.NextPage", gap.Key),
    };

    public static string IncompleteIntro => Text("Card.IncompleteIntro");

    /// <summary>
    /// The incomplete card's opening beside the critical card of a contraindication the chart records (QA158 F7): the rules
    /// that read none of the missing items found it, so the answer is not "no result yet"; the items are still to record.
    /// </summary>
    public static string IncompleteIntroBesideContraindication => Text("Card.IncompleteIntro.ContraindicationFound");

    public static string RequiredHeading => Text("Card.RequiredHeading");

    public static string SafetyHeading => Text("Card.SafetyHeading");

    public static string NeedsAttentionHeading => Text("Card.NeedsAttentionHeading");

    /// <summary>
    /// One chart entry the reader cannot read as an answer, under <see cref="NeedsAttentionHeading"/> (QA13 H3, M4): the
    /// question's label, the chart's words and the resource, and why it is neither yes nor no.
    /// </summary>
    public static string ChartCheck(KetamineCds.Fhir.ChartEntryToCheck entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind == KetamineCds.Fhir.ChartCheckKind.ResultsContradict && entry.Against is { } against)
        {
            // "{item} cannot be above {limit}": the field whose value may not exceed the other's is named first (QA132 F4);
            // "{item} is too low for that {limit}, whose other items score at most {N} together" when the item is below
            // the total less its other parts' most (QA157 F2: a PHQ-9 total of 27 beside an item 9 of 0).
            var (item, limit) = KetamineCds.Domain.Screening.Fields.Find(entry.Field)?.AtMost == against ? (entry.Field, against) : (against, entry.Field);
            var others = KetamineCds.Domain.Screening.Fields.Find(item)?.OtherPartsAtMost;
            return entry.PartTooLow && others is { } most
                ? Text(
                    ChartCheckKey(entry.Kind) + ".PartTooLow",
                    ClinicalText.Shared.FieldLabel(entry.Field),
                    entry.What,
                    entry.Reference,
                    ClinicalText.Shared.FieldLabel(item),
                    ClinicalText.Shared.FieldLabel(limit),
                    most)
                : Text(
                    ChartCheckKey(entry.Kind),
                    ClinicalText.Shared.FieldLabel(entry.Field),
                    entry.What,
                    entry.Reference,
                    ClinicalText.Shared.FieldLabel(item),
                    ClinicalText.Shared.FieldLabel(limit));
        }

        return Line(LineKey(entry), ClinicalText.Shared.FieldLabel(entry.Field), entry);
    }

    /// <summary>
    /// A line of <paramref name="key"/> for <paramref name="entry"/> under <paramref name="labels"/>: the chart's words and the
    /// resource, and, for a panel naming its items (<see cref="KetamineCds.Fhir.ChartEntryToCheck.Items"/>), which they are.
    /// </summary>
    private static string Line(string key, string labels, KetamineCds.Fhir.ChartEntryToCheck entry) =>
        entry.Items is { Count: > 0 } items
            ? Text(key, labels, entry.What, entry.Reference, string.Join(ClinicalText.Shared.ListSeparator, items.Select(Number)))
            : Range(entry) is { } range
                ? Text(key, labels, entry.What, entry.Reference, RangeEnd(range.Min), RangeEnd(range.Max) + UnitOf(entry.Field))
                : OtherRange(entry) is { } other
                    ? Text(key, labels, entry.What, entry.Reference, ClinicalText.Shared.FieldLabel(other.Field), RangeEnd(other.Min), RangeEnd(other.Max) + UnitOf(other.Field))
                    : UnitFault(entry) is { } unit
                        ? Text(key, labels, entry.What, entry.Reference, unit.Kind == KetamineCds.Fhir.UnitFaultKind.Bound ? unit.Bound : unit.Code ?? unit.Text, unit.Text)
                        : Text(key, labels, entry.What, entry.Reference);

    /// <summary>
    /// Helper 257: for a blood pressure result not read for its unit or comparator, and for no other listed reason (a range,
    /// codes and words disagreeing), that cause (<see cref="KetamineCds.Fhir.ChartEntryToCheck.Unit"/>), so that the line says
    /// which cause applied ("the unit “kPa” is not read") rather than every cause there may be; else null.
    /// </summary>
    private static KetamineCds.Fhir.UnitFault? UnitFault(KetamineCds.Fhir.ChartEntryToCheck entry) =>
        entry.Kind == KetamineCds.Fhir.ChartCheckKind.ResultNotReadable && !entry.AnswersDisagree && Range(entry) is null && OtherRange(entry) is null
            ? entry.Unit : null;

    /// <summary>
    /// Helper 226: for a result not read because its value is outside the range its field accepts
    /// (<see cref="KetamineCds.Fhir.ChartEntryToCheck.OutOfRange"/>: a PHQ-9 total of 99 or 99.5, helper 228: a systolic
    /// blood pressure of 400 mmHg, said with its unit, "50 to 300 mmHg"; QA284 F2: a birth date giving an age of 136 years,
    /// "0 to 120 years"), that range, from the field catalogue
    /// (<see cref="KetamineCds.Domain.Screening.FieldDefinition.Min"/>, <see cref="KetamineCds.Domain.Screening.FieldDefinition.Max"/>);
    /// else null.
    /// </summary>
    private static (decimal Min, decimal Max)? Range(KetamineCds.Fhir.ChartEntryToCheck entry) =>
        entry.Kind is KetamineCds.Fhir.ChartCheckKind.ResultNotReadable or KetamineCds.Fhir.ChartCheckKind.BirthDateGivesNoAge && entry.OutOfRange
            && KetamineCds.Domain.Screening.Fields.Find(entry.Field) is { Min: { } min, Max: { } max }
            ? (min, max) : null;

    /// <summary>
    /// Helper 234: for a blood pressure reading not read because its other value is outside that value's range while this
    /// one is within its own (<see cref="KetamineCds.Fhir.ChartEntryToCheck.OtherOutOfRange"/>: 400/80 mmHg, named for the
    /// diastolic), that other value's field and range, from the field catalogue; else null. It was named "cannot be read"
    /// among units, absent values and words, where the value out of range was named with its range.
    /// </summary>
    private static (string Field, decimal Min, decimal Max)? OtherRange(KetamineCds.Fhir.ChartEntryToCheck entry) =>
        entry.Kind == KetamineCds.Fhir.ChartCheckKind.ResultNotReadable && !entry.OutOfRange && entry.OtherOutOfRange is { } field
            && KetamineCds.Domain.Screening.Fields.Find(field) is { Min: { } min, Max: { } max }
            ? (field, min, max) : null;

    /// <summary>
    /// The text a chart entry's line says (<see cref="ChartCheck"/>), but for a contradiction: its kind's, or, where the
    /// entry says more, that variant's. Helper 200: a result not read because its codes and words name different answers
    /// says so. Helper 209: a result whose time cannot be told that gives the very value read says that value stands.
    /// Helper 214: one that shows it was taken before the value read, named beside it, says that the newer result is read,
    /// never that no result is read in its place. Helper 223: a questionnaire's result named beside item 9 for giving no
    /// answer to it says so; a panel named beside the total for giving only some items says which. Helper 225: where it is
    /// named because the chart's own answer to item 9 is older (<see cref="KetamineCds.Fhir.ChartEntryToCheck.ChartPartOlder"/>),
    /// it says that answer is not read, not the earlier screening's; and that answer, named beside it, says why.
    /// </summary>
    private static string LineKey(KetamineCds.Fhir.ChartEntryToCheck entry)
    {
        var timeUntold = entry.Kind is KetamineCds.Fhir.ChartCheckKind.ResultUntimed or KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven;
        var itemWithoutTotal = entry.Kind == KetamineCds.Fhir.ChartCheckKind.ItemWithoutTotal;
        // Helper 223: beside a part of the total (item 9), a result of the questionnaire that gives no answer to it; beside
        // the total, a panel naming the items it answers.
        return itemWithoutTotal && KetamineCds.Domain.Screening.Fields.Find(entry.Field)?.OtherPartsAtMost is not null
                ? ChartCheckKey(entry.Kind) + (entry.ChartPartOlder ? ".WithoutThisItem.AfterChartAnswer" : ".WithoutThisItem")
            : entry.Kind == KetamineCds.Fhir.ChartCheckKind.ResultBesideNewer && entry.ChartPartOlder ? ChartCheckKey(entry.Kind) + ".WithoutThisItem"
            : itemWithoutTotal && entry.Items is { Count: > 0 } items ? ChartCheckKey(entry.Kind) + (items.Count == 1 ? ".Panel.One" : ".Panel")
            : entry.Kind == KetamineCds.Fhir.ChartCheckKind.ResultNotReadable && entry.AnswersDisagree ? ChartCheckKey(entry.Kind) + ".AnswersDisagree"
            : Range(entry) is not null ? ChartCheckKey(entry.Kind) + ".OutOfRange"
            : OtherRange(entry) is not null ? ChartCheckKey(entry.Kind) + ".OtherOutOfRange"
            : UnitFault(entry) is { } unit ? ChartCheckKey(entry.Kind) + ".Unit." + unit.Kind
            : timeUntold && entry.SameValueAsRead ? ChartCheckKey(entry.Kind) + ".SameValue"
            : timeUntold && entry.BesideValueRead ? ChartCheckKey(entry.Kind) + ".BesideValue"
            // QA281 F2: a suicidal-ideation diagnosis beside Suicidality asks for the level the contract grades.
            : entry.Kind == KetamineCds.Fhir.ChartCheckKind.ConditionNamesQuestion && entry.Field == KetamineCds.Domain.Screening.Fields.Suicidality.Name
                ? ChartCheckKey(entry.Kind) + ".Suicidality"
            : ChartCheckKey(entry.Kind);
    }

    /// <summary>
    /// Whether <paramref name="field"/> is a part of a questionnaire's total or that total (PHQ-9 item 9 and the PHQ-9
    /// total: the field catalogue's <see cref="KetamineCds.Domain.Screening.FieldDefinition.OtherPartsAtMost"/> with its
    /// <see cref="KetamineCds.Domain.Screening.FieldDefinition.AtMost"/>): a result of the part bears on both.
    /// </summary>
    private static bool PartOrItsTotal(string field) =>
        KetamineCds.Domain.Screening.Fields.All.Any(f => f.OtherPartsAtMost is not null && f.AtMost is not null && (f.Name == field || f.AtMost == field));

    /// <summary>
    /// Whether <paramref name="field"/> is one of the values of one reading (<see cref="KetamineCds.Fhir.FhirHistoryReader.MeasurementGroups"/>
    /// with more than one field: a blood pressure's systolic and diastolic): an entry of that reading bears on each.
    /// </summary>
    private static bool ValueOfOneReading(string field) =>
        KetamineCds.Fhir.FhirHistoryReader.MeasurementGroups.Any(g => g.Count > 1 && g.Contains(field, StringComparer.Ordinal));

    /// <summary>
    /// The lines of <see cref="ChartCheck"/> for the chart entries to check, in order, except that a medicine no value set
    /// can read (recorded only in words, <see cref="KetamineCds.Fhir.ChartCheckKind.MedicineInWordsOnly"/>, or coded only
    /// in systems the medication value sets do not use, <see cref="KetamineCds.Fhir.ChartCheckKind.MedicineCodeNotRead"/>),
    /// named beside every medicine question, and a Condition no value set can read
    /// (<see cref="KetamineCds.Fhir.ChartCheckKind.ConditionCodeNotRead"/>), named beside every Condition question, is one
    /// line naming those questions together, separated as the language
    /// separates items that have commas of their own ("; ", "；"), rather than one line per question. So is one result
    /// named beside both PHQ-9 item 9 and the PHQ-9 total for the same reason, in the same words (<see cref="PartOrItsTotal"/>:
    /// an item 9 whose time cannot be told, or not final, bears on both; helper 214: it was listed twice, once under each,
    /// as if the chart held two results); where it says something different under each (read beside one value, not the
    /// other), each keeps its own line. So is one blood pressure reading named beside its systolic and its diastolic
    /// (<see cref="ValueOfOneReading"/>, helper 218: a panel not final, untimed or dated in the future was listed twice,
    /// once under each value, as if the chart held two readings).
    /// </summary>
    public static List<string> ChartChecks(IEnumerable<KetamineCds.Fhir.ChartEntryToCheck> entries) =>
        [.. ChartCheckLines(entries).Select(l => l.Line)];

    /// <summary>
    /// The lines of <see cref="ChartChecks"/>, each with the contract names of the fields it names (one, or those of a
    /// line shared as <see cref="ChartChecks"/> says), so that a card can place a line under the heading of what its
    /// fields block (helper 228, <see cref="CardBuilder.Incomplete"/>).
    /// </summary>
    public static List<(string Line, List<string> Fields)> ChartCheckLines(IEnumerable<KetamineCds.Fhir.ChartEntryToCheck> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = new List<(string Line, List<string> Fields)>();
        var shared = new Dictionary<(string Key, string Reference, string What, (decimal, decimal)? Range), (int Line, List<string> Labels)>();
        var all = entries.ToList();
        // Helper 234: the later results of a questionnaire named beside its total and a part of it (item 9) for giving
        // neither (ItemWithoutTotal) are one line, each result named once: eight later items gave 16 lines, 8 beside the
        // total, 8 beside item 9. Results named for the same reasons beside the same fields share the line.
        var laterResults = all.Where(LaterResult).ToList();
        var reasons = laterResults.GroupBy(e => e.Reference, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => string.Join("|", g.Select(e => e.Field + "/" + LineKey(e)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        var together = laterResults.GroupBy(e => reasons[e.Reference], StringComparer.Ordinal)
            .Where(g => g.Select(e => e.Reference).Distinct(StringComparer.Ordinal).Count() > 1 || g.Select(e => e.Field).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in all)
        {
            if (LaterResult(entry) && together.TryGetValue(reasons[entry.Reference], out var group))
            {
                if (named.Add(reasons[entry.Reference]))
                {
                    lines.Add(LaterResultsLine(group));
                }

                continue;
            }

            if (entry.Kind is not (KetamineCds.Fhir.ChartCheckKind.MedicineInWordsOnly or KetamineCds.Fhir.ChartCheckKind.MedicineCodeNotRead
                or KetamineCds.Fhir.ChartCheckKind.MedicineCodeNotListed or KetamineCds.Fhir.ChartCheckKind.ConditionCodeNotRead)
                && (entry.Kind == KetamineCds.Fhir.ChartCheckKind.ResultsContradict || !(PartOrItsTotal(entry.Field) || ValueOfOneReading(entry.Field))))
            {
                lines.Add((ChartCheck(entry), [entry.Field]));
                continue;
            }

            var key = LineKey(entry);
            var label = ClinicalText.Shared.FieldLabel(entry.Field);
            if (shared.TryGetValue((key, entry.Reference, entry.What, Range(entry)), out var seen))
            {
                seen.Labels.Add(label);
                var fields = lines[seen.Line].Fields;
                if (!fields.Contains(entry.Field, StringComparer.Ordinal))
                    fields.Add(entry.Field);
                lines[seen.Line] = (Line(key, string.Join(ClinicalText.Shared.Semicolon, seen.Labels), entry), fields);
                continue;
            }

            shared[(key, entry.Reference, entry.What, Range(entry))] = (lines.Count, [label]);
            lines.Add((ChartCheck(entry), [entry.Field]));
        }

        return lines;
    }

    /// <summary>
    /// Helper 234: whether <paramref name="entry"/> names a result of a questionnaire beside its total or a part of it (PHQ-9
    /// item 9) for giving neither (<see cref="KetamineCds.Fhir.ChartCheckKind.ItemWithoutTotal"/>; a panel, whose line says
    /// which items it gives, keeps its own): such results are named together (<see cref="LaterResultsLine"/>).
    /// </summary>
    private static bool LaterResult(KetamineCds.Fhir.ChartEntryToCheck entry) =>
        entry.Kind == KetamineCds.Fhir.ChartCheckKind.ItemWithoutTotal && entry.Items is null && PartOrItsTotal(entry.Field);

    /// <summary>
    /// One line for the later results of a questionnaire in <paramref name="group"/>, named beside the same fields for the
    /// same reasons (<see cref="LaterResult"/>): the fields' labels, each result once (its words and time, its resource),
    /// then why each field is not read beside them, as each entry's own line says it (no total; no answer to item 9, taken
    /// after the earlier screening's answers or after the chart's own answer to it), and the citation.
    /// </summary>
    private static (string Line, List<string> Fields) LaterResultsLine(List<KetamineCds.Fhir.ChartEntryToCheck> group)
    {
        var fields = group.Select(e => e.Field).Distinct(StringComparer.Ordinal).ToList();
        var results = group.DistinctBy(e => e.Reference, StringComparer.Ordinal).Select(e => Text("Card.ChartCheck.LaterResults.Result", e.What, e.Reference)).ToList();
        var why = group.DistinctBy(e => (e.Field, LineKey(e))).Select(e => Text(
            KetamineCds.Domain.Screening.Fields.Find(e.Field)?.OtherPartsAtMost is null ? "Card.ChartCheck.LaterResults.NoTotal"
                : e.ChartPartOlder ? "Card.ChartCheck.LaterResults.NoPart.AfterChartAnswer" : "Card.ChartCheck.LaterResults.NoPart",
            ClinicalText.Shared.FieldLabel(e.Field)));
        var labels = string.Join(ClinicalText.Shared.Semicolon, fields.Select(ClinicalText.Shared.FieldLabel));
        return (Text(
            results.Count == 1 ? "Card.ChartCheck.LaterResults.One" : "Card.ChartCheck.LaterResults",
            labels,
            Number(results.Count),
            string.Join(ClinicalText.Shared.Semicolon, results),
            why.Aggregate(ClinicalText.Sentences)), fields);
    }

    private static string ChartCheckKey(KetamineCds.Fhir.ChartCheckKind kind) => kind switch
    {
        KetamineCds.Fhir.ChartCheckKind.AllergyNamingKetamine => "Card.ChartCheck.Allergy",
        KetamineCds.Fhir.ChartCheckKind.PsychoticDisorder => "Card.ChartCheck.PsychoticDisorder",
        KetamineCds.Fhir.ChartCheckKind.StatusUnknown => "Card.ChartCheck.StatusUnknown",
        KetamineCds.Fhir.ChartCheckKind.Undated => "Card.ChartCheck.Undated",
        KetamineCds.Fhir.ChartCheckKind.MedicineNotActive => "Card.ChartCheck.MedicineNotActive",
        KetamineCds.Fhir.ChartCheckKind.MedicineNotToBeGiven => "Card.ChartCheck.MedicineNotToBeGiven",
        KetamineCds.Fhir.ChartCheckKind.MedicineDatedNotNow => "Card.ChartCheck.MedicineDatedNotNow",
        KetamineCds.Fhir.ChartCheckKind.OrderNotValidNow => "Card.ChartCheck.OrderNotValidNow",
        KetamineCds.Fhir.ChartCheckKind.PatientDeceased => "Card.ChartCheck.PatientDeceased",
        KetamineCds.Fhir.ChartCheckKind.SubjectNotShown => "Card.ChartCheck.SubjectNotShown",
        KetamineCds.Fhir.ChartCheckKind.VersionUnclear => "Card.ChartCheck.VersionUnclear",
        KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven => "Card.ChartCheck.ResultTakenWhenNotGiven",
        KetamineCds.Fhir.ChartCheckKind.ResultUntimed => "Card.ChartCheck.ResultUntimed",
        KetamineCds.Fhir.ChartCheckKind.ResultBesideUntimed => "Card.ChartCheck.ResultBesideUntimed",
        KetamineCds.Fhir.ChartCheckKind.ResultBesideNewer => "Card.ChartCheck.ResultBesideNewer",
        KetamineCds.Fhir.ChartCheckKind.ItemWithoutTotal => "Card.ChartCheck.ItemWithoutTotal",
        KetamineCds.Fhir.ChartCheckKind.ResultNotFinal => "Card.ChartCheck.ResultNotFinal",
        KetamineCds.Fhir.ChartCheckKind.MedicineInWordsOnly => "Card.ChartCheck.MedicineInWordsOnly",
        KetamineCds.Fhir.ChartCheckKind.MedicineCodeNotRead => "Card.ChartCheck.MedicineCodeNotRead",
        KetamineCds.Fhir.ChartCheckKind.MedicineCodeNotListed => "Card.ChartCheck.MedicineCodeNotListed",
        KetamineCds.Fhir.ChartCheckKind.AllergyCodedKetamine => "Card.ChartCheck.AllergyCoded",
        KetamineCds.Fhir.ChartCheckKind.NotCurrentMayStand => "Card.ChartCheck.NotCurrentMayStand",
        KetamineCds.Fhir.ChartCheckKind.ResultNotReadable => "Card.ChartCheck.ResultNotReadable",
        KetamineCds.Fhir.ChartCheckKind.ResultTimeUnclear => "Card.ChartCheck.ResultTimeUnclear",
        KetamineCds.Fhir.ChartCheckKind.ConditionCodeNotRead => "Card.ChartCheck.ConditionCodeNotRead",
        KetamineCds.Fhir.ChartCheckKind.ConditionNamesQuestion => "Card.ChartCheck.ConditionNamesQuestion",
        KetamineCds.Fhir.ChartCheckKind.ResultOlderThanPeriod => "Card.ChartCheck.ResultOlderThanPeriod",
        KetamineCds.Fhir.ChartCheckKind.ResultInFuture => "Card.ChartCheck.ResultInFuture",
        KetamineCds.Fhir.ChartCheckKind.ResultsContradict => "Card.ChartCheck.ResultsContradict",
        KetamineCds.Fhir.ChartCheckKind.BirthDateGivesNoAge => "Card.ChartCheck.BirthDateGivesNoAge",
        _ => "Card.ChartCheck.Unconfirmed",
    };

    /// <summary>The result page's heading for the safety items a pathway waits for (REC-00x).</summary>
    public static string WaitingHeading => Text("Card.WaitingHeading");

    /// <summary>
    /// One item a pathway waits for, with the pathways waiting: "Pregnant (waiting: esketamine TRD, ...)". A chart entry's
    /// line in place of the label (<see cref="ChartCheck"/>) ends with its citation: the waiting note comes before it, the
    /// citation kept whole at the end ("… confirm or rule it out. (waiting: …) Cites: P-SAFETY-REMS."; helper 232: the
    /// note came after the citation).
    /// </summary>
    public static string WaitingItem(string label, string pathways)
    {
        ArgumentNullException.ThrowIfNull(label);
        var citesOpening = Text("Card.Cites", "\u0000").Split('\u0000')[0];
        var at = label.LastIndexOf(citesOpening, StringComparison.Ordinal);
        if (at <= 0)
        {
            return Text("Card.WaitingItem", label, pathways);
        }

        var before = label[..at].TrimEnd();
        return Text("Card.WaitingItem", before, pathways) + label[before.Length..at] + label[at..];
    }

    /// <summary>The result page's heading for the other safety questions not answered that could block a pathway.</summary>
    public static string CouldAlsoBlockHeading => Text("Card.CouldAlsoBlockHeading");

    /// <summary>Why no pathway waits for them: a recorded contraindication already blocks (never that they alone keep a pathway closed).</summary>
    public static string CouldAlsoBlockWhileBlocked => Text("Card.CouldAlsoBlock.Blocked");

    /// <summary>Why no pathway waits for them: the answers recorded leave none waiting.</summary>
    public static string CouldAlsoBlockNoneWaiting => Text("Card.CouldAlsoBlock.NoneWaiting");

    /// <summary>The summary of the card naming safety questions not recorded when the result is not incomplete.</summary>
    /// <remarks>Helper 234: "not recorded or not readable" when one of them is named by a chart entry the screening cannot read (<paramref name="unreadable"/>).</remarks>
    public static string NotRecordedSummary(int questions, bool unreadable = false)
    {
        var key = "Card.NotRecordedSummary" + (unreadable ? ".Unreadable" : "");
        return Summary(questions == 1 ? Text(key + ".One") : Text(key + ".Many", Number(questions)));
    }

    public static string NotRecordedIntro => Text("Card.NotRecordedIntro");

    public static string CareHeading => Text("Card.CareHeading");

    /// <summary>
    /// The result page's heading for the care items that must be known before the first dose (QA148 F2,
    /// <see cref="Screenings.CareBeforeFirstDose"/>: blood pressure, hepatic status), listed apart from the other care items.
    /// </summary>
    public static string BeforeFirstDoseHeading => Text("Card.BeforeFirstDoseHeading");

    /// <summary>
    /// Why the dose waits for them, in the card's words for the case the result page chose (<see cref="Screenings.NotRecordedSummary.BeforeFirstDoseNote"/>):
    /// a pathway is open without them; or a recorded contraindication or unmet precondition blocks every pathway, and were it
    /// resolved the dose would still wait (helper 279: the card said "No pathway waits for these answers" beside a "Not
    /// eligible", as the page no longer does since helper 262); or the pathways waiting (short names) wait for other answers,
    /// not for these (helper 271); or none waits for them. Either way an answer could still rule treatment out.
    /// </summary>
    public static string BeforeFirstDoseNote(Screenings.FirstDoseNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return note switch
        {
            { Case: Screenings.FirstDoseNoteCase.APathwayIsOpen } => Text("Card.BeforeFirstDose.PathwayOpen"),
            { Case: Screenings.FirstDoseNoteCase.EveryPathwayBlocked } => Text("Card.BeforeFirstDose.EveryPathwayBlocked"),
            { Case: Screenings.FirstDoseNoteCase.OtherPathwaysWaiting, PathwaysWaiting: [var waiting] } => Text("Card.BeforeFirstDose.OtherWaiting", Screenings.Display.ShortName(waiting)),
            { Case: Screenings.FirstDoseNoteCase.OtherPathwaysWaiting, PathwaysWaiting: var waiting } => Text("Card.BeforeFirstDose.OthersWaiting", string.Join(ClinicalText.Shared.ListSeparator, waiting.Select(Screenings.Display.ShortName))),
            _ => Text("Card.BeforeFirstDose.NoneWaiting"),
        };
    }

    public static string ContradictionSummary(string setAside) => Summary(Text("Card.ContradictionSummary", setAside));

    public static string ContradictionDetail(string kept, string setAside) => Text("Card.ContradictionDetail", kept, setAside);

    /// <summary>The summary of the card for a chart that answers otherwise than the clinician's screening (less or more cautiously, another reading).</summary>
    public static string DisagreementSummary(string fields) => Summary(Text("Card.DisagreementSummary", fields));

    /// <summary>Why the more cautious answer was used, naming the clinician's screening and the clinic's day of its answers.</summary>
    public static string DisagreementIntro(string screeningId, string answersOn) => Text("Card.DisagreementIntro", screeningId, answersOn);

    /// <summary>One field: its label, the chart's answer, the chart entries it was read from, the screening's answer, the answer used.</summary>
    public static string DisagreementItem(string field, string chart, string chartEntries, string screening, string used) =>
        Text("Card.DisagreementItem", field, chart, chartEntries, screening, used);

    /// <summary>
    /// Helper 274 (QA272 F6): why the chart's answer, the more cautious, was used against the clinician's latest screening,
    /// naming it and the clinic's day of its answers, and what to put right if the screening's answer is the right one.
    /// </summary>
    public static string DisagreementIntroChartMoreCautious(string screeningId, string answersOn) => Text("Card.DisagreementIntro.ChartMoreCautious", screeningId, answersOn);

    /// <summary>Helper 274: one field the chart answers more cautiously: its label, the chart's answer and entries, the screening's answer, the answer used (the chart's).</summary>
    public static string DisagreementItemChartMoreCautious(string field, string chart, string chartEntries, string screening, string used) =>
        Text("Card.DisagreementItem.ChartMoreCautious", field, chart, chartEntries, screening, used);

    /// <summary>Why a measurement's newer reading was used (QA120 F2), naming the screening and the clinic's day of its answers.</summary>
    public static string DisagreementIntroMeasurements(string screeningId, string answersOn) => Text("Card.DisagreementIntro.Measurements", screeningId, answersOn);

    /// <summary>A measurement: its label, the chart's reading, its entries and time, the screening's reading and time, the newer used.</summary>
    public static string DisagreementItemNewer(string field, string chart, string chartEntries, string chartAt, string screening, string screeningAt, string used) =>
        Text("Card.DisagreementItem.Newer", field, chart, chartEntries, chartAt, screening, screeningAt, used);

    /// <summary>PHQ-9 item 9 when which reading is newer cannot be told: the higher used.</summary>
    public static string DisagreementItemOrderNotKnownHigher(string field, string chart, string chartEntries, string chartAt, string screening, string screeningAt, string used) =>
        Text("Card.DisagreementItem.OrderNotKnownHigher", field, chart, chartEntries, chartAt, screening, screeningAt, used);

    /// <summary>Another measurement when which reading is newer cannot be told: neither used, not recorded.</summary>
    public static string DisagreementItemOrderNotKnownNeither(string field, string chart, string chartEntries, string chartAt, string screening, string screeningAt) =>
        Text("Card.DisagreementItem.OrderNotKnownNeither", field, chart, chartEntries, chartAt, screening, screeningAt);

    /// <summary>Helper 258: the summary of the card for facts on which the chart and the screening cannot both be right.</summary>
    public static string IdentitySummary(string fields) => Summary(Text("Card.IdentitySummary", fields));

    /// <summary>Helper 258: why the card is shown, naming the screening and the clinic's day of its answers.</summary>
    public static string IdentityIntro(string screeningId, string answersOn) => Text("Card.IdentityIntro", screeningId, answersOn);

    /// <summary>Helper 258: the sex at birth: its label, the chart's answer and entry, the screening's answer and day; the chart's used.</summary>
    public static string IdentitySex(string field, string chart, string chartEntry, string screening, string answersOn) =>
        Text("Card.Identity.Sex", field, chart, chartEntry, screening, answersOn);

    /// <summary>
    /// Helper 258: an age the chart's birth date does not allow: its label, the birth date's year and entry, the
    /// screening's age and day, what the birth date gives that day (<see cref="IdentityAgeThen"/>); the chart's age (from
    /// its birth date) used. Helper 268: the year only, never the full date (the log keeps the card's words).
    /// </summary>
    public static string IdentityAge(string field, string birthYear, string chartEntry, string screening, string answersOn, string then, string used) =>
        Text("Card.Identity.Age", field, birthYear, chartEntry, screening, answersOn, then, used);

    /// <summary>Helper 258: an age the chart's birth date does not allow, nor fix: neither used, not recorded (as <see cref="IdentityAge"/>).</summary>
    public static string IdentityAgeNotRecorded(string field, string birthYear, string chartEntry, string screening, string answersOn, string then) =>
        Text("Card.Identity.AgeNotRecorded", field, birthYear, chartEntry, screening, answersOn, then);

    /// <summary>
    /// Helper 268: what the chart's birth date gives on the screening's day: one age ("on that day the birth date gives 30
    /// years"), two ("29 years or 30 years": a year-only or year-month date, or a 29 February birth on 28 February of a
    /// common year), or none, the day being before it. Ages as <see cref="Screenings.Display.Value"/> writes them.
    /// </summary>
    public static string IdentityAgeThen(string? youngest, string? oldest) =>
        youngest is null || oldest is null ? Text("Card.Identity.AgeThen.BeforeBirth")
        : Text("Card.Identity.AgeThen", youngest == oldest ? youngest : Text("Card.Identity.AgeEither", youngest, oldest));

    /// <summary>
    /// The summary of the card for a positive PHQ-9 item 9 in the chart (QA132 F4): its value, the Observation and when it
    /// was taken (the clinic's time), and the action. Where the entry's name leaves no room, it is left to the detail, so
    /// that the action is never cut.
    /// </summary>
    public static string Item9Summary(string value, string entry, string at)
    {
        var full = Text("Card.Item9Summary", value, entry, at);
        return Summary(full.Length <= 140 ? full : Text("Card.Item9Summary.Short", value, at));
    }

    /// <summary>What the chart gives for item 9 and what the clinician must do now (assess suicidality and record it).</summary>
    public static string Item9Detail(string value, string entries) => Text("Card.Item9Detail", value, entries);

    /// <summary>One entry item 9 was read from, and when it was taken: "Observation/i9, taken 2026-12-01 09:00 UTC".</summary>
    public static string Item9Entry(string reference, string at) => Text("Card.Item9Entry", reference, at);

    /// <summary>
    /// Item 9 is above the chart's PHQ-9 total (QA132 F4): neither value is read or prefilled, and this warning is still
    /// shown, because a positive item 9 recorded in the chart must not be hidden.
    /// </summary>
    public static string Item9Contradicted(string total) => Text("Card.Item9Contradicted", total);

    /// <summary>
    /// The chart's PHQ-9 total is too high for its item 9: the other items score at most <paramref name="others"/>
    /// together, so with that total item 9 would be at least <paramref name="least"/> (QA157 F2). Neither value is read
    /// or prefilled, and this warning is still shown.
    /// </summary>
    public static string Item9ContradictedTotalTooHigh(string total, int others, int least) =>
        Text("Card.Item9Contradicted.TotalTooHigh", total, Number(others), Number(least));

    /// <summary>
    /// The summary of the card for a positive PHQ-9 item 9 the chart gives but the reader set aside for its status or time
    /// (QA132 F4): its value, said not to be read, the Observation and when it was taken, and the action; the entry left to
    /// the detail where it leaves no room, as <see cref="Item9Summary"/>.
    /// </summary>
    public static string Item9UnreadSummary(string value, string entry, string at)
    {
        var full = Text("Card.Item9UnreadSummary", value, entry, at);
        return Summary(full.Length <= 140 ? full : Text("Card.Item9UnreadSummary.Short", value, at));
    }

    /// <summary>The positive item-9 results not read (<see cref="Item9UnreadEntry"/>), that they are not used, and what the clinician must do now.</summary>
    public static string Item9UnreadDetail(string entries) => Text("Card.Item9UnreadDetail", entries);

    /// <summary>
    /// One positive item 9 not read, why, the entry and when it was taken: "3, a result dated in the future by the clinic's
    /// clock: Observation/i9, taken 2026-12-02 17:00 UTC+08:00"; for an answer not readable as one answer, the highest
    /// score its codes or words name. For a result that gives when it was issued but not when it was taken
    /// (<see cref="KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven"/>, helper 205), <paramref name="at"/> is when it
    /// was issued, and the entry says so ("issued 2026-12-01 09:30 UTC+08:00"), never "taken". Helper 225: the latest final
    /// one beside a later PHQ-9 result that gives no item 9 (<paramref name="chartPartOlder"/>) says so, not that the later
    /// result is not final.
    /// </summary>
    public static string Item9UnreadEntry(string value, KetamineCds.Fhir.ChartCheckKind why, string reference, string at, bool chartPartOlder = false) =>
        Text(why == KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven ? "Card.Item9UnreadEntry.Issued" : "Card.Item9UnreadEntry", value, Text(why switch
        {
            KetamineCds.Fhir.ChartCheckKind.ResultNotFinal => "Card.Item9Unread.NotFinal",
            KetamineCds.Fhir.ChartCheckKind.ResultTimeUnclear => "Card.Item9Unread.TimeUnclear",
            KetamineCds.Fhir.ChartCheckKind.ResultInFuture => "Card.Item9Unread.InFuture",
            KetamineCds.Fhir.ChartCheckKind.ResultNotReadable => "Card.Item9Unread.NotReadable",
            KetamineCds.Fhir.ChartCheckKind.ResultTakenWhenNotGiven => "Card.Item9Unread.TakenWhenNotGiven",
            KetamineCds.Fhir.ChartCheckKind.ResultUntimed => "Card.Item9Unread.Untimed",
            KetamineCds.Fhir.ChartCheckKind.ResultBesideUntimed => "Card.Item9Unread.BesideUntimed",
            KetamineCds.Fhir.ChartCheckKind.ResultBesideNewer => chartPartOlder ? "Card.Item9Unread.BesideNewer.WithoutThisItem" : "Card.Item9Unread.BesideNewer",
            _ => throw new ArgumentOutOfRangeException(nameof(why), why, "Not a reason a positive item 9 is not read."),
        }), reference, at);

    /// <summary>When a result that does not give when it was taken was issued, for the summary: "issued 2026-12-01 09:30 UTC+08:00" (helper 205).</summary>
    public static string Item9UnreadIssuedAt(string at) => Text("Card.Item9Unread.IssuedAt", at);

    /// <summary>
    /// A critical card's summary: "Not eligible for ketamine now: " and the finding's summary (helper 248: it was "Ketamine
    /// contraindicated: " also of an unmet precondition, BIP-002, BIP-003; the rules carry no precondition mark, so it says
    /// what both kinds mean, as the result page's verdict does, and the finding's summary says which). Where the whole is over the spec's
    /// 140 characters, it is never cut mid-advice (QA158 F8): it ends where the longest start of the finding's summary that
    /// fits ends a sentence or clause (". ", "; ", ": ", or "。", "；", "："), then names the rule whose card gives the rest;
    /// where no clause fits, it names the rule alone.
    /// </summary>
    public static string ContraindicationSummary(string finding, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var whole = Text("Card.ContraindicationSummary", finding);
        if (whole.Length <= MaxSummaryLength)
        {
            return whole;
        }

        for (var end = finding.Length - 2; end > 0; end--)
        {
            var endsClause = finding[end] is '。' or '；' or '：' || (finding[end] is '.' or ';' or ':' && finding[end + 1] == ' ');
            if (endsClause && Text("Card.ContraindicationSummary.Cut", finding[..end].TrimEnd(), ruleId) is { Length: <= MaxSummaryLength } cut)
            {
                return cut;
            }
        }

        return Summary(Text("Card.ContraindicationSummary.RuleOnly", ruleId));
    }

    /// <summary>
    /// The cautions card's summary: how many cautions, and how many of them are of high severity (hold or defer until
    /// weighed, as the result page's verdict box says; QA157 Q2, helper-161 leftover). When the first dose waits for care
    /// items among them (CV-004, HEP-003; <paramref name="doseWaitsFor"/>) it names them, so that an EHR showing summaries
    /// only never reads the cautions alone as "weigh, then treat" (helper-155 leftover).
    /// </summary>
    public static string CautionsSummary(int count, int high, string? doseWaitsFor = null)
    {
        var key = "Card.CautionsSummary" + (doseWaitsFor is null ? "" : ".DoseWaits") + (high > 0 ? ".High" : "") + (count == 1 ? ".One" : ".Many");
        object?[] arguments = (count, high > 0, doseWaitsFor is null) switch
        {
            (1, _, true) => [],
            (1, _, false) => [doseWaitsFor],
            (_, false, true) => [Number(count)],
            (_, false, false) => [Number(count), doseWaitsFor],
            (_, true, true) => [Number(count), Number(high)],
            _ => [Number(count), Number(high), doseWaitsFor],
        };
        return Summary(Text(key, arguments));
    }

    /// <summary>The cautions card's paragraph when some are of high severity: what that means, which they are (their ids), and what it rests on.</summary>
    public static string HighSeverityCautions(string ruleIds) => Text("Card.HighSeverityCautions", ruleIds);

    /// <summary>What a high-severity caution's heading starts with on the cautions card.</summary>
    public static string HighSeverityMark => Text("Card.HighSeverityMark");

    /// <summary>
    /// The eligible card's summary: "eligible with cautions" when the verdict is (QA132 F11), so that an EHR that shows
    /// summaries only never reads a plain "eligible" for it.
    /// </summary>
    public static string EligibleSummary(string pathways, bool withCautions = false) =>
        Summary(Text(withCautions ? "Card.EligibleWithCautionsSummary" : "Card.EligibleSummary", pathways));

    /// <summary>The summary of the card naming a decision in force against this answer's recommendation (QA132 F1).</summary>
    public static string DecisionSummary(OverrideDecision decision, string reason) =>
        Summary(Text(decision == OverrideDecision.DoNotProceed ? "Card.DecisionSummary.DoNotProceed" : "Card.DecisionSummary.Proceed", reason));

    /// <summary>What that card opens with, naming the screening whose answers were used.</summary>
    public static string DecisionIntro(string screeningId) => Text("Card.DecisionIntro", screeningId);

    /// <summary>
    /// One decision: what and why, who recorded it (a clinician's email, or the EHR that sent it through feedback) and when,
    /// and the screening it was recorded on, with that screening's time (the clinic's time, as the pages write it), and the
    /// correction whose answers were used when it was recorded on the screening that correction puts right.
    /// </summary>
    public static string DecisionItem(DecisionInForce decision, Screenings.ClinicTime clinicTime)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(clinicTime);
        var o = decision.Override;
        var by = o.RecordedBy.Role == CdsHookAnswering.ClientRole ? Text("Card.DecisionBy.Ehr", o.RecordedBy.Email) : o.RecordedBy.Email;
        var on = decision.CorrectedBy is { } correction
            ? Text("Card.DecisionOn.Corrected", clinicTime.At(decision.Screening.RecordedAt), correction.ToString())
            : Text(decision.HookAnswer ? "Card.DecisionOn.HookAnswer" : "Card.DecisionOn.Completing", clinicTime.At(decision.Screening.RecordedAt));
        var what = Text(decision.Decision == OverrideDecision.DoNotProceed ? "Card.Decision.DoNotProceed" : "Card.Decision.Proceed");
        return Text("Card.DecisionItem", what, Screenings.Display.Of(o.Reason), by, clinicTime.At(o.RecordedAt), decision.Screening.Id.ToString(), on);
    }

    /// <summary>That the verdict and the decision are read together, neither changing the other; where the explanation is.</summary>
    public static string DecisionOutro => Text("Card.DecisionOutro");

    public static string NotIndicatedSummary => Text("Card.NotIndicatedSummary");

    /// <summary>Helper 252 (QA247): the lead line before the cautions when no pathway is open or waiting (<see cref="Screenings.NoPathwayInView"/>).</summary>
    public static string NoPathwayFrame => Text("Card.NoPathwayFrame");

    public static string EligibleRequirementsHeading => Text("Card.EligibleRequirementsHeading");

    public static string OpenPathwaysHeading => Text("Card.OpenPathwaysHeading");

    /// <summary>The eligible card's heading for the high-severity information findings (what the open pathways do not mean).</summary>
    public static string EligibleImportantHeading => Text("Card.EligibleImportantHeading");

    public static string Because(string evidence) => Text("Card.Because", evidence);

    public static string Cites(IEnumerable<string> principles, IEnumerable<string> sources)
    {
        var all = principles.Concat(sources).ToList();
        return all.Count == 0 ? "" : Text("Card.Cites", string.Join(ClinicalText.Shared.ListSeparator, all));
    }

    /// <summary>
    /// Helper 289: the last line of a card naming what is not recorded: where its lists cite what they rest on
    /// (<paramref name="listsCite"/>), what the card as a whole rests on (P-SAFETY-REMS) and that each other key is cited
    /// once, after a list it backs; helper 290: where the card also names findings with their own citations beside them
    /// (<paramref name="findingsCite"/>, the card once the rules ran), that too. Else "Cites: …" as before.
    /// </summary>
    public static string CitesWholeCard(IEnumerable<string> principles, IEnumerable<string> sources, bool listsCite, bool findingsCite = false) =>
        !listsCite ? Cites(principles, sources)
            : Text(findingsCite ? "Card.CitesWholeCard.ListsCite.FindingsCite" : "Card.CitesWholeCard.ListsCite", string.Join(ClinicalText.Shared.ListSeparator, principles.Concat(sources)));

    public static string Rule(string ruleId) => Text("Card.Rule", ruleId);

    public static string Recorded(string screeningId) => Text("Card.Recorded", screeningId);

    /// <summary>
    /// Where the answers the chart does not record came from: the screening and the clinic's day its answers were given,
    /// the day the rules counted "today" from, with the clinic's time zone named (QA8 F10). Its answers stand where the chart
    /// records none, a less cautious one or an older reading (QA13 H1, QA120 F2), never where the chart answers more
    /// cautiously (helper 279: the note said only the first, under the card that says the chart's answer was used, helper
    /// 274), nor for a chart entry a card names to check.
    /// </summary>
    public static string CompletedFrom(string screeningId, DateOnly recordedOn, string clinicZone) =>
        Text("Card.CompletedFrom", screeningId, Screenings.ClinicTime.Day(recordedOn), clinicZone);

    public static string AnswerRecorded(string entryId) => Text("Card.AnswerRecorded", entryId);

    /// <summary>The spec's limit on a card's summary.</summary>
    public const int MaxSummaryLength = 140;

    /// <summary>Cuts a summary to the spec's 140 characters at a word, with an ellipsis.</summary>
    public static string Summary(string text)
    {
        if (text.Length <= MaxSummaryLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', 138);
        return string.Concat(text.AsSpan(0, cut > 80 ? cut : 139), "\u2026");
    }

    private static string Text(string key, params object?[] arguments) => ClinicalText.Shared.Message(key, arguments);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string RangeEnd(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Helper 228: the field's unit after its range's upper end, " mmHg" for a blood pressure; nothing for a score.</summary>
    private static string UnitOf(string field) =>
        KetamineCds.Domain.Screening.Fields.Find(field) is { } found && ClinicalText.Shared.Unit(found) is { } unit ? " " + unit : "";
}
