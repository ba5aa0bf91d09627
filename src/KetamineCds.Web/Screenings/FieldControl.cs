using System.Globalization;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// What one control of the intake form shows, worked out from the field catalogue, the request and the model state:
/// its label, hint, unit, range and choices in the request's language, the value typed (kept after an error, even one
/// the binder could not convert), its error, and the ids that tie hint and error to it. No markup: the partial
/// <c>Pages/Screenings/_Field.cshtml</c> renders it, and Razor does the encoding. Element ids are the contract's field
/// names, so the error summary links straight to them.
/// </summary>
public sealed class FieldControl
{
    private FieldControl(FieldDefinition field, string key) => (Field, Key) = (field, key);

    public FieldDefinition Field { get; }

    /// <summary>The form key, e.g. <c>Input.AgeYears</c>.</summary>
    public string Key { get; }

    /// <summary>The element id: the contract name.</summary>
    public string Id => Field.Name;

    public string Label { get; private init; } = "";

    public string? Hint { get; private init; }

    public string? Unit { get; private init; }

    /// <summary>True when every request must record the field (<see cref="FieldDefinition.Required"/>).</summary>
    public bool Required => Field.Required;

    /// <summary>
    /// True when the answers given make the field required now: always-required fields, and a field whose
    /// <see cref="FieldDefinition.RequiredWhen"/> holds (pregnancy status for a female patient aged 12 to 55, the mood
    /// stabilizer for bipolar disorder). The form marks it "(required)", as the validator will ask for it.
    /// </summary>
    public bool RequiredNow => !OffersNotKnown;

    /// <summary>
    /// For a field required only when other answers hold: that condition in site.js's terms, which shows the
    /// "(required)" mark (and turns a drop-down's empty "Not known" into "Choose...") while it holds; else null.
    /// </summary>
    public string? RequiredWhen => NotKnownHiddenWhen;

    public string? Error { get; private init; }

    /// <summary>The value to show: what was typed, else the request's value in the invariant culture.</summary>
    public string? Value { get; private init; }

    /// <summary>The ticked values of a choice list.</summary>
    public IReadOnlyList<string> Values { get; private init; } = [];

    /// <summary>
    /// True when "Not known" is the answer to show chosen for a yes/no that offers it (<see cref="OffersNotKnown"/>): the
    /// clinician chose it on the form sent back, or, on a form not yet sent, the earlier screening a re-screen or correction
    /// starts from recorded it so (<see cref="FieldContext.RecordedNotKnown"/>).
    /// </summary>
    public bool ChoseNotKnown { get; private init; }

    /// <summary>
    /// True when the form offers "Not known" now: the field is optional and the answers given do not make it required
    /// (a female patient aged 12 to 55 must have her pregnancy status recorded, as the contract says).
    /// </summary>
    public bool OffersNotKnown { get; private init; }

    /// <summary>For a field required only when other answers hold: that condition in site.js's terms, which hides "Not known" while it holds; else null.</summary>
    public string? NotKnownHiddenWhen => Field.RequiredWhen is { } when ? ShowWhen(when) : null;

    /// <summary>The choices with their display names, in the contract's order.</summary>
    public IReadOnlyList<(string Value, string Label)> Choices { get; private init; } = [];

    /// <summary>
    /// The text of a drop-down's empty option when "Not known" would not do: for a choice with a default ("Not recorded:
    /// US (FDA label) applies"), and for a choice that has an "unknown" of its own (sex at birth: "Not recorded" beside
    /// "Recorded as unknown", never two ways of saying "not known"); else null.
    /// </summary>
    public string? EmptyText { get; private init; }

    /// <summary>The contract value of a choice that records an answer as unknown (sex at birth: the chart's UNK).</summary>
    public const string UnknownChoice = "unknown";

    /// <summary>True when the value shown came from an EHR's chart (a CDS Hooks card's prefill): the form marks it for checking.</summary>
    public bool FromEhr { get; private init; }

    /// <summary>
    /// Why the answer cannot be changed on this form, shown as its hint (a re-screen or correction keeps the earlier
    /// screening's patient reference, QA8 F16); null when it can. Only text boxes are made read-only.
    /// </summary>
    public string? ReadOnlyBecause { get; private init; }

    /// <summary>The id of the read-only reason, tied to the control.</summary>
    public string? ReadOnlyId => ReadOnlyBecause is null ? null : Id + "-readonly";

    /// <summary>
    /// The day (yyyy-MM-dd) of the earlier screening a clinician recorded in KetamineCds whose answer a CDS Hooks card's
    /// prefill carried into this field, or null: the form marks it apart from the chart's answers.
    /// </summary>
    public string? FromScreeningOn { get; private init; }

    /// <summary>
    /// The chart entries about this question that the EHR's reading could not use as an answer (an allergy record naming
    /// ketamine, a provisional diagnosis, a schizophrenia diagnosis; QA13 H3, M4): the chart's words and the resource,
    /// shown beside the question for the clinician to check. Empty when there are none.
    /// </summary>
    public IReadOnlyList<(string What, string Reference)> ChartChecks { get; private init; } = [];

