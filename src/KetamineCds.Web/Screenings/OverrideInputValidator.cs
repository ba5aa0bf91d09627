using System.Globalization;
using FluentValidation;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// An override needs a decision, a coded reason and the clinician's own explanation (at most
/// <see cref="ExplanationMaxLength"/> characters), as the decision log records it. The messages are the result page's
/// words, in the request's language (read when the form is validated: the validator is a singleton).
/// </summary>
public sealed class OverrideInputValidator : AbstractValidator<OverrideInput>
{
    public const int ExplanationMaxLength = 2000;

    /// <summary>Reasons that only explain proceeding: the benefit outweighs the risk; the contraindication is resolved or inaccurate.</summary>
    public static bool OnlyToProceed(OverrideReason? reason) =>
        reason is OverrideReason.BenefitOutweighsRiskAfterReview or OverrideReason.ContraindicationResolvedOrInaccurate;

    public OverrideInputValidator(IStringLocalizer<PageText> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(o => o.Decision).NotNull().WithMessage(_ => localizer["Choose whether you proceed or do not proceed."]);
        RuleFor(o => o.Reason).NotNull().WithMessage(_ => localizer["Choose the reason for the override."])
            // QA137 F3: "Do not proceed" because the benefit outweighs the risk, or because a contraindication is resolved,
            // reads as its own contradiction in the log, on the list and on the print.
            .Must((o, reason) => o.Decision != OverrideDecision.DoNotProceed || !OnlyToProceed(reason))
            .WithMessage(_ => localizer["That reason is a reason to proceed. Choose the reason you do not proceed, or choose Proceed."]);
        RuleFor(o => o.Explanation)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage(_ => localizer["Explain the override in your own words."])
            .Must(text => FreeText.Length(text!) <= ExplanationMaxLength)
            .WithMessage(_ => localizer["The explanation may have at most {0} characters.", ExplanationMaxLength.ToString("N0", CultureInfo.InvariantCulture)])
            // Shown to auditors and in print: it must read as written (QA8 F6), as the note and a correction's reason.
            .Must(text => !FreeText.HasHiddenCharacters(text, multiLine: true))
            .WithMessage(_ => localizer["The explanation holds a control character or an invisible mark that changes the direction of the text (often pasted with it). Remove it, or type that part again."]);
    }
}
