using System.Globalization;
using FluentValidation;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The shape of a screening request (shared/api/screening-v1.md): required fields, ranges, allowed values and the
/// contract's conditional requirements. One validator serves the form and the API. It checks shape only; the rules
/// decide eligibility (STYLE.md 7). Property names are the request's; callers map them to the contract's
/// camelCase (API) or to the form's <c>Input.</c> prefix.
/// </summary>
public sealed partial class ScreeningRequestValidator : AbstractValidator<ScreeningRequest>
{
    public const int ClinicianNoteMaxLength = 2000;

    public ScreeningRequestValidator()
    {
        // One message per rule: "enter the age" is enough, without "age must be between 0 and 120" as well.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(r => r.PatientReference)
            .NotEmpty().WithMessage(_ => Message("Validation.PatientReference.Required"))
            .Matches(PatientReferencePattern()).WithMessage(_ => Message("Validation.PatientReference.Pattern"));

        RuleFor(r => r.AgeYears)
            .NotNull().WithMessage(_ => Message("Validation.AgeYears.Required"))
            .InclusiveBetween(0, 120).WithMessage(_ => Message("Validation.AgeYears.Range"));

        Choice(r => r.SexAtBirth, "sexAtBirth");
        RuleFor(r => r.Pregnant)
            .NotNull().When(r => r.PregnancyRelevant)
            .WithMessage(_ => Message("Validation.Pregnant.Required"));
        Choice(r => r.Jurisdiction, "jurisdiction");

        RuleFor(r => r.PrimaryDiagnosis).NotEmpty().WithMessage(_ => Message("Validation.PrimaryDiagnosis.Required"));
        Choice(r => r.PrimaryDiagnosis, "primaryDiagnosis");
        RuleFor(r => r.CurrentDepressiveEpisode).NotNull().WithMessage(_ => Message("Validation.CurrentDepressiveEpisode.Required"));
        RuleFor(r => r.FailedAdequateTrials)
            .NotNull().WithMessage(_ => Message("Validation.FailedAdequateTrials.Required"))
            .InclusiveBetween(0, 30).WithMessage(_ => Message("Validation.FailedAdequateTrials.Range"));
        RuleFor(r => r.DistinctMechanisms)
            .InclusiveBetween(0, 30).WithMessage(_ => Message("Validation.DistinctMechanisms.Range"));
        RuleFor(r => r.DistinctMechanisms)
            .Must((r, mechanisms) => mechanisms <= r.FailedAdequateTrials)
            .When(r => r.DistinctMechanisms is >= 0 and <= 30 && r.FailedAdequateTrials is >= 0 and <= 30)
            .WithMessage(_ => Message("Validation.DistinctMechanisms.NotAboveTrials"));
        RuleFor(r => r.OnOralAntidepressant).NotNull().WithMessage(_ => Message("Validation.OnOralAntidepressant.Required"));
        Choice(r => r.OralAntidepressantClass, "oralAntidepressantClass");
        RuleFor(r => r.OralAntidepressantClass)
            .Empty().When(r => r.OnOralAntidepressant == false)
            .WithMessage(_ => Message("Validation.OralAntidepressantClass.EmptyWhenNotOn"));

        Choice(r => r.MoodStabilizer, "moodStabilizer");
        RuleFor(r => r.MoodStabilizer)
            .NotEmpty().When(r => r.IsBipolar)
            .WithMessage(_ => Message("Validation.MoodStabilizer.RequiredForBipolar"));
        RuleFor(r => r.MoodStabilizerOptimized)
            .NotNull().When(r => !string.IsNullOrEmpty(r.MoodStabilizer) && r.MoodStabilizer != "none")
            .WithMessage(_ => Message("Validation.MoodStabilizerOptimized.Required"));

        RuleFor(r => r.Psychosis).NotEmpty().WithMessage(_ => Message("Validation.Psychosis.Required"));
        Choice(r => r.Psychosis, "psychosis");
        RuleFor(r => r.Suicidality).NotEmpty().WithMessage(_ => Message("Validation.Suicidality.Required"));
        Choice(r => r.Suicidality, "suicidality");
        RuleFor(r => r.SafetyPlanInPlace).NotNull().When(r => r.SuicidalityPresent)
            .WithMessage(_ => Message("Validation.SafetyPlanInPlace.Required"));
        RuleFor(r => r.LethalMeansCounselled).NotNull().When(r => r.SuicidalityPresent)
            .WithMessage(_ => Message("Validation.LethalMeansCounselled.Required"));
        RuleFor(r => r.FollowUpArranged).NotNull().When(r => r.SuicidalityPresent)
            .WithMessage(_ => Message("Validation.FollowUpArranged.Required"));

        RuleFor(r => r.PrognosisWeeks)
            .NotNull().When(r => r.LifeLimitingIllness == true)
            .WithMessage(_ => Message("Validation.PrognosisWeeks.Required"));
        RuleFor(r => r.PrognosisWeeks)
            .InclusiveBetween(0, 520).WithMessage(_ => Message("Validation.PrognosisWeeks.Range"));

        RuleFor(r => r.BenzodiazepineDiazepamEquivalentMg)
            .InclusiveBetween(0m, 200m).WithMessage(_ => Message("Validation.BenzodiazepineDiazepamEquivalentMg.Range"));
        Choice(r => r.SubstanceUse, "substanceUse");
        ChoiceList(r => r.SubstancesUsed, "substancesUsed");
        RuleFor(r => r.SubstancesUsed)
            .Must(list => list is null || list.Count == 0).When(r => r.SubstanceUse == "none")
            .WithMessage(_ => Message("Validation.SubstancesUsed.EmptyWhenNone"));

        RuleFor(r => r.SystolicBp)
            .InclusiveBetween(50, 300).WithMessage(_ => Message("Validation.SystolicBp.Range"));
        RuleFor(r => r.DiastolicBp)
            .InclusiveBetween(20, 200).WithMessage(_ => Message("Validation.DiastolicBp.Range"));
        RuleFor(r => r.SystolicBp)
            .NotNull().When(r => r.DiastolicBp is not null)
            .WithMessage(_ => Message("Validation.SystolicBp.BothOrNeither"));
        RuleFor(r => r.DiastolicBp)
            .NotNull().When(r => r.SystolicBp is not null)
            .WithMessage(_ => Message("Validation.DiastolicBp.BothOrNeither"));
        RuleFor(r => r.SystolicBp)
            .Must((r, systolic) => systolic > r.DiastolicBp)
            .When(r => r.SystolicBp is not null && r.DiastolicBp is not null)
            .WithMessage(_ => Message("Validation.SystolicBp.AboveDiastolic"));

        Choice(r => r.HepaticImpairment, "hepaticImpairment");
        RuleFor(r => r.Phq9Total).InclusiveBetween(0, 27).WithMessage(_ => Message("Validation.Phq9Total.Range"));
        RuleFor(r => r.Phq9Item9).InclusiveBetween(0, 3).WithMessage(_ => Message("Validation.Phq9Item9.Range"));
        RuleFor(r => r.Phq9Item9)
            .Must((r, item9) => item9 <= r.Phq9Total)
            .When(r => r.Phq9Item9 is >= 0 and <= 3 && r.Phq9Total is >= 0 and <= 27)
            .WithMessage(_ => Message("Validation.Phq9Item9.NotAboveTotal"));

        RuleFor(r => r.ClinicianNote)
            .MaximumLength(ClinicianNoteMaxLength)
            .WithMessage(_ => Message("Validation.ClinicianNote.MaxLength", ClinicianNoteMaxLength.ToString("N0", CultureInfo.InvariantCulture)));
    }