    /// <summary>The id of the chart entries to check, tied to the control.</summary>
    public string? ChartChecksId => ChartChecks.Count == 0 ? null : Id + "-chart-check";

    /// <summary>
    /// The chart's values with a fraction that the prefill filled in as whole numbers (a blood pressure of 140.4 mmHg as
    /// 141, rounded up): the value as the chart gave it, the number filled in and the entry, shown beside the question so
    /// that the rounding is never hidden. Empty when there are none.
    /// </summary>
    public IReadOnlyList<(string Given, int ReadAs, string Reference)> ChartRounded { get; private init; } = [];

    /// <summary>The id of the rounded chart values, tied to the control.</summary>
    public string? ChartRoundedId => ChartRounded.Count == 0 ? null : Id + "-chart-rounded";

    /// <summary>
    /// Where the answer shown came from, when the page has something to say of it for checking (QA295 F1: a patient
    /// reference that is the EHR's FHIR Patient id, not the clinic's record number), shown beside the control; else null.
    /// </summary>
    public string? SourceNote { get; private init; }

    /// <summary>The id of <see cref="SourceNote"/>, tied to the control.</summary>
    public string? SourceNoteId => SourceNote is null ? null : Id + "-source";

    public string? HintId => Hint is null ? null : Id + "-hint";

    public string? ErrorId => Error is null ? null : Forms.FieldDescription.ErrorId(Id);

    /// <summary>The id of the count under a free-text box with a limit (<c>_CharCount</c>), read with the box as its hint; else null.</summary>
    public string? CharCountId => IsLongText && Field.MaxLength is { } most ? new Forms.CharCount(Id, most).Id : null;

    /// <summary>
    /// The id of the unit shown beside a number box (mmHg, years), tied to the box: a screen reader says it with the box, as
    /// the eye reads it beside it (QA243); else null.
    /// </summary>
    public string? UnitId => Unit is null || Field.Type is not (FieldType.WholeNumber or FieldType.Number) ? null : Id + "-unit";

    public string? DescribedBy => Forms.FieldDescription.DescribedBy(ReadOnlyId, SourceNoteId, ChartChecksId, ChartRoundedId, UnitId, HintId, CharCountId, ErrorId);

    /// <summary>
    /// <c>can-block</c>, <c>before-dose</c> (a care item that must be known before the first dose, <see cref="CareBeforeFirstDose"/>:
    /// blood pressure, hepatic status) or <c>calls-for-care</c> for a safety question (site.js counts them), else null.
    /// </summary>
    public string? Safety => Field.NotRecorded switch
    {
        NotRecordedMeans.CanBlock => "can-block",
        NotRecordedMeans.CallsForCare when CareBeforeFirstDose.Includes(RuleSetCatalog.Current, Field) => "before-dose",
        NotRecordedMeans.CallsForCare => "calls-for-care",
        _ => null,
    };

    /// <summary>The id the error summary and the safety count link to.</summary>
    public string Anchor => AnchorOf(Field);

    public string? Min => Number(Field.Min);

    public string? Max => Number(Field.Max);

    /// <summary>The step of a number input: whole numbers for counts and scores, halves for a dose.</summary>
    public string Step => Field.Type == FieldType.Number ? "0.5" : "1";

    /// <summary>The HTML pattern of a text input (the patient reference: letters, digits, dot, hyphen, underscore).</summary>
    public string? Pattern => Field == Fields.PatientReference ? $"[A-Za-z0-9._\\-]{{1,{Field.MaxLength}}}" : null;

    /// <summary>True for free text long enough to want a text area (the clinician's note).</summary>
    public bool IsLongText => Field.Type == FieldType.Text && Field.MaxLength > 200;

