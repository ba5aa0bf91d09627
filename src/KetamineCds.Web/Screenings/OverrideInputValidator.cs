using System.Globalization;
using FluentValidation;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// An override needs a decision, a coded reason and the clinician's own explanation (at most
/// <see cref="ExplanationMaxLength"/> characters), as the decision log records it.
/// </summary>
public sealed class OverrideInputValidator : AbstractValidator<OverrideInput>
{
    public const int ExplanationMaxLength = 2000;

    public OverrideInputValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(o => o.Decision).NotNull().WithMessage("Choose whether you proceed or do not proceed.");
        RuleFor(o => o.Reason).NotNull().WithMessage("Choose the reason for the override.");
        RuleFor(o => o.Explanation)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Explain the override in your own words.")
            .MaximumLength(ExplanationMaxLength)
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"The explanation may have at most {ExplanationMaxLength:N0} characters."));
    }
}
