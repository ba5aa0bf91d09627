using System.Globalization;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Tests.Validation;

public sealed class OverrideInputValidatorTests
{
    private static readonly StringLocalizer<PageText> Localizer = new(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = LocalizationSetup.ResourcesPath }), NullLoggerFactory.Instance));

    private readonly OverrideInputValidator _validator = new(Localizer);

    private static OverrideInput Complete() => new()
    {
        Decision = OverrideDecision.Proceed,
        Reason = OverrideReason.SpecialistAdviceObtained,
        Explanation = "Cardiology reviewed the blood pressure.",
    };

    [Fact]
    public void Validate_CompleteOverride_IsValid() => Assert.True(_validator.Validate(Complete()).IsValid);

    [Theory]
    [InlineData(OverrideReason.BenefitOutweighsRiskAfterReview)]
    [InlineData(OverrideReason.ContraindicationResolvedOrInaccurate)]
    public void Validate_DoNotProceedWithAReasonToProceed_RefusedUnderReason_ProceedAccepted(OverrideReason reason)
    {
        // QA137 F3: "Do not proceed (Benefit outweighs risk after review)" was recorded and listed as the decision in force.
        var input = Complete();
        input.Reason = reason;
        input.Decision = OverrideDecision.DoNotProceed;
        var error = Assert.Single(_validator.Validate(input).Errors);
        Assert.Equal(nameof(OverrideInput.Reason), error.PropertyName);
        Assert.StartsWith("That reason is a reason to proceed.", error.ErrorMessage, StringComparison.Ordinal);
        input.Decision = OverrideDecision.Proceed;
        Assert.True(_validator.Validate(input).IsValid);
    }

    [Theory]
    [InlineData(OverrideReason.PatientPreference)]
    [InlineData(OverrideReason.SpecialistAdviceObtained)]
    [InlineData(OverrideReason.ClinicalConcernNotCapturedByRules)]
    [InlineData(OverrideReason.RecordedDataIncorrect)]
    [InlineData(OverrideReason.Other)]
    public void Validate_DoNotProceedWithAReasonThatFitsEither_IsValid(OverrideReason reason)
    {
        var input = Complete();
        input.Reason = reason;
        input.Decision = OverrideDecision.DoNotProceed;
        Assert.True(_validator.Validate(input).IsValid);
    }

    [Fact]
    public void Validate_ExplanationOf2000Emoji_IsValid_2001Refused()
    {
        // QA132 F9: 2,000 characters as a reader counts them (code points), not 2,000 UTF-16 units.
        var input = Complete();
        input.Explanation = string.Concat(Enumerable.Repeat("\U0001F600", 2000));
        Assert.True(_validator.Validate(input).IsValid);
        input.Explanation += "\U0001F600";
        Assert.False(_validator.Validate(input).IsValid);
    }

    [Fact]
    public void Validate_NothingChosen_NamesDecisionReasonAndExplanation()
    {
        var errors = _validator.Validate(new OverrideInput()).Errors;

        Assert.Equal(["Decision", "Explanation", "Reason"], errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("zh-Hans", "请选择继续治疗或不继续治疗。", "请选择偏离建议的理由。", "请用您自己的话说明此决定。", "说明最多 2,000 个字符。")]
    [InlineData("en", "Choose whether you proceed or do not proceed.", "Choose the reason for the override.", "Explain the override in your own words.", "The explanation may have at most 2,000 characters.")]
    public void Validate_InEachLanguage_SaysWhatIsMissingInThatLanguage(string culture, string decision, string reason, string explanation, string tooLong)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var errors = _validator.Validate(new OverrideInput()).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
            var input = Complete();
            input.Explanation = new string('x', OverrideInputValidator.ExplanationMaxLength + 1);

            Assert.Equal(decision, errors["Decision"]);
            Assert.Equal(reason, errors["Reason"]);
            Assert.Equal(explanation, errors["Explanation"]);
            Assert.Equal(tooLong, Assert.Single(_validator.Validate(input).Errors).ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void Validate_BlankExplanation_AsksForTheClinicianOwnWords(string explanation)
    {
        var input = Complete();
        input.Explanation = explanation;

        var error = Assert.Single(_validator.Validate(input).Errors);

        Assert.Equal("Explain the override in your own words.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_ExplanationOneCharacterTooLong_IsRefusedWithTheLimit()
    {
        var input = Complete();
        input.Explanation = new string('x', OverrideInputValidator.ExplanationMaxLength + 1);

        var error = Assert.Single(_validator.Validate(input).Errors);

        Assert.Contains("2,000", error.ErrorMessage, StringComparison.Ordinal);
        input.Explanation = new string('x', OverrideInputValidator.ExplanationMaxLength);
        Assert.True(_validator.Validate(input).IsValid);
    }

    [Theory]
    [InlineData("Seen by cardiology\u0000 today")]
    [InlineData("Seen by \u202Eygoloidrac today")]
    [InlineData("Seen by \u2066cardiology\u2069 today")]
    [InlineData("Seen by cardiology\u001B[2J today")]
    public void Validate_ExplanationWithHiddenCharacters_IsRefusedOnItsField(string explanation)
    {
        // QA8 F6: an override's explanation is read by auditors and printed; it must read as it was written.
        var input = Complete();
        input.Explanation = explanation;

        var error = Assert.Single(_validator.Validate(input).Errors);

        Assert.Equal("Explanation", error.PropertyName);
        Assert.StartsWith("The explanation holds a control character", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExplanationOfSeveralLinesWithTabs_IsValid()
    {
        var input = Complete();
        input.Explanation = "Cardiology reviewed the blood pressure.\r\n\tRepeat reading 128/80.";

        Assert.True(_validator.Validate(input).IsValid);
    }
}
