using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Validation;

public sealed class OverrideInputValidatorTests
{
    private readonly OverrideInputValidator _validator = new();

    private static OverrideInput Complete() => new()
    {
        Decision = OverrideDecision.Proceed,
        Reason = OverrideReason.SpecialistAdviceObtained,
        Explanation = "Cardiology reviewed the blood pressure.",
    };

    [Fact]
    public void Validate_CompleteOverride_IsValid() => Assert.True(_validator.Validate(Complete()).IsValid);

    [Fact]
    public void Validate_NothingChosen_NamesDecisionReasonAndExplanation()
    {
        var errors = _validator.Validate(new OverrideInput()).Errors;

        Assert.Equal(["Decision", "Explanation", "Reason"], errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
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
}
