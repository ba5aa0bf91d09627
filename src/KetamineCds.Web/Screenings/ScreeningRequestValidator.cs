using System.Globalization;
using FluentValidation;
using KetamineCds.Domain.Screening;

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
            .NotEmpty().WithMessage("Enter the patient reference (the clinic's MRN, never a name).")
            .Matches(PatientReferencePattern()).WithMessage("The patient reference may have 1 to 64 letters, digits, dots, hyphens or underscores; never a name.");

        RuleFor(r => r.AgeYears)
            .NotNull().WithMessage("Enter the patient's age in years.")
            .InclusiveBetween(0, 120).WithMessage("Age in years must be between 0 and 120.");

        Choice(r => r.SexAtBirth, "sexAtBirth");
        RuleFor(r => r.Pregnant)
            .NotNull().When(r => r.PregnancyRelevant)
            .WithMessage("Record whether the patient is pregnant (required for a female patient aged 12 to 55).");
        Choice(r => r.Jurisdiction, "jurisdiction");

        RuleFor(r => r.PrimaryDiagnosis).NotEmpty().WithMessage("Choose the primary diagnosis.");
        Choice(r => r.PrimaryDiagnosis, "primaryDiagnosis");
        RuleFor(r => r.CurrentDepressiveEpisode).NotNull().WithMessage("Record whether there is a major depressive episode now.");
        RuleFor(r => r.FailedAdequateTrials)
            .NotNull().WithMessage("Enter the number of failed adequate antidepressant trials (0 if none).")
            .InclusiveBetween(0, 30).WithMessage("Failed adequate antidepressant trials must be between 0 and 30.");
        RuleFor(r => r.DistinctMechanisms)
            .InclusiveBetween(0, 30).WithMessage("Distinct mechanisms tried must be between 0 and 30.");
        RuleFor(r => r.DistinctMechanisms)
            .Must((r, mechanisms) => mechanisms <= r.FailedAdequateTrials)
            .When(r => r.DistinctMechanisms is >= 0 and <= 30 && r.FailedAdequateTrials is >= 0 and <= 30)
            .WithMessage("Distinct mechanisms tried cannot be more than the number of failed adequate trials.");
        RuleFor(r => r.OnOralAntidepressant).NotNull().WithMessage("Record whether the patient is on an oral antidepressant.");
        Choice(r => r.OralAntidepressantClass, "oralAntidepressantClass");
        RuleFor(r => r.OralAntidepressantClass)
            .Empty().When(r => r.OnOralAntidepressant == false)
            .WithMessage("Leave the class of the oral antidepressant empty when the patient is not on one.");

        Choice(r => r.MoodStabilizer, "moodStabilizer");
        RuleFor(r => r.MoodStabilizer)
            .NotEmpty().When(r => r.IsBipolar)
            .WithMessage("Choose the mood stabilizer (\"none\" if there is none): required for bipolar disorder.");
        RuleFor(r => r.MoodStabilizerOptimized)
            .NotNull().When(r => !string.IsNullOrEmpty(r.MoodStabilizer) && r.MoodStabilizer != "none")
            .WithMessage("Record whether the mood stabilizer is at a therapeutic level.");

        RuleFor(r => r.Psychosis).NotEmpty().WithMessage("Choose the psychosis status.");
        Choice(r => r.Psychosis, "psychosis");
        RuleFor(r => r.Suicidality).NotEmpty().WithMessage("Choose the current suicidality.");
        Choice(r => r.Suicidality, "suicidality");
        RuleFor(r => r.SafetyPlanInPlace).NotNull().When(r => r.SuicidalityPresent)
            .WithMessage("Record whether a safety plan is in place (required when there is suicidality).");
        RuleFor(r => r.LethalMeansCounselled).NotNull().When(r => r.SuicidalityPresent)
            .WithMessage("Record whether lethal-means counselling was given (required when there is suicidality).");
        RuleFor(r => r.FollowUpArranged).NotNull().When(r => r.SuicidalityPresent)
            .WithMessage("Record whether immediate follow-up is arranged (required when there is suicidality).");

        RuleFor(r => r.PrognosisWeeks)
            .NotNull().When(r => r.LifeLimitingIllness == true)
            .WithMessage("Enter the prognosis in weeks (required for a life-limiting illness).");
        RuleFor(r => r.PrognosisWeeks)
            .InclusiveBetween(0, 520).WithMessage("Prognosis in weeks must be between 0 and 520.");

        RuleFor(r => r.BenzodiazepineDiazepamEquivalentMg)
            .InclusiveBetween(0m, 200m).WithMessage("Benzodiazepine dose must be between 0 and 200 mg diazepam equivalent per day.");
        Choice(r => r.SubstanceUse, "substanceUse");
        ChoiceList(r => r.SubstancesUsed, "substancesUsed");
        RuleFor(r => r.SubstancesUsed)
            .Must(list => list is null || list.Count == 0).When(r => r.SubstanceUse == "none")
            .WithMessage("Leave the substances involved empty when there is no substance use disorder.");

        RuleFor(r => r.SystolicBp)
            .InclusiveBetween(50, 300).WithMessage("Systolic blood pressure must be between 50 and 300 mmHg.");
        RuleFor(r => r.DiastolicBp)
            .InclusiveBetween(20, 200).WithMessage("Diastolic blood pressure must be between 20 and 200 mmHg.");
        RuleFor(r => r.SystolicBp)
            .NotNull().When(r => r.DiastolicBp is not null)
            .WithMessage("Enter the systolic blood pressure too: record both values or neither.");
        RuleFor(r => r.DiastolicBp)
            .NotNull().When(r => r.SystolicBp is not null)
            .WithMessage("Enter the diastolic blood pressure too: record both values or neither.");
        RuleFor(r => r.SystolicBp)
            .Must((r, systolic) => systolic > r.DiastolicBp)
            .When(r => r.SystolicBp is not null && r.DiastolicBp is not null)
            .WithMessage("Systolic blood pressure must be higher than diastolic blood pressure.");

        Choice(r => r.HepaticImpairment, "hepaticImpairment");
        RuleFor(r => r.Phq9Total).InclusiveBetween(0, 27).WithMessage("PHQ-9 total score must be between 0 and 27.");
        RuleFor(r => r.Phq9Item9).InclusiveBetween(0, 3).WithMessage("PHQ-9 item 9 must be between 0 and 3.");
        RuleFor(r => r.Phq9Item9)
            .Must((r, item9) => item9 <= r.Phq9Total)
            .When(r => r.Phq9Item9 is >= 0 and <= 3 && r.Phq9Total is >= 0 and <= 27)
            .WithMessage("PHQ-9 item 9 cannot be higher than the PHQ-9 total score.");

        RuleFor(r => r.ClinicianNote)
            .MaximumLength(ClinicianNoteMaxLength)
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"The clinician's note may have at most {ClinicianNoteMaxLength:N0} characters."));
    }

    /// <summary>The message for an unusable patient reference (a search, for example), or null when it is fine.</summary>
    public string? CheckPatientReference(string? patientReference)
    {
        var result = this.Validate(new ScreeningRequest { PatientReference = patientReference },
            options => options.IncludeProperties(nameof(ScreeningRequest.PatientReference)));
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z")]
    private static partial System.Text.RegularExpressions.Regex PatientReferencePattern();

    private void ChoiceList(System.Linq.Expressions.Expression<Func<ScreeningRequest, List<string>?>> property, string name)
    {
        var field = Fields.Find(name)!;
        var get = property.Compile();
        RuleFor(property)
            .Must(values => values!.TrueForAll(v => field.Choices.Contains(v, StringComparer.Ordinal)))
            .When(r => get(r) is { Count: > 0 })
            .WithMessage($"{field.Label} may hold only: {string.Join(", ", field.Choices)}.");
    }

    private void Choice(System.Linq.Expressions.Expression<Func<ScreeningRequest, string?>> property, string name)
    {
        var field = Fields.Find(name)!;
        var get = property.Compile();
        RuleFor(property)
            .Must(value => field.Choices.Contains(value!, StringComparer.Ordinal))
            .When(r => !string.IsNullOrEmpty(get(r)))
            .WithMessage($"{field.Label} must be one of: {string.Join(", ", field.Choices)}.");
    }
}