    /// <summary>The control for one contract field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="modelState">The form's state (an answer typed, an error).</param>
    /// <param name="input">The answers the form holds.</param>
    /// <param name="text">The clinical texts in the request's language.</param>
    /// <param name="context">What the page knows of the answer beyond the form's state; none when null.</param>
    public static FieldControl For(FieldDefinition field, ModelStateDictionary modelState, ScreeningRequest input, ClinicalText text, FieldContext? context = null)
    {
        context ??= FieldContext.None;
        var moreHint = context.MoreHint;
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        var key = KeyOf(field);
        modelState.TryGetValue(key, out var entry);
        var offersNotKnown = !field.Required && field.RequiredWhen?.Applies(input.ContractValueOf) != true;
        return new FieldControl(field, key)
        {
            Label = text.FieldLabel(field),
            Hint = text.FieldHelp(field) is { } help && moreHint is not null
                ? ClinicalText.Sentences(help, moreHint)
                : text.FieldHelp(field) ?? moreHint,
            Unit = text.Unit(field),
            Error = entry is { Errors.Count: > 0 } ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal)) : null,
            Value = entry?.AttemptedValue ?? Invariant(input[field]),
            Values = entry?.RawValue switch
            {
                string one => [one],
                string[] many => many,
                _ => input.ContractValueOf(field.Name) as List<string> ?? [],
            },
            ChoseNotKnown = offersNotKnown && (entry?.AttemptedValue is { } attempted ? attempted.Length == 0 : context.RecordedNotKnown),
            OffersNotKnown = offersNotKnown,
            Choices = [.. field.Choices.Select(c => (c, text.Choice(field, c)))],
            EmptyText = field.Default is not null ? text.NotRecordedDefault(field)
                : EmptyReadsNotRecorded(field) ? text.NotRecorded
                : null,
            FromEhr = context.FromEhr,
            ReadOnlyBecause = context.ReadOnlyBecause,
            FromScreeningOn = context.FromScreeningOn,
            ChartChecks = context.ChartChecks ?? [],
            ChartRounded = context.ChartRounded ?? [],
            SourceNote = context.SourceNote,
        };
    }

    /// <summary>
    /// True for a drop-down whose empty option reads "Not recorded" rather than "Not known": a choice without a default
    /// that has an "unknown" of its own (sex at birth). The form's introduction names these beside "Not known".
    /// </summary>
    public static bool EmptyReadsNotRecorded(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Default is null && field.Type == FieldType.Choice && field.Choices.Contains(UnknownChoice);
    }

    /// <summary>
    /// True for a yes/no question that other answers can make required, so that "Not known" is not offered for it, and
    /// whose more cautious answer is No (the safety net after suicidality, the mood stabilizer's level): the rules read
    /// No as "not in place", as they read it not recorded, so No is what to answer when it is not known. Its help says so,
    /// and the form's introduction names these questions (QA137 F6).
    /// </summary>
    public static bool AnswerNoWhenNotKnown(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type == FieldType.YesNo && field.RequiredWhen is not null && field.MoreCautious == MoreCautiousAnswer.No;
    }

    /// <summary>The form key for a field, e.g. <c>Input.AgeYears</c>.</summary>
    public static string KeyOf(FieldDefinition field) => $"Input.{field.Property}";

    /// <summary>The id to link to for a field: its first radio or checkbox, or the control itself.</summary>
    public static string AnchorOf(FieldDefinition field) => field switch
    {
        { Type: FieldType.YesNo } => field.Name + "-yes",
        { Type: FieldType.ChoiceList } => $"{field.Name}-{field.Choices[0]}",
        _ => field.Name,
    };

    /// <summary>
    /// The safety questions the form asks for this input (the catalogue's <see cref="FieldDefinition.AskedWhen"/>) that
    /// are not recorded: those whose absence can block a pathway or calls for care, in the form's order.
    /// </summary>
    public static IReadOnlyList<FieldDefinition> UnansweredSafetyQuestions(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Fields.All
            .Where(f => f.NotRecorded != NotRecordedMeans.Nothing)
            .Where(f => f.IsAskedGiven(request.ContractValueOf))
            .Where(f => request.ContractValueOf(f.Name) is null)
            .ToList();
    }

    /// <summary>
    /// When the form shows a question, in the browser's terms (site.js): the catalogue's condition with each field as
    /// its form key, and "recorded and not x" spelled out as the other choices (<c>Input.Suicidality=passive-ideation,...</c>).
    /// </summary>
    public static string ShowWhen(AnswerCondition when)
    {
        ArgumentNullException.ThrowIfNull(when);
        return string.Join(";", when.Clauses.Select(c =>
        {
            var field = Fields.Find(c.Field) ?? throw new InvalidOperationException($"The condition names {c.Field}, which is not a field.");
            var key = KeyOf(field);
            return c.Test switch
            {
                WhenTest.OneOf => $"{key}={string.Join(",", c.Values)}",
                WhenTest.RecordedAndNot => $"{key}={string.Join(",", field.Choices.Where(v => !c.Values.Contains(v)))}",
                WhenTest.AnythingBut => $"{key}!={string.Join(",", c.Values)}",
                _ => $"{key}:{Number(c.Low)}-{Number(c.High)}",
            };
        }));
    }

    /// <summary>
    /// The form's rows for one section's fields, in the order given (the form's, <c>Fields.AsAskedIn</c>): consecutive short controls that are always
    /// asked (numbers, drop-downs) share a row; every other field has its own.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<FieldDefinition>> Rows(IEnumerable<FieldDefinition> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var rows = new List<List<FieldDefinition>>();
        foreach (var field in fields)
        {
            var shortControl = field.AskedWhen is null && field.Type is FieldType.WholeNumber or FieldType.Number or FieldType.Choice;
            if (shortControl && rows.Count > 0 && rows[^1] is [{ AskedWhen: null, Type: FieldType.WholeNumber or FieldType.Number or FieldType.Choice }, ..] previous && previous.Count < 3)
            {
                previous.Add(field);
            }
            else
            {
                rows.Add([field]);
            }
        }

        return rows;
    }

    private static string? Invariant(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);
}
