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

        // What involves two fields at once.
        RuleFor(r => r.DistinctMechanisms)
            .Must((r, mechanisms) => mechanisms <= r.FailedAdequateTrials)
            .When(r => InRange(Fields.DistinctMechanisms, r.DistinctMechanisms) && InRange(Fields.FailedAdequateTrials, r.FailedAdequateTrials))
            .WithMessage(_ => Message("Validation.DistinctMechanisms.NotAboveTrials"));
        RuleFor(r => r.OralAntidepressantClass)
            .Empty().When(r => r.OnOralAntidepressant == false)
            .WithMessage(_ => Message("Validation.OralAntidepressantClass.EmptyWhenNotOn"));
        RuleFor(r => r.SubstancesUsed)
            .Must(list => list is null || list.Count == 0).When(r => r.SubstanceUse == "none")
            .WithMessage(_ => Message("Validation.SubstancesUsed.EmptyWhenNone"));
        RuleFor(r => r.SystolicBp)
            .NotNull().When(r => r.DiastolicBp is not null)
            .WithMessage(_ => Message("Validation.SystolicBp.BothOrNeither"));
        RuleFor(r => r.DiastolicBp)
            .NotNull().When(r => r.SystolicBp is not null)
            .WithMessage(_ => Message("Validation.DiastolicBp.BothOrNeither"));
        RuleFor(r => r.SystolicBp)
            .Must((r, systolic) => systolic > r.DiastolicBp)
            .When(r => InRange(Fields.SystolicBp, r.SystolicBp) && InRange(Fields.DiastolicBp, r.DiastolicBp))
            .WithMessage(_ => Message("Validation.SystolicBp.AboveDiastolic"));
        RuleFor(r => r.Phq9Item9)
            .Must((r, item9) => item9 <= r.Phq9Total)
            .When(r => InRange(Fields.Phq9Item9, r.Phq9Item9) && InRange(Fields.Phq9Total, r.Phq9Total))
            .WithMessage(_ => Message("Validation.Phq9Item9.NotAboveTotal"));
    }

    /// <summary>The rules one catalogue entry implies, reported under the request's property name.</summary>
    private void Describe(FieldDefinition field)
    {
        var rule = RuleFor(r => r[field]).Configure(r => r.PropertyName = field.Property);
        if (field.Required || field.RequiredWhen is not null)
        {
            rule.Must(IsRecorded)
                .When(r => field.Required || field.RequiredWhen!.Applies(r.ContractValueOf))
                .WithMessage(_ => Message($"Validation.{field.Property}.Required"));
        }

        if (field == PatientReferenceField)
        {
            rule.Must(value => value is not string text || PatientReferencePattern.IsMatch(text))
                .WithMessage(_ => Message("Validation.PatientReference.Pattern"));
        }
        else if (field.MaxLength is { } maxLength)
        {
            rule.Must(value => value is not string text || text.Length <= maxLength)
                .WithMessage(_ => Message("Validation.MaxLength", Label(field), maxLength.ToString("N0", CultureInfo.InvariantCulture)));
        }

        if (field.Min is not null || field.Max is not null)
        {
            rule.Must(value => value is null || InRange(field, value))
                .WithMessage(_ => Message("Validation.Range", Label(field), Number(field.Min), Number(field.Max), UnitAfter(field)));
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
        }
    }

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

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>" mmHg" after a range, unless the label already says the unit ("Age in years").</summary>
    private static string UnitAfter(FieldDefinition field) =>
        field.Unit is { } unit && !field.Label.Contains(unit, StringComparison.OrdinalIgnoreCase)
            ? " " + (ClinicalText.Shared.Unit(field) ?? unit)
            : "";

    /// <summary>The message for an unusable patient reference (a search, for example), or null when it is fine.</summary>
    public string? CheckPatientReference(string? patientReference)
    {
        var result = this.Validate(new ScreeningRequest { PatientReference = patientReference },
            options => options.IncludeProperties(nameof(ScreeningRequest.PatientReference)));
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }

    /// <summary>A message in the request's language, read when the validator runs (it is a singleton).</summary>
    private static string Message(string key, params object?[] arguments) => ClinicalText.Shared.Message(key, arguments);
}