    /// <summary>The message for an unusable patient reference (a search, for example), or null when it is fine.</summary>
    public string? CheckPatientReference(string? patientReference)
    {
        var result = this.Validate(new ScreeningRequest { PatientReference = patientReference },
            options => options.IncludeProperties(nameof(ScreeningRequest.PatientReference)));
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }

    /// <summary>A message in the request's language, read when the validator runs (it is a singleton).</summary>
    private static string Message(string key, params object?[] arguments) => ClinicalText.Shared.Message(key, arguments);

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z")]
    private static partial System.Text.RegularExpressions.Regex PatientReferencePattern();

    private void ChoiceList(System.Linq.Expressions.Expression<Func<ScreeningRequest, List<string>?>> property, string name)
    {
        var field = Fields.Find(name)!;
        var get = property.Compile();
        RuleFor(property)
            .Must(values => values!.TrueForAll(v => field.Choices.Contains(v, StringComparer.Ordinal)))
            .When(r => get(r) is { Count: > 0 })
            .WithMessage(_ => Message("Validation.ChoiceList", ClinicalText.Shared.FieldLabel(field), string.Join(", ", field.Choices)));
    }

    private void Choice(System.Linq.Expressions.Expression<Func<ScreeningRequest, string?>> property, string name)
    {
        var field = Fields.Find(name)!;
        var get = property.Compile();
        RuleFor(property)
            .Must(value => field.Choices.Contains(value!, StringComparer.Ordinal))
            .When(r => !string.IsNullOrEmpty(get(r)))
            .WithMessage(_ => Message("Validation.Choice", ClinicalText.Shared.FieldLabel(field), string.Join(", ", field.Choices)));
    }
}
