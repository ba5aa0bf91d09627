using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The shape of a screening request (shared/api/screening-v1.md): required fields, ranges, lengths, allowed values and
/// the contract's conditional requirements, all read from the field catalogue (<see cref="Fields"/>), plus the checks
/// that involve two fields. One validator serves the form and the API. It checks shape only; the rules
/// decide eligibility (STYLE.md 7). Property names are the request's; callers map them to the contract's
/// camelCase (API) or to the form's <c>Input.</c> prefix.
/// </summary>
public sealed class ScreeningRequestValidator : AbstractValidator<ScreeningRequest>
{
    private static readonly FieldDefinition PatientReferenceField = Fields.PatientReference;

    // Letters, digits, dot, hyphen, underscore, up to the catalogue's length: never a name.
    private static readonly Regex PatientReferencePattern = new(
        $@"\A[A-Za-z0-9._-]{{1,{Fields.PatientReference.MaxLength}}}\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public ScreeningRequestValidator()
    {
        // One message per rule: "enter the age" is enough, without "age must be between 0 and 120" as well.
        RuleLevelCascadeMode = CascadeMode.Stop;

        // What the catalogue says of each field: required (always or when), range, length, choices.
        foreach (var field in Fields.All)
        {
            Describe(field);
        }

        // What involves two fields at once, also from the catalogue: limits, pairs and answers that rule a field (or its yes) out.
        foreach (var field in Fields.All)
        {
            DescribeAgainstOthers(field);
        }
    }

    /// <summary>The rules one catalogue entry implies, reported under the request's property name.</summary>
    private void Describe(FieldDefinition field)
    {
        var rule = RuleFor(r => r[field]).Configure(r => r.PropertyName = field.Property);
        if (field.Required || field.RequiredWhen is not null)
        {
            rule.Must(IsRecorded)
                .When(r => field.Required || field.RequiredWhen!.Applies(KnownValues(r)))
                .WithMessage(_ => Message($"Validation.{field.Property}.Required"));
        }

        if (field == PatientReferenceField)
        {
            rule.Must(value => value is not string text || IsPatientReference(text))
                .WithMessage((_, value) => PatientReferenceMessageFor(value as string));
        }
        else if (field.MaxLength is { } maxLength)
        {
            rule.Must(value => value is not string text || FreeText.Length(text) <= maxLength)
                .WithMessage(_ => Message("Validation.MaxLength", Label(field), maxLength.ToString("N0", CultureInfo.InvariantCulture)));
        }

        if (field.Type == FieldType.Text && field != PatientReferenceField)
        {
            // Free text (the note): no control characters but line breaks and tabs, no marks that reorder it (QA8 F6).
            rule.Must(value => value is not string text || !FreeText.HasHiddenCharacters(text, multiLine: true))
                .WithMessage(_ => Message("Validation.HiddenCharacters", Label(field)));
        }

        if (field.Min is not null || field.Max is not null)
        {
            rule.Must(value => value is null || InRange(field, value))
                .WithMessage(_ => NumberMessages.Range(field));
        }

        if (field.Type == FieldType.Choice)
        {
            rule.Must(value => value is not string { Length: > 0 } text || field.Choices.Contains(text, StringComparer.Ordinal))
                .WithMessage(_ => Message("Validation.Choice", Label(field), string.Join(", ", field.Choices)));
        }
        else if (field.Type == FieldType.ChoiceList)
        {
            rule.Must(value => value is not List<string> items || items.TrueForAll(v => field.Choices.Contains(v, StringComparer.Ordinal)))
                .WithMessage(_ => Message("Validation.ChoiceList", Label(field), string.Join(", ", field.Choices)));

            // The response's input is the request as stored (screening-v1): a repeat would be stored once and an empty list
            // as not recorded, so that what was sent and what was stored differ. Both are refused instead (QA12 G10); the
            // form's checkboxes send neither (no box ticked sends no list at all).
            rule.Must(value => value is not List<string> items || items.Distinct(StringComparer.Ordinal).Count() == items.Count)
                .WithMessage(_ => Message("Validation.ChoiceList.Repeated", Label(field)));
            rule.Must(value => value is not List<string> { Count: 0 })
                .WithMessage(_ => Message("Validation.ChoiceList.Empty", Label(field)));
        }
    }

    /// <summary>The checks of one field against another that the catalogue declares, each with its own message.</summary>
    private void DescribeAgainstOthers(FieldDefinition field)
    {
        if (field.RecordedWith is null && field.AtMost is null && field.Above is null && field.EmptyWhen is null && field.YesRuledOutWhen is null)
        {
            return;
        }

        // Each check has its own condition (ApplyConditionTo.CurrentValidator): a later When must not silence an earlier check.
        var rule = RuleFor(r => r[field]).Configure(r => r.PropertyName = field.Property);
        if (field.RecordedWith is { } partnerName)
        {
            var partner = Other(field, partnerName);
            rule.Must(IsRecorded).When(r => IsRecorded(r[partner]), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => Message($"Validation.{field.Property}.RecordedWith"));
        }

        if (field.AtMost is { } limitName)
        {
            var limit = Other(field, limitName);
            rule.Must((r, value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture) <= Convert.ToDecimal(r[limit], CultureInfo.InvariantCulture))
                .When(r => InRange(field, r[field]) && InRange(limit, r[limit]), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => Message($"Validation.{field.Property}.AtMost"));

            // One part of its total (PHQ-9 item 9): at least the total less what its other parts score at most (QA157 F2:
            // a total of 27 beside an item 9 of 0 was accepted, and SUI-008 never read the 3 the total means).
            if (field.OtherPartsAtMost is { } others)
            {
                rule.Must((r, value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture) >= field.LeastWith(Convert.ToDecimal(r[limit], CultureInfo.InvariantCulture)))
                    .When(r => InRange(field, r[field]) && InRange(limit, r[limit]), ApplyConditionTo.CurrentValidator)
                    .WithMessage(r => Message(
                        $"Validation.{field.Property}.OtherPartsAtMost",
                        Number(field.LeastWith(Convert.ToDecimal(r[limit], CultureInfo.InvariantCulture))),
                        Number(Convert.ToDecimal(r[limit], CultureInfo.InvariantCulture)),
                        Number(others)));
            }
        }

        if (field.Above is { } boundName)
        {
            var bound = Other(field, boundName);
            rule.Must((r, value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture) > Convert.ToDecimal(r[bound], CultureInfo.InvariantCulture))
                .When(r => InRange(field, r[field]) && InRange(bound, r[bound]), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => AboveMessage(field));
        }

        if (field.EmptyWhen is { } emptyWhen)
        {
            rule.Must(value => !IsRecorded(value)).When(r => emptyWhen.Applies(KnownValues(r)), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => Message($"Validation.{field.Property}.EmptyWhen"));
        }

        if (field.YesRuledOutWhen is { } yesRuledOut)
        {
            rule.Must(value => value is not true).When(r => yesRuledOut.Applies(KnownValues(r)), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => Message($"Validation.{field.Property}.YesRuledOutWhen"));
        }
    }

    /// <summary>
    /// The request's values as the conditions between fields read them: a choice that is not one of its field's choices
    /// has its own error and says nothing about the patient, so it reads as not recorded here. Otherwise
    /// <c>"suicidality": "passive"</c> read as "recorded, and not none" and asked for the safety net three times over
    /// (QA12 G7).
    /// </summary>
    private static Func<string, object?> KnownValues(ScreeningRequest request) => name =>
        request.ContractValueOf(name) is string text && Fields.Find(name) is { Type: FieldType.Choice } field
            && !field.Choices.Contains(text, StringComparer.Ordinal)
            ? null
            : request.ContractValueOf(name);

    private static FieldDefinition Other(FieldDefinition field, string name) =>
        Fields.Find(name) ?? throw new InvalidOperationException($"The catalogue entry {field.Name} names an unknown field '{name}'.");

    private static bool IsRecorded(object? value) => value switch
    {
        null => false,
        string text => text.Length > 0,
        List<string> items => items.Count > 0,
        _ => true,
    };

    private static bool InRange(FieldDefinition field, object? value) => value switch
    {
        int number => (field.Min is null || number >= field.Min) && (field.Max is null || number <= field.Max),
        decimal number => (field.Min is null || number >= field.Min) && (field.Max is null || number <= field.Max),
        _ => false,
    };

    private static string Label(FieldDefinition field) => ClinicalText.Shared.FieldLabel(field);

    /// <summary>
    /// What a value not above the field its catalogue entry names in <see cref="FieldDefinition.Above"/> is told (a systolic
    /// not above the diastolic), in the request's language. The API names it at the field only, as the contract says; the
    /// form also marks the other field's box with it (helper 250).
    /// </summary>
    public static string AboveMessage(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Message($"Validation.{field.Property}.Above");
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// The one check of a patient reference's shape: the form, the API, the psychiatrist's list by patient and every audit
    /// filter by patient (page, CSV and JSON Lines exports, <see cref="Audit.AuditFilterInput"/>) use it, with
    /// <see cref="PatientReferenceMessage"/> (QA P11).
    /// </summary>
    public static bool IsPatientReference(string text) => PatientReferencePattern.IsMatch(text);

    /// <summary>What a patient reference that is not of that shape is told, in the request's language.</summary>
    public static string PatientReferenceMessage => Message("Validation.PatientReference.Pattern");

    /// <summary>
    /// What the refused patient reference <paramref name="text"/> is told: <see cref="PatientReferenceMessage"/>, said after
    /// why when it holds full-width forms (ASCII's printable characters as U+FF01 to U+FF5E: ＭＲＮ００４２; or the ideographic
    /// space, U+3000), as a Chinese or Japanese input method types them in its full-width mode. Those are refused, never
    /// read as their ASCII letters (QA184): the contract's reference is ASCII, and one rewritten in one place and not in
    /// another would split a patient's screenings in two.
    /// </summary>
    public static string PatientReferenceMessageFor(string? text) =>
        text is not null && (text.AsSpan().ContainsAnyInRange('\uFF01', '\uFF5E') || text.Contains('\u3000', StringComparison.Ordinal))
            ? ClinicalText.Sentences(Message("Validation.PatientReference.FullWidth"), PatientReferenceMessage)
            : PatientReferenceMessage;

    /// <summary>The message for an unusable patient reference (a search, for example), or null when it is fine.</summary>
    public string? CheckPatientReference(string? patientReference)
    {
        var result = this.Validate(new ScreeningRequest { [Fields.PatientReference] = patientReference },
            options => options.IncludeProperties(Fields.PatientReference.Property));
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }

    /// <summary>A message in the request's language, read when the validator runs (it is a singleton).</summary>
    private static string Message(string key, params object?[] arguments) => ClinicalText.Shared.Message(key, arguments);
}
